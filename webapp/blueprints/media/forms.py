from flask_babel import lazy_gettext as _l

from ...reporting.fields import CountField, LongText
from ...reporting.forms import SectionForm


class MediaFactsForm(SectionForm):
    negative_publications = CountField(_l("Negative publications about the school"))
    responses_given = CountField(_l("Responses given"))
    description = LongText(_l("Monitoring and responses: description"))
