from flask_babel import lazy_gettext as _l
from wtforms import SelectField

from ...reporting.fields import CountField, LongText, MoneyField, ShortText, choices
from ...reporting.forms import SectionForm

METHODS = [("open_tender", _l("open tender")),
           ("prequalification_tender", _l("tender with pre-qualification")),
           ("framework_tender", _l("tender using a framework agreement")),
           ("rating_tender", _l("tender using a rating-and-points system")),
           ("auction", _l("auction")),
           ("price_request", _l("request for price quotations")),
           ("e_shop", _l("electronic shop")),
           ("commodity_exchange", _l("through commodity exchanges")),
           ("single_source", _l("single source")),
           ("other", _l("other method (type its name)"))]
"""The methods of public procurement, as the law names them.

Source: the Law of the Republic of Kazakhstan «О государственных закупках» / «Мемлекеттік сатып алу туралы» of
1 July 2024 № 106-VIII (in force from 1 January 2025; adilet Z2400000106), article 16 «Способы осуществления
государственных закупок»: tender (open; with pre-qualification; using a framework agreement; using a
rating-and-points system), auction, request for price quotations, from a single source, through commodity
exchanges, through the electronic shop. The article's number and the list were written from memory: neither
the project's research (shared/notes/domain.md) nor shared/reference/ cites this law, and its text could not be
read from here, so check both on adilet before relying on them. The tender forms also appear as separate lines
in published certificates (the Kyzylorda dispensary's 2025 certificate: pre-qualification 1, framework
agreement's second stage 3) and as separate methods on goszakup.gov.kz. «other» keeps a method under its own
name (e.g. a purchase under a special procedure). The codes are stored and exported (docs/submission-format.md):
add codes, never rename them.
"""


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
