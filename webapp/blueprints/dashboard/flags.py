"""Risk flags (rules over one indicator, with thresholds a department may change) and outliers.

A flag is a rule the department chose to watch ("single-source share above 20 %"); an outlier is a value
far from the other schools of the same city, whatever its meaning. Both say in words why they fire.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flask import g, has_request_context, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ...extensions import db
from ...models import OrgUnit
from .indicators import BY_KEY, Indicator
from .models import FlagThreshold


@dataclass(frozen=True)
class FlagRule:
    key: str
    indicator_key: str
    label: Any  # lazy: "single-source share"
    above: bool  # True: fires when the value exceeds the threshold; False: when it falls below it
    default: float

    @property
    def indicator(self) -> Indicator:
        return BY_KEY[self.indicator_key]

    def fires(self, value: float | None, threshold: float) -> bool:
        if value is None:
            return False
        return value > threshold if self.above else value < threshold

    def explain(self, value: float | None, threshold: float, format_value, labels: dict | None = None) -> str:
        """«single-source share 45,0 % > 20,0 %»"""
        sign = ">" if self.above else "<"
        indicator = self.indicator
        shown, limit = format_value(indicator, value), format_value(indicator, threshold)
        if shown == limit:  # 20,01 % > 20 %: say by how much rather than "20,0 % > 20,0 %"
            shown = format_value(indicator, value, precise=True)
        return f"{(labels or _translated()['rules'])[self.key]} {shown} {sign} {limit}"


FLAG_RULES: list[FlagRule] = [
    FlagRule("single_source", "single_source_pct", _l("single-source procurement share"), True, 20),
    FlagRule("single_source_count", "single_source_count_pct", _l("single-source share of contracts"), True, 20),
    FlagRule("appeals_late", "appeals_on_time_pct", _l("appeals answered on time"), False, 100),
    FlagRule("turnover", "turnover", _l("staff turnover per 100 staff"), True, 20),
    FlagRule("disciplinary", "disciplinary_rate", _l("disciplinary actions per 100 staff"), True, 5),
    FlagRule("higher_education", "higher_education_pct", _l("teachers with higher education"), False, 70),
    FlagRule("violations", "sections_violation", _l("sections with a violation found"), True, 0),
    FlagRule("inspections", "inspections_violations", _l("inspections that found violations"), True, 0),
    FlagRule("followups", "followups_done_pct", _l("last half-year's recommendations done"), False, 50),
]
RULES_BY_KEY = {rule.key: rule for rule in FLAG_RULES}


@dataclass
class Flag:
    rule: FlagRule
    text: str


def thresholds_for(unit: OrgUnit | None) -> dict[str, float]:
    """Each rule's threshold as it applies under `unit` (one query); the defaults for the whole country."""
    if unit is None:
        return {rule.key: float(rule.default) for rule in FLAG_RULES}
    return _nearest_thresholds({unit.id: unit.path})[unit.id]


def thresholds_by_department(department_ids: set[int]) -> dict[int, dict[str, float]]:
    """Each department's thresholds (two queries): a region's page judges every school by the rules its own
    department set, as the department's page does."""
    paths = dict(db.session.execute(select(OrgUnit.id, OrgUnit.path).where(OrgUnit.id.in_(department_ids))).all())
    return _nearest_thresholds(paths)


def _nearest_thresholds(paths: dict[int, str]) -> dict[int, dict[str, float]]:
    """unit id -> thresholds: the unit's own, else the nearest unit's above it that set one, else the default."""
    codes = {code for path in paths.values() for code in path.strip("/").split("/")}
    overrides = db.session.execute(
        select(OrgUnit.path, FlagThreshold.rule, FlagThreshold.threshold)
        .join(OrgUnit, OrgUnit.id == FlagThreshold.org_unit_id).where(OrgUnit.code.in_(codes))
    ).all()
    overrides.sort(key=lambda override: len(override[0]))  # the nearest unit's value is applied last
    result = {}
    for unit_id, path in paths.items():
        thresholds = {rule.key: float(rule.default) for rule in FLAG_RULES}
        for owner_path, rule, threshold in overrides:
            if path.startswith(owner_path) and rule in thresholds:
                thresholds[rule] = float(threshold)
        result[unit_id] = thresholds
    return result


def own_thresholds(unit: OrgUnit) -> dict[str, FlagThreshold]:
    return {t.rule: t for t in db.session.scalars(select(FlagThreshold).where(FlagThreshold.org_unit_id == unit.id))}


def set_threshold(unit: OrgUnit, rule: FlagRule, value: Decimal, existing: FlagThreshold | None) -> None:
    threshold = existing or FlagThreshold(org_unit_id=unit.id, rule=rule.key)
    threshold.threshold = value
    db.session.add(threshold)


def flags_of(values: dict[str, float | None], thresholds: dict[str, float], format_value,
             labels: dict | None = None) -> list[Flag]:
    """The rules `values` trip; `labels`: the rules' words in the current language, when the caller judges many
    schools (`rule_labels()`)."""
    return [Flag(rule, rule.explain(values.get(rule.indicator_key), thresholds[rule.key], format_value, labels))
            for rule in FLAG_RULES if rule.fires(values.get(rule.indicator_key), thresholds[rule.key])]


def rule_labels() -> dict[str, str]:
    """rule key -> its words in the current language."""
    return _translated()["rules"]


def _translated() -> dict:
    """The words flags and outliers are told with, translated once a request: a region's comparison judges
    ~9,000 values, and each gettext call asks Flask-Babel for the request's translations again."""
    # Kept with the request (a test's app context shares `g` between requests), or the command's app context.
    kept = (request.environ.setdefault("adal.flag_words", {}) if has_request_context()
            else g.setdefault("adal_flag_words", {}))
    locale = str(get_locale())  # one request (or a command) may speak several languages in turn
    words = kept.get(locale)
    if words is None:
        words = kept[locale] = {
            "rules": {rule.key: str(rule.label) for rule in FLAG_RULES},
            "above": _("far above"), "below": _("far below"),
            # Without arguments gettext returns the translated pattern, filled in below for each outlier.
            "outlier": _("%(value)s is %(direction)s the median %(median)s (middle half of schools: %(q1)s – %(q3)s)"),
        }
    return words


# --- Outliers --------------------------------------------------------------------------------------

FENCE = 1.5  # Tukey's fences: beyond 1.5 interquartile ranges from the middle half


def fences(quartiles: tuple[float, float, float] | None, count: int) -> tuple[float, float] | None:
    """(low, high): values outside stand out among the city's schools; None when nothing can (under 5 schools,
    or most of them alike: often all 0, where any other value would "stand out"; the flags judge those)."""
    if quartiles is None or count < 5:
        return None
    q1, _median, q3 = quartiles
    spread = q3 - q1
    if spread == 0:
        return None
    return q1 - FENCE * spread, q3 + FENCE * spread


def outlier_reason(value: float | None, quartiles: tuple[float, float, float] | None, indicator: Indicator,
                   format_value, count: int, limits: tuple[float, float] | None = None) -> str | None:
    """Why `value` stands out among the city's schools, or None. Needs at least 5 schools to say. `limits`: the
    fences of these quartiles, when the caller judges many values against them."""
    limits = limits or fences(quartiles, count)
    if value is None or limits is None:
        return None
    low, high = limits
    q1, median, q3 = quartiles
    if low <= value <= high or value == median:
        return None
    words = _translated()
    return words["outlier"] % {"value": format_value(indicator, value),
                               "direction": words["above"] if value > high else words["below"],
                               "median": format_value(indicator, median), "q1": format_value(indicator, q1),
                               "q3": format_value(indicator, q3)}
