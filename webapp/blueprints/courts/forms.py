from flask_babel import lazy_gettext as _l
from wtforms import SelectField

from ...reporting.fields import ReportDateField, ShortText, choices
from ...reporting.forms import SectionForm

OUTCOMES = [("in_favour", _l("in the school's favour")), ("against", _l("against the school")),
            ("partly", _l("partly in the school's favour")), ("pending", _l("not decided yet")),
            ("settled", _l("settled by agreement"))]


class CourtCaseForm(SectionForm):
    case_number = ShortText(_l("Case №"), required=True, max_length=100)
    decided_on = ReportDateField(_l("Decision date"))
    court = ShortText(_l("Court"), max_length=300)
    counterparty = ShortText(_l("Other party"), max_length=300)
    subject = ShortText(_l("Subject of the dispute"), max_length=1000)
    outcome = SelectField(_l("Outcome"), choices=choices(OUTCOMES))
