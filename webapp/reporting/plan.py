"""The action plan an analysis ends with, through whichever row list a section declares as its plan
(`RowList(plan=PlanColumns())`; shared code never names that section).

A plan is a plan: each measure names the section or the risk it answers and a person responsible for it, and
each section where a violation was found has a measure answering it. A measure lacking either is refused at
entry (422, the typed values kept); a violation without a measure is a warning beside the violation as soon as
it is marked, and both keep the analysis from being submitted until they are put right.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from .fields import choices
from .forms import SectionForm
from .sections import SECTIONS, RowList, Section, SectionData


def plans() -> list[tuple[Section, RowList]]:
    """(section, row list) of every action plan registered (one in practice: the conclusion's)."""
    return [(section, row_list) for section in SECTIONS for row_list in section.row_lists if row_list.plan]


def answerable_sections() -> list[Section]:
    """The sections a measure may answer: those with risks, basis and recommendations, other than the plan's."""
    holders = {section.code for section, _row_list in plans()}
    return [section for section in SECTIONS if section.triplet and section.code not in holders]


def needs_measure(data: SectionData) -> bool:
    """A violation is marked found in a section a measure may answer."""
    entry = data.entry
    return (entry is not None and not entry.nothing_to_report and bool(entry.violation_found)
            and data.section in answerable_sections())


class PlanMeasureForm(SectionForm):
    """A measure of an action plan: its `section` select lists the sections it may answer; the section or the
    risk, and a responsible person, are needed (the field names are the default PlanColumns)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.section.choices = choices([("", _l("— choose the section —"))]
                                       + [(s.code, s.label) for s in answerable_sections()])

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not self.section.data and not (self.risk.data or "").strip():
            self.risk.errors = [*self.risk.errors, _l("Name the risk this measure answers, or choose its section.")]
            valid = False
        if not (self.responsible.data or "").strip():
            self.responsible.errors = [*self.responsible.errors, _l("Name the person responsible for this measure.")]
            valid = False
        return valid


def violation_note(data: SectionData) -> dict | None:
    """Beside a violation marked found: no measure of the plan answers it yet, and where to add one
    ({"message", "section", "list"}); None when it is answered or there is nothing to answer.
    One bounded query per plan, and only on a section whose violation is marked found."""
    if not needs_measure(data):
        return None
    for section, row_list in plans():
        model = row_list.model
        answered = db.session.scalar(
            select(model.id).where(model.submission_id == data.entry.submission_id,
                                   getattr(model, row_list.plan.section) == data.section.code).limit(1))
        if answered is None:
            return {"message": _("A violation is marked as found here, but the action plan has no measure "
                                 "answering it yet: add one to «%(list)s» and choose this section.",
                                 list=row_list.title),
                    "section": section.code, "list": row_list.name}
    return None


def plan_problems(all_data: dict[str, SectionData]) -> list[tuple[str, str, tuple]]:
    """What the plan still lacks, as (the plan's section code, message, ((label, element id),)): violations
    no measure answers, and measures naming neither a section nor a risk, or no responsible person."""
    problems = []
    for section, row_list in plans():
        rows = all_data[section.code].rows.get(row_list.name, [])
        columns = row_list.plan
        answered = {getattr(row, columns.section) for row in rows}
        add = ((str(row_list.title), f"add-{row_list.name}"),)
        for data in all_data.values():
            if needs_measure(data) and data.section.code not in answered:
                problems.append((section.code, _("a violation is found in «%(section)s», but no measure of the "
                                                 "action plan answers it:", section=data.section.label), add))
        for number, row in enumerate(rows, start=1):
            link = ((str(row_list.title), f"row-{row_list.name}-{row.id}"),)
            if not getattr(row, columns.section) and not (getattr(row, columns.risk) or "").strip():
                problems.append((section.code, _("measure %(number)s of the action plan names neither the risk "
                                                 "nor the section it answers:", number=number), link))
            if not (getattr(row, columns.responsible) or "").strip():
                problems.append((section.code, _("measure %(number)s of the action plan names no responsible "
                                                 "person:", number=number), link))
    return problems
