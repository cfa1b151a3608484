"""Dates a table cell of the certificate or the action plan writes in words, in the nominative as a cell stands
alone: «2024 жылғы 23 ақпан» / «23 февраля 2024 года», a month as «2024 жылғы ақпан» / «февраль 2024 года»
(issue 11 review: «12.2025» and «23.02.2024» printed as figures where the rest of the document writes words)."""

from __future__ import annotations

import calendar
from datetime import date

from ..reporting.fields import month_or_date
from .wording import KK_MONTHS, RU_MONTHS_OF

# The month standing alone, as a plan's deadline («декабрь 2025 года»): the nominative, lowercase.
RU_MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
             "декабрь"]


def in_words(year: int, month: int, day: int | None, lang: str) -> str:
    """«2024 жылғы 23 ақпан», «2024 жылғы ақпан» / «23 февраля 2024 года», «февраль 2024 года»."""
    if lang == "kk":
        return f"{year} жылғы {day} {KK_MONTHS[month - 1]}" if day else f"{year} жылғы {KK_MONTHS[month - 1]}"
    return f"{day} {RU_MONTHS_OF[month - 1]} {year} года" if day else f"{RU_MONTHS[month - 1]} {year} года"


def month_or_date_words(value, lang: str) -> str:
    """A month-or-date field's value (reporting.fields.MonthOrDateField: "2024-02" or "2024-02-23") in words;
    "" when not given."""
    parts = month_or_date(value)
    return in_words(*parts, lang) if parts else ""


def deadline_words(value: date | None, lang: str) -> str:
    """A plan's deadline in words: a month's last day is the month itself («2025 жылғы желтоқсан» / «декабрь
    2025 года»), any other day the date («2025 жылғы 26 маусым» / «26 июня 2025 года»); "" without a date."""
    if value is None:
        return ""
    last = calendar.monthrange(value.year, value.month)[1]
    return in_words(value.year, value.month, None if value.day == last else value.day, lang)
