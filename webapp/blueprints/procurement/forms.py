from flask_babel import lazy_gettext as _l
from wtforms import SelectField

from ...reporting.fields import CountField, LongText, MoneyField, ShortText, choices
from ...reporting.forms import SectionForm

# The procurement methods as the Public Procurement Law («О государственных закупках») and published certificates
# name them (the Kyzylorda dispensary's 2025 certificate lists pre-qualification and a framework agreement's second
# stage beside the usual four): open tender, tender with pre-qualification, tender using a framework agreement,
# auction, request for price quotations, purchase through the electronic shop, single source, and any other
# method under its own name.
METHODS = [("open_tender", _l("open tender")),
           ("prequalification_tender", _l("tender with pre-qualification")),
           ("framework_tender", _l("tender using a framework agreement")),
           ("auction", _l("auction")),
           ("price_request", _l("request for price quotations")),
           ("e_shop", _l("electronic shop")),
           ("single_source", _l("single source")),
           ("other", _l("other method (type its name)"))]


class ProcurementFactsForm(SectionForm):
    plan_orders = LongText(_l("Orders approving or changing the procurement plan (№ and date)"), translatable=False,
                           description=_l("e.g. №1 05.01.2025, №2 05.01.2025, №49 24.02.2025"))
    complaints_count = CountField(_l("Complaints about procurement"))
    cancellations_count = CountField(_l("Procurements cancelled"))
    complaints_description = LongText(_l("Complaints and cancellations: description"))


class ProcurementMethodForm(SectionForm):
    method = SelectField(_l("Procurement method"), choices=choices(METHODS))
    other_name = ShortText(_l("Name of the other method"), max_length=300,
                           description=_l("Only for «other method»."))
    contracts = CountField(_l("Contracts"), description=_l("Leave blank when not known; 0 when none."))
    amount = MoneyField(_l("Amount, tenge"), description=_l("Leave blank when not published; 0 only when none."))
    note = ShortText(_l("Note"))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Form level, because the name field's Optional() ends its own checks when it is empty.
        if self.method.data == "other" and not (self.other_name.data or "").strip():
            self.other_name.errors = [*self.other_name.errors, _l("Type the name of the method.")]
            valid = False
        if self.contracts.data is None and self.amount.data is None and not self.contracts.errors \
                and not self.amount.errors:
            self.contracts.errors = [*self.contracts.errors,
                                     _l("Give the number of contracts, the amount, or both.")]
            valid = False
        return valid

    def populate_obj(self, obj):
        super().populate_obj(obj)
        if obj.method != "other":
            obj.other_name = None  # a name typed before picking a listed method is not the method's name
