"""Whether appeals were answered on time, from their dates alone (the certificate and dashboard reuse it)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

# The general term for answering an appeal of an individual or legal entity.
ANSWER_WORKING_DAYS = 15


class Timeliness(NamedTuple):
    received: int
    on_time: int
    overdue: int
    unanswered: int


def answer_deadline(received_on: date, working_days: int = ANSWER_WORKING_DAYS) -> date:
    """The last day to answer: `working_days` Mondays–Fridays after the day of receipt.

    Public holidays are not subtracted: they move yearly and the half-year report does not need that
    precision; a school answering on a holiday-shifted last day can explain the warning.
    """
    day, counted = received_on, 0
    while counted < working_days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return day


def timeliness(rows: Iterable) -> Timeliness:
    """(received, on time, overdue, unanswered) for rows with `received_on` and an optional `answered_on`."""
    received = on_time = overdue = unanswered = 0
    for row in rows:
        received += 1
        if row.answered_on is None:
            unanswered += 1
        elif row.answered_on <= answer_deadline(row.received_on):
            on_time += 1
        else:
            overdue += 1
    return Timeliness(received, on_time, overdue, unanswered)
