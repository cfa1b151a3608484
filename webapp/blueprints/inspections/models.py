from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class InspectionColumns:
    """The columns of one inspection; shared by 2.9 (supervisory bodies) and 2.10 (fiscal bodies),
    whose rows have the same shape but live in their own tables."""

    body: Mapped[str] = mapped_column(String(300))
    # When the inspection took place, to the day or only to the month as acts often say («2024 жылғы ақпанда»):
    # ISO text "2024-02-23" or "2024-02" (reporting.fields.MonthOrDateField); None: not said.
    held_on: Mapped[str | None] = mapped_column(String(10))
    period_checked: Mapped[str | None] = mapped_column(String(100))  # "2024–2025", as the act words it
    subject: Mapped[str | None] = mapped_column(String(1000))
    # What the result document is (forms.RESULT_KINDS: act, reference, representation, prescription); None: not
    # said, written «құжат» / «документ».
    result_kind: Mapped[str | None] = mapped_column(String(20))
    result_number: Mapped[str | None] = mapped_column(String(100))
    result_date: Mapped[date | None] = mapped_column(Date)
    violations_found: Mapped[bool] = mapped_column(default=False)
    description: Mapped[str | None] = mapped_column(Text)


class SupervisoryInspection(InspectionColumns, SectionRow, db.Model):
    """An inspection by a supervisory body: "Рудный қаласының прокуратурасы, 2024–2025, №2-0904-25-01180"."""

    __tablename__ = "inspections_inspection"
    section_code = "inspections"
