"""Reads for the org-unit pages. Each returns what a page needs in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ...extensions import db
from ...i18n import local_now
from ...models import OrgKind, OrgUnit, Period, PeriodDeadline


def today() -> date:
    """Today in the schools' time zone, not the server's."""
    return local_now().date()


def ancestors(unit: OrgUnit) -> list[OrgUnit]:
    """The units above `unit`, from the root down (for breadcrumbs)."""
    codes = unit.ancestor_codes[:-1]
    if not codes:
        return []
    rows = db.session.scalars(select(OrgUnit).where(OrgUnit.code.in_(codes))).all()
    return sorted(rows, key=lambda u: len(u.path))


def children_with_school_counts(unit: OrgUnit | None) -> list[tuple[OrgUnit, int, int]]:
    """Direct children of `unit` (regions when None) with how many departments and schools each holds."""
    parent_filter = OrgUnit.parent_id.is_(None) if unit is None else OrgUnit.parent_id == unit.id
    children = db.session.scalars(select(OrgUnit).where(parent_filter).order_by(OrgUnit.code)).all()
    if not children:
        return []
    # The tree is region → department → school, so a child's units lie one or two parent steps below it: two
    # indexed parent_id lookups instead of a `path LIKE child.path || '%'` self-join that scans every unit.
    ids = [c.id for c in children]
    parent = aliased(OrgUnit)
    one_below = (select(OrgUnit.parent_id, OrgUnit.kind, func.count(OrgUnit.id))
                 .where(OrgUnit.parent_id.in_(ids)).group_by(OrgUnit.parent_id, OrgUnit.kind))
    two_below = (select(parent.parent_id, OrgUnit.kind, func.count(OrgUnit.id))
                 .join(parent, parent.id == OrgUnit.parent_id)
                 .where(parent.parent_id.in_(ids)).group_by(parent.parent_id, OrgUnit.kind))
    counts = db.session.execute(one_below.union_all(two_below)).all()
    per_child: dict[int, dict[OrgKind, int]] = {}
    for child_id, kind, count in counts:
        per_child.setdefault(child_id, {})[OrgKind(kind)] = count
    return [
        (c, per_child.get(c.id, {}).get(OrgKind.DEPARTMENT, 0), per_child.get(c.id, {}).get(OrgKind.SCHOOL, 0))
        for c in children
    ]


def periods() -> list[Period]:
    """All reporting half-years, newest first."""
    return db.session.scalars(select(Period).order_by(Period.year.desc(), Period.half.desc())).all()


@dataclass
class PeriodDeadlineView:
    period: Period
    deadline: date
    set_by: OrgUnit | None  # None: the period's own default
    own: PeriodDeadline | None  # the override this very unit set, if any
    today: date

    @property
    def days_left(self) -> int:
        return (self.deadline - self.today).days

    @property
    def state(self) -> str:
        """open / due soon / overdue / closed."""
        if not self.period.is_open:
            return "closed"
        if self.days_left < 0:
            return "overdue"
        if self.days_left <= 14:
            return "due-soon"
        return "open"


def deadlines_for(unit: OrgUnit, period_list: list[Period]) -> list[PeriodDeadlineView]:
    """Each period's deadline as it applies to `unit`: the nearest unit above (or itself) that set one wins."""
    overrides = db.session.execute(
        select(PeriodDeadline, OrgUnit)
        .join(OrgUnit, PeriodDeadline.org_unit_id == OrgUnit.id)
        .where(OrgUnit.code.in_(unit.ancestor_codes))
    ).all()
    nearest: dict[int, tuple[PeriodDeadline, OrgUnit]] = {}
    for override, owner in overrides:
        current = nearest.get(override.period_id)
        if current is None or len(owner.path) > len(current[1].path):
            nearest[override.period_id] = (override, owner)
    now = today()
    views = []
    for period in period_list:
        override, owner = nearest.get(period.id, (None, None))
        views.append(PeriodDeadlineView(
            period=period,
            deadline=override.deadline if override else period.deadline,
            set_by=owner,
            own=override if owner is not None and owner.id == unit.id else None,
            today=now,
        ))
    return views


def schools_of(department: OrgUnit) -> list[OrgUnit]:
    return db.session.scalars(
        select(OrgUnit).where(OrgUnit.parent_id == department.id, OrgUnit.kind == OrgKind.SCHOOL)
        .order_by(OrgUnit.code)
    ).all()


def open_reminders(school: OrgUnit, submissions: dict) -> list:
    """The department's reminders about half-years the school has not yet sent, newest first (one query)."""
    from ...reporting.models import Status
    from ..dashboard.models import Reminder

    reminders = db.session.scalars(
        select(Reminder).where(Reminder.school_id == school.id).order_by(Reminder.sent_at.desc())
    ).all()
    sent = {period_id for period_id, s in submissions.items() if s.status in (Status.SUBMITTED, Status.ACCEPTED)}
    latest = {}
    for reminder in reminders:
        if reminder.period_id not in sent:
            latest.setdefault(reminder.period_id, reminder)
    return list(latest.values())
