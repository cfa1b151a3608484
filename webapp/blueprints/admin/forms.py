"""Admin forms. Cross-field rules (a school under a department, a school account on a school) live here."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ...extensions import db
from ...models import OrgKind, OrgUnit, Period, Role, User

CODE_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _optional_int(value):
    return int(value) if value not in (None, "", "None") else None


KIND_LABELS = {OrgKind.REGION: _l("Region"), OrgKind.DEPARTMENT: _l("City/district education department"),
               OrgKind.SCHOOL: _l("School")}
ROLE_LABELS = {Role.ADMIN: _l("Administrator"), Role.DEPARTMENT: _l("Education department (region or city)"),
               Role.SCHOOL: _l("School")}


def unit_choices(kinds=None, blank=None) -> list[tuple]:
    """Units as select options, in tree order, indented by depth."""
    query = db.select(OrgUnit).order_by(OrgUnit.path)
    if kinds:
        query = query.where(OrgUnit.kind.in_(kinds))
    choices = [("", blank)] if blank else []
    for unit in db.session.scalars(query):
        choices.append((unit.id, "\u2003" * (len(unit.ancestor_codes) - 1) + f"{unit.name} ({unit.code})"))
    return choices


class UnitForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=[(k.value, label) for k, label in KIND_LABELS.items()])
    code = StringField(_l("Code"), validators=[InputRequired(), Length(max=40), Regexp(
        CODE_PATTERN, message=_l("Lower-case Latin letters, digits and single hyphens, e.g. rudny-7."))],
        description=_l("Short and unique; it becomes the school's login name and part of links."))
    parent_id = SelectField(_l("Belongs to"), coerce=_optional_int, validate_choice=False)
    name_kk = StringField(_l("Name (Kazakh)"), validators=[InputRequired(), Length(max=300)])
    name_ru = StringField(_l("Name (Russian)"), validators=[InputRequired(), Length(max=300)])
    legal_name_kk = TextAreaField(_l("Full legal name (Kazakh)"), validators=[Optional(), Length(max=1000)])
    legal_name_ru = TextAreaField(_l("Full legal name (Russian)"), validators=[Optional(), Length(max=1000)])
    parent_body_kk = StringField(_l("Parent body as on the certificate header (Kazakh)"),
                                 validators=[Optional(), Length(max=500)])
    parent_body_ru = StringField(_l("Parent body as on the certificate header (Russian)"),
                                 validators=[Optional(), Length(max=500)])
    city_kk = StringField(_l("City (Kazakh)"), validators=[Optional(), Length(max=120)])
    city_ru = StringField(_l("City (Russian)"), validators=[Optional(), Length(max=120)])
    head_name = StringField(_l("Head's name"), validators=[Optional(), Length(max=200)])
    bin = StringField(_l("BIN"), validators=[Optional(), Regexp(r"^\d{12}$", message=_l("12 digits."))])

    def __init__(self, *args, unit: OrgUnit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.parent_id.choices = unit_choices([OrgKind.REGION, OrgKind.DEPARTMENT], blank=_l("— none (a region) —"))
        if unit is not None:  # code and kind are fixed once created: links and logins depend on them
            del self.code
            del self.kind

    @property
    def chosen_kind(self) -> OrgKind:
        return self.unit.kind if self.unit else OrgKind(self.kind.data)

    def validate_code(self, field):
        if db.session.scalar(db.select(OrgUnit.id).filter_by(code=field.data)):
            raise ValidationError(_l("This code is already taken."))

    def validate_parent_id(self, field):
        expected = self.chosen_kind.parent_kind
        parent = db.session.get(OrgUnit, field.data) if field.data else None
        if expected is None and parent is not None:
            raise ValidationError(_l("A region does not belong to another unit."))
        if expected is not None and (parent is None or parent.kind is not expected):
            raise ValidationError(_l("A department belongs to a region, a school to a department."))
        if parent is not None and self.unit is not None and self.unit.contains(parent):
            raise ValidationError(_l("A unit cannot belong to itself or to a unit below it."))


class UserForm(FlaskForm):
    username = StringField(_l("Username"), validators=[InputRequired(), Length(max=80), Regexp(
        r"^[a-z0-9][a-z0-9._-]*$", message=_l("Lower-case Latin letters, digits, dots, hyphens."))])
    full_name = StringField(_l("Full name"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), choices=[(r.value, label) for r, label in ROLE_LABELS.items()])
    org_unit_id = SelectField(_l("Org unit"), coerce=_optional_int, validate_choice=False)
    active = BooleanField(_l("Account active"), default=True)
    password = PasswordField(_l("Password"), validators=[Optional(), Length(min=8, max=200)],
                             render_kw={"autocomplete": "new-password"})

    def __init__(self, *args, user: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.org_unit_id.choices = unit_choices(blank=_l("— none (administrator) —"))
        if user is not None:
            del self.username
            self.password.description = _l("Leave empty to keep the current password.")
        else:
            self.password.validators = [InputRequired(), Length(min=8, max=200)]

    def validate_username(self, field):
        if db.session.scalar(db.select(User.id).filter_by(username=field.data)):
            raise ValidationError(_l("This username is already taken."))

    def validate_org_unit_id(self, field):
        unit = db.session.get(OrgUnit, field.data) if field.data else None
        if not Role(self.role.data).accepts(unit):
            raise ValidationError(_l("An administrator has no unit; a department account belongs to a region "
                                     "or department; a school account to a school."))


class PeriodForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[InputRequired(), NumberRange(min=2015, max=2100)])
    half = SelectField(_l("Half-year"), coerce=int, choices=[(1, _l("First (January–June)")),
                                                              (2, _l("Second (July–December)"))])
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
        if db.session.scalar(db.select(Period.id).filter_by(year=self.year.data, half=field.data)):
            raise ValidationError(_l("This half-year already exists."))

    def validate_deadline(self, field):
        period = self.period or Period(year=self.year.data or 2000, half=self.half.data or 1)
        if field.data and field.data < period.starts_on:
            raise ValidationError(_l("The deadline cannot come before the half-year starts."))

