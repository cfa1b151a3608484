from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class Recommendation(SectionRow, db.Model):
    """One measure of the action plan: "ҚР Сыбайлас жемқорлыққа қарсы заңнамасын қатаң сақтау; мерзімі: тұрақты"."""

    __tablename__ = "conclusion_recommendation"
    section_code = "conclusion"

    text: Mapped[str] = mapped_column(String(2000))
    risk: Mapped[str | None] = mapped_column(String(1000))
    section: Mapped[str | None] = mapped_column(String(30))  # the code of the section whose risk it answers
    deadline_kind: Mapped[str] = mapped_column(String(20))  # permanent / twice_a_year / date
    deadline_date: Mapped[date | None] = mapped_column(Date)  # only when deadline_kind is "date"
    responsible: Mapped[str | None] = mapped_column(String(300))


class FollowUp(SectionRow, db.Model):
    """A recommendation of the last half-year and how far it was carried out."""

    __tablename__ = "conclusion_followup"
    section_code = "conclusion"

    text: Mapped[str] = mapped_column(String(2000))
    deadline_kind: Mapped[str] = mapped_column(String(20))
    deadline_date: Mapped[date | None] = mapped_column(Date)
    # Empty on rows copied when the half-year starts: the school still has to say what became of them.
    status: Mapped[str | None] = mapped_column(String(20))  # done / in_progress / not_done
    comment: Mapped[str | None] = mapped_column(String(1000))
