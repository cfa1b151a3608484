from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, register
from ...reporting.views import make_blueprint
from ..inspections.forms import InspectionForm
from ..inspections.section import violations_marked
from .certificate import certificate
from .models import FiscalInspection

section = register(Section(
    code="fiscal",
    number="2.10",
    title=_l("Inspections by fiscal bodies"),
    hint=_l("Inspections by the state revenue (tax) bodies, their result documents and findings."),
    row_lists=(
        RowList("inspections", FiscalInspection, InspectionForm, _l("Fiscal inspections"),
                order_by=("result_date",)),
    ),
    checks=(violations_marked("inspections"),),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
