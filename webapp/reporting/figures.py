"""Each submission's figures, kept up to date in the same transaction as every save.

The dashboard compares thousands of schools; reading every section's rows for each of them per page view
would not scale. So one `SubmissionFigures` row per submission holds the base quantities the indicators are
made of (teachers, procurement by method, appeals on time, …) and each section's state, and the dashboard
aggregates those rows in SQL. A session hook notes which (submission, section) pairs a flush touched and
recomputes just those sections before the commit, so no view can forget it and the dashboard is live:
no nightly job. Bulk loads that bypass the ORM (demo data, the benchmark) call `rebuild_figures()`.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, Numeric, event, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..extensions import db
from ..models import utcnow
from .models import Review, SectionEntry, SectionRow, Submission
from .queries import section_data_many
from .sections import SECTIONS, SectionData

MONEY = Numeric(16, 2)


class SubmissionFigures(db.Model):
    """The base quantities of one submission's indicators (None: the school gave no figure)."""

    __tablename__ = "submission_figures"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True)
    # Copied from the submission so a dashboard filters and groups without joining it.
    school_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"))

    # Personnel (2.2)
    teachers: Mapped[int | None]
    staff: Mapped[int | None]  # all staff as given, else administrative + teachers + educational support + support
    staff_units: Mapped[Decimal | None] = mapped_column(Numeric(9, 2))  # staff units (штат бірлігі), 0,25 steps
    higher_education: Mapped[int | None]
    top_categories: Mapped[int | None]  # шебер + зерттеуші + сарапшы
    staff_moves: Mapped[int | None]  # dismissals (turnover); hires and long leave are not turnover
    disciplinary: Mapped[int | None]
    # Procurement (2.3), tenge
    procurement_total: Mapped[Decimal | None] = mapped_column(MONEY)
    proc_open_tender: Mapped[Decimal | None] = mapped_column(MONEY)
    proc_price_request: Mapped[Decimal | None] = mapped_column(MONEY)
    proc_e_shop: Mapped[Decimal | None] = mapped_column(MONEY)
    proc_single_source: Mapped[Decimal | None] = mapped_column(MONEY)
    proc_other: Mapped[Decimal | None] = mapped_column(MONEY)
    contracts_total: Mapped[int | None]  # None when any method's count is not given
    contracts_single_source: Mapped[int | None]
    # Appeals, public services, inspections, courts, positions, last half-year's recommendations
    appeals_received: Mapped[int | None]
    appeals_on_time: Mapped[int | None]
    service_recipients: Mapped[int | None]
    inspections: Mapped[int | None]
    inspections_violations: Mapped[int | None]
    court_cases: Mapped[int | None]
    exposed_positions: Mapped[int | None]
    followups: Mapped[int | None]
    followups_done: Mapped[int | None]

    # Section states, counted here for the aggregates; each section's own is in SubmissionSections.
    sections_ready: Mapped[int] = mapped_column(default=0)  # filled or "nothing to report"
    sections_nothing: Mapped[int] = mapped_column(default=0)
    sections_returned: Mapped[int] = mapped_column(default=0)
    sections_violation: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    sections: Mapped[SubmissionSections] = relationship(cascade="all, delete-orphan", lazy="joined")

    __table_args__ = (Index("ix_submission_figures_period_school", "period_id", "school_id"),)

    @property
    def section_states(self) -> dict[str, str]:
        return self.sections.states if self.sections else {}

    @property
    def section_risks(self) -> dict[str, str]:
        return self.sections.risks if self.sections else {}


class SubmissionSections(db.Model):
    """Each section's state and risk for the grids and the heat map.

    Apart from the figures on purpose: these ~700 bytes of JSON a row would triple what the national trend
    and totals read from disk, and only the pages of one city need them.
    """

    __tablename__ = "submission_sections"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submission_figures.submission_id", ondelete="CASCADE"),
                                               primary_key=True)
    states: Mapped[dict] = mapped_column(JSON, default=dict)  # code -> filled/nothing/missing/errors/returned
    risks: Mapped[dict] = mapped_column(JSON, default=dict)  # code -> none/risk/violation


def section_state(data: SectionData) -> str:
    """The section's progress state, with "returned" for a section the department sent back."""
    entry = data.entry
    if entry is not None and entry.review is Review.RETURNED:
        return "returned"
    return data.section.state(data)


def section_risk(data: SectionData) -> str:
    """What the heat map shows: a violation found, a risk noted, or nothing noted."""
    entry = data.entry
    if entry is None or entry.nothing_to_report:
        return "none"
    if entry.violation_found:
        return "violation"
    return "risk" if (entry.risks or "").strip() else "none"


class FigureOutOfRange(ValueError):
    """A figure summed from a school's data is larger than its column holds: the save that led to it is refused.

    Raised at commit (the figures are computed then); the view rolls back and shows `maximum` next to the
    figures it was sent. Counts are INTEGER (2³¹ − 1 on PostgreSQL); sums in tenge stay within 15 significant
    digits, which SQLite's floating-point storage keeps to the tiyn.
    """

    def __init__(self, section_code: str, name: str, value, maximum):
        super().__init__(f"{section_code}: {name} = {value} is more than {maximum}")
        self.section_code, self.name, self.value, self.maximum = section_code, name, value, maximum


def figure_maximum(name: str):
    """The largest value the figures column `name` takes: 2³¹ − 1 for counts, 9 999 999 999 999,99 for sums."""
    column_type = SubmissionFigures.__table__.columns[name].type
    if isinstance(column_type, Numeric) and not isinstance(column_type, Integer):
        digits = min(column_type.precision, 15) - column_type.scale  # 15: what a double keeps exactly
        return Decimal(10) ** digits - Decimal(10) ** -column_type.scale
    return 2**31 - 1


def apply_section(figures: SubmissionFigures, data: SectionData) -> None:
    """Recompute one section's share of the figures; FigureOutOfRange when one outgrows its column."""
    section = data.section
    if section.figures is not None:
        for name, value in section.figures(data).items():
            if value is not None and value > (maximum := figure_maximum(name)):
                raise FigureOutOfRange(section.code, name, value, maximum)
            setattr(figures, name, value)
    if figures.sections is None:
        figures.sections = SubmissionSections(states={}, risks={})
    # New dicts rather than changes in place, so the JSON columns are seen as changed.
    figures.sections.states = {**figures.sections.states, section.code: section_state(data)}
    figures.sections.risks = {**figures.sections.risks, section.code: section_risk(data)}


def recount(figures: SubmissionFigures) -> None:
    states = Counter((figures.section_states or {}).values())
    figures.sections_ready = states["filled"] + states["nothing"]
    figures.sections_nothing = states["nothing"]
    figures.sections_returned = states["returned"]
    figures.sections_violation = sum(1 for risk in (figures.section_risks or {}).values() if risk == "violation")


def refresh(session: Session, touched: dict[int, set[str | None]]) -> dict[int, dict[str, SectionData]]:
    """Bring the figures of the touched submissions' sections up to date (inside the current transaction).

    `touched` maps a submission id to the codes of the sections that changed (None in the set: the submission
    itself). A submission without figures yet gets every section, so the grids have all their cells.
    Returns the section data the figures were computed from ({submission id: {code: data}}).
    """
    submissions = session.scalars(select(Submission).where(Submission.id.in_(touched))).all()
    if not submissions:
        return {}
    existing = {f.submission_id: f for f in session.scalars(
        select(SubmissionFigures).where(SubmissionFigures.submission_id.in_([s.id for s in submissions])))}
    every_code = {section.code for section in SECTIONS}
    wanted = {s.id: every_code if s.id not in existing else {code for code in touched[s.id] if code} & every_code
              for s in submissions}
    codes = set().union(*wanted.values())
    # One query for the entries and one per row table, for all the submissions at once.
    data = section_data_many([s.id for s in submissions], [s for s in SECTIONS if s.code in codes]) if codes else {}
    for submission in submissions:
        figures = existing.get(submission.id)
        if figures is None:
            figures = SubmissionFigures(submission_id=submission.id)
            session.add(figures)
        figures.school_id, figures.period_id = submission.school_id, submission.period_id
        for code in wanted[submission.id]:
            apply_section(figures, data[submission.id][code])
        recount(figures)
    return data


def rebuild_figures(submission_ids: list[int] | None = None, batch: int = 500) -> int:
    """Recompute every section of the given (default: all) submissions, in batches; returns how many."""
    session = db.session
    if submission_ids is None:
        submission_ids = session.scalars(select(Submission.id).order_by(Submission.id)).all()
    every_code = {section.code for section in SECTIONS}
    for start in range(0, len(submission_ids), batch):
        refresh(session, dict.fromkeys(submission_ids[start:start + batch], every_code))
        session.flush()
    return len(submission_ids)


def fill_missing_figures() -> int:
    """Compute the figures of every submission that has none (analyses written before the figures' tables
    existed, i.e. a database upgraded past revision 0003); returns how many. Run at the end of every
    `flask db upgrade` (migrations/env.py), with the code that matches the upgraded schema."""
    missing = db.session.scalars(
        select(Submission.id).where(~select(SubmissionFigures.submission_id)
                                    .where(SubmissionFigures.submission_id == Submission.id).exists())
        .order_by(Submission.id)).all()
    return rebuild_figures(list(missing)) if missing else 0


# --- The session hook -----------------------------------------------------------------------------

TOUCHED = "figures_touched"
COMMITTED = "figures_committed_data"


def _touched_key(obj) -> tuple[int | None, str | None] | None:
    if isinstance(obj, SectionEntry):
        return obj.submission_id, obj.section
    if isinstance(obj, SectionRow):
        return obj.submission_id, obj.section_code
    if isinstance(obj, Submission):
        return obj.id, None
    return None


# Texts whose wording feeds no figure: only whether they are empty counts (completeness, warnings, risk mark).
WORDING = frozenset({"risks", "basis", "recommendations", "violation_description", "warnings_explanation"})


def _wording_only(entry: SectionEntry) -> bool:
    """True when this flush changed only the entry's texts, none of them from empty to filled or back: its
    figures, state and risk mark stay what they were, so autosaving a paragraph recomputes nothing."""
    state = inspect(entry)
    for attr in state.mapper.column_attrs:
        if attr.key in ("updated_at", "version"):  # bookkeeping, bumped by every save
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        if attr.key not in WORDING or not history.deleted:
            return False
        old, new = history.deleted[0], history.added[0] if history.added else None
        if bool((old or "").strip()) != bool((new or "").strip()):
            return False
    return True


@event.listens_for(Session, "after_flush")
def _note_touched(session: Session, flush_context) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, SectionEntry) and obj in session.dirty and _wording_only(obj):
            continue
        key = _touched_key(obj)
        if key is not None and key[0] is not None:
            if obj in session.deleted and isinstance(obj, Submission):
                continue
            session.info.setdefault(TOUCHED, {}).setdefault(key[0], set()).add(key[1])


@event.listens_for(Session, "before_commit")
def _refresh_touched(session: Session) -> None:
    session.flush()
    session.info.pop(COMMITTED, None)
    touched = session.info.pop(TOUCHED, None)
    if touched:
        data = refresh(session, touched)
        session.flush()
        session.info.pop(TOUCHED, None)
        # Read after the last flush of anything but figures: what this commit stores (see committed_section_data).
        session.info[COMMITTED] = data


@event.listens_for(Session, "after_rollback")
def _forget_touched(session: Session) -> None:
    session.info.pop(TOUCHED, None)
    session.info.pop(COMMITTED, None)


@event.listens_for(Session, "after_begin")
def _forget_committed(session: Session, transaction, connection) -> None:
    session.info.pop(COMMITTED, None)


def committed_section_data(submission: Submission, code: str) -> SectionData | None:
    """The section's entry and rows as the commit just made stored them, when that commit recomputed the
    section's figures (None otherwise: read them). Valid only between the commit and the next statement (the
    next transaction forgets them), and only after a commit that kept what was loaded
    (saving.commit_keeping_loaded): a figure save's answer shows the section without reading it a second time."""
    return db.session.info.get(COMMITTED, {}).get(submission.id, {}).get(code)

