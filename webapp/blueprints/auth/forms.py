from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import AnyOf, DataRequired, EqualTo, Length, ValidationError

from ...passwords import MAX_LENGTH, password_problem


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=80)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)],
                             render_kw={"autocomplete": "current-password"})
    next = HiddenField()


class LanguageForm(FlaskForm):
    lang = HiddenField(validators=[AnyOf(("kk", "ru"))])
    next = HiddenField()


class PasswordChangeForm(FlaskForm):
    """One's own new password: the current one first, the new one twice, checked against the policy."""

    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=MAX_LENGTH)],
                            render_kw={"autocomplete": "current-password"})
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=MAX_LENGTH)],
                        render_kw={"autocomplete": "new-password"},
                        description=_l("At least 12 characters; a few unrelated words make a good one."))
    again = PasswordField(_l("New password again"),
                          validators=[DataRequired(), EqualTo("new", message=_l("The two new passwords differ."))],
                          render_kw={"autocomplete": "new-password"})

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def validate_current(self, field):
        if not self.user.check_password(field.data):
            raise ValidationError(_l("This is not your current password."))

    def validate_new(self, field):
        problem = password_problem(field.data, user_inputs=(self.user.username, self.user.full_name or ""))
        if problem:
            raise ValidationError(problem)
