from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms.validators import InputRequired

from ...reporting.fields import ReportDateField, ShortText
from ...reporting.forms import SectionForm


class MonitoringEventForm(SectionForm):
    held_on = ReportDateField(_l("Date"), validators=[InputRequired()])
    kind = ShortText(_l("Event"), required=True, description=_l("e.g. public monitoring of the school canteen"))
    held_by = ShortText(_l("Held by or with"),
                        description=_l("e.g. with the chief specialist of the city education department"))
    result = ShortText(_l("Result"), max_length=2000)
    violations_found = BooleanField(_l("Violations found"))
