from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, register
from ...reporting.views import make_blueprint
from .certificate import frame as certificate_frame
from .forms import ExposedPositionForm
from .models import ExposedPosition

section = register(Section(
    code="positions",
    number="",
    title=_l("Appendix 4: positions exposed to corruption risks"),
    hint=_l("The positions the analysis found exposed to corruption risks: the competence linked to the risk "
            "and the risk itself."),
    triplet=False,
    row_lists=(
        # The list rarely changes between half-years, so the next one starts from it.
        RowList("positions", ExposedPosition, ExposedPositionForm, _l("Positions exposed to corruption risks"),
                carry_over=True, as_at=True),
    ),
    required_rows=("positions",),
    figures=lambda data: {"exposed_positions": data.count("positions")},
    certificate_part="frame",
    certificate_frame=certificate_frame,
))
bp = make_blueprint(section, __name__)
