from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import AdministrativeStaffForm, DisciplinaryActionForm, PersonnelFactsForm, StaffMovementForm
from .models import AdministrativeStaff, DisciplinaryAction, StaffMovement

CATEGORIES = ("category_pedagog", "category_moderator", "category_expert", "category_researcher",
              "category_master", "category_none")


def _sum_differs(data: SectionData, parts: tuple[str, ...]) -> tuple[int, int] | None:
    """(sum of parts, teachers total) when both are given and differ."""
    total = data.fact("teachers_total")
    values = [data.fact(name) for name in parts]
    if total is None or all(v is None for v in values):
        return None
    added = sum(v or 0 for v in values)
    return (added, total) if added != total else None


def education_adds_up(data: SectionData) -> list[str]:
    differs = _sum_differs(data, ("teachers_higher_education", "teachers_special_secondary"))
    if differs:
        return [str(_l("Teachers by education add up to %(sum)s, but teachers total is %(total)s.",
                       sum=differs[0], total=differs[1]))]
    return []


def categories_add_up(data: SectionData) -> list[str]:
    differs = _sum_differs(data, CATEGORIES)
    if differs:
        return [str(_l("Teachers by qualification category add up to %(sum)s, but teachers total is %(total)s.",
                       sum=differs[0], total=differs[1]))]
    return []


def administrative_staff_adds_up(data: SectionData) -> list[str]:
    total, rows = data.fact("administrative_total"), data.rows.get("admin_staff") or []
    listed = sum(row.persons or 0 for row in rows)
    if total is not None and rows and listed != total:
        return [str(_l("The administrative positions list %(sum)s people, but the administrative staff total is "
                       "%(total)s.", sum=listed, total=total))]
    return []


def figures(data: SectionData) -> dict:
    movements = data.rows.get("movements", [])
    return {
        "teachers": data.fact("teachers_total"),
        "staff": data.total("administrative_total", "teachers_total", "support_staff_total"),
        "higher_education": data.fact("teachers_higher_education"),
        "top_categories": data.total("category_expert", "category_researcher", "category_master"),
        "staff_moves": sum(row.count or 0 for row in movements) if data.started else None,
        "disciplinary": data.count("disciplinary"),
    }


section = register(Section(
    code="personnel",
    number="2.2",
    title=_l("Personnel policy"),
    hint=_l("Staffing, teachers' education and categories, vacancies, hires and dismissals, discipline, "
            "ethics and conflicts of interest."),
    facts_form=PersonnelFactsForm,
    required_facts=("teachers_total", "support_staff_total", "teachers_higher_education"),
    carry_over_facts=("administrative_total", "teachers_total", "support_staff_total", "teachers_higher_education",
                      "teachers_special_secondary", *CATEGORIES),
    row_lists=(
        RowList("admin_staff", AdministrativeStaff, AdministrativeStaffForm, _l("Administrative staff"),
                carry_over=True, as_at=True),
        RowList("movements", StaffMovement, StaffMovementForm, _l("Hires and dismissals"),
                order_by=("month",)),
        RowList("disciplinary", DisciplinaryAction, DisciplinaryActionForm, _l("Disciplinary actions"),
                order_by=("order_date",)),
    ),
    checks=(education_adds_up, categories_add_up, administrative_staff_adds_up),
    summed_facts=("ethics_council_cases", "conflict_of_interest_cases"),
    certificate=certificate,
    figures=figures,
))
bp = make_blueprint(section, __name__)
