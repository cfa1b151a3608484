from decimal import Decimal

from sqlalchemy import Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class ProcurementMethod(SectionRow, db.Model):
    """Contracts concluded by one procurement method: "price request – 57 contracts, 22 266 028,65 ₸".

    Either figure may be unknown (None): certificates often give only the sum (the seed's e-shop line) or only
    the contract count (published counts without amounts). None is «not given», never zero.
    """

    __tablename__ = "procurement_method"
    section_code = "procurement"

    method: Mapped[str] = mapped_column(String(30))  # a METHODS code (webapp/blueprints/procurement/forms.py)
    other_name: Mapped[str | None] = mapped_column(String(300))  # the method's own name, for method "other"
    contracts: Mapped[int | None]
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    note: Mapped[str | None] = mapped_column(String(500))

    def display_method(self) -> str:
        """The method as the table shows it: an «other» method by its own name."""
        from .forms import METHODS

        if self.method == "other" and self.other_name:
            return self.other_name
        return str(dict(METHODS).get(self.method, self.method))
