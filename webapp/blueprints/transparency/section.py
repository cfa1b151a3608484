from flask_babel import lazy_gettext as _l

from ...reporting.sections import Section, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import TransparencyFactsForm

section = register(Section(
    code="transparency",
    number="2.5",
    title=_l("Transparency of information"),
    hint=_l("Where the school publishes its events and activity: the official website and social media, "
            "and how many publications there were this half-year."),
    facts_form=TransparencyFactsForm,
    # The addresses stay from one half-year to the next; the publication count is new each time.
    carry_over_facts=("website", "social_accounts"),
    summed_facts=("publications_count",),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
