import re
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from ...i18n import number
from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import TOPICS, certificate, leaves_out_unbroken_discipline
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


GROUPS = (("administrative_total", "administrative_units"), ("teachers_total", "teachers_units"),
          ("auxiliary_total", "auxiliary_units"), ("support_staff_total", "support_staff_units"))
PENALTY_COUNTS = ("disciplinary_warning", "disciplinary_reprimand", "disciplinary_severe_reprimand",
                  "disciplinary_dismissal")


def _parts_differ(data: SectionData, total_name: str, parts: tuple[str, ...]):
    """(sum of the parts given, the total) when the total and at least one part are given and they differ."""
    total = data.fact(total_name)
    given = [Decimal(str(data.fact(name))) for name in parts if data.fact(name) is not None]
    if total is None or not given:
        return None
    added = sum(given, Decimal(0))
    return (added, Decimal(str(total))) if added != Decimal(str(total)) else None


def staff_adds_up(data: SectionData) -> list[str]:
    """The groups' headcounts and staff units add up to the totals given (85 units: 14 + 30,5 + 16,5 + 24)."""
    messages = []
    differs = _parts_differ(data, "staff_total", tuple(persons for persons, _units in GROUPS))
    if differs:
        messages.append(str(_l("The staff groups add up to %(sum)s people, but all staff is %(total)s.",
                               sum=number(differs[0]), total=number(differs[1]))))
    differs = _parts_differ(data, "staff_units_total", tuple(units for _persons, units in GROUPS))
    if differs:
        messages.append(str(_l("The staff groups add up to %(sum)s staff units, but all staff is %(total)s units.",
                               sum=number(differs[0]), total=number(differs[1]))))
    return messages


def administrative_units_add_up(data: SectionData) -> list[str]:
    units, rows = data.fact("administrative_units"), data.rows.get("admin_staff") or []
    listed = [row.staff_units for row in rows if row.staff_units is not None]
    if units is None or not listed or len(listed) < len(rows):
        return []
    added = sum((Decimal(str(u)) for u in listed), Decimal(0))
    if added != Decimal(str(units)):
        return [str(_l("The administrative positions list %(sum)s staff units, but the administrative staff has "
                       "%(total)s.", sum=number(added), total=number(Decimal(str(units)))))]
    return []


def discipline_adds_up(data: SectionData) -> list[str]:
    """Counts by kind of penalty add up to the total; lifted early cannot exceed it; a named list agrees."""
    messages = []
    differs = _parts_differ(data, "disciplinary_total", PENALTY_COUNTS)
    if differs:
        messages.append(str(_l("Disciplinary actions by kind add up to %(sum)s, but the total is %(total)s.",
                               sum=number(differs[0]), total=number(differs[1]))))
    total, lifted = disciplinary_count(data), data.fact("disciplinary_lifted_early")
    if total is not None and lifted is not None and lifted > total:
        messages.append(str(_l("%(lifted)s disciplinary actions lifted early, but only %(total)s in all.",
                               lifted=number(lifted), total=number(total))))
    rows = data.rows.get("disciplinary") or []
    if rows and total is not None and len(rows) != total:
        messages.append(str(_l("The list names %(listed)s disciplinary actions, but the total is %(total)s.",
                               listed=number(len(rows)), total=number(total))))
    return messages


# A dismissal's reason that names a leave: maternity or childcare leave keeps the post (it is no turnover).
LEAVE_REASON = re.compile(r"декрет|бала\s+күтім|по\s+уходу|беременност|материнств|maternity|childcare",
                          re.IGNORECASE)


def dismissal_not_leave(data: SectionData) -> list[str]:
    """A dismissal whose reason names a maternity or childcare leave («декреттік демалысқа», «отпуск по уходу за
    ребёнком»): such a leave is entered as a long leave, which the turnover does not count."""
    messages = []
    for row in data.rows.get("movements") or []:
        reasons = [row.reason, *(row.translations or {}).values()]
        reason = next((r for r in reasons if r and LEAVE_REASON.search(r)), None)
        if row.direction == "dismissed" and reason:
            messages.append(str(_l("A dismissal gives «%(reason)s» as its reason: a maternity or childcare leave is "
                                   "no dismissal. Enter it as «left on long leave», which is not counted as "
                                   "turnover.", reason=reason)))
    return messages


def disciplinary_count(data: SectionData) -> int | None:
    """The total given, else the kinds' counts added, else None (not given)."""
    if data.fact("disciplinary_total") is not None:
        return data.fact("disciplinary_total")
    return data.total(*PENALTY_COUNTS)


def figures(data: SectionData) -> dict:
    movements = data.rows.get("movements", [])
    counted = disciplinary_count(data)
    units = data.fact("staff_units_total")
    if units is None:
        given = [data.fact(u) for _p, u in GROUPS if data.fact(u) is not None]
        units = sum((Decimal(str(u)) for u in given), Decimal(0)) if given else None
    return {
        "teachers": data.fact("teachers_total"),
        "staff": data.fact("staff_total") if data.fact("staff_total") is not None else
        data.total(*(persons for persons, _units in GROUPS)),
        "staff_units": None if units is None else Decimal(str(units)),
        "higher_education": data.fact("teachers_higher_education"),
        "top_categories": data.total("category_expert", "category_researcher", "category_master"),
        # Turnover counts dismissals only: long leave and returns keep the post, hires fill one.
        "staff_moves": sum(row.count or 0 for row in movements if row.direction == "dismissed")
        if data.started else None,
        "disciplinary": counted if counted is not None else data.count("disciplinary"),
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
                      "teachers_special_secondary", *CATEGORIES, "administrative_units", "teachers_units",
                      "auxiliary_total", "auxiliary_units", "support_staff_units", "staff_total",
                      "staff_units_total"),
    row_lists=(
        RowList("admin_staff", AdministrativeStaff, AdministrativeStaffForm, _l("Administrative staff"),
                carry_over=True, as_at=True),
        RowList("movements", StaffMovement, StaffMovementForm, _l("Hires, dismissals and long leave"),
                order_by=("year", "month")),
        RowList("disciplinary", DisciplinaryAction, DisciplinaryActionForm, _l("Disciplinary actions"),
                order_by=("order_date",)),
    ),
    checks=(education_adds_up, categories_add_up, administrative_staff_adds_up, staff_adds_up,
            administrative_units_add_up, discipline_adds_up, dismissal_not_leave),
    summed_facts=("ethics_council_cases", "conflict_of_interest_cases", "disciplinary_total", *PENALTY_COUNTS,
                  "disciplinary_lifted_early"),
    certificate=certificate,
    certificate_basis=leaves_out_unbroken_discipline,
    certificate_topics=TOPICS,
    figures=figures,
))
bp = make_blueprint(section, __name__)
