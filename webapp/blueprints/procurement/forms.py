from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import InputRequired

from ...reporting.fields import CountField, LongText, MoneyField, ShortText, choices
from ...reporting.forms import SectionForm

METHODS = [("open_tender", _l("open tender")), ("price_request", _l("request for price quotations")),
           ("e_shop", _l("electronic shop")), ("single_source", _l("single source")), ("other", _l("other method"))]


class ProcurementFactsForm(SectionForm):
    plan_orders = LongText(_l("Orders approving or changing the procurement plan (№ and date)"),
                           description=_l("e.g. №1 05.01.2025, №2 05.01.2025, №49 24.02.2025"))
    complaints_count = CountField(_l("Complaints about procurement"))
    cancellations_count = CountField(_l("Procurements cancelled"))
    complaints_description = LongText(_l("Complaints and cancellations: description"))


class ProcurementMethodForm(SectionForm):
    method = SelectField(_l("Procurement method"), choices=choices(METHODS))
    contracts = CountField(_l("Contracts"))
    amount = MoneyField(_l("Amount, tenge"), validators=[InputRequired()])
    note = ShortText(_l("Note"))
