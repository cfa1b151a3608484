from flask_babel import lazy_gettext as _l

from ...reporting.sections import Section, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import DigitalFactsForm

section = register(Section(
    code="digital",
    number="2.3",
    title=_l("Digitalisation of processes and document flow"),
    hint=_l("Protection of staff and pupils' personal data, consents to their processing, and the order "
            "that sets which documents are kept and how."),
    facts_form=DigitalFactsForm,
    # The governing orders rarely change between half-years; the consent count follows the staff and does.
    carry_over_facts=("documents_basis_order_number", "documents_basis_order_date", "documents_basis_order_title",
                      "documents_basis_order_issuer", "documents_basis_order_registration_number",
                      "documents_basis_order_registration_date", "data_protection_order"),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
