"""In Chromium, with the demo analyses: a city sorts its schools by single-source share (htmx, URL kept), opens a
flagged school's drill-down and downloads the table as XLSX; the region compares its cities, switches the
indicator and goes down to a city and back; the dashboard pages pass axe-core.

Selectors lean on the markup (ids, hrefs, table structure) rather than on labels, so they hold while the
Kazakh and Russian wording of the dashboard changes.
"""

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in
from support import serious_accessibility_problems, with_demo_analyses

from webapp.blueprints.dashboard.columns import SCHOOL_COLUMNS
from webapp.blueprints.dashboard.indicators import INDICATORS
from webapp.demo.units import DEPARTMENTS, OTHER_SCHOOLS, REGION

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data", "analyses")]

PERIOD = "2025-H1"  # closed, every demo school has sent it: a full comparison
SORT_KEY = "single_source_pct"
RUDNY, LISAKOVSK = (next(d for d in DEPARTMENTS if d["code"] == code) for code in ("rudny", "lisakovsk"))
SCHOOLS_IN = {code: sum(1 for school in OTHER_SCHOOLS if school[0] == code) + (code == "rudny")  # + the seed
              for code in ("rudny", "lisakovsk")}


@pytest.fixture
def analyses(live_data, live_app):
    """The demo analyses (and, through rebuild_figures, the dashboard's figures) on the live server's database."""
    with_demo_analyses(live_app, cycles=False)


# --- Reading the page ------------------------------------------------------------------------------

def number(text: str) -> float | None:
    """ "14 551 553,06 ₸", "31,6 %", "—" -> 14551553.06, 31.6, None (any group separator, decimal comma)."""
    text = text.strip()
    if text.startswith("—"):
        return None
    digits = re.sub(r"[^\d,.\-]", "", text).replace(",", ".")
    assert digits, f"not a number: {text!r}"
    return float(digits)


def column_index(page: Page, table: str, href_part: str) -> int:
    """Index (counting the row header) of the column whose header links to `href_part`."""
    index = page.locator(f"{table} thead th").evaluate_all(
        "(ths, part) => ths.findIndex(th => [...th.querySelectorAll('a')].some(a => a.href.includes(part)))",
        href_part)
    assert index >= 0, f"no column header links to {href_part}"
    return index


def column(page: Page, table: str, index: int, section: str = "tbody") -> list[str]:
    return page.locator(f"{table} {section} tr").evaluate_all(
        "(rows, i) => rows.map(r => r.cells[i].textContent)", index)


def mark_page(page: Page) -> None:
    """A value that only survives as long as the document does: an htmx swap keeps it, a reload drops it."""
    page.evaluate("window.__marker = 1")


def not_reloaded(page: Page) -> bool:
    return page.evaluate("window.__marker") == 1


def page_width_fits(page: Page) -> bool:
    """Wide tables scroll inside their box; the page itself never scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


# --- The city ----------------------------------------------------------------------------------------

def test_city_sorts_by_single_source_opens_a_flagged_school_and_downloads_xlsx(page: Page, tmp_path):
    log_in(page, "rudny")
    # From the department's home page to its dashboard, then to the half-year.
    page.locator("main a.button[href='/units/rudny/dashboard/']").click()
    expect(page).to_have_url(re.compile(r"/units/rudny/dashboard/$"))
    page.locator("#period-picker").select_option(PERIOD)
    page.locator("form:has(#period-picker) button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/units/rudny/dashboard/\?period={PERIOD}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(RUDNY["name_kk"])

    # The overview names the schools that stand out, each with its reasons.
    standing_out = page.locator("ul.flag-list > li")
    expect(standing_out.first).to_be_visible()
    standing_out_names = [name.strip() for name in page.locator("ul.flag-list > li > a").all_text_contents()]

    page.locator("nav.tabs a[href*='/dashboard/compare']").click()
    expect(page).to_have_url(re.compile(r"/units/rudny/dashboard/compare\?"))
    expect(page.locator("nav.tabs a[aria-current=page]")).to_have_attribute("href", re.compile("/dashboard/compare"))
    table = "#comparison table"
    rows = page.locator(f"{table} tbody tr")
    expect(rows).to_have_count(SCHOOLS_IN["rudny"])

    # Sort by single-source share, descending: htmx swaps the table in place and pushes the URL.
    mark_page(page)
    page.locator(f"{table} thead a[href*='sort={SORT_KEY}']").click()
    expect(page).to_have_url(re.compile(rf"sort={SORT_KEY}"))
    if "desc=1" not in page.url:  # the first click sorts ascending: once more for the largest first
        page.locator(f"{table} thead a[href*='sort={SORT_KEY}']").click()
    expect(page).to_have_url(re.compile(rf"sort={SORT_KEY}.*desc=1|desc=1.*sort={SORT_KEY}"))
    sorted_header = page.locator(f"{table} thead th:has(a[href*='sort={SORT_KEY}'])")
    expect(sorted_header.locator("[aria-hidden=true]")).to_have_text("▼")
    assert not_reloaded(page), "sorting reloaded the whole page instead of swapping the table"
    expect(rows).to_have_count(SCHOOLS_IN["rudny"])
    assert page_width_fits(page), "the sorted table widens the whole page beyond its scroll box"

    share = column_index(page, table, f"sort={SORT_KEY}")
    shares = [number(text) for text in column(page, table, share)]
    present = [value for value in shares if value is not None]
    assert present, "no school has a single-source share"
    assert present == sorted(present, reverse=True), f"not largest first: {shares}"
    assert all(value is None for value in shares[len(present):]), f"schools without a share not last: {shares}"
    assert present[0] > 20, "the demo city has schools above the 20 % single-source flag"
    first_row_code = rows.first.get_attribute("id")

    # A school above the single-source threshold carries a flag mark whose title gives the reasons.
    flagged_row = rows.filter(has=page.locator(".flag-count")).first
    expect(flagged_row).to_be_visible()
    flag_mark = flagged_row.locator(".flag-count")
    flag_count = int(re.search(r"\d+", flag_mark.inner_text()).group())
    reasons = flag_mark.get_attribute("title").split("; ")
    assert len(reasons) == flag_count
    school_name = flagged_row.locator("th a").inner_text().strip()
    assert school_name in standing_out_names, "a flagged school missing from the overview's list"
    school_share = flagged_row.locator("td, th").nth(share).inner_text()
    city_median_share = page.locator(f"{table} tfoot tr.median td, {table} tfoot tr.median th").nth(share).inner_text()
    compare_url = page.url

    # Its drill-down: the same reasons, and each indicator against the city's median.
    flagged_row.locator("th a").click()
    expect(page).to_have_url(re.compile(rf"/units/[\w-]+/dashboard/\?period={PERIOD}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(school_name)
    breadcrumbs = page.locator("nav.breadcrumbs a")
    expect(breadcrumbs.last).to_have_attribute("href", f"/units/rudny/dashboard/?period={PERIOD}")
    expect(page.locator(".warnings li")).to_have_text(reasons)
    against = page.locator("section[aria-labelledby=against-heading] table")
    expect(against.locator("thead th")).to_have_count(5)  # indicator, this school, city median, middle half, verdict
    expect(against.locator("tbody tr")).to_have_count(len(INDICATORS))
    share_row = against.locator("tbody tr").nth(next(i for i, ind in enumerate(INDICATORS) if ind.key == SORT_KEY))
    assert number(share_row.locator("td").nth(0).inner_text()) == number(school_share)
    assert number(share_row.locator("td").nth(1).inner_text()) == number(city_median_share)
    for median in column(page, "section[aria-labelledby=against-heading] table", 2):
        assert median.strip() == "—" or number(median) is not None

    # Back on the comparison: the pushed URL reloads into the same sorted table.
    page.go_back()
    expect(page).to_have_url(compare_url)
    expect(rows.first).to_have_attribute("id", first_row_code)
    codes = [code.removeprefix("school-") for code in rows.evaluate_all("rows => rows.map(r => r.id)")]
    extra = len(SCHOOL_COLUMNS)  # the overdue plan measures, between the flags and the indicators
    headers = [text.strip() for text in
               page.locator(f"{table} thead th:nth-child(n+{4 + extra}) a").all_text_contents()]
    cells = rows.evaluate_all(f"rows => rows.map(r => [...r.cells].slice({3 + extra}).map(c => c.textContent))")

    with page.expect_download() as download_info:
        page.locator("#comparison a[href*='compare.xlsx']").click()
    download = download_info.value
    assert download.suggested_filename == f"rudny_{PERIOD}_comparison.xlsx"
    saved = tmp_path / download.suggested_filename  # openpyxl goes by the file's extension
    download.save_as(saved)
    sheet = load_workbook(saved, read_only=True).active
    lines = list(sheet.iter_rows(values_only=True))
    start = next(number for number, line in enumerate(lines) if line[0] == "Код")  # under the title block
    # then the total, the median and of how many schools each total is made
    header, data, footer = lines[start], lines[start + 1:-3], lines[-3:]
    assert [line[1] for line in footer] == ["Барлығы", "Медиана мектеп", "Көрсеткішті берген мектептер"]
    # code, school, status, on time, indicators…, overdue plan measures, flags
    assert len(header) == 4 + len(INDICATORS) + 1 + extra
    assert list(header[4:4 + len(INDICATORS)]) == headers, "the file's columns differ from the table's"
    assert len(data) == len(codes), "the file has another number of schools than the table"
    assert [line[0] for line in data] == codes, "the file is not in the table's (sorted) order"
    for line, shown in zip(data, cells, strict=True):
        for value, text in zip(line[4:4 + len(INDICATORS)], shown, strict=True):
            assert value is None or isinstance(value, int | float), f"{line[0]}: {value!r} is not a number"
            expected = number(text)
            assert (value is None) == (expected is None), f"{line[0]}: {value!r} in the file, {text!r} shown"
            if value is not None:
                assert abs(value - expected) <= 0.051, f"{line[0]}: {value!r} in the file, {text!r} shown"


def test_searching_keeps_the_sort_order_chosen_by_a_column_header(page: Page):
    log_in(page, "rudny")
    page.goto(f"/units/rudny/dashboard/compare?period={PERIOD}")
    table = "#comparison table"
    page.locator(f"{table} thead a[href*='sort={SORT_KEY}']").click()
    expect(page).to_have_url(re.compile(rf"sort={SORT_KEY}"))
    page.locator("#search").fill("жалпы")  # "general" schools: most of the city's
    expect(page).to_have_url(re.compile(r"q=%D0%B6"))
    expect(page).to_have_url(re.compile(rf"sort={SORT_KEY}&desc=1"))
    names = page.locator(f"{table} tbody th").all_inner_texts()
    assert names and all("жалпы" in name for name in names)
    shares = [number(text) for text in column(page, table, column_index(page, table, f"sort={SORT_KEY}"))]
    present = [value for value in shares if value is not None]
    assert present == sorted(present, reverse=True), f"the search dropped the sort: {shares}"


# --- The region --------------------------------------------------------------------------------------

def test_region_compares_its_cities_switches_the_indicator_and_goes_down_and_back(page: Page):
    log_in(page, "kostanay")
    page.locator("main a.button[href='/units/kostanay/dashboard/']").click()
    expect(page).to_have_url(re.compile(r"/units/kostanay/dashboard/$"))
    page.goto(f"/units/kostanay/dashboard/?period={PERIOD}")

    cities = page.locator("section[aria-labelledby=children-heading] table tbody tr")
    expect(cities).to_have_count(2)
    by_name = {}
    for i in range(2):
        cells = cities.nth(i).locator("th, td").all_inner_texts()
        by_name[cells[0].strip()] = cells[1:]
    assert set(by_name) == {RUDNY["name_kk"], LISAKOVSK["name_kk"]}
    for department in (RUDNY, LISAKOVSK):
        cells = by_name[department["name_kk"]]
        assert number(cells[0]) == SCHOOLS_IN[department["code"]]
        indicator_cells = cells[6:]
        assert len(indicator_cells) == len(INDICATORS)
        assert sum(number(text) is not None for text in indicator_cells) > len(INDICATORS) // 2, cells

    # Another indicator: htmx swaps the charts block and keeps the choice in the URL.
    picker = page.locator("select#indicator-picker")
    expect(picker).to_have_value(SORT_KEY)
    chosen = INDICATORS[1]
    label = picker.locator(f"option[value={chosen.key}]").inner_text().strip()
    mark_page(page)
    picker.select_option(chosen.key)
    expect(page).to_have_url(re.compile(rf"indicator={chosen.key}"))
    view = page.locator("#indicator-view")
    expect(view.get_by_role("heading", level=2)).to_have_text(label)
    expect(view.locator("svg").first).to_contain_text(label)
    expect(page.locator("select#indicator-picker")).to_have_value(chosen.key)
    assert not_reloaded(page), "choosing an indicator reloaded the whole page"
    expect(page.locator("#indicator-view")).to_have_count(1)  # swapped, not nested

    # Down to Lisakovsk, and back up through the breadcrumbs.
    cities.locator("th a", has_text=LISAKOVSK["name_kk"]).click()
    expect(page).to_have_url(re.compile(rf"/units/lisakovsk/dashboard/\?period={PERIOD}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(LISAKOVSK["name_kk"])
    expect(page.locator("nav.breadcrumbs [aria-current=page]")).to_have_text(LISAKOVSK["name_kk"])
    # lisakovsk-3 buys mostly from a single source: the largest bar, flagged.
    expect(page.locator("ul.flag-list a[href^='/units/lisakovsk-3/']")).to_be_visible()
    crumb = page.locator("nav.breadcrumbs a", has_text=REGION["name_kk"])
    expect(crumb).to_have_attribute("href", f"/units/kostanay/dashboard/?period={PERIOD}")
    crumb.click()
    expect(page).to_have_url(re.compile(rf"/units/kostanay/dashboard/\?period={PERIOD}$"))
    expect(cities).to_have_count(2)


# --- Accessibility -----------------------------------------------------------------------------------

@pytest.mark.parametrize("username, path", [
    ("rudny", "/units/rudny/dashboard/"),
    ("rudny", "/units/rudny/dashboard/compare"),
    ("rudny", "/units/rudny/dashboard/completeness"),
    ("rudny", "/units/rudny/dashboard/risks"),
    ("rudny", "/units/rudny-8/dashboard/"),
    ("kostanay", "/units/kostanay/dashboard/"),
])
def test_dashboard_pages_have_no_serious_accessibility_problems(page: Page, username, path):
    log_in(page, username)
    page.goto(f"{path}?period={PERIOD}")
    expect(page.locator("h1")).to_be_visible()
    assert serious_accessibility_problems(page) == []


def test_the_dashboard_prints_without_its_controls(page: Page, base_url):
    """Printed, the overview and the comparison keep their figures and charts but lose the navigation, the half-year
    picker, the filters and the buttons; the comparison table is not cut to the screen's scroll box."""
    log_in(page, "rudny")
    page.goto(f"{base_url}/units/rudny/dashboard/?period={PERIOD}")
    page.emulate_media(media="print")
    for hidden in ("header.site-header", "nav.tabs", "#period-picker", "#indicator-picker", "#behind ~ form button"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()
    expect(page.locator("#where-heading")).to_be_visible()

    page.emulate_media(media="screen")
    page.goto(f"{base_url}/units/rudny/dashboard/compare?period={PERIOD}")
    page.emulate_media(media="print")
    expect(page.locator("form.filters")).to_be_hidden()
    table = page.locator("table.compare")
    expect(table).to_be_visible()
    overflow = page.locator(".table-scroll").first.evaluate("el => getComputedStyle(el).overflowX")
    assert overflow == "visible"
    assert table.locator("tbody tr").count() == SCHOOLS_IN["rudny"]
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
