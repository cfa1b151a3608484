from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class WorkingGroupMember(SectionRow, db.Model):
    """A member of the working group the head's order set up to conduct the analysis."""

    __tablename__ = "general_working_group"
    section_code = "general"

    name: Mapped[str] = mapped_column(String(200))
    position_title: Mapped[str] = mapped_column(String(300))  # "position" is the row order of SectionRow
    role: Mapped[str | None] = mapped_column(String(20))  # head / member / secretary; None: the order states none
