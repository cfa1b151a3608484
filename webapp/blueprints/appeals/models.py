from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class Appeal(SectionRow, db.Model):
    """One appeal: how it came in, when it was received and answered, what it was about."""

    __tablename__ = "appeals_appeal"
    section_code = "appeals"

    channel: Mapped[str] = mapped_column(String(20))  # e_otinish / written / in_person / other
    received_on: Mapped[date] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)  # empty while unanswered
    subject: Mapped[str | None] = mapped_column(String(500))
