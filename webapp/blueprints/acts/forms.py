from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired

from ...reporting.fields import ReportDateField, ShortText
from ...reporting.forms import SectionForm


class ActsFactsForm(SectionForm):
    rules_body = ShortText(_l("Internal rules approved by"), max_length=300,
                          description=_l("E.g. the pedagogical council."))
    rules_protocol_number = ShortText(_l("Internal rules: protocol №"), max_length=40)
    rules_protocol_date = ReportDateField(_l("Internal rules: protocol date"))
    rules_order_number = ShortText(_l("Internal rules: order №"), max_length=40)
    rules_order_date = ReportDateField(_l("Internal rules: order date"))


class OrderForm(SectionForm):
    number = ShortText(_l("Order №"), required=True, max_length=40)
    # Orders from before the half-year are fine (an inventory order of last year still applies);
    # only dates after its end are refused, by the field itself.
    date = ReportDateField(_l("Date"), validators=[InputRequired()])
    title = ShortText(_l("Title of the order"), required=True, max_length=1000)
