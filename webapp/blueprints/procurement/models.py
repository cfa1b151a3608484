from decimal import Decimal

from sqlalchemy import Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class ProcurementMethod(SectionRow, db.Model):
    """Contracts concluded by one procurement method: "price request – 57 contracts, 22 266 028,65 ₸"."""

    __tablename__ = "procurement_method"
    section_code = "procurement"

    method: Mapped[str] = mapped_column(String(20))  # open_tender / price_request / e_shop / single_source / other
    # Nullable: certificates often give only the sum (the seed's e-shop line has no contract count).
    contracts: Mapped[int | None]
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    note: Mapped[str | None] = mapped_column(String(500))
