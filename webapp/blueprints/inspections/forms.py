from flask_babel import lazy_gettext as _l
from wtforms import BooleanField

from ...reporting.fields import LongText, ReportDateField, ShortText
from ...reporting.forms import SectionForm


class InspectionForm(SectionForm):
    """One inspection; the fields match InspectionColumns, so 2.10 uses this form as it is."""

    body = ShortText(_l("Inspecting body"), required=True, max_length=300)
    period_checked = ShortText(_l("Period inspected"), max_length=100)
    subject = ShortText(_l("Subject of the inspection"), max_length=1000)
    result_number = ShortText(_l("Result document №"), max_length=100)
    result_date = ReportDateField(_l("Result document date"))
    violations_found = BooleanField(_l("Violations found"))
    description = LongText(_l("Findings"))
