import datetime as dt

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...reporting.models import SectionRow


class Order(SectionRow, db.Model):
    """An order of the head checked for corruption risks: «Ыстық тамақпен қамтамасыз ету туралы» №174, 02.09.2024."""

    __tablename__ = "acts_order"
    section_code = "acts"

    number: Mapped[str] = mapped_column(String(40))  # as typed: "174", "55A-05/01"
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(1000))
