from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from ..extensions import db
from ..models import utcnow


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


class CertificateRender(db.Model):
    """An accepted certificate's PDF or DOCX, rendered once and served again until anything it shows changes.

    Kept only when every half-year of the span is accepted; `kept.forget_changed` drops a school's renders in
    the same flush as any write to its analyses, its unit (or a unit above it) or their certificate texts, so a
    reopened, returned or edited analysis is never served stale. `version` changes with the certificate code.
    """

    __tablename__ = "certificate_render"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    first_period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"))
    last_period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(4))
    version: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (UniqueConstraint("school_id", "first_period_id", "last_period_id", "lang", "kind",
                                       name="uq_certificate_render_key"),)
