"""A dashboard with signal (issue 12): search that folds Kazakh letters as a Russian-keyboard user types them,
a heat map that shows what a department acts on (with its legend and counts per column), flags that judge only
what a school has handed in, and one history entry per search.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update
from test_dashboard import (
    COMPARE,
    RISKS,
    SEED_NAME,
    analysis,
    buying,
    compare_codes,
    flags_on_risks_page,
    plain,
    school_row,
    set_status,
    shown_codes,
)

from webapp.blueprints.dashboard.comparison import folded
from webapp.extensions import db
from webapp.models import OrgUnit
from webapp.reporting.models import Status
from webapp.reporting.sections import SECTIONS

# --- Search ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, kazakh", [
    ("ә", "а"), ("ғ", "г"), ("қ", "к"), ("ң", "н"), ("ө", "о"), ("ұ", "у"), ("ү", "у"), ("һ", "х"), ("і", "и"),
    ("Ә", "а"), ("Ғ", "г"), ("Қ", "к"), ("Ң", "н"), ("Ө", "о"), ("Ұ", "у"), ("Ү", "у"), ("Һ", "х"), ("І", "и"),
    ("Уәлиханов", "уалиханов"), ("ҚАЙРАТ", "кайрат"), ("Өнеге", "онеге"), ("Ёлка", "елка"),
])
def test_search_folding_table(typed, kazakh):
    assert folded(typed) == kazakh


def rename(app, code: str, name_kk: str) -> None:
    with app.app_context():
        db.session.execute(update(OrgUnit).where(OrgUnit.code == code).values(name_kk=name_kk))
        db.session.commit()


@pytest.mark.parametrize("query, expected", [
    ("уалиханов", ["rudny-11"]),  # Ш.Уәлиханов атындағы
    ("УАЛИХАНОВ", ["rudny-11"]),
    ("уәлиханов", ["rudny-11"]),
    ("сатбаев", ["rudny-14"]),  # Қ.Сәтбаев атындағы
    ("к.сатбаев", ["rudny-14"]),
    ("ауезов", ["rudny-9"]),
    ("кайрат", ["rudny-6"]),
    ("қайрат", ["rudny-6"]),
])
def test_a_russian_keyboard_finds_kazakh_names(app, as_user, query, expected):
    rename(app, "rudny-6", "Қайрат Рысқұлбеков атындағы №6 мектеп")
    url, query_string = "/units/rudny/dashboard/compare", {"period": "2026-H1", "q": query}
    fragment = as_user("rudny", htmx=True).get(url, query_string=query_string).get_data(as_text=True)
    assert "<html" not in fragment and shown_codes(fragment) == expected  # what htmx swaps in
    page = as_user("rudny").get(url, query_string=query_string).get_data(as_text=True)
    assert "<html" in page and shown_codes(page) == expected  # the full page at the pushed URL


@pytest.mark.parametrize("lang, query, expected", [
    ("ru", "уалиханов", ["rudny-11"]),  # shown as «имени Ч.Валиханова», known by its Kazakh name «Ш.Уәлиханов»
    ("ru", "Сәтбаев", ["rudny-14"]),  # «имени К.Сатпаева»
    ("kk", "валиханов", ["rudny-11"]),  # the Russian spelling in the Kazakh interface
    ("kk", "сатпаев", ["rudny-14"]),
])
def test_a_school_is_found_by_its_name_in_either_language(as_user, lang, query, expected):
    client = as_user("rudny")
    client.post("/language", data={"lang": lang})
    assert compare_codes(client, q=query) == expected


# --- History: one user action, one entry ------------------------------------------------------------

def test_asking_again_for_the_view_already_shown_pushes_no_second_history_entry(as_user):
    client = as_user("rudny", htmx=True)
    url = "/units/rudny/dashboard/compare?period=2026-H1&q=%D0%B0%D0%B1%D0%B0%D0%B9&status="
    same = client.get(url, headers={"HX-Current-URL": "http://localhost" + url})
    assert same.status_code == 200 and "<html" not in same.get_data(as_text=True)
    assert same.headers["HX-Push-Url"] == "false"
    reordered = client.get(url, headers={
        "HX-Current-URL": "http://localhost/units/rudny/dashboard/compare?status=&q=абай&period=2026-H1"})
    assert reordered.headers["HX-Push-Url"] == "false"
    other = client.get(url, headers={"HX-Current-URL": "http://localhost/units/rudny/dashboard/compare?period=2026-H1"})
    assert "HX-Push-Url" not in other.headers  # a new search is a new entry


def test_the_search_box_asks_once_per_search_not_again_on_leaving_the_field(as_user):
    html = as_user("rudny").get(COMPARE).get_data(as_text=True)
    trigger = re.search(r'<form method="get" id="compare-filters"[^>]*hx-trigger="([^"]*)"', html).group(1)
    parts = [part.strip() for part in trigger.split(",")]
    assert "change" not in parts  # a bare change would fire again when the search box loses focus
    assert "input changed delay:300ms from:#search" in parts


# --- Flags judge only what was handed in ------------------------------------------------------------

def followups(done: int, total: int) -> dict:
    rows = [{"text": f"Ұсыныс {n}", "deadline_kind": "quarter", "status": "done" if n < done else "not_done"}
            for n in range(total)]
    return {"conclusion": {"rows": {"followups": rows}}}


def test_a_draft_is_not_flagged_but_listed_as_not_yet_submitted(app, as_user):
    # One section of 17 filled weeks before the deadline: 0 of 3 recommendations done, yet.
    analysis(app, "rudny-4", "2026-H1", followups(0, 3))
    client = as_user("rudny")
    risks = client.get(RISKS).get_data(as_text=True)
    assert flags_on_risks_page(risks) == {}
    assert "0,0 %" not in risks
    listed = risks[risks.index('id="not-judged"'):]
    assert "Әлі тапсырылмаған" in listed and "№4 жалпы білім беретін мектеп" in listed
    overview = client.get("/units/rudny/dashboard/?period=2026-H1").get_data(as_text=True)
    assert "0,0 % &lt; 50,0 %" not in overview and 'id="not-judged"' in overview
    assert compare_codes(client, "&flagged=1") == []
    school = as_user("rudny-4").get("/units/rudny-4/dashboard/?period=2026-H1").get_data(as_text=True)
    assert "Белгілер тапсырылған және қабылданған талдауларды бағалайды" in school

    set_status(app, "rudny-4", "2026-H1", Status.SUBMITTED)
    flags = flags_on_risks_page(client.get(RISKS).get_data(as_text=True))
    assert flags == {"rudny-4": ["өткен жарты жылдықтың орындалған ұсынымдары 0,0 % < 50,0 %"]}
    assert compare_codes(client, "&flagged=1") == ["rudny-4"]


def test_a_drafts_figure_is_not_marked_far_from_the_median_until_it_is_submitted(app, as_user):
    """Five schools sent single-source shares of 10–18 %; a sixth is still typing its draft (90 % so far). The
    page says drafts are judged once sent: so neither a dot nor a line under the table for the draft yet."""
    for number, share in zip((1, 2, 3, 4, 5), (10, 12, 14, 16, 18), strict=True):
        analysis(app, f"rudny-{number}", "2026-H1", buying(str(share * 1000), str((100 - share) * 1000)),
                 Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-6", "2026-H1", buying("90000", "10000"))
    client = as_user("rudny")
    html = client.get(COMPARE).get_data(as_text=True)
    assert "outlier" not in school_row(html, "rudny-6") and "Медианадан алыс мәндер" not in html
    set_status(app, "rudny-6", "2026-H1", Status.SUBMITTED)
    html = client.get(COMPARE).get_data(as_text=True)
    assert "outlier" in school_row(html, "rudny-6") and "Медианадан алыс мәндер" in html


# --- The heat map ------------------------------------------------------------------------------------

NARRATIVE = {"risks": "Бір көзден сатып алу тәуекелі", "basis": "Шарттар", "recommendations": "Конкурс"}


def columns() -> list[str]:
    """The heat map's columns: the sections with risks (the registry is filled when the app is made)."""
    return [s.code for s in SECTIONS if s.triplet]


@pytest.fixture
def heat(app, as_user):
    """2026-H1, procurement: rudny-1 a violation, rudny-2 a single-source share over the flag, rudny-3 nothing to
    report, rudny-5 filled with risk text and nothing to act on, rudny-6 returned, rudny-4 a draft with a violation;
    the others have not started."""
    violation = {"procurement": {"narrative": {**NARRATIVE, "violation_found": True, "violation_description": "Х"}}}
    risk_only = {"procurement": {"narrative": {**NARRATIVE, "violation_found": False}}}
    analysis(app, "rudny-1", "2026-H1", violation, Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-2", "2026-H1", {**risk_only, **buying("40000", "60000")}, Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-3", "2026-H1", {"procurement": {"narrative": {"nothing_to_report": True}}}, Status.ACCEPTED,
             on_time=True)
    analysis(app, "rudny-5", "2026-H1", {**risk_only, **buying("10000", "90000")}, Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-6", "2026-H1", risk_only, Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-4", "2026-H1", violation)
    returned = as_user("rudny").post("/schools/rudny-6/2026-H1/review", data={
        "decision": "return", "reason-procurement": "Шарттардың көшірмелері жоқ."})
    assert returned.status_code == 303
    return as_user("rudny").get(RISKS).get_data(as_text=True)


def heat_cell(html: str, name: str, column: int | None = None) -> tuple[str, str, str]:
    """(state, symbol, the cell's HTML) of one school's cell in the heat map (procurement unless told)."""
    column = columns().index("procurement") if column is None else column
    table = html[html.index('class="data grid heatmap"'):]
    row = re.search(rf'<tr><th scope="row">{re.escape(name)}</th>(.*?)</tr>', table, re.S).group(1)
    css, inner = re.findall(r'<td class="heat-(\w+)">(.*?)</td>', row, re.S)[column]
    return css, plain(re.sub(r'<span class="visually-hidden">.*?</span>', "", inner)), inner


@pytest.mark.parametrize("name, state, symbol", [
    ("№1 жалпы білім беретін мектеп", "violation", "✖"),
    ("№2 мектеп-лицей", "flag", "⚑"),
    ("Ы.Алтынсарин атындағы №3 жалпы білім беретін мектеп", "nothing", "∅"),
    ("Абай атындағы №5 мектеп-гимназия", "clear", "·"),
    ("№6 жалпы білім беретін мектеп", "returned", "↩"),
    ("№4 жалпы білім беретін мектеп", "not_submitted", "…"),  # a draft's violation is not judged yet
    ("№8 жалпы білім беретін мектеп", "not_submitted", "…"),
])
def test_each_heat_map_cell_says_what_the_department_acts_on(heat, name, state, symbol):
    assert heat_cell(heat, name)[:2] == (state, symbol)


def test_a_flagged_cell_says_why_and_links_to_the_section(heat):
    inner = heat_cell(heat, "№2 мектеп-лицей")[2]
    assert 'href="/schools/rudny-2/2026-H1/procurement/"' in inner
    assert "бір көзден сатып алу үлесі 40,0 % &gt; 20,0 %" in inner
    assert "href" not in heat_cell(heat, "№8 жалпы білім беретін мектеп")[2]  # nothing to open


def test_filled_sections_with_risk_text_no_longer_all_read_as_risk(heat):
    """Before, every filled section with risk text read «тәуекел белгіленген»; now only what to act on stands out."""
    assert "тәуекел белгіленген" not in heat[heat.index('class="data grid heatmap"'):]
    other_columns = [c for c, code in enumerate(columns()) if code != "procurement"]
    assert {heat_cell(heat, "Абай атындағы №5 мектеп-гимназия", c)[0] for c in other_columns} == {"clear"}


def test_the_heat_map_has_a_legend_and_counts_per_column(heat):
    legend = heat[heat.index('class="legend heat-legend"'):heat.index("</ul>", heat.index("heat-legend"))]
    for label in ("бұзушылық анықталған", "белгі іске қосылды", "қайтарылды", "тапсырылмаған",
                  "хабарлайтын ештеңе жоқ", "шара қажет емес"):
        assert label in legend
    counts = {}
    for state, cells in re.findall(r'<tr class="heat-count" id="heat-count-(\w+)">.*?</th>(.*?)</tr>', heat, re.S):
        counts[state] = [plain(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]
    assert set(counts) == {"violation", "flag", "returned", "not_submitted", "nothing", "clear"}
    column = {state: values[columns().index("procurement")] for state, values in counts.items()}
    schools = len(re.findall(r'<tr><th scope="row">', heat[heat.index('class="data grid heatmap"'):]))
    assert column == {"violation": "1", "flag": "1", "returned": "1", "nothing": "1", "clear": "1",
                      "not_submitted": str(schools - 5)}


def test_the_risks_page_as_a_whole_and_its_thresholds_fragment(heat, as_user):
    fragment = as_user("rudny", htmx=True).post("/units/rudny/dashboard/thresholds",
                                                data={"period": "2026-H1", "single_source": "x"})
    assert fragment.status_code == 422 and "<html" not in fragment.get_data(as_text=True)
    assert "HX-Request" in fragment.headers["Vary"]
    page = as_user("rudny").post("/units/rudny/dashboard/thresholds", data={"period": "2026-H1", "single_source": "x"})
    assert page.status_code == 422 and 'class="data grid heatmap"' in page.get_data(as_text=True)
    assert SEED_NAME in heat


def test_each_heat_map_column_is_named_apart_though_two_sections_share_a_number(heat):
    """Personnel and procurement are both 2.2 (as in the seed): their columns must not both read «2.2»."""
    table = heat[heat.index('class="data grid heatmap"'):]
    headings = [plain(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table.split("</thead>")[0], re.S)]
    assert "2.2 Кадр" in headings and "2.2 Қаржы-шаруашылық" in headings
    assert len(headings) == len(set(headings))
