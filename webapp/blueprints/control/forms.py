from flask_babel import lazy_gettext as _l
from wtforms import SelectField

from ...reporting.fields import LongText, choices
from ...reporting.forms import SectionForm

# The empty choice keeps "not answered yet" apart from "no", so a draft never claims an answer.
PERFORMS = [("", "—"), ("yes", _l("yes")), ("no", _l("no"))]


class ControlFactsForm(SectionForm):
    performs_functions = SelectField(_l("Does the school perform control or permit functions?"),
                                     choices=choices(PERFORMS), default="")
    functions_description = LongText(_l("Which control or permit functions, and how they are performed"))
