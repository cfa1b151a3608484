from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class ExposedPosition(SectionRow, db.Model):
    """A position exposed to corruption risks: "Директор | Бірінші қол қою құқығы | НҚА толық меңгермеуі"."""

    __tablename__ = "positions_position"
    section_code = "positions"

    position_title: Mapped[str] = mapped_column(String(300))  # "position" is the row order of SectionRow
    competence: Mapped[str | None] = mapped_column(String(1000))
    risk: Mapped[str | None] = mapped_column(String(1000))
