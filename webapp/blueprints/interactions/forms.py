from flask_babel import lazy_gettext as _l

from ...reporting.fields import ReportDateField, ShortText
from ...reporting.forms import SectionForm


class InteractionForm(SectionForm):
    held_on = ReportDateField(_l("Date"), half_year="inside")
    body = ShortText(_l("Body, organisation or citizen"), required=True, max_length=300)
    subject = ShortText(_l("Subject"), max_length=1000)
    result = ShortText(_l("Result"), max_length=1000)
