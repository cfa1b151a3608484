from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms.validators import InputRequired


class DeadlineForm(FlaskForm):
    deadline = DateField(_l("Deadline"), validators=[InputRequired()])
