from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, register
from ...reporting.views import make_blueprint
from .certificate import certificate, leaves_out_no_practice
from .forms import CourtCaseForm
from .models import CourtCase

section = register(Section(
    code="courts",
    number="2.8",
    title=_l("Court practice"),
    required_texts=("basis",),
    hint=_l("Civil cases the school was a party to: case number, court, the other party, subject and outcome."),
    row_lists=(
        RowList("cases", CourtCase, CourtCaseForm, _l("Court cases"), order_by=("decided_on",)),
    ),
    certificate=certificate,
    certificate_basis=leaves_out_no_practice,
    figures=lambda data: {"court_cases": data.count("cases")},
))
bp = make_blueprint(section, __name__)
