from flask_babel import lazy_gettext as _l

from ...reporting.sections import Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import ControlFactsForm


def functions_described(data: SectionData) -> list[str]:
    """"Yes" alone tells the department nothing: the certificate must say which functions."""
    if data.fact("performs_functions") == "yes" and not (data.fact("functions_description") or "").strip():
        return [str(_l("The school performs control or permit functions: describe which."))]
    return []


section = register(Section(
    code="control",
    number="2.7",
    title=_l("Control and permit functions"),
    hint=_l("Schools usually perform no control or permit functions; say so, or describe the ones performed."),
    facts_form=ControlFactsForm,
    required_facts=("performs_functions",),
    carry_over_facts=("performs_functions", "functions_description"),
    checks=(functions_described,),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
