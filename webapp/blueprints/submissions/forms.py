from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, RadioField, TextAreaField
from wtforms.validators import InputRequired, Length

from ...reporting.fields import MAX_TEXT, choices


class StartForm(FlaskForm):
    carry_over = BooleanField(_l("Copy from the last half-year what usually stays the same: staffing, working "
                                 "group, public services, positions exposed to risk, and last half-year's "
                                 "recommendations to report on"), default=True)


class ReopenForm(FlaskForm):
    reason = TextAreaField(_l("Why it is reopened"), validators=[InputRequired(), Length(max=MAX_TEXT)])


class ImportForm(FlaskForm):
    """A half-year's analysis as an `adal-submission` JSON document (docs/submission-format.md)."""

    document = FileField(_l("Analysis as a JSON file"), validators=[FileRequired(_l("Choose the file."))])


class TextLanguageForm(FlaskForm):
    """The official language the school types its texts in first; each text may carry the other beside it."""

    text_lang = RadioField(_l("The school types its texts first in"),
                           choices=choices([("kk", "Қазақша"), ("ru", "Русский")]), validators=[InputRequired()])
    # "1" once the clerk has read what the switch does and confirmed it: without it nothing changes.
    confirmed = HiddenField()
