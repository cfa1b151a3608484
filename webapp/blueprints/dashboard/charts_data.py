"""The dashboard's data shaped for the server-side SVG charts (webapp/charts.py)."""

from __future__ import annotations

from flask import request, url_for
from flask_babel import gettext as _

from ...charts import Bar, Point, Series, bar_chart, trend_chart
from ...models import Period
from .comparison import Comparison
from .indicators import Indicator
from .queries import Totals


def school_bars(comparison: Comparison, indicator: Indicator):
    """One bar per school, largest first; flagged or outlying values stand out; the city median as a line."""
    fmt = comparison.format_value
    rows = sorted(comparison.rows, key=lambda row: (row.values[indicator.key] is None,
                                                    -(row.values[indicator.key] or 0)))
    # One url_for for every school's link (each costs tens of microseconds); codes need no quoting in a path.
    link = url_for("dashboard.show", code="SCHOOL", period=comparison.period.code)
    bars = [Bar(row.name, row.values[indicator.key], fmt(indicator, row.values[indicator.key]),
                link.replace("SCHOOL", row.code, 1),
                highlight=indicator.key in row.outliers or any(f.rule.indicator_key == indicator.key
                                                               for f in row.flags))
            for row in rows]
    quartiles = comparison.quartiles.get(indicator.key)
    median = quartiles[1] if quartiles else None
    return bar_chart(bars, title=f"{indicator.label}, {comparison.period.code}", chart_id="chart-by-school",
                     reference=median,
                     reference_label=_("median %(value)s", value=fmt(indicator, median)) if median is not None else "",
                     empty_text=_("No data"))


def group_bars(rows, indicator: Indicator, fmt):
    """One bar per city (or region): its total, i.e. all its schools' figures added up."""
    period = request.args.get("period")
    bars = []
    for row in rows:
        value = row.totals.values.get(indicator.key)
        bars.append(Bar(row.unit.name, value, fmt(indicator, value),
                        url_for("dashboard.show", code=row.unit.code, period=period)))
    return bar_chart(bars, title=str(indicator.label), chart_id="chart-by-unit", empty_text=_("No data"))


def trend_series(periods: list[Period], named_trends, indicator: Indicator, fmt):
    """named_trends: [(name, {period id: Totals or values dict})] -> a line per name across the half-years."""
    series = []
    for number, (name, by_period) in enumerate(named_trends):
        points = []
        for period in periods:
            found = by_period.get(period.id)
            values = (found.values if isinstance(found, Totals) else found) or {}
            value = values.get(indicator.key)
            points.append(Point(period.code, None if value is None else float(value), fmt(indicator, value)))
        series.append(Series(name, points, dashed=number > 0))
    return trend_chart(series, title=_("%(indicator)s by half-year", indicator=indicator.label),
                       chart_id="chart-trend", empty_text=_("No data"),
                       y_format=lambda value: fmt(indicator, value))
