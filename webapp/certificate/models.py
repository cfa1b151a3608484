from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class CertificateText(db.Model):
    """A region's or department's own wording of one fixed certificate text, in one language."""

    __tablename__ = "certificate_text"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    key: Mapped[str] = mapped_column(String(30))
    lang: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("org_unit_id", "key", "lang", name="uq_certificate_text_unit_key_lang"),)
