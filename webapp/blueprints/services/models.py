from decimal import Decimal

from sqlalchemy import Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from ...extensions import db
from ...i18n import current_language
from ...reporting.models import SectionRow


class ServiceProvided(SectionRow, db.Model):
    """One public service the school provides, with how many people received it in the half-year."""

    __tablename__ = "services_service"
    section_code = "services"

    service_code: Mapped[str | None] = mapped_column(String(40))  # a PUBLIC_SERVICES code; None: another service
    service_name: Mapped[str | None] = mapped_column(String(500))  # typed name of a service not in the list
    legal_basis: Mapped[str | None] = mapped_column(String(1000))
    responsible: Mapped[str | None] = mapped_column(String(200))
    recipients: Mapped[int | None]  # None: not given per service (the certificate may give only a total)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # tenge, e.g. material aid
    electronic: Mapped[int | None]  # of the recipients, how many were served electronically

    def display_service_code(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        """The service's name in `lang` (the current language by default), or the name typed for it."""
        from .forms import PUBLIC_SERVICES

        service = next((s for s in PUBLIC_SERVICES if s["code"] == self.service_code), None)
        if service is None:
            return self.service_name or self.service_code or ""
        return service[lang or current_language()]
