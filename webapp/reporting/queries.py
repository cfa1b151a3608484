"""Reads of submissions: where a request stands (school, half-year, submission) and each section's data."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, g
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import aliased, contains_eager

from ..access import visible_unit_or_404
from ..extensions import db
from ..models import OrgKind, OrgUnit, Period, Role
from .models import SectionEntry, Status, Submission
from .sections import SECTIONS, Section, SectionData


@dataclass
class Place:
    """A school's half-year as the current user reaches it."""

    school: OrgUnit
    period: Period
    submission: Submission | None

    @property
    def is_school_user(self) -> bool:
        return current_user.role is Role.SCHOOL

    @property
    def can_review(self) -> bool:
        """Departments above the school (and admins) review; schools never review themselves."""
        return current_user.role in (Role.DEPARTMENT, Role.ADMIN)

    def can_edit(self, section_code: str | None = None) -> bool:
        """The school edits a draft, or the sections the department returned; nothing once submitted."""
        if not self.is_school_user or self.submission is None:
            return False
        status = self.submission.status
        if status is Status.DRAFT:  # a department's reopening outlasts the half-year's closing
            return self.period.is_open or bool(self.submission.reopen_reason)
        if status is Status.RETURNED:
            if section_code is None:
                return True
            entry = self.submission.entry(section_code)
            return entry is not None and entry.review is not None and entry.review.value == "returned"
        return False

    def read_only_reason(self) -> str:
        from flask_babel import gettext as _

        if self.submission is None:
            return _("This half-year's analysis has not been started.")
        if self.submission.status in (Status.SUBMITTED, Status.ACCEPTED):
            return _("The analysis has been submitted and is read-only. If something must change, "
                     "ask the department to return it.")
        if self.submission.status is Status.RETURNED:
            return _("Only the sections the department returned can be changed.")
        if not self.period.is_open:
            return _("This half-year is closed for submissions.")
        return _("You can only view this analysis.")


def place_or_404(school_code: str, period_code: str) -> Place:
    """The school (in the user's subtree), the half-year and its submission if started; 404 otherwise."""
    school = visible_unit_or_404(school_code)
    if school.kind is not OrgKind.SCHOOL:
        abort(404)
    period = db.session.execute(select(Period).filter_by(code=period_code)).scalar_one_or_none()
    if period is None:
        abort(404)
    submission = db.session.execute(
        select(Submission).filter_by(school_id=school.id, period_id=period.id)
    ).scalar_one_or_none()
    g.text_lang = submission.text_lang if submission is not None else "kk"  # labels the side-by-side texts
    return Place(school, period, submission)


def section_data(submission: Submission | None, sections: list[Section] | None = None) -> dict[str, SectionData]:
    """Each section's entry and rows: one query for the entries and one per row table, however many rows."""
    if submission is None or submission.id is None:
        return _empty_data(SECTIONS if sections is None else sections)
    return section_data_many([submission.id], sections)[submission.id]


def _empty_data(sections: list[Section]) -> dict[str, SectionData]:
    return {s.code: SectionData(s, None, {r.name: [] for r in s.row_lists}) for s in sections}


def section_data_many(submission_ids: list[int], sections: list[Section] | None = None,
                      ) -> dict[int, dict[str, SectionData]]:
    """Section data of many submissions at once: still one query for the entries and one per row table."""
    sections = SECTIONS if sections is None else sections
    data = {submission_id: _empty_data(sections) for submission_id in submission_ids}
    if not submission_ids:
        return data
    codes = [s.code for s in sections]
    for entry in db.session.scalars(
        select(SectionEntry).where(SectionEntry.submission_id.in_(submission_ids), SectionEntry.section.in_(codes))
    ):
        data[entry.submission_id][entry.section].entry = entry
    for section in sections:
        for row_list in section.row_lists:
            model = row_list.model
            # Undated rows last on every database, then in the order the school entered them.
            order = [getattr(model, name).asc().nulls_last() for name in row_list.order_by] + [model.position, model.id]
            for row in db.session.scalars(
                select(model).where(model.submission_id.in_(submission_ids)).order_by(*order)
            ):
                data[row.submission_id][section.code].rows[row_list.name].append(row)
    return data


def progress(data: dict[str, SectionData]) -> dict[str, str]:
    """Each section's state: missing / nothing / filled / errors."""
    return {code: d.section.state(d) for code, d in data.items()}


def submissions_by_period(school: OrgUnit) -> dict[int, Submission]:
    """The school's submissions keyed by period id (one query)."""
    rows = db.session.scalars(select(Submission).where(Submission.school_id == school.id)).all()
    return {s.period_id: s for s in rows}


def work_in_progress(submissions) -> dict[int, int]:
    """How many sections are ready in each draft or returned submission (the ones a school still works on)."""
    ready = {}
    for submission in submissions:
        if submission.status in (Status.DRAFT, Status.RETURNED):
            states = progress(section_data(submission))
            ready[submission.id] = sum(state in ("filled", "nothing") for state in states.values())
    return ready


def open_return_reasons(submissions) -> dict[int, list[tuple[str, str]]]:
    """The department's reasons on sections it returned and the school has not yet resubmitted (one query)."""
    ids = [s.id for s in submissions if s.status is Status.RETURNED]
    reasons: dict[int, list[tuple[str, str]]] = {}
    if not ids:
        return reasons
    labels = {section.code: section.label for section in SECTIONS}
    entries = db.session.scalars(
        select(SectionEntry).where(SectionEntry.submission_id.in_(ids), SectionEntry.return_reason.is_not(None))
    )
    for entry in entries:
        reasons.setdefault(entry.submission_id, []).append((labels.get(entry.section, entry.section),
                                                            entry.return_reason))
    return reasons


def awaiting_review(unit: OrgUnit) -> list[Submission]:
    """Submissions sent by schools under `unit` and not yet reviewed, oldest first (one query).

    The schools are found from the unit down through the indexed parent column (a region's departments, then
    their schools), then each school's submissions through its own index: a prefix match on the path
    (LIKE '/region/%') cannot use an index, so the database read every submission of the country (42,000 on
    the national data set) to keep a region's few dozen."""
    if unit.kind is OrgKind.SCHOOL:
        schools = OrgUnit.id == unit.id
    elif unit.kind is OrgKind.DEPARTMENT:
        schools = OrgUnit.parent_id == unit.id
    else:
        department = aliased(OrgUnit)
        schools = OrgUnit.parent_id.in_(select(department.id).where(department.parent_id == unit.id))
    return db.session.scalars(
        select(Submission).select_from(OrgUnit).join(Submission, Submission.school_id == OrgUnit.id)
        .join(Submission.period)
        .where(schools, Submission.status == Status.SUBMITTED)
        .order_by(Submission.submitted_at)
        .options(contains_eager(Submission.school), contains_eager(Submission.period))
    ).all()
