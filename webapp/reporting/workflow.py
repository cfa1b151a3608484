"""Status changes of a submission: start (with carry-over), submit, return, accept, reopen.

Each function changes the models and records the audit trail (through the session hook); the view owns
the commit, so a refused step leaves nothing half-done.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from ..blueprints.units.queries import deadlines_for, today
from ..extensions import db
from ..models import OrgUnit, Period, utcnow
from ..notifications import MessageKind, notify_school
from .fields import TRANSLATION_SUFFIX
from .models import Review, SectionEntry, Status, Submission
from .plan import plan_problems
from .queries import section_data
from .sections import SECTIONS


class WorkflowError(Exception):
    """A step that is not allowed now; the message says why, in the user's language."""


def previous_submission(school: OrgUnit, period: Period) -> Submission | None:
    """The school's submission for the half-year just before `period`."""
    year, half = (period.year, 1) if period.half == 2 else (period.year - 1, 2)
    return db.session.execute(
        select(Submission).join(Submission.period)
        .where(Submission.school_id == school.id, Period.year == year, Period.half == half)
    ).scalar_one_or_none()


def start(school: OrgUnit, period: Period, carry_over: bool) -> Submission:
    """Open the school's analysis for a half-year, optionally copying what usually persists."""
    if not period.is_open:
        raise WorkflowError(_("This half-year is closed for submissions."))
    last = previous_submission(school, period)
    # The school goes on typing in the language it used last (and copied texts are in it).
    submission = Submission(school=school, period=period, status=Status.DRAFT,
                            text_lang=last.text_lang if last is not None else "kk")
    db.session.add(submission)
    db.session.flush()
    previous = last if carry_over else None
    if previous is not None:
        _copy_persisting(previous, submission)
    return submission


def _copy_persisting(previous: Submission, submission: Submission) -> None:
    """Copy the figures and rows marked to carry over, flagged until the school confirms or edits them."""
    old = section_data(previous)
    for section in SECTIONS:
        data = old[section.code]
        facts = {key: data.facts[key] for name in section.carry_over_facts  # a text with its other-language version
                 for key in (name, name + TRANSLATION_SUFFIX) if data.facts.get(key) is not None}
        copied_rows = False
        for row_list in section.row_lists:
            if not row_list.carry_over:
                continue
            for row in data.rows[row_list.name]:
                db.session.add(clone_row(row, submission))
                copied_rows = True
        if section.on_start:
            copied_rows = section.on_start(data, submission) or copied_rows
        if facts or copied_rows:
            db.session.add(SectionEntry(submission=submission, section=section.code, facts=facts,
                                        carried_over=True))


def clone_row(row, submission: Submission):
    """A copy of a row for another submission, marked as carried over."""
    model = type(row)
    values = {c.key: getattr(row, c.key) for c in model.__mapper__.column_attrs
              if c.key not in ("id", "submission_id", "carried_over", "version", "request_key")}
    return model(**values, submission_id=submission.id, carried_over=True)


@dataclass
class Blocker:
    section_code: str
    message: str
    missing: tuple = ()  # (label, id of the field) of what is still needed, linked from the message


def blockers(submission: Submission) -> list[Blocker]:
    """What keeps a submission from being sent: sections not filled in, warnings neither fixed nor explained,
    an action plan that leaves a violation unanswered or a measure without its risk or responsible person."""
    problems = []
    all_data = section_data(submission)
    for code, data in all_data.items():
        state = data.section.state(data)
        if state == "missing":
            may_be_empty = data.section.may_be_empty
            problems.append(Blocker(code, _("still needed (or mark it as nothing to report):") if may_be_empty
                                    else _("still needed:"), tuple(data.section.missing(data))))
        elif state == "errors":
            problems.append(Blocker(code, _("has warnings to fix or explain")))
        if data.entry is not None and data.entry.carried_over:
            problems.append(Blocker(code, _("copied from the last half-year: confirm or edit it")))
    problems += [Blocker(code, message, missing) for code, message, missing in plan_problems(all_data)]
    return problems


def submit(submission: Submission) -> None:
    if submission.status not in (Status.DRAFT, Status.RETURNED):
        raise WorkflowError(_("The analysis has already been submitted."))
    if submission.status is Status.DRAFT and not (submission.period.is_open or submission.reopen_reason):
        raise WorkflowError(_("This half-year is closed for submissions."))
    if blockers(submission):
        raise WorkflowError(_("Some sections are not ready; see the list below."))
    deadline = deadlines_for(submission.school, [submission.period])[0].deadline
    submission.status = Status.SUBMITTED
    submission.submitted_at = utcnow()
    if submission.on_time is None:  # the first submission decides whether the school was on time
        submission.on_time = today() <= deadline
    for entry in submission.entries:
        if entry.review is Review.RETURNED:
            entry.review = None  # back with the reviewer; the reason stays visible until accepted


def return_sections(submission: Submission, reasons: dict[str, str]) -> None:
    """Send sections back with a reason each; the others count as accepted."""
    if submission.status is not Status.SUBMITTED:
        raise WorkflowError(_("Only a submitted analysis can be returned."))
    reasons = {code: text.strip() for code, text in reasons.items() if text and text.strip()}
    if not reasons:
        raise WorkflowError(_("Give a reason for at least one section to return."))
    entries = {e.section: e for e in submission.entries}
    for section in SECTIONS:
        entry = entries.get(section.code)
        if entry is None:
            entry = SectionEntry(submission=submission, section=section.code, facts={})
            db.session.add(entry)
        if section.code in reasons:
            entry.review, entry.return_reason = Review.RETURNED, reasons[section.code]
        else:
            entry.review = Review.ACCEPTED
    submission.status = Status.RETURNED
    submission.returned_at = utcnow()
    _tell_school(submission, MessageKind.RETURNED, reasons=reasons)


def accept(submission: Submission) -> None:
    if submission.status is not Status.SUBMITTED:
        raise WorkflowError(_("Only a submitted analysis can be accepted."))
    submission.status = Status.ACCEPTED
    submission.accepted_at = utcnow()
    for entry in submission.entries:
        entry.review, entry.return_reason = Review.ACCEPTED, None
    _tell_school(submission, MessageKind.ACCEPTED)


def _tell_school(submission: Submission, kind: MessageKind, **details) -> None:
    """E-mail the school the review's outcome, in each account's language; recorded with the change."""
    notify_school(submission.school, submission.period, kind, **details)


def reopen(submission: Submission, reason: str) -> None:
    """The department opens a submitted or accepted analysis for changes again."""
    if submission.status not in (Status.SUBMITTED, Status.ACCEPTED):
        raise WorkflowError(_("Only a submitted or accepted analysis can be reopened."))
    if not (reason or "").strip():
        raise WorkflowError(_("Give the reason for reopening."))
    submission.status = Status.DRAFT
    submission.reopen_reason = reason.strip()
    submission.accepted_at = None
    for entry in submission.entries:
        entry.review = None
