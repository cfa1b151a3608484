"""Charts as inline SVG, drawn on the server: they print, scale with the page and need no JavaScript.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and summarised by its ``<desc>``; values are
printed as text next to the bars and points, so nothing depends on colour alone. Labels and values arrive
already formatted in the user's locale and are escaped here.

The drawing uses a fixed coordinate system (``viewBox``) that the browser scales to the width of the page, up
to the width at which one unit is one CSS pixel, so text is never drawn larger than its nominal size.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640  # viewBox width; the chart is drawn at most this many CSS pixels wide
FONT_SIZE = 13
TEXT_COLOUR = "#1f2933"  # 14.6:1 on white
MUTED_COLOUR = "#4a5568"
GRID_COLOUR = "#e2e8f0"
BAR_COLOUR = "#2b6cb0"
HIGHLIGHT_COLOUR = "#c05621"
REFERENCE_COLOUR = "#4a5568"
SERIES_COLOURS = ("#2b6cb0", "#2f855a", "#c05621", "#6b46c1")  # each at least 3:1 on white
MISSING = "—"
HIGHLIGHT_MARKER = "▲"

ROW_HEIGHT = 22
BAR_HEIGHT = 14
LABEL_WIDTH = round(WIDTH * 0.4)
LABEL_MAX_CHARS = 38
LABEL_FONT_SIZE = 12
LABEL_CHAR_WIDTH = 6.6  # a typical sans-serif character at 12px, for fitting long labels into their column
VALUE_SPACE = 96  # room right of the longest bar for its printed value

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


@dataclass(frozen=True)
class Bar:
    label: str  # e.g. a school's name
    value: float | None  # None: no bar, and "—" instead of the value
    display: str  # the value as text in the user's locale, e.g. "45,2 %"
    href: str | None = None  # link the label and bar there
    highlight: bool = False  # flagged: the highlight colour and "▲" before the value


@dataclass(frozen=True)
class Point:
    label: str  # the x label, e.g. "2025-H1"
    value: float | None
    display: str


@dataclass(frozen=True)
class Series:
    name: str  # legend text, e.g. "Rudny" or "School No. 7"
    points: list[Point]  # every series has the same x labels in the same order
    dashed: bool = False


def nice_max(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above value; 1 for zero or less.

    nice_max(7) == 10, nice_max(23) == 25, nice_max(0.3) == 0.5, nice_max(100) == 100.
    """
    if not math.isfinite(value):
        raise ValueError(f"nice_max needs a finite number, not {value!r}")
    if value <= 0:
        return 1.0
    base = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = _round(step * base)
        if candidate >= value * (1 - 1e-9):
            return candidate
    return _round(10 * base)  # unreachable; keeps type checkers content


def bar_chart(
    bars: list[Bar],
    *,
    title: str,
    chart_id: str,
    reference: float | None = None,
    reference_label: str = "",
    empty_text: str = "No data",
) -> Markup:
    """Horizontal bars, one row each, from 0 to the largest value or the reference, whichever is larger.

    The label column takes the left 40 %; labels longer than 38 characters are cut with "…" and keep the full
    text in a <title>. Each bar with a value gets a <rect> (a 0 is a rect of width 0) unless every value is 0 or
    missing, when only the labels and values are drawn. ``reference`` (e.g. the city median) is a dashed
    vertical line with ``reference_label`` above it. Bars with ``href`` wrap label, bar and value in <a>.
    """
    _check_id(chart_id)
    if not bars:
        return _empty(title, chart_id, empty_text)

    values = [_clean(bar.value) for bar in bars]
    reference = _clean(reference)
    scale = max([v for v in values if v is not None] + ([reference] if reference is not None else []), default=0.0)

    top = 22 if reference is not None and reference_label else 4
    height = top + ROW_HEIGHT * len(bars) + 4
    bar_x = LABEL_WIDTH + 8
    bar_span = WIDTH - bar_x - VALUE_SPACE

    def x_of(value: float) -> float:
        return bar_x + (value / scale * bar_span if scale > 0 else 0.0)

    # The reference line goes first, behind the bars; it shows in the gaps between the rows.
    parts: list[str] = [
        f'<defs><clipPath id="{escape(chart_id)}-labels"><rect x="0" y="0" width="{LABEL_WIDTH}" '
        f'height="{_n(height)}"/></clipPath></defs>'
    ]
    reference_note = ""
    if reference is not None:
        x = x_of(reference)
        parts.append(
            f'<line class="reference" x1="{_n(x)}" y1="{_n(top - 2)}" x2="{_n(x)}" y2="{_n(height - 2)}" '
            f'stroke="{REFERENCE_COLOUR}" stroke-width="1.5" stroke-dasharray="5 4"/>'
        )
        if reference_label:
            anchor, dx = ("end", -4) if x > bar_x + bar_span / 2 else ("start", 4)
            parts.append(_text(reference_label, x + dx, 14, anchor=anchor, css_class="reference-label"))
            reference_note = f". {reference_label}"

    summary: list[str] = []
    for index, (bar, value) in enumerate(zip(bars, values, strict=True)):
        row_top = top + index * ROW_HEIGHT
        baseline = row_top + 15
        display = MISSING if value is None else bar.display
        if bar.highlight:
            display = f"{HIGHLIGHT_MARKER} {display}"
        summary.append(f"{bar.label}: {display}")

        row = [_label_text(bar.label, 4, baseline, clip=f"{chart_id}-labels")]
        value_x = bar_x
        if value is not None and scale > 0:
            width = x_of(value) - bar_x
            fill = HIGHLIGHT_COLOUR if bar.highlight else BAR_COLOUR
            row.append(
                f'<rect class="bar{" bar-highlight" if bar.highlight else ""}" x="{_n(bar_x)}" '
                f'y="{_n(row_top + (ROW_HEIGHT - BAR_HEIGHT) / 2)}" width="{_n(width)}" height="{BAR_HEIGHT}" '
                f'fill="{fill}"/>'
            )
            value_x = bar_x + width
        row.append(_text(display, value_x + 4, baseline, css_class="value"))
        if bar.href:
            parts.append(f'<a href="{escape(bar.href)}">{"".join(row)}</a>')
        else:
            parts.append(f"<g>{''.join(row)}</g>")

    description = "; ".join(summary) + reference_note
    # role="img" makes its children presentational: linked bars would be unreachable (axe: nested-interactive).
    return _svg(title, chart_id, description, height, parts, role="group" if any(bar.href for bar in bars) else "img")


def trend_chart(
    series: list[Series],
    *,
    title: str,
    chart_id: str,
    empty_text: str = "No data",
    y_format: Callable[[float], str] | None = None,
) -> Markup:
    """Lines across half-years, from 0 to a round maximum, with labelled gridlines and a legend.

    The x labels come from the first series; every series must have the same ones (ValueError otherwise). A
    missing value breaks the line into one polyline per run of two or more values; a value standing alone
    between gaps is drawn as its marker only. Each point is a circle whose
    <title> reads "label: display"; the last value of each series is printed above its point. Series colours
    cycle through four; the second series, and any marked ``dashed``, is dashed with hollow markers, so lines
    differ by more than colour. ``y_format`` formats the gridline labels (default: the plain number).
    """
    _check_id(chart_id)
    labels = [point.label for point in series[0].points] if series else []
    for each in series:
        if [point.label for point in each.points] != labels:
            raise ValueError(f"series {each.name!r} does not have the x labels of the first series")
    values = [[_clean(point.value) for point in each.points] for each in series]
    present = [v for row in values for v in row if v is not None]
    if not present:
        return _empty(title, chart_id, empty_text)

    y_max = nice_max(max(present))
    intervals = 4 if _round(y_max / 10.0 ** math.floor(math.log10(y_max))) == 2 else 5
    step = y_max / intervals
    y_format = y_format or (lambda v: _plain(v, step))

    left, right, top, plot_height = 52, 48, 24, 180
    bottom = top + plot_height
    plot_left, plot_right = left + 12, WIDTH - right

    def x_of(index: int) -> float:
        if len(labels) == 1:
            return (plot_left + plot_right) / 2
        return plot_left + index * (plot_right - plot_left) / (len(labels) - 1)

    def y_of(value: float) -> float:
        return bottom - value / y_max * plot_height

    parts: list[str] = []
    for i in range(intervals + 1):
        value = step * i
        y = y_of(value)
        colour = MUTED_COLOUR if i == 0 else GRID_COLOUR
        parts.append(
            f'<line class="{"axis" if i == 0 else "grid"}" x1="{left}" y1="{_n(y)}" x2="{WIDTH - 8}" y2="{_n(y)}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )
        parts.append(_text(y_format(value), left - 6, y + 4, anchor="end", css_class="y-label"))

    # Skip x labels when they would overlap: about 7.5 units per character at this size.
    spacing = (plot_right - plot_left) / max(len(labels) - 1, 1)
    widest = max(len(label) for label in labels) * 7.5 + 8
    every = 1 if len(labels) == 1 else max(1, math.ceil(widest / spacing))
    for index, label in enumerate(labels):
        if index % every == 0:
            parts.append(_text(label, x_of(index), bottom + 18, anchor="middle", css_class="x-label"))

    summary: list[str] = []
    end_labels: list[tuple[float, float, str]] = []
    for number, (each, row) in enumerate(zip(series, values, strict=True)):
        colour, dash, marker_fill = _series_style(number, each)
        group = [f'<g class="series" data-series="{number}">']
        for segment in _segments(row):
            if len(segment) > 1:
                points = " ".join(f"{_n(x_of(i))},{_n(y_of(row[i]))}" for i in segment)
                group.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5" '
                    f'stroke-linejoin="round"{dash}/>'
                )
        for i, (point, value) in enumerate(zip(each.points, row, strict=True)):
            if value is not None:
                group.append(
                    f'<circle cx="{_n(x_of(i))}" cy="{_n(y_of(value))}" r="4" fill="{marker_fill}" '
                    f'stroke="{colour}" stroke-width="2"><title>{escape(point.label)}: {escape(point.display)}'
                    "</title></circle>"
                )
        group.append("</g>")
        parts.append("".join(group))

        shown = [i for i, value in enumerate(row) if value is not None]
        if shown:
            last = shown[-1]
            end_labels.append((x_of(last), y_of(row[last]) - 9, each.points[last].display))
        readings = ", ".join(
            f"{point.label} {MISSING if value is None else point.display}"
            for point, value in zip(each.points, row, strict=True)
        )
        summary.append(f"{each.name}: {readings}")

    parts.extend(_end_labels(end_labels))

    legend, legend_height = _legend(series, bottom + 40)
    parts.extend(legend)
    return _svg(title, chart_id, ". ".join(summary), bottom + 40 + legend_height, parts)


# --- helpers -------------------------------------------------------------------------------------------------


def _check_id(chart_id: str) -> None:
    # aria-labelledby is a space-separated list of ids, so an id with a space would name the wrong elements.
    if not _ID.fullmatch(chart_id or ""):
        raise ValueError(f"chart_id must be a single word usable as an HTML id, not {chart_id!r}")


def _clean(value: float | None) -> float | None:
    """None and non-numbers (NaN, ±∞) stay None; negatives are clamped to 0."""
    if value is None or not math.isfinite(value):
        return None
    return max(float(value), 0.0)


def _round(value: float) -> float:
    return float(round(value, 12))


def _n(value: float) -> str:
    """A coordinate with at most two decimals: 12.5, not 12.500000001."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _plain(value: float, step: float) -> str:
    """A gridline value as a plain number: no more decimals than the step needs (0, 10, 0.5, 0.05)."""
    decimals = next((d for d in range(7) if abs(round(step, d) - step) < 1e-9), 6)
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _text(content: str, x: float, y: float, *, anchor: str = "start", css_class: str = "") -> str:
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    class_attr = f' class="{css_class}"' if css_class else ""
    return (
        f'<text{class_attr} x="{_n(x)}" y="{_n(y)}"{anchor_attr} font-size="{FONT_SIZE}" '
        f'fill="{TEXT_COLOUR}">{escape(content)}</text>'
    )


def _label_text(label: str, x: float, y: float, *, clip: str) -> str:
    """A bar's label in the left column, cut to 38 characters with "…" and the whole text in a <title>.

    Long labels are fitted to the column (textLength), since a 38-character school name is wider than 40 % of
    the chart in many fonts; the column's clip path is the last resort for fonts wider still.
    """
    short = label if len(label) <= LABEL_MAX_CHARS else label[: LABEL_MAX_CHARS - 1].rstrip() + "…"
    available = LABEL_WIDTH - x - 4
    fit = ""
    if len(short) * LABEL_CHAR_WIDTH > available * 0.8:
        length = min(len(short) * LABEL_CHAR_WIDTH, available)
        fit = f' textLength="{_n(length)}" lengthAdjust="spacingAndGlyphs"'
    tooltip = f"<title>{escape(label)}</title>" if short != label else ""
    return (
        f'<text class="label" x="{_n(x)}" y="{_n(y)}" font-size="{LABEL_FONT_SIZE}" fill="{TEXT_COLOUR}"{fit} '
        f'clip-path="url(#{escape(clip)})">{tooltip}{escape(short)}</text>'
    )


def _segments(row: list[float | None]) -> list[list[int]]:
    """Indexes of the runs of values between missing ones: [1, None, 2, 3] → [[0], [2, 3]]."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, value in enumerate(row):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(index)
    if current:
        runs.append(current)
    return runs


def _end_labels(labels: list[tuple[float, float, str]]) -> list[str]:
    """The last value of each series above its point; where two would overlap, the upper one moves up."""
    placed: list[tuple[float, float, str]] = []
    for x, y, text in sorted(labels, key=lambda item: -item[1]):
        for other_x, other_y, _other in placed:
            if abs(other_x - x) < 60 and abs(y - other_y) < FONT_SIZE + 2:
                y = other_y - FONT_SIZE - 2
        placed.append((x, max(y, float(FONT_SIZE)), text))
    return [_text(text, x, y, anchor="middle", css_class="end-value") for x, y, text in placed]


def _series_style(number: int, series: Series) -> tuple[str, str, str]:
    """Colour, dash attribute and marker fill: the second series and dashed ones get dashes and hollow markers."""
    colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
    if series.dashed or number == 1:
        return colour, ' stroke-dasharray="6 4"', "#ffffff"
    return colour, "", colour


def _legend(series: list[Series], top: float) -> tuple[list[str], float]:
    """A sample line and marker with each series' name, wrapping onto further rows when the width runs out."""
    parts: list[str] = ['<g class="legend">']
    x, row = 12.0, 0
    for number, each in enumerate(series):
        width = 36 + len(each.name) * 7.5 + 20
        if x + width > WIDTH and x > 12:
            x, row = 12.0, row + 1
        y = top + row * 20
        colour, dash, marker_fill = _series_style(number, each)
        parts.append(
            f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x + 28)}" y2="{_n(y)}" stroke="{colour}" '
            f'stroke-width="2.5"{dash}/>'
            f'<circle cx="{_n(x + 14)}" cy="{_n(y)}" r="4" fill="{marker_fill}" stroke="{colour}" stroke-width="2"/>'
        )
        parts.append(_text(each.name, x + 36, y + 4, css_class="legend-label"))
        x += width
    parts.append("</g>")
    return parts, (row + 1) * 20


def _svg(title: str, chart_id: str, description: str, height: float, parts: list[str],
         role: str = "img") -> Markup:
    ident = escape(chart_id)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="{role}" '
        f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {WIDTH} {_n(height)}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" '
        f'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
        f"{''.join(parts)}</svg>"
    )


def _empty(title: str, chart_id: str, empty_text: str) -> Markup:
    return _svg(title, chart_id, empty_text, 36, [_text(empty_text, 4, 22, css_class="empty")])
