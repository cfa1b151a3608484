from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField
from wtforms.validators import InputRequired

from ...reporting.fields import CountField, DecimalNumberField, LongText, ReportDateField, ShortText, choices
from ...reporting.forms import SectionForm

MONTHS = [(1, _l("January")), (2, _l("February")), (3, _l("March")), (4, _l("April")), (5, _l("May")),
          (6, _l("June")), (7, _l("July")), (8, _l("August")), (9, _l("September")), (10, _l("October")),
          (11, _l("November")), (12, _l("December"))]
DIRECTIONS = [("hired", _l("hired")), ("dismissed", _l("dismissed"))]
STAFF_CATEGORIES = [("teacher", _l("teaching staff")), ("support", _l("support staff")),
                    ("administrative", _l("administrative staff"))]
PENALTIES = [("warning", _l("warning")), ("reprimand", _l("reprimand")),
             ("severe_reprimand", _l("severe reprimand")), ("dismissal", _l("dismissal"))]


class PersonnelFactsForm(SectionForm):
    administrative_total = CountField(
        _l("Administrative staff, total"),
        description=_l("As the staff list counts them; the rows below give each position."))
    teachers_total = CountField(_l("Teachers, total"))
    support_staff_total = CountField(_l("Support staff, total"))
    teachers_higher_education = CountField(_l("Teachers with higher education"))
    teachers_special_secondary = CountField(_l("Teachers with specialised secondary education"))
    category_pedagog = CountField(_l("Category «педагог»"))
    category_moderator = CountField(_l("Category «педагог-модератор»"))
    category_expert = CountField(_l("Category «педагог-сарапшы»"))
    category_researcher = CountField(_l("Category «педагог-зерттеуші»"))
    category_master = CountField(_l("Category «педагог-шебер»"))
    category_none = CountField(_l("Without a category"))
    vacancies = CountField(_l("Vacancies"))
    vacancies_published = ShortText(_l("Where and when vacancies were published"), max_length=1000)
    ethics_council_cases = CountField(_l("Cases at the pedagogical ethics council"))
    conflict_of_interest_cases = CountField(_l("Conflict-of-interest cases"))
    conflict_of_interest_description = LongText(_l("Conflict-of-interest cases: description"))


class AdministrativeStaffForm(SectionForm):
    position_title = ShortText(_l("Position"), required=True, max_length=300)
    persons = CountField(_l("Persons"), validators=[InputRequired()])
    staff_units = DecimalNumberField(_l("Staff units"))


class StaffMovementForm(SectionForm):
    month = SelectField(_l("Month"), choices=choices(MONTHS), coerce=int)
    direction = SelectField(_l("Hired or dismissed"), choices=choices(DIRECTIONS))
    staff_category = SelectField(_l("Staff category"), choices=choices(STAFF_CATEGORIES))
    count = CountField(_l("Number of people"), validators=[InputRequired()])
    reason = ShortText(_l("Reason"))


class DisciplinaryActionForm(SectionForm):
    person = ShortText(_l("Employee"), required=True, max_length=200)
    penalty = SelectField(_l("Penalty"), choices=choices(PENALTIES))
    order_number = ShortText(_l("Order №"), required=True, max_length=40)
    order_date = ReportDateField(_l("Order date"), validators=[InputRequired()], half_year="inside")
    lifted_early = BooleanField(_l("Lifted early"))
