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
    """People hired, dismissed, gone on or back from long leave in one month for one staff category.

    Dated by year and month, so a span over an academic year reads October 2024 before January 2025. Only
    dismissals are turnover: a teacher on maternity leave keeps her post.
    """

    __tablename__ = "personnel_movement"
    section_code = "personnel"

    year: Mapped[int]
    month: Mapped[int]  # 1..12
    direction: Mapped[str] = mapped_column(String(10))  # hired / dismissed / long_leave / returned
    staff_category: Mapped[str] = mapped_column(String(20))  # teacher / support / administrative
    count: Mapped[int]
    reason: Mapped[str | None] = mapped_column(String(500))

    def display_year(self) -> str:
        return str(self.year)  # a year is not a quantity: «2025», never «2 025»


class DisciplinaryAction(SectionRow, db.Model):
    """A disciplinary penalty with the person and the order that imposed it (optional: the section's counts by
    kind of penalty may stand alone when a certificate names nobody)."""

    __tablename__ = "personnel_disciplinary"
    section_code = "personnel"

    person: Mapped[str] = mapped_column(String(200))
    penalty: Mapped[str] = mapped_column(String(20))  # warning / reprimand / severe_reprimand / dismissal
    order_number: Mapped[str] = mapped_column(String(40))
    order_date: Mapped[date] = mapped_column(Date)
    lifted_early: Mapped[bool] = mapped_column(default=False)
