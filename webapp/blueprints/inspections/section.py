from flask_babel import lazy_gettext as _l

from ...reporting.sections import Check, RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import InspectionForm
from .models import SupervisoryInspection


def violations_marked(list_name: str) -> Check:
    """A check that an inspection which found violations is reflected in the section's finding."""

    def check(data: SectionData) -> list[str]:
        bodies = [row.body for row in data.rows.get(list_name, []) if row.violations_found]
        if bodies and not (data.entry is not None and data.entry.violation_found):
            return [str(_l("An inspection found violations (%(bodies)s), but the section does not say "
                           "a violation was found.", bodies="; ".join(bodies)))]
        return []

    check.__name__ = f"violations_marked_{list_name}"
    return check


section = register(Section(
    code="inspections",
    number="2.9",
    title=_l("Inspections by supervisory bodies"),
    hint=_l("Inspections by the prosecutor's office and other supervisory bodies: the period and subject "
            "inspected, the result document and whether violations were found."),
    row_lists=(
        RowList("inspections", SupervisoryInspection, InspectionForm, _l("Inspections"),
                order_by=("result_date",)),
    ),
    checks=(violations_marked("inspections"),),
    certificate=certificate,
    figures=lambda data: {"inspections": data.count("inspections"),
                          "inspections_violations": data.count("inspections", lambda row: row.violations_found)},
))
bp = make_blueprint(section, __name__)
