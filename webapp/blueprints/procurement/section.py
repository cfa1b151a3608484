from collections import Counter
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from ...i18n import money, number, percent
from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import METHODS, ProcurementFactsForm, ProcurementMethodForm
from .models import ProcurementMethod

# The methods the dashboard shows a share of each; the rest (tender forms, auction, others) count as "other".
DASHBOARD_METHODS = ("open_tender", "price_request", "e_shop", "single_source", "other")


def methods_listed_once(data: SectionData) -> list[str]:
    """Each method is one line of the certificate; a second line for it is usually a double entry.

    "Other" is exempt: it covers different methods told apart by their names.
    """
    labels = dict(METHODS)
    counts = Counter(row.method for row in data.rows.get("methods", []) if row.method != "other")
    return [str(_l("The procurement method «%(method)s» is listed %(times)s times: "
                   "put its contracts and amount on one row.", method=labels.get(method, method), times=times))
            for method, times in counts.items() if times > 1]


def none_without_amount(data: SectionData) -> list[str]:
    """No contracts cannot have cost money: 0 contracts beside an amount above 0 is a typing slip."""
    labels = dict(METHODS)
    return [str(_l("«%(method)s»: 0 contracts, but an amount of %(amount)s.", method=labels.get(row.method, row.method),
                   amount=money(row.amount)))
            for row in data.rows.get("methods", []) if row.contracts == 0 and row.amount]


class Totals:
    """The section's contracts and amounts in all, each None when any row leaves it unknown.

    A row with 0 contracts and no amount is a method not used: its amount is 0, not unknown.
    """

    def __init__(self, rows):
        rows = list(rows)
        self.rows = rows
        self.contracts = None if any(r.contracts is None for r in rows) else sum(r.contracts for r in rows)
        self.unknown_amounts = [r for r in rows if r.amount is None and r.contracts != 0]
        self.amount = None if self.unknown_amounts else sum((Decimal(r.amount or 0) for r in rows), Decimal(0))

    def contracts_of(self, method: str) -> int | None:
        rows = [r for r in self.rows if r.method == method]
        return None if any(r.contracts is None for r in rows) else sum(r.contracts for r in rows)

    def amount_of(self, method: str) -> Decimal | None:
        rows = [r for r in self.rows if r.method == method]
        if any(r.amount is None and r.contracts != 0 for r in rows):
            return None
        return sum((Decimal(r.amount or 0) for r in rows), Decimal(0))


def summary(data: SectionData) -> list[str]:
    """Contracts and amounts in all, and the single-source share by count and by amount, on the section page."""
    rows = data.rows.get("methods", [])
    if not rows:
        return []
    totals = Totals(rows)
    lines = [str(_l("Contracts in all: %(n)s.", n=number(totals.contracts))) if totals.contracts is not None else
             str(_l("Contracts in all: not known (a method's count is not given)."))]
    if totals.amount is not None:
        lines.append(str(_l("Amount in all: %(sum)s.", sum=money(totals.amount))))
    elif all(r.amount is None for r in rows):
        lines.append(str(_l("Amount in all: not given.")))
    else:
        known = sum((Decimal(r.amount) for r in rows if r.amount is not None), Decimal(0))
        lines.append(str(_l("Amount in all: not known (amounts not given for %(n)s of %(all)s methods); the amounts "
                            "given add up to %(sum)s.", n=len(totals.unknown_amounts), all=len(rows),
                            sum=money(known))))
    single_count, single_amount = totals.contracts_of("single_source"), totals.amount_of("single_source")
    if totals.contracts:
        lines.append(str(_l("Single source by count: %(part)s of %(all)s contracts (%(share)s).",
                            part=number(single_count) if single_count is not None else "—",
                            all=number(totals.contracts),
                            share=percent(single_count / totals.contracts, digits=1)
                            if single_count is not None else "—")))
    if totals.amount:
        lines.append(str(_l("Single source by amount: %(share)s.",
                            share=percent(single_amount / totals.amount, digits=1))))
    return lines


def figures(data: SectionData) -> dict:
    """Amounts by method and in all, contracts in all and by single source; None for every figure not known."""
    if not data.started:
        return {"procurement_total": None, "contracts_total": None, "contracts_single_source": None,
                **{f"proc_{method}": None for method in DASHBOARD_METHODS}}
    rows = data.rows.get("methods", [])
    totals = Totals(rows)
    by_method: dict[str, Decimal | None] = {}
    for method in DASHBOARD_METHODS:
        members = [m for m, _label in METHODS if (m if m in DASHBOARD_METHODS else "other") == method]
        amounts = [totals.amount_of(m) for m in members]
        by_method[method] = None if any(a is None for a in amounts) else sum(amounts, Decimal(0))
    return {"procurement_total": totals.amount, "contracts_total": totals.contracts,
            "contracts_single_source": totals.contracts_of("single_source"),
            **{f"proc_{method}": amount for method, amount in by_method.items()}}


section = register(Section(
    code="procurement",
    number="2.2",
    title=_l("Financial and economic activity: public procurement"),
    hint=_l("Contracts and amounts by procurement method (leave what is not published blank), the orders "
            "approving and changing the procurement plan, complaints and cancelled procurements."),
    facts_form=ProcurementFactsForm,
    row_lists=(
        RowList("methods", ProcurementMethod, ProcurementMethodForm, _l("Procurement by method"),
                columns=("method", "contracts", "amount", "note")),
    ),
    checks=(methods_listed_once, none_without_amount),
    summary=summary,
    summed_facts=("complaints_count", "cancellations_count"),
    certificate=certificate,
    figures=figures,
))
bp = make_blueprint(section, __name__)
