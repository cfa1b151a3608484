from flask_babel import lazy_gettext as _l

from ...reporting.sections import Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import MediaFactsForm


def negative_publications_answered(data: SectionData) -> list[str]:
    # One response may cover several publications (or answer other posts), so only "none at all" is suspect.
    negative = data.fact("negative_publications") or 0
    if negative > 0 and not data.fact("responses_given"):
        return [str(_l("There were %(count)s negative publications, but no response is recorded.", count=negative))]
    return []


section = register(Section(
    code="media",
    number="2.12",
    title=_l("Monitoring of media and other sources"),
    hint=_l("Negative publications about the school in the media and social networks, and the responses given."),
    facts_form=MediaFactsForm,
    checks=(negative_publications_answered,),
    summed_facts=("negative_publications", "responses_given"),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
