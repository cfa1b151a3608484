from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class MonitoringEvent(SectionRow, db.Model):
    """One monitoring event: "13.05.2024, public monitoring of the canteen with the department, no violations"."""

    __tablename__ = "monitoring_event"
    section_code = "monitoring"

    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(500))
    held_by: Mapped[str | None] = mapped_column(String(500))
    result: Mapped[str | None] = mapped_column(Text)
    violations_found: Mapped[bool] = mapped_column(default=False)
