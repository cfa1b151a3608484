from flask_babel import lazy_gettext as _l

from ...reporting.fields import ShortText
from ...reporting.forms import SectionForm


class ExposedPositionForm(SectionForm):
    position_title = ShortText(_l("Position"), required=True, max_length=300)
    competence = ShortText(_l("Competence linked to the risk"), max_length=1000)
    risk = ShortText(_l("Corruption risk"), max_length=1000)
