from flask_babel import lazy_gettext as _l

from ...i18n import number
from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import ServiceProvidedForm, ServicesFactsForm
from .models import ServiceProvided


def electronic_within_recipients(data: SectionData) -> list[str]:
    """Those served electronically are part of the recipients, so they cannot outnumber them."""
    messages = []
    for row in data.rows.get("services") or []:
        if row.electronic is not None and row.recipients is not None and row.electronic > row.recipients:
            messages.append(str(_l("«%(service)s»: %(electronic)s served electronically, but only %(recipients)s "
                                   "recipients in all.", service=row.name(), electronic=number(row.electronic),
                                   recipients=number(row.recipients))))
    return messages


def figures(data: SectionData) -> dict:
    rows = data.rows.get("services") or []
    return {"service_recipients": sum(row.recipients or 0 for row in rows) if data.started else None}


section = register(Section(
    code="services",
    number="2.1",
    title=_l("Provision of public services"),
    hint=_l("The order assigning responsibility for public services, the e-school portal, and each service "
            "provided with its recipients."),
    facts_form=ServicesFactsForm,
    row_lists=(
        RowList("services", ServiceProvided, ServiceProvidedForm, _l("Public services provided"),
                columns=("service_code", "legal_basis", "responsible", "recipients", "amount", "electronic"),
                carry_over=True),
    ),
    required_rows=("services",),
    checks=(electronic_within_recipients,),
    certificate=certificate,
    figures=figures,
))
bp = make_blueprint(section, __name__)
