"""The dashboard's reads: a fixed number of SQL queries per page, whatever the number of schools.

Everything aggregates the per-submission figures (webapp/reporting/figures.py) in SQL; Python only sorts
and takes medians of the one column it is asked about.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime

from flask import g
from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import aliased

from ...data_version import remember
from ...extensions import db
from ...models import OrgKind, OrgUnit, Period, PeriodDeadline
from ...reporting.figures import SubmissionFigures as F
from ...reporting.figures import SubmissionSections as Sections
from ...reporting.models import SectionEntry, Status, Submission
from ...reporting.texts import version
from .indicators import INDICATORS, Indicator
from .models import Reminder

SENT = (Status.SUBMITTED, Status.ACCEPTED)


def natural_key(code: str) -> list:
    """rudny-2 before rudny-10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", code)]


def in_scope(unit: OrgUnit | None):
    """SQL: schools under `unit` (all schools for the national view).

    Schools sit under departments and departments under regions, so the indexed parent column finds them;
    a prefix match on the path (LIKE '/region/%') would scan every unit of the country.
    """
    condition = OrgUnit.kind == OrgKind.SCHOOL
    if unit is None:
        return condition
    if unit.kind is OrgKind.SCHOOL:
        return OrgUnit.id == unit.id
    if unit.kind is OrgKind.DEPARTMENT:
        return and_(condition, OrgUnit.parent_id == unit.id)
    return and_(condition, OrgUnit.parent_id.in_(departments_of(unit)))


def departments_of(region: OrgUnit) -> list[int]:
    """The region's department ids, read once per request: as a list of values (rather than a subquery) they
    let SQLite walk from the region's schools to their submissions instead of from every submission."""
    cache = g.setdefault("departments_of", {})
    if region.id not in cache:
        cache[region.id] = db.session.scalars(select(OrgUnit.id).where(OrgUnit.parent_id == region.id)).all()
    return cache[region.id]


def _submission_join(period: Period):
    return and_(Submission.school_id == OrgUnit.id, Submission.period_id == period.id)


# --- One row per school ---------------------------------------------------------------------------

@dataclass
class SchoolRow:
    id: int
    code: str
    name: str
    department_id: int
    submission_id: int | None
    status: Status | None
    on_time: bool | None
    submitted_at: datetime | None
    values: dict[str, float | None]
    states: dict[str, str]
    risks: dict[str, str]
    sections_ready: int
    deadline: date | None = None
    reminded_at: datetime | None = None
    messages: list = field(default_factory=list)  # e-mails about this half-year, newest first (the department page)
    flags: list = field(default_factory=list)
    outliers: dict[str, str] = field(default_factory=dict)  # indicator key -> why it stands out
    other_name: str = ""  # the name in the other official language: the search finds either
    extra: dict[str, int] = field(default_factory=dict)  # columns.SCHOOL_COLUMNS key -> the school's count

    @property
    def state(self) -> str:
        """not_started / draft / submitted / returned / accepted."""
        return self.status.value if self.status is not None else "not_started"

    @property
    def is_behind(self) -> bool:
        return self.status not in SENT


def school_rows(unit: OrgUnit | None, period: Period, lang: str, with_sections: bool = False) -> list[SchoolRow]:
    """Every school under `unit` with its status and indicator values for `period` (one query); each section's
    state and risk too `with_sections` (the grids and the heat map), which the other pages need not decode."""
    def read() -> tuple:
        name, other_name = (OrgUnit.name_ru, OrgUnit.name_kk) if lang == "ru" else (OrgUnit.name_kk, OrgUnit.name_ru)
        states = (Sections.states, Sections.risks) if with_sections else (literal(None), literal(None))
        stmt = (
            select(OrgUnit.id, OrgUnit.code, name, other_name, OrgUnit.parent_id, Submission.id, Submission.status,
                   Submission.on_time, Submission.submitted_at, *states, F.sections_ready,
                   *[indicator.school_value() for indicator in INDICATORS])
            .select_from(OrgUnit)
            .outerjoin(Submission, _submission_join(period))
            .outerjoin(F, F.submission_id == Submission.id)
            .where(in_scope(unit))
        )
        if with_sections:
            stmt = stmt.outerjoin(Sections, Sections.submission_id == F.submission_id)
        return tuple(sorted((tuple(row) for row in db.session.execute(stmt)), key=lambda row: natural_key(row[1])))

    # The statement is built only when the rows are not kept: its two dozen indicator expressions cost about as
    # much as the kept rows' whole trip into SchoolRow objects.
    found = remember(("school_rows", _unit_id(unit), period.id, lang, with_sections), read)
    rows = []
    keys = [i.key for i in INDICATORS]
    for school_id, code, school_name, other, parent_id, sub_id, status, on_time, sent, states, risks, ready, \
            *values in found:
        rows.append(SchoolRow(
            school_id, code, school_name, parent_id, sub_id, status, on_time, sent,
            dict(zip(keys, values, strict=True)), dict(states or {}), dict(risks or {}), ready or 0,
            other_name=other or "",
        ))
    return rows


def school_values(unit: OrgUnit | None, period: Period, indicator: Indicator) -> list[tuple[int, float]]:
    """(department or region id, value) of one indicator for every school under `unit` that has it."""
    value = indicator.school_value()
    key, joins = _child_key(unit)
    if unit is None:
        # The whole country: straight through the half-year's figures (their period column is indexed) to the
        # schools above them.
        stmt = select(key, value).select_from(F).join(OrgUnit, OrgUnit.id == F.school_id)
        for target, on in joins:
            stmt = stmt.join(target, on)
        stmt = stmt.where(F.period_id == period.id, in_scope(unit), value.is_not(None))
    else:
        # A region's 375 schools of 7,500: from the schools (parent index), each one's figures looked up by
        # (half-year, school). As a join, PostgreSQL would read all the half-year's figure rows and hash them
        # against the schools; a value looked up per school cannot be planned that way, on either database.
        own = select(value).where(F.school_id == OrgUnit.id, F.period_id == period.id).scalar_subquery()
        stmt = select(key, own).select_from(OrgUnit).where(in_scope(unit))
    return [(group, float(v)) for group, v in db.session.execute(stmt) if v is not None]


def _unit_id(unit: OrgUnit | None) -> int | None:
    return None if unit is None else unit.id


def school_trend(school: OrgUnit, periods: list[Period]) -> dict[int, dict[str, float | None]]:
    """period id -> indicator values of one school, over the given half-years (one query)."""
    stmt = (select(F.period_id, *[indicator.school_value() for indicator in INDICATORS])
            .where(F.school_id == school.id, F.period_id.in_([p.id for p in periods])))
    return {period_id: dict(zip((i.key for i in INDICATORS), values, strict=True))
            for period_id, *values in db.session.execute(stmt)}


# --- Aggregates over a subtree --------------------------------------------------------------------

@dataclass
class Totals:
    """A group of schools (a city, a region, the country) for one half-year."""

    schools: int = 0
    started: int = 0
    sent: int = 0  # submitted or accepted
    accepted: int = 0
    returned: int = 0
    late: int = 0
    parts: list = field(default_factory=list)  # the summed figures the indicator values are made of
    indicators: list[Indicator] = field(default_factory=lambda: INDICATORS)
    given: list = field(default_factory=list)  # per indicator: how many schools gave its figure (blank = left out)

    @property
    def drafts(self) -> int:
        return self.started - self.sent - self.returned

    @property
    def not_started(self) -> int:
        return self.schools - self.started

    def share(self, count: int) -> float | None:
        return 100.0 * count / self.schools if self.schools else None

    @property
    def values(self) -> dict[str, float | None]:
        """Every indicator's value, computed once per set of parts (a table reads it for each of its cells)."""
        cached = self.__dict__.get("_values")
        if cached is not None and cached[0] is self.parts:
            return cached[1]
        values, position = {}, 0
        for indicator in self.indicators:
            size = indicator.part_count
            values[indicator.key] = indicator.total_from(self.parts[position:position + size]) if self.parts else None
            position += size
        self.__dict__["_values"] = (self.parts, values)
        return values

    def gave(self, key: str) -> int | None:
        """How many of the schools gave the figure the indicator `key` is made of (None when not counted)."""
        if not self.given:
            return None
        return dict(zip((i.key for i in self.indicators), self.given, strict=True))[key]

    @classmethod
    def combine(cls, groups: list[Totals]) -> Totals:
        """Several groups as one: counts and summed figures add up (so ratios stay weighted by their bases)."""
        combined = cls()
        for group in groups:
            for name in ("schools", "started", "sent", "accepted", "returned", "late"):
                setattr(combined, name, getattr(combined, name) + getattr(group, name))
            if group.parts:
                combined.parts = [(a or 0) + (b or 0) if (a is not None or b is not None) else None
                                  for a, b in zip(combined.parts or [None] * len(group.parts), group.parts,
                                                  strict=True)]
            if group.given:
                combined.given = [a + b for a, b in zip(combined.given or [0] * len(group.given), group.given,
                                                        strict=True)]
        return combined


def _child_key(unit: OrgUnit | None):
    """The column a school's row is grouped by to land in its child of `unit`, and the joins it needs.

    Schools sit under departments, departments under regions: under a region the key is the school's
    department; in the national view it is the department's region; under a department, the school itself.
    """
    if unit is None:
        department = aliased(OrgUnit)
        return department.parent_id, [(department, department.id == OrgUnit.parent_id)]
    if unit.kind is OrgKind.REGION:
        return OrgUnit.parent_id, []
    return OrgUnit.id, []


def _totals_columns(indicators: list[Indicator]) -> list:
    return [
        func.count(OrgUnit.id),
        func.count(Submission.id),
        func.count(case((Submission.status.in_(SENT), 1))),
        func.count(case((Submission.status == Status.ACCEPTED, 1))),
        func.count(case((Submission.status == Status.RETURNED, 1))),
        func.count(case((Submission.on_time.is_(False), 1))),
        *[part for indicator in indicators for part in indicator.total_parts()],
        *[indicator.given_part() for indicator in indicators],
    ]


def _totals_from(row, indicators: list[Indicator] = INDICATORS) -> Totals:
    schools, started, sent, accepted, returned, late, *parts = row
    size = sum(indicator.part_count for indicator in indicators)
    return Totals(schools, started, sent, accepted, returned, late, list(parts[:size]), indicators,
                  list(parts[size:]))


def _aggregate(unit: OrgUnit | None, period: Period, group_by=None, joins=()):
    stmt = select(*([group_by] if group_by is not None else []), *_totals_columns(INDICATORS)).select_from(OrgUnit)
    for target, on in joins:
        stmt = stmt.join(target, on)
    stmt = (stmt.outerjoin(Submission, _submission_join(period)).outerjoin(F, F.submission_id == Submission.id)
            .where(in_scope(unit)))
    if group_by is not None:
        stmt = stmt.group_by(group_by)
    return db.session.execute(stmt)


def totals(unit: OrgUnit | None, period: Period) -> Totals:
    """The whole subtree in one row (one query)."""
    return _totals_from(remember(("totals", _unit_id(unit), period.id), lambda: tuple(_aggregate(unit, period).one())))


@dataclass
class ChildRow:
    unit: OrgUnit
    totals: Totals
    quartiles: tuple[float, float, float] | None = None  # of the indicator asked about, over its schools


def child_rows(unit: OrgUnit | None, period: Period, indicator: Indicator | None = None) -> list[ChildRow]:
    """The regions (national) or cities (region) with their totals, and quartiles of one indicator (3 queries)."""
    parent_filter = OrgUnit.parent_id.is_(None) if unit is None else OrgUnit.parent_id == unit.id
    children = db.session.scalars(select(OrgUnit).where(parent_filter).order_by(OrgUnit.code)).all()
    key, joins = _child_key(unit)
    summed = remember(("grouped", _unit_id(unit), period.id),
                      lambda: tuple(tuple(row) for row in _aggregate(unit, period, key, joins)))
    grouped = {row[0]: _totals_from(row[1:]) for row in summed}
    rows = [ChildRow(child, grouped.get(child.id, Totals())) for child in children]
    if indicator is not None:
        spread = remember(("spread", _unit_id(unit), period.id, indicator.key),
                          lambda: _spread(unit, period, indicator))
        for row in rows:
            row.quartiles = spread.get(row.unit.id)
    return rows


def _spread(unit: OrgUnit | None, period: Period, indicator: Indicator) -> dict[int, tuple[float, float, float]]:
    """Each child's quartiles of one indicator over its schools (kept: read, never changed, by the pages)."""
    values: dict[int, list[float]] = {}
    for group, value in school_values(unit, period, indicator):
        values.setdefault(group, []).append(value)
    return {group: quartiles(group_values) for group, group_values in values.items()}


def trend(unit: OrgUnit | None, periods: list[Period], indicators: list[Indicator]) -> dict[int, Totals]:
    """period id -> the subtree's summed figures of `indicators` for each half-year (one query).

    Only the figures table is read (joined to the schools when scoped), and only the columns asked for:
    over six half-years of a whole country that is most of the national page's work.
    """
    parts = [part for indicator in indicators for part in indicator.total_parts()]
    period_ids = [p.id for p in periods]
    if unit is None:
        stmt = select(F.period_id, *parts).where(F.period_id.in_(period_ids))
    else:  # from the unit's few schools through the submissions' (school, half-year) index, not every half-year
        stmt = (select(F.period_id, *parts).select_from(OrgUnit)
                .join(Submission, and_(Submission.school_id == OrgUnit.id, Submission.period_id.in_(period_ids)))
                .join(F, F.submission_id == Submission.id).where(in_scope(unit)))
    stmt = stmt.group_by(F.period_id)
    rows = remember(("trend", _unit_id(unit), tuple(period_ids), tuple(i.key for i in indicators)),
                    lambda: tuple(tuple(row) for row in db.session.execute(stmt)))
    return {period_id: Totals(parts=list(values), indicators=indicators) for period_id, *values in rows}


def quartiles(values: list[float]) -> tuple[float, float, float] | None:
    """(Q1, median, Q3); None for no values."""
    if not values:
        return None
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


# --- Deadlines and reminders for many schools at once ----------------------------------------------

def deadlines_by_department(unit: OrgUnit | None, period: Period) -> dict[int, date]:
    """department id -> the deadline its schools work to (the nearest override wins; two queries, one for a
    department)."""
    # Through the indexed parent column: a prefix match on the path (LIKE '/region/%') reads every unit.
    if unit is None:
        in_unit = OrgUnit.kind == OrgKind.DEPARTMENT
    elif unit.kind is OrgKind.REGION:
        in_unit = and_(OrgUnit.kind == OrgKind.DEPARTMENT, OrgUnit.parent_id == unit.id)
    else:  # a department (or a school: its department's deadline is asked for through the department)
        in_unit = and_(OrgUnit.kind == OrgKind.DEPARTMENT, OrgUnit.id == unit.id)
    # A department's own page already holds its path: one query instead of two.
    departments = ([(unit.id, unit.path)] if unit is not None and unit.kind is OrgKind.DEPARTMENT
                   else db.session.execute(select(OrgUnit.id, OrgUnit.path).where(in_unit)).all())
    overrides = db.session.execute(
        select(OrgUnit.path, PeriodDeadline.deadline).join(OrgUnit, PeriodDeadline.org_unit_id == OrgUnit.id)
        .where(PeriodDeadline.period_id == period.id)
    ).all()
    result = {}
    for department_id, path in departments:
        applicable = [(len(owner), deadline) for owner, deadline in overrides if path.startswith(owner)]
        result[department_id] = max(applicable)[1] if applicable else period.deadline
    return result


def latest_reminders(unit: OrgUnit, period: Period) -> dict[int, datetime]:
    """school id -> when the department last reminded it about `period` (one query)."""
    return dict(db.session.execute(
        select(Reminder.school_id, func.max(Reminder.sent_at)).join(OrgUnit, OrgUnit.id == Reminder.school_id)
        .where(Reminder.period_id == period.id, in_scope(unit)).group_by(Reminder.school_id)
    ).all())


def submissions_grid(unit: OrgUnit, periods: list[Period]) -> dict[tuple[int, int], tuple]:
    """(school id, period id) -> (status, on_time, submitted_at) for every submission under `unit` (one query)."""
    stmt = (select(Submission.school_id, Submission.period_id, Submission.status, Submission.on_time,
                   Submission.submitted_at)
            .join(OrgUnit, OrgUnit.id == Submission.school_id)
            .where(in_scope(unit), Submission.period_id.in_([p.id for p in periods])))
    return {(school, period): rest for school, period, *rest in db.session.execute(stmt)}


EXPORTED_TEXTS = ("risks", "violation_description", "recommendations")


def section_texts(unit: OrgUnit, period: Period, lang: str) -> dict[tuple[int, str], tuple]:
    """(school id, section code) -> (risks, violation description, recommendations) typed by the schools under
    `unit` for `period`, each in `lang` where the school wrote that version, else as typed (one query; the risks
    export)."""
    stmt = (select(Submission.school_id, SectionEntry.section, Submission.text_lang, SectionEntry.translations,
                   *[getattr(SectionEntry, name) for name in EXPORTED_TEXTS])
            .join(SectionEntry, SectionEntry.submission_id == Submission.id)
            .join(OrgUnit, OrgUnit.id == Submission.school_id)
            .where(Submission.period_id == period.id, in_scope(unit)))
    return {(school, section): tuple(version(text, (translations or {}).get(name), text_lang, lang)[0]
                                     for name, text in zip(EXPORTED_TEXTS, texts, strict=True))
            for school, section, text_lang, translations, *texts in db.session.execute(stmt)}
