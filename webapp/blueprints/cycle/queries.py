"""Reads of the public cycle: a school's cycle for a half-year, what the public may reach, the moderation
queue, the plan with its latest reports, overdue measures under a department and a city's published list."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, selectinload

from ...extensions import db
from ...models import OrgKind, OrgUnit, Period
from ...reporting.models import Status, Submission
from .models import Cycle, MeasureReport, MeasureState, PlanMeasure, Proposal, ProposalState, ProtocolItem

QUEUE_LIMIT = 200  # proposals on one page of the queue (newest first); a school gets a few dozen a half-year


def cycle_of(school: OrgUnit, period: Period, create: bool = False) -> Cycle | None:
    """The school's cycle for the half-year; a new (unsaved until commit) one when `create` and none yet."""
    cycle = db.session.execute(
        select(Cycle).filter_by(school_id=school.id, period_id=period.id)
    ).scalar_one_or_none()
    if cycle is None and create:
        cycle = Cycle(school=school, period=period)
        db.session.add(cycle)
    return cycle


def public_cycle_or_404(school_code: str, period_code: str) -> Cycle:
    """A school's cycle as anyone may reach it: the school and half-year exist and the cycle was announced,
    its draft is up for discussion or it is published; 404 otherwise (nothing hints that it exists)."""
    cycle = db.session.execute(
        select(Cycle).join(Cycle.school).join(Cycle.period)
        .where(OrgUnit.code == school_code, OrgUnit.kind == OrgKind.SCHOOL, Period.code == period_code)
        .options(contains_eager(Cycle.school), contains_eager(Cycle.period))
    ).scalar_one_or_none()
    if cycle is None or not (cycle.announced or cycle.draft_public or cycle.published_at):
        abort(404)
    return cycle


def proposals(cycle: Cycle | None, state: ProposalState | None = None) -> list[Proposal]:
    """The cycle's proposals, the unconsidered first, then newest first (one query, at most QUEUE_LIMIT)."""
    if cycle is None or cycle.id is None:
        return []
    query = select(Proposal).where(Proposal.cycle_id == cycle.id)
    if state is not None:
        query = query.where(Proposal.state == state)
    order = [(Proposal.state != ProposalState.NEW), Proposal.received_at.desc(), Proposal.id.desc()]
    return db.session.scalars(query.order_by(*order).limit(QUEUE_LIMIT)).all()


def proposal_counts(cycle: Cycle | None) -> dict[str, int]:
    """How many proposals are in each state (one query)."""
    if cycle is None or cycle.id is None:
        return {}
    rows = db.session.execute(
        select(Proposal.state, func.count()).where(Proposal.cycle_id == cycle.id).group_by(Proposal.state)
    ).all()
    return {state.value: count for state, count in rows}


def protocol_items(cycle: Cycle | None) -> list[ProtocolItem]:
    if cycle is None or cycle.id is None:
        return []
    return db.session.scalars(
        select(ProtocolItem).where(ProtocolItem.cycle_id == cycle.id).order_by(ProtocolItem.position, ProtocolItem.id)
    ).all()


def plan(cycle: Cycle | None) -> list[PlanMeasure]:
    """The action plan's measures in order, each with its quarterly reports (two queries)."""
    if cycle is None or cycle.id is None:
        return []
    return db.session.scalars(
        select(PlanMeasure).where(PlanMeasure.cycle_id == cycle.id)
        .order_by(PlanMeasure.position, PlanMeasure.id).options(selectinload(PlanMeasure.reports))
    ).all()


def quarter_of(day: date) -> str:
    """«2026-Q3» for any day of July-September 2026."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_end(quarter: str) -> date:
    """The last day of a quarter such as «2026-Q3» (30 September 2026)."""
    year, month = int(quarter[:4]), 3 * int(quarter[-1])
    return date(year, month, calendar.monthrange(year, month)[1])


def latest_report(measure: PlanMeasure) -> MeasureReport | None:
    return measure.reports[-1] if measure.reports else None


def measure_state(measure: PlanMeasure, today: date) -> str:
    """What the measure stands at: the latest report's state, or overdue when its deadline passed unreported
    as done; «not reported» otherwise."""
    report = latest_report(measure)
    if report is not None and report.state is MeasureState.DONE:
        return "done"
    if report is not None and report.state is MeasureState.OVERDUE:
        return "overdue"
    if measure.deadline is not None and measure.deadline < today:
        return "overdue"
    return report.state.value if report is not None else "not_reported"


@dataclass
class OverdueMeasure:
    school: OrgUnit
    period: Period
    measure: PlanMeasure
    report: MeasureReport | None


def _overdue(stmt, today: date):
    """`stmt` (selecting from PlanMeasure) joined to its cycle, school and latest quarterly report, keeping the
    measures of approved plans that are overdue: reported so, or past their deadline and not reported done."""
    latest = (select(MeasureReport.measure_id, func.max(MeasureReport.quarter).label("quarter"))
              .group_by(MeasureReport.measure_id).subquery())
    return (stmt.join(Cycle, PlanMeasure.cycle_id == Cycle.id).join(OrgUnit, Cycle.school_id == OrgUnit.id)
            .outerjoin(latest, latest.c.measure_id == PlanMeasure.id)
            .outerjoin(MeasureReport, (MeasureReport.measure_id == PlanMeasure.id)
                       & (MeasureReport.quarter == latest.c.quarter))
            .where(Cycle.approval_order_number.is_not(None),
                   ((MeasureReport.state == MeasureState.OVERDUE)
                    | ((PlanMeasure.deadline < today)
                       & ((MeasureReport.id.is_(None)) | (MeasureReport.state != MeasureState.DONE))))))


def overdue_measures(unit: OrgUnit, today: date, limit: int = 500) -> list[OverdueMeasure]:
    """Measures of approved plans under `unit` that are overdue: reported so, or past their deadline and not
    reported done. Three queries whatever the number of schools."""
    rows = db.session.execute(
        _overdue(select(PlanMeasure, Cycle, MeasureReport), today).where(OrgUnit.path.startswith(unit.path))
        .order_by(OrgUnit.code, PlanMeasure.position, PlanMeasure.id).limit(limit)
    ).all()
    cycles = {cycle.id: cycle for _m, cycle, _r in rows}
    if cycles:  # schools and half-years in one query each
        db.session.scalars(select(Cycle).where(Cycle.id.in_(cycles))
                           .options(selectinload(Cycle.school), selectinload(Cycle.period))).all()
    return [OverdueMeasure(cycle.school, cycle.period, measure, report) for measure, cycle, report in rows]


def overdue_counts(scope, today: date) -> dict[int, int]:
    """School id → how many of its action plans' measures (any half-year's approved plan) are overdue today,
    for the schools `scope` selects (an SQL condition over OrgUnit); one query whatever their number."""
    rows = db.session.execute(
        _overdue(select(Cycle.school_id, func.count(PlanMeasure.id)).select_from(PlanMeasure), today)
        .where(scope).group_by(Cycle.school_id))
    return dict(rows.all())


def published_in(unit: OrgUnit) -> list[Cycle]:
    """Every published cycle of the schools under `unit`, by school and newest half-year first (one query)."""
    return db.session.scalars(
        select(Cycle).join(Cycle.school).join(Cycle.period)
        .join(Submission, (Submission.school_id == Cycle.school_id) & (Submission.period_id == Cycle.period_id))
        .where(OrgUnit.path.startswith(unit.path), Cycle.published_at.is_not(None),
               Submission.status == Status.ACCEPTED)  # a reopened analysis is off the list until accepted again
        .order_by(OrgUnit.code, Period.year.desc(), Period.half.desc())
        .options(contains_eager(Cycle.school), contains_eager(Cycle.period))
    ).all()


def submission_of(cycle: Cycle) -> Submission | None:
    return db.session.execute(
        select(Submission).filter_by(school_id=cycle.school_id, period_id=cycle.period_id)
    ).scalar_one_or_none()


def accepted(submission: Submission | None) -> bool:
    return submission is not None and submission.status is Status.ACCEPTED


def order_of(cycle: Cycle) -> tuple[str | None, date | None]:
    """The head's order launching the analysis: as announced, else as entered in the analysis's general
    section (one query at most)."""
    if cycle.order_number:
        return cycle.order_number, cycle.order_date
    from ...reporting.models import SectionEntry

    facts = db.session.scalar(
        select(SectionEntry.facts).join(Submission, SectionEntry.submission_id == Submission.id)
        .where(Submission.school_id == cycle.school_id, Submission.period_id == cycle.period_id,
               SectionEntry.section == "general")) or {}
    on = facts.get("order_date")
    return facts.get("order_number"), date.fromisoformat(on) if on else None


def submission_of_place(place) -> Submission | None:
    """The submission a request's place already holds (no query)."""
    return place.submission


def quarters_since(start: date | None, until: date) -> list[str]:
    """The quarters from the one holding `start` to the one holding `until`, oldest first («2026-Q1», …)."""
    if start is None or start > until:
        return []
    quarters, year, q = [], start.year, (start.month - 1) // 3 + 1
    last = (until.year, (until.month - 1) // 3 + 1)
    while (year, q) <= last:
        quarters.append(f"{year}-Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return quarters


def public_unit_or_404(code: str) -> OrgUnit:
    """A region or city department by code, for the public pages (schools have their own)."""
    unit = db.session.execute(select(OrgUnit).filter_by(code=code)).scalar_one_or_none()
    if unit is None or unit.kind is OrgKind.SCHOOL:
        abort(404)
    return unit


SMALL_COUNT = 5  # a figure counting fewer people than this is not published (1-4 could point at a person)
# (figure, counts people?) over the schools that published the half-year, summed.
SUMMARY_FIGURES = [("staff", True), ("teachers", True), ("staff_moves", True), ("disciplinary", True),
                   ("service_recipients", True), ("appeals_received", True), ("appeals_on_time", True),
                   ("procurement_total", False), ("inspections", False), ("inspections_violations", False),
                   ("court_cases", False), ("exposed_positions", False)]


def suppressed(value, counts_people: bool):
    """The value to publish: a count of 1 to 4 people becomes None (shown as «< 5»); other values stay."""
    if counts_people and value is not None and 0 < value < SMALL_COUNT:
        return None
    return value


@dataclass
class Summary:
    schools: int
    figures: dict  # name → value, or None when suppressed
    small: set  # names suppressed


def published_summary(unit: OrgUnit, period: Period) -> Summary:
    """Sums of the half-year's figures over the schools under `unit` that published it (one query)."""
    from ...reporting.figures import SubmissionFigures

    columns = [func.sum(getattr(SubmissionFigures, name)) for name, _people in SUMMARY_FIGURES]
    row = db.session.execute(
        select(func.count(SubmissionFigures.submission_id), *columns)
        .join(Cycle, (Cycle.school_id == SubmissionFigures.school_id)
              & (Cycle.period_id == SubmissionFigures.period_id))
        .join(OrgUnit, OrgUnit.id == SubmissionFigures.school_id)
        .join(Submission, Submission.id == SubmissionFigures.submission_id)
        .where(OrgUnit.path.startswith(unit.path), SubmissionFigures.period_id == period.id,
               Cycle.published_at.is_not(None), Submission.status == Status.ACCEPTED)
    ).one()
    figures, small = {}, set()
    for (name, people), value in zip(SUMMARY_FIGURES, row[1:], strict=True):
        shown = suppressed(value, people)
        if shown is None and value is not None:
            small.add(name)
        figures[name] = shown
    return Summary(schools=row[0], figures=figures, small=small)
