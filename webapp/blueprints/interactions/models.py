from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class Interaction(SectionRow, db.Model):
    """One dealing with a law enforcement body, an NGO or citizens: when, with whom, about what, and the result."""

    __tablename__ = "interactions_interaction"
    section_code = "interactions"

    held_on: Mapped[date | None] = mapped_column(Date)
    body: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str | None] = mapped_column(String(1000))
    result: Mapped[str | None] = mapped_column(String(1000))
