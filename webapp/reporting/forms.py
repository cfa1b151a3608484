"""The forms every section shares: the narrative triplet and the warnings explanation."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField
from wtforms.validators import ValidationError

from .fields import LongText, choices


def _yes_no(value):
    if value in (True, "yes", "True", "1"):
        return True
    if value in (False, "no", "False", "0"):
        return False
    return None


class SectionForm(FlaskForm):
    """Base of every section form: knows the half-year, so dates after its end are refused."""

    def __init__(self, *args, period=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period


class NarrativeForm(SectionForm):
    nothing_to_report = BooleanField(_l("Nothing to report: this does not apply to our school this half-year"))
    risks = LongText(_l("Corruption risks"))
    basis = LongText(_l("Basis"))
    recommendations = LongText(_l("Recommendations to eliminate them"))
    violation_found = RadioField(_l("Was a violation found?"), choices=choices([("no", _l("No")), ("yes", _l("Yes"))]),
                                 coerce=_yes_no, validate_choice=False)
    violation_description = LongText(_l("Description of the violation"))

    def validate_violation_found(self, field):
        if field.raw_data and field.raw_data[0] not in ("yes", "no"):
            raise ValidationError(_l("Choose yes or no."))


class ExplanationForm(SectionForm):
    warnings_explanation = LongText(_l("Why the figures are right as they are"))
