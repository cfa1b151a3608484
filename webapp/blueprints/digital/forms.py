from flask_babel import lazy_gettext as _l

from ...reporting.fields import CountField, ReportDateField, ShortText
from ...reporting.forms import SectionForm


class DigitalFactsForm(SectionForm):
    personal_data_consents = CountField(_l("Staff consents to collecting and processing personal data"))
    documents_basis_order_number = ShortText(
        _l("Order setting the mandatory documents kept: №"), max_length=40,
        description=_l("e.g. 130: order of the Minister of Education and Science of 06.04.2020"))
    documents_basis_order_date = ReportDateField(_l("Order setting the mandatory documents kept: date"))
    data_protection_order = ShortText(
        _l("Order on information and personal-data protection"),
        description=_l("e.g. education department order №431 of 14.04.2021 «On protection of information»"))
