from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField

from ...reporting.fields import LongText, MonthOrDateField, ReportDateField, ShortText, choices
from ...reporting.forms import SectionForm

# The documents an inspection ends with, as the certificate names them (certificate.RESULT_KINDS).
RESULT_KINDS = [("act", _l("act of inspection")), ("reference", _l("reference (certificate)")),
                ("representation", _l("representation")), ("recommendation", _l("recommendation")),
                ("prescription", _l("prescription"))]


def _none_if_empty(value):
    return value or None


class InspectionForm(SectionForm):
    """One inspection; the fields match InspectionColumns, so 2.10 uses this form as it is."""

    body = ShortText(_l("Inspecting body"), required=True, max_length=300)
    held_on = MonthOrDateField(_l("When the inspection took place (date, or month and year)"))
    period_checked = ShortText(_l("Period inspected"), max_length=100)
    subject = ShortText(_l("Subject of the inspection"), max_length=1000)
    result_kind = SelectField(_l("Result document: kind"), coerce=_none_if_empty,
                              choices=choices([("", _l("— not stated —")), *RESULT_KINDS]))
    result_number = ShortText(_l("Result document №"), max_length=100)
    result_date = ReportDateField(_l("Result document date"))
    violations_found = BooleanField(_l("Violations found"))
    description = LongText(_l("Findings"))
