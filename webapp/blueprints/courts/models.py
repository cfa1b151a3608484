from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class CourtCase(SectionRow, db.Model):
    """A court case: "№7527-25-00-2/5493 of 23.05.2025, «SHAKIRT GROUP» ЖШС, procurement, in the school's favour"."""

    __tablename__ = "courts_case"
    section_code = "courts"

    case_number: Mapped[str] = mapped_column(String(100))
    decided_on: Mapped[date | None] = mapped_column(Date)
    court: Mapped[str | None] = mapped_column(String(300))
    counterparty: Mapped[str | None] = mapped_column(String(300))
    subject: Mapped[str | None] = mapped_column(String(1000))
    outcome: Mapped[str] = mapped_column(String(20))  # in_favour / against / partly / pending / settled
