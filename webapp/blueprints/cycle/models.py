"""The public half of a school's half-year analysis: announcement, citizens' proposals, public discussion with
its protocol, the head's approval with the action plan and its quarterly follow-up, and publication.

One `Cycle` row per school × half-year holds the single-valued steps; proposals, protocol items, plan
measures, quarterly reports and files are rows of their own. Everything is audited; a citizen's name and
contact never reach the audit log (they are kept only for the working group, under the citizen's consent).
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...extensions import db
from ...models import OrgUnit, Period, enum_column, utcnow

PROPOSAL_MAX = 3000  # characters a citizen may write (the form and the column agree)


class ProposalState(enum.StrEnum):
    NEW = "new"  # in the moderation queue
    ACCEPTED = "accepted"  # taken into a section of the analysis
    REJECTED = "rejected"  # considered, not accepted, with the reason
    SPAM = "spam"  # not a proposal (advertising, abuse): hidden from the counts


class MeasureState(enum.StrEnum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"


class Cycle(db.Model):
    """A school's half-year in public: what was announced, discussed, approved and published."""

    __tablename__ = "cycle"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"), index=True)

    # 1. Announcement: shown on the public page once announced_on is set; proposals taken while open.
    announced_on: Mapped[date | None] = mapped_column(Date)
    analysis_from: Mapped[date | None] = mapped_column(Date)
    analysis_to: Mapped[date | None] = mapped_column(Date)
    order_number: Mapped[str | None] = mapped_column(String(40))
    order_date: Mapped[date | None] = mapped_column(Date)
    scope: Mapped[str | None] = mapped_column(Text)  # what the analysis covers
    contacts: Mapped[str | None] = mapped_column(Text)  # other ways to send a proposal
    proposals_until: Mapped[date | None] = mapped_column(Date)
    proposals_open: Mapped[bool] = mapped_column(default=False)

    # 2. Public discussion: the draft's public page, and the protocol.
    draft_public: Mapped[bool] = mapped_column(default=False)
    discussion_on: Mapped[date | None] = mapped_column(Date)
    discussion_time: Mapped[str | None] = mapped_column(String(5))  # 14:00
    discussion_place: Mapped[str | None] = mapped_column(String(300))
    discussion_online: Mapped[bool] = mapped_column(default=False)
    protocol_number: Mapped[str | None] = mapped_column(String(40))
    chair: Mapped[str | None] = mapped_column(String(200))
    chair_position: Mapped[str | None] = mapped_column(String(300))
    participants: Mapped[int | None] = mapped_column(Integer)
    protocol_recorded_on: Mapped[date | None] = mapped_column(Date)
    # The protocol as signed, scanned (PDF or image), kept with the half-year's documents.
    protocol_file_id: Mapped[int | None] = mapped_column(ForeignKey("cycle_file.id", ondelete="SET NULL"))

    # 3. Approval: the head's order makes the certificate and the plan final.
    approval_order_number: Mapped[str | None] = mapped_column(String(40))
    approval_order_date: Mapped[date | None] = mapped_column(Date)
    approver_name: Mapped[str | None] = mapped_column(String(200))
    approver_position: Mapped[str | None] = mapped_column(String(300))

    # 5. Publication: a stable public URL while published_at is set.
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    school: Mapped[OrgUnit] = relationship()
    period: Mapped[Period] = relationship()
    protocol_file: Mapped[StoredFile | None] = relationship()

    __table_args__ = (UniqueConstraint("school_id", "period_id", name="uq_cycle_school_period"),)

    @property
    def audit_label(self) -> str:
        return f"{self.school.code if self.school else self.school_id} {self.period.code if self.period else ''}"

    @property
    def certificate_school_id(self) -> int | None:
        """The certificate this row feeds (its approval block): kept renders of it are dropped on change."""
        return self.school_id

    @property
    def announced(self) -> bool:
        return self.announced_on is not None

    @property
    def approved(self) -> bool:
        return bool(self.approval_order_number and self.approval_order_date)


class Proposal(db.Model):
    """What a citizen sent through the public form. Never shown publicly; the working group considers it."""

    __tablename__ = "cycle_proposal"
    __audited__ = True
    # Personal data stays out of the audit log; the log still records that a proposal came and its fate.
    __audit_exclude__ = frozenset({"author_name", "contact", "text"})

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(String(PROPOSAL_MAX))
    author_name: Mapped[str | None] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(200))
    consent: Mapped[bool] = mapped_column(default=False)
    state: Mapped[ProposalState] = mapped_column(enum_column(ProposalState), default=ProposalState.NEW)
    section: Mapped[str | None] = mapped_column(String(30))  # the section it was taken into or concerns
    reason: Mapped[str | None] = mapped_column(Text)  # how it was considered (required when not accepted)
    considered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    cycle: Mapped[Cycle] = relationship()

    @property
    def audit_scope(self) -> tuple[None, str | None, int | None]:
        return None, self.section, self.cycle.school_id if self.cycle else None

    @property
    def audit_label(self) -> str:
        return f"proposal {self.id}"

    @property
    def certificate_school_id(self) -> int | None:
        """The certificate this proposal feeds (its information sources)."""
        return _school_of(self.cycle_id)


class ProtocolItem(db.Model):
    """A proposal or remark heard at the public discussion, and the decision on it."""

    __tablename__ = "cycle_protocol_item"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    heard: Mapped[str] = mapped_column(String(2000))
    decision: Mapped[str] = mapped_column(String(2000))

    @property
    def audit_scope(self) -> tuple[None, None, int | None]:
        return None, None, _school_of(self.cycle_id)


class PlanMeasure(db.Model):
    """A row of the action plan: risk (and its section), measure, form of completion, responsible, deadline."""

    __tablename__ = "cycle_plan_measure"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    section: Mapped[str | None] = mapped_column(String(30))
    risk: Mapped[str] = mapped_column(String(1000))
    measure: Mapped[str] = mapped_column(String(2000))
    completion_form: Mapped[str] = mapped_column(String(300))
    responsible: Mapped[str] = mapped_column(String(300))
    deadline: Mapped[date | None] = mapped_column(Date)  # None: permanent («тұрақты / постоянно»)

    reports: Mapped[list[MeasureReport]] = relationship(back_populates="measure", cascade="all, delete-orphan",
                                                        order_by="MeasureReport.quarter")

    @property
    def audit_scope(self) -> tuple[None, str | None, int | None]:
        return None, self.section, _school_of(self.cycle_id)


class MeasureReport(db.Model):
    """A quarter's report on one measure: done (with evidence), in progress, or overdue (with the reason)."""

    __tablename__ = "cycle_measure_report"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("cycle_plan_measure.id", ondelete="CASCADE"), index=True)
    quarter: Mapped[str] = mapped_column(String(7))  # 2026-Q3
    state: Mapped[MeasureState] = mapped_column(enum_column(MeasureState))
    note: Mapped[str | None] = mapped_column(Text)  # evidence when done, the reason when overdue
    file_id: Mapped[int | None] = mapped_column(ForeignKey("cycle_file.id", ondelete="SET NULL"))
    reported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    measure: Mapped[PlanMeasure] = relationship(back_populates="reports")
    file: Mapped[StoredFile | None] = relationship()

    __table_args__ = (UniqueConstraint("measure_id", "quarter", name="uq_cycle_measure_report_measure_quarter"),)


class StoredFile(db.Model):
    """An uploaded evidence file or attachment; its bytes live in the file store under `key`."""

    __tablename__ = "cycle_file"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @property
    def org_unit_id(self) -> int:
        return self.school_id


def _school_of(cycle_id: int | None) -> int | None:
    """The school a cycle row belongs to, for the audit log (the identity map answers without a query)."""
    cycle = db.session.get(Cycle, cycle_id) if cycle_id else None
    return cycle.school_id if cycle else None
