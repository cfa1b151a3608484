from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField
from wtforms.validators import InputRequired, ValidationError

from ...reporting.fields import (
    CountField,
    DecimalNumberField,
    LongText,
    PersonName,
    ReportDateField,
    ShortText,
    choices,
)
from ...reporting.forms import SectionForm

MONTHS = [(1, _l("January")), (2, _l("February")), (3, _l("March")), (4, _l("April")), (5, _l("May")),
          (6, _l("June")), (7, _l("July")), (8, _l("August")), (9, _l("September")), (10, _l("October")),
          (11, _l("November")), (12, _l("December"))]
DIRECTIONS = [("hired", _l("hired")), ("dismissed", _l("dismissed")),
              ("long_leave", _l("left on long leave (maternity, childcare)")), ("returned", _l("returned from leave"))]
STAFF_CATEGORIES = [("teacher", _l("teaching staff")), ("support", _l("support staff")),
                    ("administrative", _l("administrative staff"))]
PENALTIES = [("warning", _l("warning")), ("reprimand", _l("reprimand")),
             ("severe_reprimand", _l("severe reprimand")), ("dismissal", _l("dismissal"))]


UNITS_HINT = _l("Staff units as the staff list gives them, e.g. 30,5 or 0,25.")


class PersonnelFactsForm(SectionForm):
    administrative_total = CountField(
        _l("Administrative staff, total"),
        description=_l("As the staff list counts them; the rows below give each position."))
    administrative_units = DecimalNumberField(_l("Administrative staff, staff units"), description=UNITS_HINT)
    teachers_total = CountField(_l("Teachers, total"))
    teachers_units = DecimalNumberField(_l("Teachers, staff units"))
    auxiliary_total = CountField(_l("Educational support staff, total"))
    auxiliary_units = DecimalNumberField(_l("Educational support staff, staff units"))
    support_staff_total = CountField(_l("Support staff, total"))
    support_staff_units = DecimalNumberField(_l("Support staff, staff units"))
    staff_total = CountField(_l("All staff, persons"),
                             description=_l("When the certificate gives only the total, leave the groups blank."))
    staff_units_total = DecimalNumberField(_l("All staff, staff units"))
    teachers_higher_education = CountField(_l("Teachers with higher education"))
    teachers_special_secondary = CountField(_l("Teachers with specialised secondary education"))
    category_pedagog = CountField(_l("Category «педагог»"))
    category_moderator = CountField(_l("Category «педагог-модератор»"))
    category_expert = CountField(_l("Category «педагог-сарапшы»"))
    category_researcher = CountField(_l("Category «педагог-зерттеуші»"))
    category_master = CountField(_l("Category «педагог-шебер»"))
    category_none = CountField(_l("Without a category"))
    disciplinary_total = CountField(_l("Disciplinary actions, total"),
                                    description=_l("Counts may stand alone when the certificate names nobody; "
                                                   "named actions go in the list below."))
    disciplinary_warning = CountField(_l("Of them: warnings"))
    disciplinary_reprimand = CountField(_l("Of them: reprimands"))
    disciplinary_severe_reprimand = CountField(_l("Of them: severe reprimands"))
    disciplinary_dismissal = CountField(_l("Of them: dismissals"))
    disciplinary_lifted_early = CountField(_l("Disciplinary actions lifted early"))
    vacancies = CountField(_l("Vacancies"))
    vacancies_published = ShortText(_l("Where and when vacancies were published"), max_length=1000)
    ethics_council_cases = CountField(_l("Cases at the pedagogical ethics council"))
    ethics_council_outcome = LongText(_l("Cases at the pedagogical ethics council: outcome"))
    conflict_of_interest_cases = CountField(_l("Conflict-of-interest cases"))
    conflict_of_interest_description = LongText(_l("Conflict-of-interest cases: description"))


class AdministrativeStaffForm(SectionForm):
    position_title = ShortText(_l("Position"), required=True, max_length=300)
    persons = CountField(_l("Persons"), validators=[InputRequired()])
    staff_units = DecimalNumberField(_l("Staff units"))


class StaffMovementForm(SectionForm):
    year = CountField(_l("Year"), validators=[InputRequired()])
    month = SelectField(_l("Month"), choices=choices(MONTHS), coerce=int)
    direction = SelectField(_l("Movement"), choices=choices(DIRECTIONS))
    staff_category = SelectField(_l("Staff category"), choices=choices(STAFF_CATEGORIES))
    count = CountField(_l("Number of people"), validators=[InputRequired()])
    reason = ShortText(_l("Reason"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.year.data is None and not self.year.raw_data and self.period is not None:
            self.year.data = self.period.year  # most movements fall in the half-year's own year

    def validate_year(self, field):
        if field.data is not None and self.period is not None \
                and not self.period.year - 1 <= field.data <= self.period.year:
            raise ValidationError(_l("Enter the year of the movement, %(before)s or %(year)s.",
                                     before=self.period.year - 1, year=self.period.year))

    def validate_month(self, field):
        if field.errors:  # not a month at all (13): that one message is enough
            return
        year = self.year.data
        if self.period is not None and year is not None and (year, field.data) > (self.period.ends_on.year,
                                                                                 self.period.ends_on.month):
            raise ValidationError(_l("The month is after the end of the half-year (%(end)s).",
                                     end=self.period.ends_on.strftime("%d.%m.%Y")))


class DisciplinaryActionForm(SectionForm):
    person = PersonName(_l("Employee"), required=True, max_length=200)
    penalty = SelectField(_l("Penalty"), choices=choices(PENALTIES))
    order_number = ShortText(_l("Order №"), required=True, max_length=40)
    order_date = ReportDateField(_l("Order date"), validators=[InputRequired()], half_year="inside")
    lifted_early = BooleanField(_l("Lifted early"))

