"""The indicators the dashboard compares, each defined once over the stored figures.

An indicator is a sum of figures, or a ratio of two sums scaled to a percentage or a rate per 100 staff.
For one school that is its own figures; for a city or a region the sums are taken first, so a city's
"% with higher education" weighs every teacher equally rather than averaging the schools' percentages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol
from flask_babel import lazy_gettext as _l
from sqlalchemy import Float, and_, cast, func

from ...i18n import FORMAT_LOCALES, current_language
from ...reporting.figures import SubmissionFigures as F


@dataclass(frozen=True)
class Indicator:
    key: str
    label: Any  # lazy string
    kind: str  # count / units (staff units, up to 2 decimals) / money / percent / rate
    numerator: str  # a SubmissionFigures column
    denominator: str | None = None
    section: str = ""  # the section the figure comes from (links from the dashboard)
    group: Any = ""  # heading over a run of columns

    @property
    def scale(self) -> float:
        return 100.0 if self.denominator else 1.0

    def school_value(self):
        """SQL: this school's value (NULL when a figure is missing or the denominator is 0)."""
        numerator = cast(getattr(F, self.numerator), Float)
        if self.denominator is None:
            return numerator
        return self.scale * numerator / func.nullif(cast(getattr(F, self.denominator), Float), 0)

    def total_parts(self) -> list:
        """SQL aggregates to put in a GROUP BY: the summed numerator (and denominator)."""
        # Summed as stored (whole numbers, money): converting every row to floating point first costs more than
        # the sum; total_from() turns the few sums into floats.
        numerator = getattr(F, self.numerator)
        if self.denominator is None:
            return [func.sum(numerator)]
        # Only schools that gave both figures count on either side, so the city's share stays within 0–100 %.
        denominator = getattr(F, self.denominator)
        both = and_(numerator.is_not(None), denominator.is_not(None))
        return [func.sum(numerator).filter(both), func.sum(denominator).filter(both)]

    def given_part(self):
        """SQL aggregate: how many schools gave the figure (both figures of a share), as the totals count them."""
        numerator = getattr(F, self.numerator)
        if self.denominator is None:
            return func.count(numerator)
        return func.count(numerator).filter(getattr(F, self.denominator).is_not(None))

    @property
    def part_count(self) -> int:
        return 2 if self.denominator else 1

    def total_from(self, parts: list) -> float | None:
        if self.denominator is None:
            return None if parts[0] is None else float(parts[0])
        numerator, denominator = parts
        if numerator is None or not denominator:
            return None
        return self.scale * float(numerator) / float(denominator)

    @property
    def unit(self) -> str:
        return {"percent": "%", "rate": str(_l("per 100 staff")), "money": "₸"}.get(self.kind, "")


def _share(method: str, label) -> Indicator:
    return Indicator(f"{method}_pct", label, "percent", f"proc_{method}", "procurement_total",
                     "procurement", _l("Procurement"))


INDICATORS: list[Indicator] = [
    Indicator("teachers", _l("Teachers"), "count", "teachers", None, "personnel", _l("Personnel")),
    Indicator("staff_units", _l("Staff units"), "units", "staff_units", None, "personnel", _l("Personnel")),
    Indicator("higher_education_pct", _l("With higher education, %"), "percent", "higher_education", "teachers",
              "personnel", _l("Personnel")),
    Indicator("top_categories_pct", _l("In the top categories, %"), "percent", "top_categories", "teachers",
              "personnel", _l("Personnel")),
    Indicator("turnover", _l("Staff turnover per 100 staff"), "rate", "staff_moves", "staff",
              "personnel", _l("Personnel")),
    Indicator("disciplinary_rate", _l("Disciplinary actions per 100 staff"), "rate", "disciplinary", "staff",
              "personnel", _l("Personnel")),
    Indicator("procurement_total", _l("Procurement, total"), "money", "procurement_total", None,
              "procurement", _l("Procurement")),
    Indicator("contracts_total", _l("Contracts, total"), "count", "contracts_total", None,
              "procurement", _l("Procurement")),
    Indicator("single_source_count_pct", _l("Single source by count of contracts, %"), "percent",
              "contracts_single_source", "contracts_total", "procurement", _l("Procurement")),
    _share("single_source", _l("Single source by amount, %")),
    _share("open_tender", _l("Open tender, %")),
    _share("price_request", _l("Price quotations, %")),
    _share("e_shop", _l("Electronic shop, %")),
    _share("other", _l("Other methods, %")),
    Indicator("appeals_received", _l("Appeals received"), "count", "appeals_received", None,
              "appeals", _l("Appeals and services")),
    Indicator("appeals_on_time_pct", _l("Appeals answered on time, %"), "percent", "appeals_on_time",
              "appeals_received", "appeals", _l("Appeals and services")),
    Indicator("service_recipients", _l("Public-service recipients"), "count", "service_recipients", None,
              "services", _l("Appeals and services")),
    Indicator("inspections", _l("Inspections"), "count", "inspections", None, "inspections", _l("Oversight")),
    Indicator("inspections_violations", _l("Inspections that found violations"), "count",
              "inspections_violations", None, "inspections", _l("Oversight")),
    Indicator("court_cases", _l("Court cases"), "count", "court_cases", None, "courts", _l("Oversight")),
    Indicator("sections_violation", _l("Sections with a violation found"), "count", "sections_violation", None,
              "", _l("Oversight")),
    Indicator("exposed_positions", _l("Positions in Appendix 4"), "count", "exposed_positions", None,
              "positions", _l("Analysis")),
    Indicator("followups", _l("Recommendations of the last half-year"), "count", "followups", None,
              "conclusion", _l("Analysis")),
    Indicator("followups_done_pct", _l("Of them done, %"), "percent", "followups_done", "followups",
              "conclusion", _l("Analysis")),
]
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}


def indicator_or_none(key: str | None) -> Indicator | None:
    return BY_KEY.get(key or "")


# --- Formatting many cells fast -------------------------------------------------------------------
# Babel's format_decimal costs tens of microseconds a call; a 400-row table has ~8,000 cells. The separators
# are read from Babel once per language and applied to Python's own formatting, which gives the same text.

@lru_cache
def _symbols(lang: str) -> tuple[str, str]:
    locale = FORMAT_LOCALES[lang]
    return get_group_symbol(locale), get_decimal_symbol(locale)


def number_formatter(lang: str | None = None) -> Callable[[float | None, int], str]:
    group, decimal = _symbols(lang or current_language())

    def fmt(value: float | None, digits: int = 0) -> str:
        if value is None:
            return "—"
        if isinstance(value, float | int):  # grouped with "_", one replacement fewer for each of a long
            return f"{value:_.{digits}f}".replace(".", decimal).replace("_", group)  # comparison's ~9,700 cells
        text = f"{value:,.{digits}f}"  # Decimal knows no "_" grouping
        return text.replace(",", "\0").replace(".", decimal).replace("\0", group)

    return fmt


def formatter(lang: str | None = None) -> Callable[[Indicator, float | None], str]:
    """(indicator, value) -> "45,2 %", "22 307 468,65 ₸", "3,1", "76" in the language's conventions."""
    fmt = number_formatter(lang)

    def format_value(indicator: Indicator, value: float | None, precise: bool = False) -> str:
        """`precise` shows two more decimals (when one would make different values read the same)."""
        if value is None:
            return "—"
        extra = 2 if precise else 0
        if indicator.kind == "percent":
            return f"{fmt(value, 1 + extra)} %"
        if indicator.kind == "money":
            return f"{fmt(value, 2)}\u00a0₸"
        if indicator.kind == "rate":
            return fmt(value, 1 + extra)
        if indicator.kind == "units":  # staff units: 85, 30,5, 0,25 as the staff list gives them
            return fmt(value, 0 if float(value).is_integer() else (1 if float(value * 10).is_integer() else 2))
        return fmt(value, 0 if float(value).is_integer() else 1)

    return format_value
