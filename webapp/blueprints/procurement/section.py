from collections import Counter
from decimal import Decimal

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


def figures(data: SectionData) -> dict:
    """The amount bought by each method and in all (None when the section is not started)."""
    if not data.started:
        return {"procurement_total": None, **{f"proc_{method}": None for method, _label in METHODS}}
    by_method = {method: Decimal(0) for method, _label in METHODS}
    for row in data.rows.get("methods", []):
        by_method[row.method if row.method in by_method else "other"] += row.amount or 0
    return {"procurement_total": sum(by_method.values()),
            **{f"proc_{method}": amount for method, amount in by_method.items()}}


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
    figures=figures,
))
bp = make_blueprint(section, __name__)
