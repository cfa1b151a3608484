from collections import Counter

from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import METHODS, ProcurementFactsForm, ProcurementMethodForm
from .models import ProcurementMethod


def methods_listed_once(data: SectionData) -> list[str]:
    """Each method is one line of the certificate; a second line for it is usually a double entry.

    "Other" is exempt: it covers different methods told apart by their notes.
    """
    labels = dict(METHODS)
    counts = Counter(row.method for row in data.rows.get("methods", []) if row.method != "other")
    return [str(_l("The procurement method «%(method)s» is listed %(times)s times: "
                   "put its contracts and amount on one row.", method=labels.get(method, method), times=times))
            for method, times in counts.items() if times > 1]


section = register(Section(
    code="procurement",
    number="2.2",
    title=_l("Financial and economic activity: public procurement"),
    hint=_l("Contracts and amounts by procurement method, the orders approving and changing the procurement "
            "plan, complaints and cancelled procurements."),
    facts_form=ProcurementFactsForm,
    row_lists=(
        RowList("methods", ProcurementMethod, ProcurementMethodForm, _l("Procurement by method")),
    ),
    checks=(methods_listed_once,),
    summed_facts=("complaints_count", "cancellations_count"),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
