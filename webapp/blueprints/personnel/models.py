from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class AdministrativeStaff(SectionRow, db.Model):
    """One administrative position: "deputy director for teaching – 1 person (1 unit)"."""

    __tablename__ = "personnel_admin_staff"
    section_code = "personnel"

    position_title: Mapped[str] = mapped_column(String(300))
    persons: Mapped[int]
    staff_units: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))


class StaffMovement(SectionRow, db.Model):
    """Hires or dismissals in one month for one staff category."""

    __tablename__ = "personnel_movement"
    section_code = "personnel"

    month: Mapped[int]  # 1..12
    direction: Mapped[str] = mapped_column(String(10))  # hired / dismissed
    staff_category: Mapped[str] = mapped_column(String(20))  # teacher / support / administrative
    count: Mapped[int]
    reason: Mapped[str | None] = mapped_column(String(500))


class DisciplinaryAction(SectionRow, db.Model):
    """A disciplinary penalty with the order that imposed it."""

    __tablename__ = "personnel_disciplinary"
    section_code = "personnel"

    person: Mapped[str] = mapped_column(String(200))
    penalty: Mapped[str] = mapped_column(String(20))  # warning / reprimand / severe_reprimand / dismissal
    order_number: Mapped[str] = mapped_column(String(40))
    order_date: Mapped[date] = mapped_column(Date)
    lifted_early: Mapped[bool] = mapped_column(default=False)
