"""The inline SVG charts: what they draw, that they escape, scale and name themselves, without a Flask app."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup, escape

from webapp.charts import (
    BAR_COLOUR,
    HIGHLIGHT_COLOUR,
    REFERENCE_COLOUR,
    SERIES_COLOURS,
    Bar,
    Point,
    Series,
    bar_chart,
    nice_max,
    trend_chart,
)

NS = "{http://www.w3.org/2000/svg}"
HALVES = ["2024-H1", "2024-H2", "2025-H1", "2025-H2"]


def parse(markup: Markup) -> ET.Element:
    assert isinstance(markup, Markup)
    return ET.fromstring(str(markup))


def all_of(root: ET.Element, tag: str, css_class: str | None = None) -> list[ET.Element]:
    found = list(root.iter(NS + tag))
    if css_class is not None:
        found = [el for el in found if css_class in (el.get("class") or "").split()]
    return found


def shown_text(el: ET.Element) -> str:
    """A <text>'s visible text, without its <title> tooltip."""
    return (el.text or "") + "".join(child.tail or "" for child in el)


def texts(root: ET.Element, css_class: str | None = None) -> list[str]:
    return [shown_text(el) for el in all_of(root, "text", css_class)]


def bars_of(root: ET.Element) -> list[ET.Element]:
    return all_of(root, "rect", "bar")


def series(name: str, values: list[float | None], dashed: bool = False) -> Series:
    points = [
        Point(label, value, "—" if value is None else f"{value:.1f} %".replace(".", ","))
        for label, value in zip(HALVES, values, strict=True)
    ]
    return Series(name, points, dashed=dashed)


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


SCHOOLS = [
    Bar("School No. 1", 10.0, "10,0 %"),
    Bar("School No. 2", 20.0, "20,0 %"),
    Bar("School No. 3", None, ""),
    Bar("School No. 4", 40.0, "40,0 %", highlight=True),
]


# --- nice_max ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.0, 1.0),
        (-3.0, 1.0),
        (1.0, 1.0),
        (1.5, 2.0),
        (2.1, 2.5),
        (7, 10.0),
        (12, 20.0),
        (23, 25.0),
        (45.2, 50.0),
        (100, 100.0),
        (101, 200.0),
        (0.3, 0.5),
        (0.07, 0.1),
        (0.25, 0.25),
        (2500, 2500.0),
    ],
)
def test_nice_max_rounds_up_to_1_2_2_5_or_5_times_a_power_of_ten(value, expected):
    assert nice_max(value) == pytest.approx(expected)
    assert nice_max(value) >= value


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_nice_max_refuses_non_numbers(value):
    with pytest.raises(ValueError):
        nice_max(value)


# --- bar_chart -----------------------------------------------------------------------------------------------


def test_bar_chart_is_an_accessible_svg_named_by_its_title_and_desc():
    markup = bar_chart(SCHOOLS, title="Direct purchases", chart_id="direct")
    root = parse(markup)
    assert root.tag == NS + "svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "direct-title direct-desc"
    title, desc = root[0], root[1]
    assert (title.tag, title.get("id"), title.text) == (NS + "title", "direct-title", "Direct purchases")
    assert (desc.tag, desc.get("id")) == (NS + "desc", "direct-desc")
    # The description reads out every value, the missing one as a dash and the flagged one with its marker.
    assert desc.text == "School No. 1: 10,0 %; School No. 2: 20,0 %; School No. 3: —; School No. 4: ▲ 40,0 %"


def test_bar_chart_scales_with_the_page_instead_of_a_fixed_width():
    root = parse(bar_chart(SCHOOLS, title="t", chart_id="c"))
    assert "chart" in root.get("class").split()
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert re.fullmatch(r"0 0 \d+(\.\d+)? \d+(\.\d+)?", root.get("viewBox"))
    assert root.get("style") is None  # the policy refuses style attributes: app.css bounds svg.chart


def test_one_bar_per_value_and_none_for_missing_ones():
    root = parse(bar_chart(SCHOOLS, title="t", chart_id="c"))
    assert len(bars_of(root)) == sum(bar.value is not None for bar in SCHOOLS) == 3
    # Every label is drawn, and the missing value shows a dash instead of its (empty) display.
    assert texts(root, "label") == [bar.label for bar in SCHOOLS]
    assert texts(root, "value") == ["10,0 %", "20,0 %", "—", "▲ 40,0 %"]


def test_bar_widths_are_proportional_to_the_values():
    root = parse(bar_chart(SCHOOLS, title="t", chart_id="c"))
    widths = [float(rect.get("width")) for rect in bars_of(root)]
    assert widths[1] == pytest.approx(2 * widths[0], abs=0.02)
    assert widths[2] == pytest.approx(4 * widths[0], abs=0.02)
    # All bars start at the same x, right of the label column (40 % of the width).
    starts = {rect.get("x") for rect in bars_of(root)}
    assert len(starts) == 1
    view_width = float(root.get("viewBox").split()[2])
    assert float(starts.pop()) >= 0.4 * view_width


def test_highlighted_bar_has_its_own_colour_and_a_text_marker():
    root = parse(bar_chart(SCHOOLS, title="t", chart_id="c"))
    fills = [rect.get("fill") for rect in bars_of(root)]
    assert fills == [BAR_COLOUR, BAR_COLOUR, HIGHLIGHT_COLOUR]
    assert (BAR_COLOUR, HIGHLIGHT_COLOUR) == ("#2b6cb0", "#c05621")
    markers = [text for text in texts(root, "value") if text.startswith("▲ ")]
    assert markers == ["▲ 40,0 %"]


def test_values_are_printed_as_text_at_the_end_of_each_bar():
    root = parse(bar_chart(SCHOOLS, title="t", chart_id="c"))
    rects = bars_of(root)
    values = [el for el in all_of(root, "text", "value") if shown_text(el) != "—"]
    for rect, value in zip(rects, values, strict=True):
        assert float(value.get("x")) >= float(rect.get("x")) + float(rect.get("width"))


def test_labels_and_texts_are_escaped():
    evil = '<script>alert("x")</script> & Co'
    markup = bar_chart(
        [Bar(evil, 1.0, "<b>1</b>", href='/units/x?a=1&b="2"')],
        title="<i>Title</i>",
        chart_id="c",
        reference=0.5,
        reference_label="<median>",
    )
    html = str(markup)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html and "<median>" not in html
    assert "&lt;script&gt;" in html
    root = parse(markup)  # still well-formed XML
    assert texts(root, "label") == [evil]
    assert texts(root, "value") == ["<b>1</b>"]
    assert texts(root, "reference-label") == ["<median>"]
    assert root.find(NS + "title").text == "<i>Title</i>"
    assert root.find(f".//{NS}a").get("href") == '/units/x?a=1&b="2"'


def test_the_chart_is_markup_so_templates_do_not_escape_it_again():
    markup = bar_chart(SCHOOLS, title="t", chart_id="c")
    assert escape(markup) == markup


def test_href_wraps_label_bar_and_value_in_a_link():
    bars = [Bar("Linked", 5.0, "5", href="/units/rudny-7"), Bar("Plain", 3.0, "3")]
    root = parse(bar_chart(bars, title="t", chart_id="c"))
    links = all_of(root, "a")
    assert len(links) == 1
    link = links[0]
    assert link.get("href") == "/units/rudny-7"
    assert texts(link, "label") == ["Linked"]
    assert len(bars_of(link)) == 1
    assert texts(link, "value") == ["5"]
    assert "Plain" not in "".join(link.itertext())


def test_reference_line_is_dashed_labelled_and_placed_on_the_scale():
    bars = [Bar("A", 10.0, "10"), Bar("B", 20.0, "20")]
    root = parse(bar_chart(bars, title="t", chart_id="c", reference=40.0, reference_label="City median 40"))
    (line,) = all_of(root, "line", "reference")
    assert line.get("stroke") == REFERENCE_COLOUR == "#4a5568"
    assert line.get("stroke-dasharray")
    assert line.get("x1") == line.get("x2")
    assert texts(root, "reference-label") == ["City median 40"]
    assert "City median 40" in root.find(NS + "desc").text
    # The scale runs to the reference when it is the largest: B (20) reaches half way to the line (40).
    a, b = bars_of(root)
    start = float(b.get("x"))
    assert float(b.get("width")) == pytest.approx((float(line.get("x1")) - start) / 2, abs=0.02)
    assert float(b.get("width")) == pytest.approx(2 * float(a.get("width")), abs=0.02)


def test_reference_within_the_values_sits_at_its_value():
    bars = [Bar("A", 10.0, "10"), Bar("B", 40.0, "40")]
    root = parse(bar_chart(bars, title="t", chart_id="c", reference=20.0))
    (line,) = all_of(root, "line", "reference")
    a, b = bars_of(root)
    assert float(line.get("x1")) == pytest.approx(float(a.get("x")) + 2 * float(a.get("width")), abs=0.02)
    assert float(line.get("x1")) < float(b.get("x")) + float(b.get("width"))
    assert texts(root, "reference-label") == []  # no label given, none drawn


def test_no_reference_line_without_a_reference():
    root = parse(bar_chart(SCHOOLS, title="t", chart_id="c", reference=None, reference_label="ignored"))
    assert all_of(root, "line", "reference") == []
    assert "ignored" not in "".join(root.itertext())


def test_all_zero_or_missing_values_draw_labels_and_values_but_no_bars():
    bars = [Bar("A", 0.0, "0,0 %"), Bar("B", None, "n/a")]
    root = parse(bar_chart(bars, title="t", chart_id="c"))
    assert bars_of(root) == []
    assert texts(root, "label") == ["A", "B"]
    assert texts(root, "value") == ["0,0 %", "—"]


def test_negative_values_are_clamped_to_zero():
    bars = [Bar("A", -5.0, "-5"), Bar("B", 10.0, "10")]
    root = parse(bar_chart(bars, title="t", chart_id="c"))
    negative, positive = bars_of(root)
    assert float(negative.get("width")) == 0
    assert float(positive.get("width")) > 0


def test_long_labels_are_cut_with_an_ellipsis_and_keep_the_full_text_in_a_title():
    name = "Б.Майлин атындағы №7 мектеп-гимназиясы коммуналдық мемлекеттік мекемесі"
    exactly_38 = "Б.Майлин атындағы №7 мектеп-гимназиясы"
    assert len(exactly_38) == 38
    root = parse(bar_chart([Bar(name, 1.0, "1"), Bar(exactly_38, 2.0, "2")], title="t", chart_id="c"))
    long_label, fitting_label = all_of(root, "text", "label")
    shown = shown_text(long_label)
    assert shown.endswith("…") and len(shown) <= 38 and name.startswith(shown[:-1])
    assert long_label.find(NS + "title").text == name
    assert shown_text(fitting_label) == exactly_38
    assert fitting_label.find(NS + "title") is None


def test_rows_are_about_22_units_high():
    root = parse(bar_chart(SCHOOLS, title="t", chart_id="c"))
    ys = [float(el.get("y")) for el in all_of(root, "text", "label")]
    assert {round(b - a, 2) for a, b in zip(ys, ys[1:], strict=False)} == {22.0}


def test_empty_bar_chart_shows_the_empty_text():
    root = parse(bar_chart([], title="Direct purchases", chart_id="empty", empty_text="Деректер жоқ"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "empty-title empty-desc"
    assert root.find(NS + "title").text == "Direct purchases"
    assert texts(root, "empty") == ["Деректер жоқ"]
    assert all_of(root, "rect") == []
    assert texts(parse(bar_chart([], title="t", chart_id="c")), "empty") == ["No data"]


def test_ids_are_unique_per_chart():
    page = str(bar_chart(SCHOOLS, title="a", chart_id="one")) + str(bar_chart(SCHOOLS, title="b", chart_id="two"))
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert {i.split("-")[0] for i in ids} == {"one", "two"}


@pytest.mark.parametrize("chart_id", ["", "two words", "1st", 'x"y'])
def test_chart_id_must_be_one_html_id(chart_id):
    with pytest.raises(ValueError):
        bar_chart(SCHOOLS, title="t", chart_id=chart_id)
    with pytest.raises(ValueError):
        trend_chart([series("A", [1, 2, 3, 4])], title="t", chart_id=chart_id)


def check_legible(root: ET.Element) -> None:
    for el in all_of(root, "text"):
        assert float(el.get("font-size")) >= 12, shown_text(el)
        contrast = (1.0 + 0.05) / (relative_luminance(el.get("fill")) + 0.05)
        assert contrast >= 4.5, (shown_text(el), el.get("fill"))


def test_bar_chart_text_is_legible():
    check_legible(parse(bar_chart(SCHOOLS, title="t", chart_id="c", reference=15, reference_label="Median")))


# --- trend_chart ---------------------------------------------------------------------------------------------


def test_trend_chart_is_an_accessible_svg():
    root = parse(trend_chart([series("Rudny", [10, 20, 30, 40])], title="Direct purchases", chart_id="trend"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "trend-title trend-desc"
    assert root.find(NS + "title").text == "Direct purchases"
    assert root.find(NS + "desc").text == "Rudny: 2024-H1 10,0 %, 2024-H2 20,0 %, 2025-H1 30,0 %, 2025-H2 40,0 %"
    assert root.get("width") == "100%" and "chart" in root.get("class").split()
    check_legible(root)


def test_one_polyline_per_series_without_gaps():
    root = parse(trend_chart([series("A", [1, 2, 3, 4]), series("B", [4, 3, 2, 1])], title="t", chart_id="c"))
    polylines = all_of(root, "polyline")
    assert len(polylines) == 2
    assert [len(p.get("points").split()) for p in polylines] == [4, 4]


def test_missing_values_break_the_line():
    root = parse(trend_chart([series("A", [1, 2, None, 4])], title="t", chart_id="c"))
    # [1, 2] is a segment; 4 stands alone after the gap and is drawn as a marker only.
    assert [len(p.get("points").split()) for p in all_of(root, "polyline")] == [2]
    assert len(all_of(root, "circle")) == 3 + 1  # three points and the legend marker

    root = parse(trend_chart([series("A", [1, 2, None, 4]), series("B", [1, 2, 3, 4])], title="t", chart_id="c"))
    counts = [len(p.get("points").split()) for p in all_of(root, "polyline")]
    assert counts == [2, 4]

    root = parse(trend_chart([series("A", [1, None, 3, None])], title="t", chart_id="c"))
    assert all_of(root, "polyline") == []


def test_each_point_is_a_circle_titled_label_and_value():
    root = parse(trend_chart([series("A", [12.5, None, 30, 40])], title="t", chart_id="c"))
    (group,) = all_of(root, "g", "series")
    circles = all_of(group, "circle")
    assert [c.find(NS + "title").text for c in circles] == ["2024-H1: 12,5 %", "2025-H1: 30,0 %", "2025-H2: 40,0 %"]


def test_points_sit_on_the_scale():
    root = parse(trend_chart([series("A", [25, 50, None, 10])], title="t", chart_id="c"))
    (group,) = all_of(root, "g", "series")
    circles = all_of(group, "circle")
    grid = {text: float(el.get("y")) - 4 for el in all_of(root, "text", "y-label") for text in [shown_text(el)]}
    ys = [float(c.get("cy")) for c in circles]
    assert ys[1] == pytest.approx(grid["50"])  # 50 is the nice maximum: the top gridline
    assert ys[0] == pytest.approx((grid["0"] + grid["50"]) / 2)
    xs = [float(c.get("cx")) for c in circles]
    assert xs[0] < xs[1] < xs[2]
    # Evenly spaced half-years: the gap of the missing point is twice the step.
    assert xs[2] - xs[1] == pytest.approx(2 * (xs[1] - xs[0]), abs=0.02)


@pytest.mark.parametrize(
    ("values", "labels"),
    [
        ([12, 45.2, 30, 20], ["0", "10", "20", "30", "40", "50"]),
        ([1, 2, 1.5, 0.5], ["0", "0.5", "1", "1.5", "2"]),
        ([0.1, 0.2, 0.3, 0.2], ["0", "0.1", "0.2", "0.3", "0.4", "0.5"]),
        ([700, 900, 800, 1000], ["0", "200", "400", "600", "800", "1000"]),
        ([0, 0, 0, 0], ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
    ],
)
def test_gridlines_run_from_zero_to_a_nice_maximum(values, labels):
    root = parse(trend_chart([series("A", values)], title="t", chart_id="c"))
    assert texts(root, "y-label") == labels
    assert 4 <= len(all_of(root, "line", "grid")) <= 5


def test_gridline_labels_can_be_formatted_in_the_locale():
    root = parse(
        trend_chart(
            [series("A", [0.1, 0.2, 0.25, 0.2])],
            title="t",
            chart_id="c",
            y_format=lambda v: f"{v * 100:.0f} %",
        )
    )
    assert texts(root, "y-label") == ["0 %", "5 %", "10 %", "15 %", "20 %", "25 %"]


def test_x_labels_come_from_the_first_series():
    root = parse(trend_chart([series("A", [1, 2, 3, 4]), series("B", [2, 3, 4, 5])], title="t", chart_id="c"))
    assert texts(root, "x-label") == HALVES


def test_series_must_share_the_x_labels():
    other = Series("B", [Point("2020-H1", 1, "1")])
    with pytest.raises(ValueError):
        trend_chart([series("A", [1, 2, 3, 4]), other], title="t", chart_id="c")


def test_the_last_value_of_each_series_is_printed_above_its_point():
    root = parse(trend_chart([series("A", [10, 20, 30, None]), series("B", [5, 5, 5, 5])], title="t", chart_id="c"))
    end_values = {shown_text(el): el for el in all_of(root, "text", "end-value")}
    assert set(end_values) == {"30,0 %", "5,0 %"}
    a_group = all_of(root, "g", "series")[0]
    a_last = all_of(a_group, "circle")[-1]
    assert float(end_values["30,0 %"].get("x")) == pytest.approx(float(a_last.get("cx")))
    assert float(end_values["30,0 %"].get("y")) < float(a_last.get("cy"))


def test_end_values_at_the_same_point_do_not_overlap():
    root = parse(trend_chart([series("A", [1, 2, 3, 20]), series("B", [1, 2, 3, 20.5])], title="t", chart_id="c"))
    ys = sorted(float(el.get("y")) for el in all_of(root, "text", "end-value"))
    assert ys[1] - ys[0] >= 13


def test_legend_names_every_series_with_its_line_style():
    data = [series("School <No. 7>", [1, 2, 3, 4]), series("Rudny", [2, 2, 2, 2])]
    markup = trend_chart(data, title="t", chart_id="c")
    assert "<No. 7>" not in str(markup)
    root = parse(markup)
    assert texts(root, "legend-label") == ["School <No. 7>", "Rudny"]
    first, second = all_of(root, "polyline")
    assert (first.get("stroke"), first.get("stroke-dasharray")) == ("#2b6cb0", None)
    assert second.get("stroke") == "#2f855a" and second.get("stroke-dasharray")
    (legend,) = all_of(root, "g", "legend")
    legend_lines = all_of(legend, "line")
    assert [line.get("stroke") for line in legend_lines] == ["#2b6cb0", "#2f855a"]
    assert [line.get("stroke-dasharray") is not None for line in legend_lines] == [False, True]


def test_a_series_can_ask_to_be_dashed_and_colours_cycle():
    data = [series(f"S{n}", [n, n + 1, n + 2, n + 3], dashed=(n == 0)) for n in range(5)]
    root = parse(trend_chart(data, title="t", chart_id="c"))
    polylines = all_of(root, "polyline")
    assert [p.get("stroke") for p in polylines] == [*SERIES_COLOURS, SERIES_COLOURS[0]]
    assert len(set(SERIES_COLOURS)) == 4
    assert [p.get("stroke-dasharray") is not None for p in polylines] == [True, True, False, False, False]
    assert texts(root, "legend-label") == ["S0", "S1", "S2", "S3", "S4"]


def test_series_colours_stand_out_against_white():
    for colour in SERIES_COLOURS:
        assert (1.05) / (relative_luminance(colour) + 0.05) >= 3.0, colour


@pytest.mark.parametrize("data", [[], [series("A", [None, None, None, None])], [Series("A", [])]])
def test_trend_chart_without_values_shows_the_empty_text(data):
    root = parse(trend_chart(data, title="Trend", chart_id="c", empty_text="Деректер жоқ"))
    assert root.find(NS + "title").text == "Trend"
    assert texts(root, "empty") == ["Деректер жоқ"]
    assert all_of(root, "polyline") == [] and all_of(root, "circle") == []


def test_a_single_half_year_is_a_marker_in_the_middle():
    root = parse(trend_chart([Series("A", [Point("2025-H1", 0.3, "0,3")])], title="t", chart_id="c"))
    assert all_of(root, "polyline") == []
    (group,) = all_of(root, "g", "series")
    (circle,) = all_of(group, "circle")
    view_width = float(root.get("viewBox").split()[2])
    assert 0.3 * view_width < float(circle.get("cx")) < 0.7 * view_width
    assert texts(root, "x-label") == ["2025-H1"]
    assert texts(root, "end-value") == ["0,3"]
