"""Admin forms. Cross-field rules (a school under a department, a school account on a school) live here."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

try:
    from wtforms import SelectChoice
except ImportError:  # WTForms < 3.3 takes (value, label) pairs; 3.3 deprecates them in favour of SelectChoice

    def SelectChoice(value, label):  # noqa: N802
        return value, label

from ...extensions import db
from ...models import OrgKind, OrgUnit, Period, Role, User
from ...passwords import MAX_LENGTH, password_problem

CODE_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*\Z"
MAX_ID = 2**31 - 1  # a larger id cannot be looked up on PostgreSQL (integer out of range)


def optional_id(value):
    """A chosen row id, or None for the blank choice; ValueError for anything else."""
    if value in (None, "", "None"):
        return None
    number = int(value)
    if not 0 < number <= MAX_ID:
        raise ValueError(value)
    return number


def _strip(value):
    """Pasted values often carry spaces or a line break at the ends."""
    return value.strip() if isinstance(value, str) else value


def _strip_or_none(value):
    """An optional field left empty stores NULL, as an untouched one does (no "∅ → ''" in the audit log)."""
    return _strip(value) or None


KIND_LABELS = {OrgKind.REGION: _l("Region"), OrgKind.DEPARTMENT: _l("City/district education department"),
               OrgKind.SCHOOL: _l("School")}
ROLE_LABELS = {Role.ADMIN: _l("Administrator"), Role.DEPARTMENT: _l("Education department (region or city)"),
               Role.SCHOOL: _l("School")}


def _optional_text(label, max_length: int, field_class=StringField):
    return field_class(label, filters=[_strip_or_none], validators=[Optional(), Length(max=max_length)])


def unit_choices(kinds=None, blank=None) -> list[SelectChoice]:
    """Units as select options, in tree order, indented by depth."""
    query = db.select(OrgUnit).order_by(OrgUnit.path)
    if kinds:
        query = query.where(OrgUnit.kind.in_(kinds))
    choices = [SelectChoice("", blank)] if blank else []
    for unit in db.session.scalars(query):
        indent = "\u2003" * (len(unit.ancestor_codes) - 1)
        choices.append(SelectChoice(unit.id, f"{indent}{unit.name} ({unit.code})"))
    return choices


class UnitForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=[SelectChoice(k.value, label) for k, label in KIND_LABELS.items()])
    code = StringField(_l("Code"), filters=[_strip], validators=[InputRequired(), Length(max=40), Regexp(
        CODE_PATTERN, message=_l("Lower-case Latin letters, digits and single hyphens, e.g. rudny-7."))],
        description=_l("Short and unique; it becomes the school's login name and part of links."))
    parent_id = SelectField(_l("Belongs to"), coerce=optional_id, validate_choice=False)
    name_kk = StringField(_l("Name (Kazakh)"), filters=[_strip], validators=[DataRequired(), Length(max=300)])
    name_ru = StringField(_l("Name (Russian)"), filters=[_strip], validators=[DataRequired(), Length(max=300)])
    legal_name_kk = _optional_text(_l("Full legal name (Kazakh)"), 1000, TextAreaField)
    legal_name_ru = _optional_text(_l("Full legal name (Russian)"), 1000, TextAreaField)
    parent_body_kk = _optional_text(_l("Parent body as on the certificate header (Kazakh)"), 500)
    parent_body_ru = _optional_text(_l("Parent body as on the certificate header (Russian)"), 500)
    city_kk = _optional_text(_l("City (Kazakh)"), 120)
    city_ru = _optional_text(_l("City (Russian)"), 120)
    head_name = _optional_text(_l("Head's name"), 200)
    bin = StringField(_l("BIN"), filters=[_strip_or_none],
                      validators=[Optional(), Regexp(r"^[0-9]{12}\Z", message=_l("12 digits."))])

    def __init__(self, *args, unit: OrgUnit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.parent_id.choices = unit_choices([OrgKind.REGION, OrgKind.DEPARTMENT], blank=_l("— none (a region) —"))
        if unit is not None:  # code and kind are fixed once created: links and logins depend on them
            del self.code
            del self.kind

    @property
    def chosen_kind(self) -> OrgKind | None:
        """The unit's kind; None when the posted one is missing or unknown (the kind field reports that)."""
        if self.unit:
            return self.unit.kind
        try:
            return OrgKind(self.kind.data)
        except ValueError:
            return None

    def validate_code(self, field):
        if db.session.scalar(db.select(OrgUnit.id).filter_by(code=field.data)):
            raise ValidationError(_l("This code is already taken."))

    def validate_parent_id(self, field):
        if self.chosen_kind is None:
            return
        expected = self.chosen_kind.parent_kind
        parent = db.session.get(OrgUnit, field.data) if field.data else None
        if expected is None and parent is not None:
            raise ValidationError(_l("A region does not belong to another unit."))
        if expected is not None and (parent is None or parent.kind is not expected):
            raise ValidationError(_l("A department belongs to a region, a school to a department."))
        if parent is not None and self.unit is not None and self.unit.contains(parent):
            raise ValidationError(_l("A unit cannot belong to itself or to a unit below it."))


class UserForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_strip], validators=[InputRequired(), Length(max=80), Regexp(
        r"^[a-z0-9][a-z0-9._-]*$", message=_l("Lower-case Latin letters, digits, dots, hyphens."))])
    full_name = StringField(_l("Full name"), filters=[_strip], validators=[Optional(), Length(max=200)])
    email = EmailField(_l("E-mail"), filters=[_strip_or_none], validators=[Optional(), Length(max=254), Regexp(
        r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("An e-mail address such as name@school.kz."))],
        description=_l("Reminders and review results are sent here."))
    locale = SelectField(_l("Language of messages"), choices=[SelectChoice("kk", "Қазақша"),
                                                               SelectChoice("ru", "Русский")], default="kk")
    role = SelectField(_l("Role"), choices=[SelectChoice(r.value, label) for r, label in ROLE_LABELS.items()])
    org_unit_id = SelectField(_l("Org unit"), coerce=optional_id, validate_choice=False)
    active = BooleanField(_l("Account active"), default=True)
    password = PasswordField(_l("Password"), validators=[Optional(), Length(max=MAX_LENGTH)],
                             render_kw={"autocomplete": "new-password"},
                             description=_l("At least 12 characters; a few unrelated words make a good one."))

    def __init__(self, *args, user: User | None = None, own: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.locale.data = self.locale.data or "kk"  # an account that never chose one reads Kazakh
        self.org_unit_id.choices = unit_choices(blank=_l("— none (administrator) —"))
        if user is not None:
            del self.username
            self.password.description = _l("Leave empty to keep the current password. A new one signs the "
                                            "account out everywhere.")
            if own:  # an administrator cannot lock themselves out by demoting or deactivating their own account
                del self.role
                del self.active
        else:
            self.password.validators = [InputRequired(), Length(max=MAX_LENGTH)]

    @property
    def chosen_role(self) -> Role | None:
        """The account's role; None when the posted one is missing or unknown (the role field reports that)."""
        if "role" not in self:
            return self.user.role
        try:
            return Role(self.role.data)
        except ValueError:
            return None

    def validate_username(self, field):
        if db.session.scalar(db.select(User.id).filter_by(username=field.data)):
            raise ValidationError(_l("This username is already taken."))

    def validate_password(self, field):
        if field.data:
            username = self.user.username if self.user else self.username.data
            problem = password_problem(field.data, user_inputs=(username or "", self.full_name.data or ""))
            if problem:
                raise ValidationError(problem)

    def validate_org_unit_id(self, field):
        if self.chosen_role is None:
            return
        unit = db.session.get(OrgUnit, field.data) if field.data else None
        if not self.chosen_role.accepts(unit):
            raise ValidationError(_l("An administrator has no unit; a department account belongs to a region "
                                     "or department; a school account to a school."))


class PeriodForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[InputRequired(), NumberRange(min=2015, max=2100)])
    half = SelectField(_l("Half-year"), coerce=int, choices=[SelectChoice(1, _l("First (January–June)")),
                                                              SelectChoice(2, _l("Second (July–December)"))])
    deadline = DateField(_l("Default deadline"), validators=[InputRequired()],
                         description=_l("Regions and departments may set their own."))
    is_open = BooleanField(_l("Open for submissions"), default=True)

    def __init__(self, *args, period: Period | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        if period is not None:
            del self.year
            del self.half

    def validate_half(self, field):
        if self.year.errors or self.year.data is None:
            return
        if db.session.scalar(db.select(Period.id).filter_by(year=self.year.data, half=field.data)):
            raise ValidationError(_l("This half-year already exists."))

    def validate_deadline(self, field):
        if self.period is not None:
            starts_on = self.period.starts_on
        elif self.year.errors or self.half.errors or self.year.data is None:
            return  # no valid half-year to compare with; those fields say what is wrong
        else:
            starts_on = date(self.year.data, 1 if self.half.data == 1 else 7, 1)
        if field.data and field.data < starts_on:
            raise ValidationError(_l("The deadline cannot come before the half-year starts."))

