"""What the dashboard stores besides the figures: a unit's own flag thresholds and reminders to late schools."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...extensions import db
from ...models import OrgUnit, Period, User, utcnow


class FlagThreshold(db.Model):
    """A region's or department's own threshold for one risk flag; the nearest unit above a school wins."""

    __tablename__ = "flag_threshold"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(40))
    threshold: Mapped[Decimal] = mapped_column(Numeric(14, 2))

    org_unit: Mapped[OrgUnit] = relationship()

    __table_args__ = (UniqueConstraint("org_unit_id", "rule", name="uq_flag_threshold_unit_rule"),)

    @property
    def audit_scope(self) -> tuple[None, None, int]:
        return None, None, self.org_unit_id

    @property
    def audit_label(self) -> str:
        return self.rule


class Reminder(db.Model):
    """The department reminded a school that its half-year analysis is due; the school sees it at home."""

    __tablename__ = "reminder"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"))
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)

    school: Mapped[OrgUnit] = relationship()
    period: Mapped[Period] = relationship()
    sent_by: Mapped[User | None] = relationship()

    @property
    def audit_scope(self) -> tuple[None, None, int]:
        return None, None, self.school_id
