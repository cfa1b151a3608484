from flask_babel import lazy_gettext as _l

from ...reporting.fields import CountField, ReportDateField, ShortText
from ...reporting.forms import SectionForm


class DigitalFactsForm(SectionForm):
    personal_data_consents = CountField(
        _l("Staff consents to collecting and processing personal data"),
        description=_l("Only if counted: leave blank when the basis says consent was taken from every employee"))
    documents_basis_order_number = ShortText(
        _l("Order setting the mandatory documents kept: №"), max_length=40,
        description=_l("e.g. 130: order of the Minister of Education and Science of 06.04.2020"))
    documents_basis_order_date = ReportDateField(_l("Order setting the mandatory documents kept: date"))
    # The order as a certificate cites it in full: its title, who issued it (in the genitive, as it stands before
    # «бұйрығы» / after «приказ»), and its state registration («№20317, 06.04.2020» at the Ministry of Justice).
    documents_basis_order_title = ShortText(
        _l("Order setting the mandatory documents kept: title"), max_length=1000,
        description=_l("e.g. «…педагогтері жүргізу үшін міндетті құжаттардың тізбесін және олардың нысандарын "
                       "бекіту туралы»"))
    documents_basis_order_issuer = ShortText(
        _l("Order setting the mandatory documents kept: issued by"), max_length=300,
        description=_l("As it stands before «бұйрығы» / after «приказ»: «Қазақстан Республикасы Білім және ғылым "
                       "министрінің» / «Министра образования и науки Республики Казахстан»"))
    documents_basis_order_registration_number = ShortText(
        _l("Order setting the mandatory documents kept: state registration №"), max_length=40)
    documents_basis_order_registration_date = ReportDateField(
        _l("Order setting the mandatory documents kept: registration date"))
    data_protection_order = ShortText(
        _l("Order on information and personal-data protection"),
        description=_l("e.g. education department order №431 of 14.04.2021 «On protection of information»"))
