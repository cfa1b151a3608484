from flask_babel import lazy_gettext as _l

from ...i18n import number
from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import TOPICS, certificate
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


def recipients_add_up(data: SectionData) -> list[str]:
    """The services' recipients, when each is given, add up to the total given (and never exceed it)."""
    total, rows = data.fact("recipients_total"), data.rows.get("services") or []
    given = [row.recipients for row in rows if row.recipients is not None]
    if total is None or not given:
        return []
    added = sum(given)
    if added > total or (len(given) == len(rows) and added != total):
        return [str(_l("The services' recipients add up to %(sum)s, but the total given is %(total)s.",
                       sum=number(added), total=number(total)))]
    return []


def recipients_given(data: SectionData) -> list[str]:
    """A service without its recipients needs the total over all services, or the figure is simply missing."""
    rows = data.rows.get("services") or []
    if data.fact("recipients_total") is None and any(row.recipients is None for row in rows):
        return [str(_l("Give each service's recipients, or the total of recipients over all services."))]
    return []


def recipients(data: SectionData) -> int | None:
    """The total given, else the services' recipients added up when every one is given; None: not known."""
    if data.fact("recipients_total") is not None:
        return data.fact("recipients_total")
    rows = data.rows.get("services") or []
    if not data.started or any(row.recipients is None for row in rows):
        return None
    return sum(row.recipients for row in rows)


def figures(data: SectionData) -> dict:
    return {"service_recipients": recipients(data)}


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
    checks=(electronic_within_recipients, recipients_add_up, recipients_given),
    summed_facts=("recipients_total",),
    certificate=certificate,
    certificate_topics=TOPICS,
    figures=figures,
))
bp = make_blueprint(section, __name__)
