from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import InputRequired, Length

from ...reporting.fields import LongText, ReportDateField, ShortText, TranslatableTextArea, choices
from ...reporting.forms import SectionForm
from ...reporting.plan import PlanMeasureForm

# The seed words them «тұрақты» and «жылына екі рет».
DEADLINE_KINDS = [("permanent", _l("permanent")), ("twice_a_year", _l("twice a year")),
                  ("date", _l("by a date"))]
STATUSES = [("", _l("not given yet")), ("done", _l("done")), ("in_progress", _l("in progress")),
            ("not_done", _l("not done"))]


class DeadlineDateField(ReportDateField):
    """A deadline: typed like any report date, but it may well lie after the half-year's end."""

    half_year = None


def _none_if_empty(value):
    return value or None


class SectionFormWithDeadline(SectionForm):
    """A row with a deadline kind and a date that is needed only when the kind is "by a date"."""

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # A form-level rule: the date field's own Optional() validator stops its chain when it is empty.
        if self.deadline_kind.data == "date" and self.deadline_date.data is None and not self.deadline_date.errors:
            self.deadline_date.errors.append(_l("Give the deadline date."))
            valid = False
        return valid


class ConclusionFactsForm(SectionForm):
    overall_finding = LongText(_l("Overall finding"))
    audience = ShortText(_l("The recommendations are addressed to"), max_length=300,
                         description=_l("E.g. all employees."))


class RecommendationForm(PlanMeasureForm, SectionFormWithDeadline):
    """A measure of the action plan: the section or risk it answers and who carries it out (reporting/plan.py)."""

    text = TranslatableTextArea(_l("Recommendation"), validators=[InputRequired(), Length(max=2000)],
                                render_kw={"rows": 2})
    section = SelectField(_l("Section it answers"), choices=[], coerce=_none_if_empty)
    risk = ShortText(_l("Risk it addresses"), max_length=1000,
                     description=_l("The risk in words, or leave it to the section chosen above."))
    deadline_kind = SelectField(_l("Deadline to carry it out"), choices=choices(DEADLINE_KINDS))
    deadline_date = DeadlineDateField(_l("Deadline date"))
    responsible = ShortText(_l("Responsible"), max_length=300)


class FollowUpForm(SectionFormWithDeadline):
    text = TranslatableTextArea(_l("Recommendation of the last half-year"),
                                validators=[InputRequired(), Length(max=2000)], render_kw={"rows": 2})
    deadline_kind = SelectField(_l("Deadline to carry it out"), choices=choices(DEADLINE_KINDS))
    deadline_date = DeadlineDateField(_l("Deadline date"))
    # "" stands for "not given yet" and is stored as NULL, which the section's check lists.
    status = SelectField(_l("Implementation status"), choices=choices(STATUSES), coerce=_none_if_empty)
    comment = ShortText(_l("Comment"), max_length=1000)
