"""Forms of the public cycle: the announcement, a citizen's proposal, considering it, the discussion and its
protocol, the approval, plan measures and quarterly reports."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from ...reporting.fields import CountField, ReportDateField, ShortText, choices
from ...reporting.sections import SECTIONS
from .models import PROPOSAL_MAX


def date_field(label, required=False):
    """A date typed as the rest of the app takes it (dd.mm.yyyy, in any browser); not tied to the half-year."""
    return ReportDateField(label, validators=[DataRequired()] if required else [Optional()], half_year=None)


def section_choices(blank_label):
    """The report sections as select options, read when a form is built (every section registered by then)."""
    return choices([("", blank_label)] + [(s.code, s.label) for s in SECTIONS])


class SectionSelectForm(FlaskForm):
    """A form with a `section` select whose options are the registered sections."""

    blank_section = _l("— no section —")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.section.choices = section_choices(self.blank_section)

    def known_section(self) -> None:
        """Blank, or one of the sections (the select may be left out of a post altogether)."""
        self.section.data = self.section.data or ""
        if self.section.data and self.section.data not in {s.code for s in SECTIONS}:
            raise ValidationError(_l("Not a valid choice."))


class AnnouncementForm(FlaskForm):
    analysis_from = date_field(_l("The analysis runs from"), required=True)
    analysis_to = date_field(_l("to"), required=True)
    order_number = ShortText(_l("Head's order launching the analysis: №"), required=True, max_length=40)
    order_date = date_field(_l("Order date"), required=True)
    scope = TextAreaField(_l("What the analysis covers"), validators=[DataRequired(), Length(max=4000)])
    contacts = TextAreaField(_l("Other ways to send a proposal (phone, e-mail, office)"),
                             validators=[Optional(), Length(max=1000)])
    proposals_until = date_field(_l("Proposals are taken until"), required=True)

    def validate_analysis_to(self, field):
        if field.data and self.analysis_from.data and field.data < self.analysis_from.data:
            raise ValidationError(_l("The end is before the start."))


class ProposalForm(FlaskForm):
    """The citizen's form. `website` is the honeypot: hidden from people, filled in by bots."""

    text = TextAreaField(_l("Your proposal"), validators=[
        DataRequired(), Length(max=PROPOSAL_MAX, message=_l("At most %(max)d characters, please.", max=PROPOSAL_MAX))])
    author_name = ShortText(_l("Your name (optional)"), max_length=200)
    contact = ShortText(_l("Phone or e-mail for an answer (optional)"), max_length=200)
    consent = BooleanField(_l("I agree that the school processes the personal data I give here to consider "
                              "my proposal"))
    website = StringField(_l("Leave this field empty"))

    def validate_consent(self, field):
        if (self.author_name.data or self.contact.data) and not field.data:
            raise ValidationError(_l("To leave your name or contact, agree to their processing, or leave them "
                                     "empty."))


class ConsiderForm(SectionSelectForm):
    decision = RadioField(_l("Decision"), choices=choices([("accepted", _l("Accepted into the analysis")),
                                                           ("rejected", _l("Not accepted")),
                                                           ("spam", _l("Not a proposal (spam)"))]),
                          validators=[DataRequired(message=_l("Choose a decision."))])
    section = SelectField(_l("Section"), choices=[], validate_choice=False)
    reason = TextAreaField(_l("How it was considered"), validators=[Length(max=2000)])

    def validate_section(self, field):
        self.known_section()
        if self.decision.data == "accepted" and not field.data:
            raise ValidationError(_l("Say which section the proposal was taken into."))

    def validate_reason(self, field):
        if self.decision.data == "rejected" and not (field.data or "").strip():
            raise ValidationError(_l("Give the reason it was not accepted."))


class DiscussionForm(FlaskForm):
    discussion_on = date_field(_l("Date of the discussion"), required=True)
    discussion_time = StringField(_l("Time"), validators=[
        Optional(), Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", message=_l("Enter a time such as 14:00."))])
    discussion_place = ShortText(_l("Place, or the link of the online meeting"), required=True, max_length=300)
    discussion_online = BooleanField(_l("Held online"))
    draft_public = BooleanField(_l("Show the draft certificate on the public page for discussion"))


class ProtocolForm(FlaskForm):
    protocol_number = ShortText(_l("Protocol №"), max_length=40)
    chair = ShortText(_l("Chaired by: name"), required=True, max_length=200)
    chair_position = ShortText(_l("Chaired by: position"), max_length=300)
    participants = CountField(_l("Participants"), validators=[DataRequired(message=_l("How many took part?"))])
    protocol_recorded_on = date_field(_l("Date of the protocol"), required=True)


class ProtocolItemForm(FlaskForm):
    heard = TextAreaField(_l("Proposal or remark heard"), validators=[DataRequired(), Length(max=2000)])
    decision = TextAreaField(_l("Decision on it"), validators=[DataRequired(), Length(max=2000)])


class ApprovalForm(FlaskForm):
    approval_order_number = ShortText(_l("Approval order №"), required=True, max_length=40)
    approval_order_date = date_field(_l("Approval order date"), required=True)
    approver_name = ShortText(_l("Approved by: name"), required=True, max_length=200)
    approver_position = ShortText(_l("Approved by: position"), required=True, max_length=300)


class MeasureForm(SectionSelectForm):
    blank_section = _l("— general —")
    section = SelectField(_l("Section"), choices=[], validate_choice=False)

    def validate_section(self, field):
        self.known_section()
    risk = TextAreaField(_l("Corruption risk identified"), validators=[DataRequired(), Length(max=1000)])
    measure = TextAreaField(_l("Measure"), validators=[DataRequired(), Length(max=2000)])
    completion_form = ShortText(_l("Form of completion"), required=True, max_length=300)
    responsible = ShortText(_l("Responsible"), required=True, max_length=300)
    deadline = date_field(_l("Deadline (empty: permanent)"))


class ReportForm(FlaskForm):
    state = RadioField(_l("State"), choices=choices([("done", _l("done")), ("in_progress", _l("in progress")),
                                                     ("overdue", _l("overdue"))]),
                       validators=[DataRequired(message=_l("Choose a state."))])
    note = TextAreaField(_l("Evidence (when done) or the reason (when overdue)"), validators=[Length(max=10_000)])

    def validate_note(self, field):
        if self.state.data in ("done", "overdue") and not (field.data or "").strip() and not self.has_file:
            if self.state.data == "done":
                raise ValidationError(_l("Describe the evidence or attach a file."))
            raise ValidationError(_l("Give the reason it is overdue."))

    has_file = False
