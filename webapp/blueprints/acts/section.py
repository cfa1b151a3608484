from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import ActsFactsForm, OrderForm
from .models import Order

section = register(Section(
    code="acts",
    number="1.1",
    title=_l("Normative legal and internal acts"),
    hint=_l("How the internal rules were approved, and the orders issued in the half-year that were checked "
            "for corruption risks."),
    facts_form=ActsFactsForm,
    row_lists=(
        RowList("orders", Order, OrderForm, _l("Orders"), order_by=("date",)),
    ),
    required_rows=("orders",),
    certificate=certificate,
    certificate_part="I",
))
bp = make_blueprint(section, __name__)
