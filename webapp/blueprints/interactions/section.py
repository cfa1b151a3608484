from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import InteractionForm
from .models import Interaction

section = register(Section(
    code="interactions",
    number="2.11",
    title=_l("Law enforcement bodies, NGOs and citizens"),
    hint=_l("Information received from law enforcement bodies, non-governmental organisations and citizens, "
            "and what the school did with it."),
    row_lists=(
        RowList("interactions", Interaction, InteractionForm, _l("Interactions"), order_by=("held_on",)),
    ),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
