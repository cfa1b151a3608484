from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import InputRequired

from ...reporting.fields import CountField, ReportDateField, ShortText, choices
from ...reporting.forms import SectionForm

CHANNELS = [("e_otinish", _l("e-Otinish portal")), ("written", _l("in writing")), ("in_person", _l("in person")),
            ("other", _l("other channel"))]


class AppealsFactsForm(SectionForm):
    """Totals for schools that count appeals instead of listing each one."""

    received_count = CountField(_l("Appeals received"))
    answered_on_time_count = CountField(_l("Answered on time"))
    overdue_count = CountField(_l("Answered late"))
    from_individuals = CountField(_l("Received from individuals"))
    from_legal_entities = CountField(_l("Received from legal entities"))
    anonymous = CountField(_l("Received anonymously"))


class AppealForm(SectionForm):
    channel = SelectField(_l("Channel"), choices=choices(CHANNELS))
    received_on = ReportDateField(_l("Received on"), validators=[InputRequired()], half_year="inside")
    answered_on = ReportDateField(_l("Answered on"))
    subject = ShortText(_l("Subject"))
