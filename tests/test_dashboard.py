"""The dashboard as its users meet it: the seed school's indicators against hand-computed values, figures that
follow every save at once, risk flags at their thresholds, the comparison sorted, searched and filtered
through htmx, completeness and reminders, CSV/XLSX exports read back, and every level seeing only its own.

The base data is the demo org tree without analyses; each test adds just the analyses it needs
(rudny-7's seed half-years, or small hand-made ones whose indicators are easy to compute by hand).
"""

from __future__ import annotations

import csv
import html as htmllib
import io
import re
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from babel.numbers import format_currency, format_percent
from openpyxl import load_workbook
from sqlalchemy import event, func, select, update
from support import count_queries, text_of

from webapp.blueprints.dashboard import queries
from webapp.blueprints.dashboard.columns import SCHOOL_COLUMNS
from webapp.blueprints.dashboard.flags import FLAG_RULES
from webapp.blueprints.dashboard.indicators import INDICATORS
from webapp.blueprints.dashboard.models import FlagThreshold, Reminder
from webapp.demo.analyses import load_analyses
from webapp.demo.units import demo_school_codes
from webapp.demo.writer import write_content
from webapp.extensions import db
from webapp.models import AuditEvent, OrgUnit, Period, User
from webapp.reporting.figures import SubmissionFigures
from webapp.reporting.models import Status, Submission
from webapp.reporting.sections import SECTIONS

SEED_NAME = "Б.Майлин атындағы №7 мектеп-гимназиясы"
RUDNY_SCHOOLS = [code for code in demo_school_codes() if code.startswith("rudny-")]
RUDNY_SCHOOLS_NATURAL = sorted(RUDNY_SCHOOLS, key=queries.natural_key)  # rudny-2 before rudny-10
KEYS = [indicator.key for indicator in INDICATORS]
SENT = (Status.SUBMITTED, Status.ACCEPTED)


# --- Data -------------------------------------------------------------------------------------------

def unit(code: str) -> OrgUnit:
    return db.session.execute(select(OrgUnit).filter_by(code=code)).scalar_one()


def period(code: str) -> Period:
    return db.session.execute(select(Period).filter_by(code=code)).scalar_one()


def load_seed(app, codes=("rudny-7",)) -> None:
    """The demo analyses of these schools (rudny-7: the seed certificate's 2024-H2 and 2025-H1, and more)."""
    with app.app_context():
        load_analyses(list(codes))
        db.session.commit()


def analysis(app, school: str, period_code: str, content: dict | None = None, status: Status = Status.DRAFT,
             on_time: bool | None = None) -> int:
    """A hand-made analysis written through the section registry, its figures computed; returns its id."""
    with app.app_context():
        submission = Submission(school=unit(school), period=period(period_code), status=status, on_time=on_time,
                                submitted_at=datetime(2026, 6, 10, 5, 0, tzinfo=UTC) if status in SENT else None)
        db.session.add(submission)
        db.session.flush()
        write_content(submission, content or {})
        db.session.commit()
        return submission.id


def buying(single_source: str | None, other: str, other_method: str = "price_request") -> dict:
    """Procurement rows: one single-source line and one line of another method (amounts in tenge)."""
    rows = [{"method": other_method, "amount": other}]
    if single_source is not None:
        rows.append({"method": "single_source", "amount": single_source})
    return {"procurement": {"rows": {"methods": rows}}}


def staffing(teachers: int | None, higher: int | None) -> dict:
    return {"personnel": {"facts": {"teachers_total": teachers, "teachers_higher_education": higher}}}


def threshold_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(FlagThreshold))


# --- Reading the pages -------------------------------------------------------------------------------

def plain(fragment: str) -> str:
    """A cell's text as a reader sees it: tags and the outlier dot dropped, entities decoded."""
    text = re.sub(r'<span aria-hidden="true">.*?</span>', "", fragment, flags=re.S)
    text = htmllib.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def school_row(html: str, code: str) -> str:
    found = re.search(rf'<tr id="school-{re.escape(code)}">(.*?)</tr>', html, re.S)
    assert found, f"no row for {code}"
    return found.group(1)


def indicator_cells(html: str, code: str) -> dict[str, str]:
    """The comparison row of one school: indicator key -> the text of its cell."""
    cells = re.findall(r"<td[^>]*>(.*?)</td>", school_row(html, code), re.S)
    first = 2 + len(SCHOOL_COLUMNS)  # status, flags, the overdue plan measures, then one per indicator
    assert len(cells) == first + len(INDICATORS)
    return dict(zip(KEYS, (plain(cell) for cell in cells[first:]), strict=True))


def footer_cells(html: str, css: str, given: bool = False) -> dict[str, str]:
    """The total (css="total") or median (css="median") row under the comparison: each cell's value, or with
    given=True the line under it saying how many schools gave the figure ("" when all did)."""
    found = re.search(rf'<tr class="{css}">(.*?)</tr>', html, re.S)
    assert found, css
    cells = re.findall(r"<td[^>]*>(.*?)</td>", found.group(1), re.S)
    note = re.compile(r'<span class="given muted">(.*?)</span>', re.S)
    first = 2 + len(SCHOOL_COLUMNS)  # status, flags, the overdue plan measures, then one per indicator
    if given:
        return dict(zip(KEYS, (plain(" ".join(note.findall(cell))) for cell in cells[first:]), strict=True))
    return dict(zip(KEYS, (plain(note.sub("", cell)) for cell in cells[first:]), strict=True))


def shown_codes(html: str) -> list[str]:
    return re.findall(r'<tr id="school-([a-z0-9-]+)">', html)


def flags_on_risks_page(html: str) -> dict[str, list[str]]:
    """school code -> the reasons the risks page gives for its flags."""
    found = {}
    for code, items in re.findall(r'<th scope="row"><a href="/units/([a-z0-9-]+)/dashboard/[^"]*">[^<]*</a></th>\s*'
                                  r'<td><ul class="plain">(.*?)</ul></td>', html, re.S):
        found[code] = [plain(item) for item in re.findall(r"<li>(.*?)</li>", items, re.S)]
    return found


def thresholds_form(**changes) -> dict:
    """Every rule's field, at its default unless changed (the form sends them all)."""
    data = {rule.key: f"{rule.default:g}" for rule in FLAG_RULES}
    data.update(changes)
    return data


def nb(text: str) -> str:
    """Babel's grouping: a no-break space in both languages."""
    return text.replace(" ", "\u00a0")


# =====================================================================================================
# 1. The indicators of the seed school, computed by hand
# =====================================================================================================

def test_seed_school_share_of_teachers_with_higher_education_is_69_of_76(app, as_user):
    load_seed(app)
    with app.app_context():
        rows = {row.code: row for row in queries.school_rows(unit("rudny"), period("2025-H1"), "kk")}
        figures = db.session.scalars(select(SubmissionFigures).where(
            SubmissionFigures.submission_id == rows["rudny-7"].submission_id)).one()
        assert (figures.teachers, figures.higher_education) == (76, 69)
    assert rows["rudny-7"].values["higher_education_pct"] == pytest.approx(100 * 69 / 76)  # 90.789…
    assert rows["rudny-7"].values["teachers"] == 76

    html = as_user("rudny").get("/units/rudny/dashboard/compare?period=2025-H1").get_data(as_text=True)
    cells = indicator_cells(html, "rudny-7")
    assert cells["higher_education_pct"] == "90,8 %" == format_percent(69 / 76, "#,##0.0 %", locale="kk_KZ")
    assert cells["teachers"] == "76"
    # Only the seed school has figures: the city's total and median are its own.
    assert footer_cells(html, "total")["higher_education_pct"] == "90,8 %"
    assert footer_cells(html, "median")["higher_education_pct"] == "90,8 %"
    # 2024-H2: 68 of 75.
    html = as_user("rudny").get("/units/rudny/dashboard/compare?period=2024-H2").get_data(as_text=True)
    assert indicator_cells(html, "rudny-7")["higher_education_pct"] == "90,7 %"


def test_seed_school_procurement_adds_up_to_the_certificates_total(app, as_user):
    load_seed(app)
    with app.app_context():
        school = unit("rudny-7")
        by_period = {period_code: db.session.scalar(
            select(SubmissionFigures.procurement_total).where(SubmissionFigures.school_id == school.id,
                                                              SubmissionFigures.period_id == period(period_code).id))
            for period_code in ("2024-H2", "2025-H1")}
    assert by_period == {"2024-H2": Decimal("9874312.40"), "2025-H1": Decimal("12433156.25")}
    assert sum(by_period.values()) == Decimal("22307468.65")  # 22 266 028,65 price quotations + 41 440 e-shop

    client = as_user("rudny")
    html = client.get("/units/rudny/dashboard/compare?period=2025-H1").get_data(as_text=True)
    shown = indicator_cells(html, "rudny-7")["procurement_total"]
    # Grouped with no-break spaces and a decimal comma, exactly as Babel formats tenge for kk_KZ
    # (and as the section pages and the certificate show sums).
    assert shown == "12\u00a0433\u00a0156,25\u00a0₸" == format_currency(Decimal("12433156.25"), "KZT", locale="kk_KZ")
    assert indicator_cells(html, "rudny-7")["price_request_pct"] == "99,7 %"  # 12 391 716,25 of 12 433 156,25
    html = client.get("/units/rudny/dashboard/compare?period=2024-H2").get_data(as_text=True)
    assert indicator_cells(html, "rudny-7")["procurement_total"] == nb("9 874 312,40 ₸")
    # The Russian page groups the same way.
    with app.app_context():
        db.session.execute(update(User).where(User.username == "rudny").values(locale="ru"))
        db.session.commit()
    html = as_user("rudny").get("/units/rudny/dashboard/compare?period=2025-H1").get_data(as_text=True)
    assert indicator_cells(html, "rudny-7")["procurement_total"] == format_currency(
        Decimal("12433156.25"), "KZT", locale="ru_KZ")


def test_school_drill_down_shows_its_values_over_the_half_years(app, as_user):
    load_seed(app)
    text = text_of(as_user("rudny-7").get("/units/rudny-7/dashboard/?period=2025-H1&indicator=procurement_total"))
    assert "12 433 156,25 ₸" in text and "90,8 %" in text
    # The trend chart carries both seed half-years.
    assert "9 874 312,40 ₸" in text


def test_city_percentage_counts_only_schools_that_gave_both_figures(app, as_user):
    """A draft with teachers with higher education but no teachers total must not push the city above 100 %."""
    load_seed(app)
    analysis(app, "rudny-1", "2025-H1", staffing(None, 50))
    with app.app_context():
        totals = queries.totals(unit("rudny"), period("2025-H1"))
    assert totals.values["higher_education_pct"] == pytest.approx(100 * 69 / 76)
    html = as_user("rudny").get("/units/rudny/dashboard/compare?period=2025-H1").get_data(as_text=True)
    assert footer_cells(html, "total")["higher_education_pct"] == "90,8 %"
    assert indicator_cells(html, "rudny-1")["higher_education_pct"] == "—"


def test_a_total_says_how_many_schools_gave_the_figure(app, as_user):
    """Totals leave out blank figures: the total row says of how many schools it is made, in kk and ru."""
    load_seed(app)
    analysis(app, "rudny-1", "2025-H1", staffing(None, 50))  # teachers with higher education, no teachers total
    schools = len(RUDNY_SCHOOLS)
    department = as_user("rudny")
    html = department.get("/units/rudny/dashboard/compare?period=2025-H1").get_data(as_text=True)
    assert footer_cells(html, "total")["higher_education_pct"] == "90,8 %"
    notes = footer_cells(html, "total", given=True)
    assert notes["higher_education_pct"] == f"Көрсеткішті {schools} мектептің 1 мектебі берді"
    department.post("/language", data={"lang": "ru"})
    html = department.get("/units/rudny/dashboard/compare?period=2025-H1").get_data(as_text=True)
    assert footer_cells(html, "total", given=True)["higher_education_pct"] == f"Показатель есть у 1 из {schools} школ"
    # The share's note counts schools that gave both figures; a plain count those that gave it.
    assert footer_cells(html, "total", given=True)["teachers"] == f"Показатель есть у 1 из {schools} школ"
    # The region's cities: each city's total and the region's total say the same.
    region = as_user("kostanay")
    region.post("/language", data={"lang": "ru"})
    page = text_of(region.get("/units/kostanay/dashboard/?period=2025-H1&indicator=higher_education_pct"))
    # The note is a span inside the value's cell: text_of joins inline elements to their neighbours.
    assert f"90,8 %Показатель есть у 1 из {schools} школ" in page


def test_combined_totals_add_up_the_schools_that_gave_each_figure(app):
    load_seed(app)
    analysis(app, "rudny-1", "2025-H1", staffing(40, None))
    with app.app_context():
        totals = queries.totals(unit("rudny"), period("2025-H1"))
        assert (totals.gave("teachers"), totals.gave("higher_education_pct")) == (2, 1)
        combined = queries.Totals.combine([totals, totals])
        assert (combined.gave("teachers"), combined.schools) == (4, 2 * len(RUDNY_SCHOOLS))


# =====================================================================================================
# 2. Live: a save shows on the department's pages at once
# =====================================================================================================

SCHOOL_BASE = "/schools/rudny-7/2026-H2"


@pytest.fixture
def clerk(as_user):
    """rudny-7 (htmx), its 2026-H2 analysis started through the real form."""
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{SCHOOL_BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def test_a_saved_figure_is_on_the_department_comparison_at_once(clerk, as_user):
    department = as_user("rudny")
    compare_url = "/units/rudny/dashboard/compare?period=2026-H2"
    assert indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")["teachers"] == "—"

    saved = clerk.post(f"{SCHOOL_BASE}/personnel/facts", data={
        "teachers_total": "80", "support_staff_total": "20", "teachers_higher_education": "60"})
    assert saved.status_code == 200
    cells = indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")
    assert (cells["teachers"], cells["higher_education_pct"]) == ("80", "75,0 %")

    clerk.post(f"{SCHOOL_BASE}/personnel/facts", data={
        "teachers_total": "80", "support_staff_total": "20", "teachers_higher_education": "72"})
    cells = indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")
    assert cells["higher_education_pct"] == "90,0 %"
    # A refused field changes nothing on the dashboard; the valid one beside it is kept (issue 9: nothing typed
    # is lost), and the dashboard follows it at once: 10 of 80.
    refused = clerk.post(f"{SCHOOL_BASE}/personnel/facts", data={
        "teachers_total": "eighty", "support_staff_total": "20", "teachers_higher_education": "10"})
    assert refused.status_code == 422
    cells = indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")
    assert (cells["teachers"], cells["higher_education_pct"]) == ("80", "12,5 %")
    # The city dashboard and the school's own drill-down agree.
    assert "12,5 %" in text_of(department.get("/units/rudny/dashboard/?period=2026-H2&indicator=higher_education_pct"))
    assert "12,5 %" in text_of(clerk.get("/units/rudny-7/dashboard/?period=2026-H2", headers={"HX-Request": ""}))


def set_status(app, school: str, period_code: str, status: Status) -> None:
    """Move a hand-made analysis to `status` directly (the workflow itself is tested in test_sections)."""
    with app.app_context():
        db.session.execute(update(Submission).where(Submission.school_id == unit(school).id,
                                                    Submission.period_id == period(period_code).id)
                           .values(status=status))
        db.session.commit()


def test_adding_and_removing_a_single_source_row_moves_the_share_and_the_flag(app, clerk, as_user):
    department = as_user("rudny")
    compare_url = "/units/rudny/dashboard/compare?period=2026-H2"

    def add(method: str, amount: str, contracts: str):
        response = clerk.post(f"{SCHOOL_BASE}/procurement/rows/methods", data={
            "methods-method": method, "methods-contracts": contracts, "methods-amount": amount, "methods-note": ""})
        assert response.status_code == 200, response.get_data(as_text=True)
        return int(re.search(r'<tr id="row-methods-(\d+)"', response.get_data(as_text=True)).group(1))

    add("price_request", "75 000", "4")  # 1 of 5 contracts by single source: 20 % by count, no flag for it
    cells = indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")
    assert (cells["single_source_pct"], cells["procurement_total"]) == ("0,0 %", nb("75 000,00 ₸"))

    single = add("single_source", "25 000", "1")
    cells = indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")
    assert (cells["single_source_pct"], cells["procurement_total"]) == ("25,0 %", nb("100 000,00 ₸"))

    edited = clerk.post(f"{SCHOOL_BASE}/procurement/rows/methods/{single}", data={
        f"methods-{single}-method": "single_source", f"methods-{single}-contracts": "1",
        f"methods-{single}-amount": "50 000", f"methods-{single}-note": ""})
    assert edited.status_code == 200
    cells = indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")
    assert (cells["single_source_pct"], cells["procurement_total"]) == ("40,0 %", nb("125 000,00 ₸"))
    clerk.post(f"{SCHOOL_BASE}/procurement/rows/methods/{single}", data={
        f"methods-{single}-method": "single_source", f"methods-{single}-contracts": "1",
        f"methods-{single}-amount": "25 000", f"methods-{single}-note": ""})
    # A draft is not judged yet (issue 12); once submitted, the flag fires.
    assert flags_on_risks_page(department.get("/units/rudny/dashboard/risks?period=2026-H2").get_data(as_text=True)) \
        == {}
    set_status(app, "rudny-7", "2026-H2", Status.SUBMITTED)
    flags = flags_on_risks_page(department.get("/units/rudny/dashboard/risks?period=2026-H2").get_data(as_text=True))
    assert flags == {"rudny-7": ["бір көзден сатып алу үлесі 25,0 % > 20,0 %"]}
    assert "25,0 % &gt; 20,0 %" in department.get("/units/rudny/dashboard/?period=2026-H2").get_data(as_text=True)

    set_status(app, "rudny-7", "2026-H2", Status.DRAFT)
    assert clerk.post(f"{SCHOOL_BASE}/procurement/rows/methods/{single}/delete").status_code == 200
    cells = indicator_cells(department.get(compare_url).get_data(as_text=True), "rudny-7")
    assert (cells["single_source_pct"], cells["procurement_total"]) == ("0,0 %", nb("75 000,00 ₸"))
    set_status(app, "rudny-7", "2026-H2", Status.SUBMITTED)
    assert flags_on_risks_page(department.get("/units/rudny/dashboard/risks?period=2026-H2")
                               .get_data(as_text=True)) == {}


def test_a_half_year_started_from_the_last_one_shows_the_carried_figures_at_once(app, as_user):
    load_seed(app)  # 2026-H1: 75 teachers, 68 with higher education
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{SCHOOL_BASE}/start", data={"carry_over": "y"}).status_code in (204, 303)
    html = as_user("rudny").get("/units/rudny/dashboard/compare?period=2026-H2").get_data(as_text=True)
    cells = indicator_cells(html, "rudny-7")
    assert (cells["teachers"], cells["higher_education_pct"]) == ("75", "90,7 %")
    assert "status-draft" in school_row(html, "rudny-7")


def test_nothing_to_report_shows_at_once_in_the_sections_grid(clerk, as_user, app):
    assert clerk.post(f"{SCHOOL_BASE}/control/narrative", data={"nothing_to_report": "y"}).status_code == 200
    html = as_user("rudny").get("/units/rudny/dashboard/completeness?period=2026-H2").get_data(as_text=True)
    assert section_cell(html, SEED_NAME, "control") == ("nothing", "∅")
    assert section_cell(html, SEED_NAME, "courts") == ("missing", "")


def test_a_returned_section_shows_at_once_on_the_dashboard(app, as_user):
    load_seed(app)  # rudny-7's 2026-H1 is submitted, awaiting review
    department = as_user("rudny")
    completeness = "/units/rudny/dashboard/completeness?period=2026-H1"
    assert section_cell(department.get(completeness).get_data(as_text=True), SEED_NAME, "personnel")[0] == "filled"
    response = department.post("/schools/rudny-7/2026-H1/review",
                               data={"decision": "return", "reason-personnel": "Педагогтер саны сәйкес емес."})
    assert response.status_code == 303
    html = department.get(completeness).get_data(as_text=True)
    assert section_cell(html, SEED_NAME, "personnel") == ("returned", "↩")
    assert tiles(html)["Түзетуге қайтарылды"] == (1, 7)
    assert compare_codes(department, "&status=returned") == ["rudny-7"]


# =====================================================================================================
# 3. Flags at their thresholds
# =====================================================================================================

RISKS = "/units/rudny/dashboard/risks?period=2026-H1"


def test_a_share_exactly_at_the_threshold_does_not_fire_and_one_above_does(app, as_user):
    analysis(app, "rudny-1", "2026-H1", buying("20000", "80000"), Status.SUBMITTED)  # 20 % exactly
    analysis(app, "rudny-2", "2026-H1", buying("25000", "75000"), Status.SUBMITTED)  # 25 %
    client = as_user("rudny")
    with app.app_context():
        values = {row.code: row.values["single_source_pct"]
                  for row in queries.school_rows(unit("rudny"), period("2026-H1"), "kk")}
    assert values["rudny-1"] == 20.0 and values["rudny-2"] == 25.0
    flags = flags_on_risks_page(client.get(RISKS).get_data(as_text=True))
    assert flags == {"rudny-2": ["бір көзден сатып алу үлесі 25,0 % > 20,0 %"]}
    compare = client.get("/units/rudny/dashboard/compare?period=2026-H1&flagged=1").get_data(as_text=True)
    assert shown_codes(compare) == ["rudny-2"]


def test_a_share_just_above_the_threshold_says_by_how_much(app, as_user):
    """20,01 % fires (rule is "> 20"); its reason must not read as if 20 % were above 20 %."""
    analysis(app, "rudny-1", "2026-H1", buying("20010", "79990"), Status.SUBMITTED)
    flags = flags_on_risks_page(as_user("rudny").get(RISKS).get_data(as_text=True))
    assert list(flags) == ["rudny-1"]
    (reason,) = flags["rudny-1"]
    assert "> 20" in reason
    value, threshold = re.search(r"(\S+ %) > (\S+ %)", reason).groups()
    assert value != threshold, reason  # "20,0 % > 20,0 %" tells the reader nothing
    assert "20,01" in value


@pytest.mark.parametrize("htmx", [True, False])
def test_department_raises_and_lowers_a_threshold(app, as_user, htmx):
    analysis(app, "rudny-2", "2026-H1", buying("25000", "75000"), Status.SUBMITTED)
    client = as_user("rudny", htmx=htmx)
    assert "rudny-2" in flags_on_risks_page(client.get(RISKS, headers={"HX-Request": ""}).get_data(as_text=True))

    response = client.post("/units/rudny/dashboard/thresholds", data=thresholds_form(single_source="30",
                                                                                      period="2026-H1"))
    if htmx:
        assert response.status_code == 204
        assert response.headers["HX-Location"] == "/units/rudny/dashboard/risks?period=2026-H1"
    else:
        assert response.status_code == 303
        assert response.location.endswith("/units/rudny/dashboard/risks?period=2026-H1")
    page = client.get(RISKS, headers={"HX-Request": ""}).get_data(as_text=True)
    assert flags_on_risks_page(page) == {}
    assert 'name="single_source" inputmode="decimal" value="30"' in page
    with app.app_context():
        own = {t.rule: t.threshold for t in db.session.scalars(select(FlagThreshold))}
    assert own == {"single_source": Decimal("30")}  # unchanged defaults are not stored as overrides

    client.post("/units/rudny/dashboard/thresholds", data=thresholds_form(single_source="24,5", period="2026-H1"))
    flags = flags_on_risks_page(client.get(RISKS, headers={"HX-Request": ""}).get_data(as_text=True))
    assert flags == {"rudny-2": ["бір көзден сатып алу үлесі 25,0 % > 24,5 %"]}
    with app.app_context():
        assert db.session.scalar(select(FlagThreshold.threshold)) == Decimal("24.5")
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_type == "flag_threshold")
                                   .order_by(AuditEvent.id.desc())).first()
        assert event.actor == "rudny"


@pytest.mark.parametrize("htmx", [True, False])
@pytest.mark.parametrize("typed", ["abc", "", "-1", "NaN", "٣", "1e3", "24,555"])  # not a number, or rounded
def test_an_invalid_threshold_comes_back_next_to_its_field_and_nothing_is_saved(app, as_user, htmx, typed):
    client = as_user("rudny", htmx=htmx)
    client.post("/units/rudny/dashboard/thresholds", data=thresholds_form(turnover="25", period="2026-H1"))
    before = threshold_count(app)
    response = client.post("/units/rudny/dashboard/thresholds",
                           data=thresholds_form(single_source=typed, turnover="15", period="2026-H1"))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert ("<html" in html) is not htmx
    section = html[html.index('id="thresholds"'):]
    field = re.search(r'<input id="threshold-single_source"[^>]*>', section).group(0)
    assert f'value="{typed}"' in field and 'aria-invalid="true"' in field
    assert 'id="threshold-single_source-error"' in section
    assert "0-ден бастап сан енгізіңіз." in section
    assert 'value="15"' in re.search(r'<input id="threshold-turnover"[^>]*>', section).group(0)  # kept as typed
    assert 'id="threshold-turnover-error"' not in section
    assert threshold_count(app) == before
    with app.app_context():
        assert db.session.scalar(select(FlagThreshold.threshold).filter_by(rule="turnover")) == Decimal("25")


def test_an_invalid_threshold_keeps_the_half_year_the_user_was_looking_at(as_user):
    """Fixing the typo and saving must lead back to the same half-year's risks, not the default one."""
    response = as_user("rudny", htmx=True).post("/units/rudny/dashboard/thresholds",
                                                data=thresholds_form(single_source="abc", period="2025-H1"))
    assert response.status_code == 422
    hidden = re.search(r'<input type="hidden" name="period" value="([^"]*)">', response.get_data(as_text=True))
    assert hidden.group(1) == "2025-H1"


def test_a_regions_threshold_applies_to_its_departments_unless_they_set_their_own(app, as_user):
    analysis(app, "rudny-2", "2026-H1", buying("25000", "75000"), Status.SUBMITTED)
    analysis(app, "lisakovsk-1", "2026-H1", buying("25000", "75000"), Status.SUBMITTED)
    region = as_user("kostanay")
    response = region.post("/units/kostanay/dashboard/thresholds", data=thresholds_form(single_source="30",
                                                                                         period="2026-H1"))
    assert response.status_code == 303
    rudny, lisakovsk = as_user("rudny"), as_user("lisakovsk")
    assert flags_on_risks_page(rudny.get(RISKS).get_data(as_text=True)) == {}
    assert flags_on_risks_page(lisakovsk.get("/units/lisakovsk/dashboard/risks?period=2026-H1")
                               .get_data(as_text=True)) == {}
    # The department's form starts from the region's value.
    assert 'value="30"' in re.search(r'<input id="threshold-single_source"[^>]*>',
                                     rudny.get(RISKS).get_data(as_text=True)).group(0)

    rudny.post("/units/rudny/dashboard/thresholds", data=thresholds_form(single_source="10", period="2026-H1"))
    assert list(flags_on_risks_page(rudny.get(RISKS).get_data(as_text=True))) == ["rudny-2"]
    assert flags_on_risks_page(lisakovsk.get("/units/lisakovsk/dashboard/risks?period=2026-H1")
                               .get_data(as_text=True)) == {}  # still the region's 30
    # The school's own drill-down applies its department's threshold too.
    own = htmllib.unescape(text_of(as_user("rudny-2").get("/units/rudny-2/dashboard/?period=2026-H1")))
    assert "25,0 % > 10,0 %" in own


def test_the_region_sees_each_school_flagged_by_its_own_departments_threshold(app, as_user):
    """The same school must not be flagged for the region and unflagged for its department (nearest wins)."""
    analysis(app, "rudny-2", "2026-H1", buying("25000", "75000"), Status.SUBMITTED)
    rudny = as_user("rudny")
    rudny.post("/units/rudny/dashboard/thresholds", data=thresholds_form(single_source="30", period="2026-H1"))
    assert flags_on_risks_page(rudny.get(RISKS).get_data(as_text=True)) == {}
    region = as_user("kostanay")
    assert flags_on_risks_page(region.get("/units/kostanay/dashboard/risks?period=2026-H1")
                               .get_data(as_text=True)) == {}
    compare = region.get("/units/kostanay/dashboard/compare?period=2026-H1&level=schools&flagged=1")
    assert shown_codes(compare.get_data(as_text=True)) == []


def test_a_value_far_from_the_citys_middle_half_is_highlighted_with_the_reason(app, as_user):
    """Single-source shares 10, 12, 14, 16, 18 and 90 % sent: quartiles 12,5 / 15,0 / 17,5 %, so the upper fence is
    17,5 + 1,5 × 5 = 25 % and only the 90 % school stands out."""
    for number, share in zip((1, 2, 3, 4, 5, 6), (10, 12, 14, 16, 18, 90), strict=True):
        analysis(app, f"rudny-{number}", "2026-H1", buying(str(share * 1000), str((100 - share) * 1000)),
                 Status.SUBMITTED, on_time=True)
    html = as_user("rudny").get(COMPARE).get_data(as_text=True)
    reason = "90,0 % медианадан (15,0 %) әлдеқайда жоғары (мектептердің ортаңғы жартысы: 12,5 % – 17,5 %)"
    cell = re.findall(r"<td[^>]*>.*?</td>", school_row(html, "rudny-6"), re.S)[
            2 + len(SCHOOL_COLUMNS) + KEYS.index("single_source_pct")]
    assert 'class="num outlier"' in cell and f'title="{reason}"' in cell
    for code in ("rudny-1", "rudny-2", "rudny-3", "rudny-4", "rudny-5"):
        assert "outlier" not in school_row(html, code)
    listed = html[html.index("Медианадан алыс мәндер"):]
    assert re.findall(r"<li>(.*?)</li>", listed, re.S) == [
        f"<strong>№6 жалпы білім беретін мектеп</strong>, Бір көзден, сомасы бойынша, %: {reason}",
        # …and its price quotations, the other 10 %, far below theirs.
        "<strong>№6 жалпы білім беретін мектеп</strong>, Баға ұсыныстары, %: 10,0 % медианадан (85,0 %) әлдеқайда "
        "төмен (мектептердің ортаңғы жартысы: 82,5 % – 87,5 %)"]
    assert footer_cells(html, "median")["single_source_pct"] == "15,0 %"


def test_outliers_are_told_in_the_language_the_user_switches_to(app, as_user):
    """The words of a long comparison are translated once a request, never kept beyond it."""
    for number, share in zip((1, 2, 3, 4, 5, 6), (10, 12, 14, 16, 18, 90), strict=True):
        analysis(app, f"rudny-{number}", "2026-H1", buying(str(share * 1000), str((100 - share) * 1000)),
                 Status.SUBMITTED, on_time=True)
    client = as_user("rudny")

    def reason() -> str:
        html = client.get(COMPARE).get_data(as_text=True)
        cells = re.findall(r"<td[^>]*>.*?</td>", school_row(html, "rudny-6"), re.S)
        return re.search(r'title="([^"]*)"', cells[2 + len(SCHOOL_COLUMNS) + KEYS.index("single_source_pct")]).group(1)

    assert reason() == "90,0 % медианадан (15,0 %) әлдеқайда жоғары (мектептердің ортаңғы жартысы: 12,5 % – 17,5 %)"
    client.post("/language", data={"lang": "ru", "next": COMPARE})
    assert reason() == "90,0 % намного выше медианы 15,0 % (средняя половина школ: 12,5 % – 17,5 %)"
    client.post("/language", data={"lang": "kk", "next": COMPARE})
    assert "әлдеқайда жоғары" in reason()


def test_the_kept_comparison_reads_as_a_fresh_one_and_follows_a_changed_threshold_at_once(app, as_user):
    """A region's table of schools is kept while no figure changes (issue 13), but thresholds are not figures:
    a department's new threshold must show in the region's flags at the next view, as must a sort of the kept
    rows; and the kept table is the one made afresh."""
    analysis(app, "rudny-2", "2026-H1", buying("25000", "75000"), Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-3", "2026-H1", buying("10000", "90000"), Status.SUBMITTED, on_time=False)
    region, rudny = as_user("kostanay"), as_user("rudny")
    url = "/units/kostanay/dashboard/compare?period=2026-H1&level=schools"

    def body(query: str = "") -> str:
        html = region.get(url + query).get_data(as_text=True)
        return html[html.index("<tbody>"):html.index("</tbody>")]

    def flag_title(code: str) -> str | None:
        found = re.search(r'<span class="flag-count" title="([^"]*)">⚑ (\d+)</span>', school_row(body(), code))
        return found and htmllib.unescape(found.group(1))

    assert flag_title("rudny-2") == "бір көзден сатып алу үлесі 25,0 % > 20,0 %"
    kept = body()
    app.config["DASHBOARD_CACHE"] = False
    assert body() == kept
    assert body("&sort=single_source_pct&desc=1") == (fresh_sorted := body("&sort=single_source_pct&desc=1"))
    app.config["DASHBOARD_CACHE"] = True
    assert body("&sort=single_source_pct&desc=1") == fresh_sorted
    assert shown_codes(fresh_sorted)[:2] == ["rudny-2", "rudny-3"]
    assert "badge state-overdue" in school_row(kept, "rudny-3") and "badge state-overdue" not in school_row(
        kept, "rudny-2")

    rudny.post("/units/rudny/dashboard/thresholds", data=thresholds_form(single_source="24,5", period="2026-H1"))
    assert flag_title("rudny-2") == "бір көзден сатып алу үлесі 25,0 % > 24,5 %"
    rudny.post("/units/rudny/dashboard/thresholds", data=thresholds_form(single_source="30", period="2026-H1"))
    assert flag_title("rudny-2") is None
    assert shown_codes(body("&flagged=1")) == []


def test_in_a_regions_list_of_all_schools_each_stands_out_against_its_own_city(app, as_user):
    """Rudny's 90 % school stands out among Rudny's 10–18 %, although the region's pooled shares (with four
    Lisakovsk schools at 90 %) would make 90 % ordinary; Lisakovsk's own four are too few to judge."""
    for number, share in zip((1, 2, 3, 4, 5, 6), (10, 12, 14, 16, 18, 90), strict=True):
        analysis(app, f"rudny-{number}", "2026-H1", buying(str(share * 1000), str((100 - share) * 1000)),
                 Status.SUBMITTED, on_time=True)
    for number in (1, 2, 3, 4):
        analysis(app, f"lisakovsk-{number}", "2026-H1", buying("90000", "10000"), Status.SUBMITTED, on_time=True)
    html = as_user("kostanay").get("/units/kostanay/dashboard/compare?period=2026-H1&level=schools"
                                   ).get_data(as_text=True)
    cell = re.findall(r"<td[^>]*>.*?</td>", school_row(html, "rudny-6"), re.S)[
            2 + len(SCHOOL_COLUMNS) + KEYS.index("single_source_pct")]
    assert 'class="num outlier"' in cell and "медианадан (15,0 %)" in cell
    for code in ("lisakovsk-1", "lisakovsk-2", "lisakovsk-3", "lisakovsk-4"):
        assert "outlier" not in school_row(html, code)


# =====================================================================================================
# 4. The comparison: sorting, searching and filtering through htmx, state in the URL
# =====================================================================================================

COMPARE = "/units/rudny/dashboard/compare?period=2026-H1"


@pytest.fixture
def shares(app):
    """2026-H1 single-source shares: rudny-1 10 %, rudny-2 40 %, rudny-3 25 %, rudny-7 0 %; rudny-4 bought
    nothing yet; the other Rudny schools have not started. rudny-2 also has few teachers with higher education."""
    analysis(app, "rudny-1", "2026-H1", buying("10000", "90000"), Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-2", "2026-H1", {**buying("40000", "60000"), **staffing(50, 30)}, Status.SUBMITTED,
             on_time=False)
    analysis(app, "rudny-3", "2026-H1", buying("25000", "75000"), Status.ACCEPTED, on_time=True)
    analysis(app, "rudny-7", "2026-H1", buying(None, "50000", "open_tender"), Status.RETURNED, on_time=True)
    analysis(app, "rudny-4", "2026-H1", staffing(40, 38))
    return app


MISSING_IN_NATURAL_ORDER = ["rudny-4", "rudny-5", "rudny-6", "rudny-8", "rudny-9", "rudny-10", "rudny-11",
                            "rudny-12", "rudny-13", "rudny-14", "rudny-16"]


def test_sorting_through_htmx_returns_only_the_table_in_order(shares, as_user):
    hx = as_user("rudny", htmx=True)
    response = hx.get(COMPARE + "&sort=single_source_pct&desc=1")
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html[-3000:]
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in html and html.lstrip().startswith('<section id="comparison"')
    assert 'role="search"' not in html  # the filter form stays as it is
    assert shown_codes(html) == ["rudny-2", "rudny-3", "rudny-1", "rudny-7"] + MISSING_IN_NATURAL_ORDER
    assert "кему ретімен сұрыпталған" in html  # the sorted column says so
    # The swapped table tells the filter form the sort in force, so a search typed next keeps it.
    sort_inputs = re.findall(r'<input type="hidden" name="(sort|desc)" value="([^"]*)" form="compare-filters">', html)
    assert sort_inputs == [("sort", "single_source_pct"), ("desc", "1")]
    # The same URL without htmx is the whole page, in the same order.
    page = as_user("rudny").get(COMPARE + "&sort=single_source_pct&desc=1").get_data(as_text=True)
    assert "<html" in page and 'role="search"' in page
    assert shown_codes(page) == shown_codes(html)


@pytest.mark.parametrize("args, expected", [
    ("&q=%D0%9C%D0%90%D0%99%D0%9B%D0%98%D0%9D", ["rudny-7"]),  # МАЙЛИН
    ("&status=submitted&sort=single_source_pct&desc=1", ["rudny-2", "rudny-1"]),
    ("&flagged=1", ["rudny-2", "rudny-3"]),
])
def test_searching_and_filtering_through_htmx_return_only_the_table(shares, as_user, args, expected):
    response = as_user("rudny", htmx=True).get(COMPARE + args)
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html[-3000:]
    assert "<html" not in html and 'id="comparison"' in html
    assert shown_codes(html) == expected


def compare_codes(client, args: str = "", **query) -> list[str]:
    """The schools the comparison page shows, in order (the whole page, no htmx)."""
    if query:
        response = client.get("/units/rudny/dashboard/compare", query_string={"period": "2026-H1", **query})
    else:
        response = client.get(COMPARE + args)
    assert response.status_code == 200
    return shown_codes(response.get_data(as_text=True))


def test_sorting_by_a_column_both_ways(shares, as_user):
    client = as_user("rudny")
    assert compare_codes(client, "&sort=single_source_pct&desc=1") == (
        ["rudny-2", "rudny-3", "rudny-1", "rudny-7"] + MISSING_IN_NATURAL_ORDER)
    # Schools without the figure stay last whichever way.
    assert compare_codes(client, "&sort=single_source_pct&desc=0") == (
        ["rudny-7", "rudny-1", "rudny-3", "rudny-2"] + MISSING_IN_NATURAL_ORDER)
    assert compare_codes(client, "&sort=higher_education_pct&desc=1")[:2] == ["rudny-4", "rudny-2"]  # 95 %, 60 %


def test_sort_links_keep_the_search_and_filter_in_the_url(shares, as_user):
    response = as_user("rudny").get(COMPARE + "&q=%D0%BC%D0%B5%D0%BA%D1%82%D0%B5%D0%BF&status=submitted"
                                    "&sort=single_source_pct&desc=1")
    html = response.get_data(as_text=True)
    sort_links = [htmllib.unescape(href) for href in re.findall(r'<a href="([^"]*)" hx-get="', html)]
    link = next(href for href in sort_links if "sort=single_source_pct" in href)
    assert link.startswith("/units/rudny/dashboard/compare?")
    assert "period=2026-H1" in link and "status=submitted" in link and "q=" in link
    assert "desc=0" in link  # the next click on the sorted column turns the order round
    assert "кему ретімен сұрыпталған" in html


def test_sorting_by_flags_descending_puts_the_most_flagged_first(shares, as_user):
    response = as_user("rudny").get(COMPARE + "&sort=flags&desc=1")
    codes = shown_codes(response.get_data(as_text=True))
    assert codes[:2] == ["rudny-2", "rudny-3"], codes  # two flags (single source, higher education), then one
    assert "кему ретімен сұрыпталған" in response.get_data(as_text=True)  # …as the header says


def test_sorting_by_name_and_status(shares, as_user):
    client = as_user("rudny")
    by_status = compare_codes(client, "&sort=status")
    assert by_status[-1] == "rudny-3"  # accepted last
    assert by_status.index("rudny-4") < by_status.index("rudny-1") < by_status.index("rudny-7")
    by_name = compare_codes(client, "&sort=name")
    assert by_name[:2] == ["rudny-5", "rudny-7"]  # «Абай атындағы…», «Б.Майлин атындағы…»
    assert sorted(by_name) == sorted(RUDNY_SCHOOLS)
    assert compare_codes(client, "&sort=name&desc=1") == by_name[::-1]


def test_sorting_by_name_follows_the_kazakh_alphabet(shares, as_user):
    """Қ comes right after К in the Kazakh alphabet, long before М, Ш and Ы: «Қ.Сәтбаев атындағы №14…»
    sorts before «М.Әуезов атындағы №9…», «Ш.Уәлиханов атындағы №11…» and «Ы.Алтынсарин атындағы №3…»."""
    by_name = compare_codes(as_user("rudny"), "&sort=name")
    assert by_name.index("rudny-14") < by_name.index("rudny-9") < by_name.index("rudny-11") < by_name.index("rudny-3")


@pytest.mark.parametrize("query, expected", [
    ("майлин", ["rudny-7"]),
    ("МАЙЛИН", ["rudny-7"]),
    ("ӘУЕЗОВ", ["rudny-9"]),  # М.Әуезов атындағы №9 мектеп-лицей: Kazakh letters fold too
    ("сәтбаев", ["rudny-14"]),
    ("МЕКТЕП-ЛИЦЕЙ", ["rudny-2", "rudny-9"]),
    ("  Абай ", ["rudny-5"]),
    ("rudny-1", ["rudny-1", "rudny-10", "rudny-11", "rudny-12", "rudny-13", "rudny-14", "rudny-16"]),
    ("lisakovsk", []),
])
def test_search_by_part_of_the_name_in_any_case(shares, as_user, query, expected):
    response = as_user("rudny").get("/units/rudny/dashboard/compare", query_string={"period": "2026-H1", "q": query})
    html = response.get_data(as_text=True)
    assert shown_codes(html) == expected
    if not expected:
        assert "Сәйкес мектеп жоқ." in html
    assert f"{len(RUDNY_SCHOOLS)} ішінен {len(expected)}" in html
    assert f'value="{htmllib.escape(query)}"' in html  # the search box keeps what was typed


def test_a_russian_speaking_user_searches_the_russian_names(app, shares, as_user):
    with app.app_context():
        db.session.execute(update(User).where(User.username == "rudny").values(locale="ru"))
        db.session.commit()
    client = as_user("rudny")
    assert compare_codes(client, q="ГИМНАЗИЯ") == ["rudny-5", "rudny-7"]
    assert "Школа-гимназия №7 имени Б.Майлина" in client.get(COMPARE).get_data(as_text=True)


@pytest.mark.parametrize("args, expected", [
    ("&status=not_started", [c for c in MISSING_IN_NATURAL_ORDER if c != "rudny-4"]),
    ("&status=draft", ["rudny-4"]),
    ("&status=submitted", ["rudny-1", "rudny-2"]),
    ("&status=returned", ["rudny-7"]),
    ("&status=accepted", ["rudny-3"]),
    ("&flagged=1", ["rudny-2", "rudny-3"]),
    ("&flagged=1&status=accepted", ["rudny-3"]),
    ("&status=submitted&sort=single_source_pct&desc=1", ["rudny-2", "rudny-1"]),
    ("&status=nonsense", None),  # an unknown status filters nothing
])
def test_status_and_flagged_filters(shares, as_user, args, expected):
    assert compare_codes(as_user("rudny"), args) == (expected if expected is not None else RUDNY_SCHOOLS_NATURAL)


def test_late_schools_are_marked_in_the_comparison(shares, as_user):
    html = as_user("rudny").get(COMPARE).get_data(as_text=True)
    assert "кешіктіріліп" in school_row(html, "rudny-2")
    assert "кешіктіріліп" not in school_row(html, "rudny-1")


@pytest.mark.parametrize("url", [
    "/units/rudny/dashboard/?period=2031-H1", "/units/rudny/dashboard/compare?period=2031-H1",
    "/units/rudny/dashboard/completeness?period=2031-H1", "/units/rudny/dashboard/risks?period=2031-H1",
    "/units/rudny/dashboard/compare.csv?period=2031-H1", "/units/rudny/dashboard/completeness.xlsx?period=2031-H1",
    "/units/rudny-7/dashboard/?period=2031-H1", "/units/rudny/dashboard/compare.pdf?period=2026-H1",
])
def test_unknown_period_or_format_answers_404(as_user, url):
    assert as_user("rudny").get(url).status_code == 404


def test_unknown_sort_or_indicator_falls_back_quietly(shares, as_user):
    client = as_user("rudny")
    assert shown_codes(client.get(COMPARE + "&sort=drop+table").get_data(as_text=True)) == RUDNY_SCHOOLS_NATURAL
    page = client.get("/units/rudny/dashboard/?period=2026-H1&indicator=nonsense")
    assert page.status_code == 200 and '<option value="single_source_pct" selected>' in page.get_data(as_text=True)


# --- The indicator picker: the whole page, or only its block for htmx ---------------------------------

@pytest.mark.parametrize("user, url", [
    ("rudny", "/units/rudny/dashboard/"), ("kostanay", "/units/kostanay/dashboard/"),
    ("admin", "/dashboard/"), ("rudny-7", "/units/rudny-7/dashboard/"),
])
def test_indicator_picker_swaps_only_its_block(app, as_user, user, url):
    load_seed(app)
    client = as_user(user)
    args = "?period=2025-H1&indicator=teachers"
    fragment = client.get(url + args, headers={"HX-Request": "true", "HX-Target": "indicator-view"})
    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "HX-Request" in fragment.headers["Vary"]
    assert "<html" not in html and html.lstrip().startswith('<section id="indicator-view"')
    assert html.count('id="indicator-view"') == 1
    assert '<option value="teachers" selected>' in html
    assert "Педагогтер" in html and 'id="where-heading"' not in html and 'id="period-picker"' not in html

    page = client.get(url + args).get_data(as_text=True)
    assert "<html" in page and 'id="indicator-view"' in page and '<option value="teachers" selected>' in page
    assert 'id="period-picker"' in page
    # htmx aiming at another element (or none) gets the whole page.
    whole = client.get(url + args, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" in whole


# =====================================================================================================
# 5. Completeness: every school counted once, nothing-to-report apart from missing, late, reminders
# =====================================================================================================

def section_cell(html: str, school_name: str, code: str) -> tuple[str, str]:
    """(state class, symbol) of one school's cell in the schools × sections grid."""
    grid = html[html.index('class="data grid sections-grid"'):]
    row = re.search(rf'<tr><th scope="row">{re.escape(school_name)}</th>(.*?)</tr>', grid, re.S).group(1)
    cells = re.findall(r'<td class="section-(\w+)"[^>]*>(.*?)</td>', row, re.S)
    index = [s.code for s in SECTIONS].index(code)
    state, inner = cells[index]
    symbol = re.sub(r'<span class="visually-hidden">.*?</span>', "", inner, flags=re.S)
    return state, plain(symbol)


def tiles(html: str) -> dict[str, tuple[int, int | None]]:
    """The completeness tiles: label -> (count, share in % or None)."""
    found = {}
    for label, count, share in re.findall(
            r"<dt>([^<]+)</dt><dd><strong>(\d+)</strong>(?: <span class=\"muted\">\((\d+) %\)</span>)?</dd>", html):
        found[label] = (int(count), int(share) if share else None)
    return found


@pytest.fixture
def progress(app):
    """2026-H1 in Rudny: rudny-7 submitted on time (demo), rudny-1 submitted late, rudny-2 a draft that
    attested "nothing to report" for control, rudny-3 returned; the other 11 schools have not started."""
    load_seed(app)
    analysis(app, "rudny-1", "2026-H1", buying("1000", "9000"), Status.SUBMITTED, on_time=False)
    analysis(app, "rudny-2", "2026-H1", {"control": {"narrative": {"nothing_to_report": True}},
                                         **staffing(10, 9)})
    analysis(app, "rudny-3", "2026-H1", {}, Status.RETURNED, on_time=True)
    return app


def test_completeness_counts_every_school_once(progress, as_user):
    html = as_user("rudny").get("/units/rudny/dashboard/completeness?period=2026-H1").get_data(as_text=True)
    counts = tiles(html)
    assert counts["Мектептер"] == (15, None)
    assert counts["Басталмаған"] == (11, 73)
    assert counts["Кешігіп жіберілді"] == (1, 7)
    assert all(share is None or 0 <= share <= 100 for _count, share in counts.values())
    # Sent + returned + drafts + not started are every school, once.
    exclusive = [count for label, (count, _share) in counts.items()
                 if label not in ("Мектептер", "Қабылданды", "Кешігіп жіберілді")]
    assert sum(exclusive) == 15, counts
    # The department's overview says the same.
    assert tiles(as_user("rudny").get("/units/rudny/dashboard/?period=2026-H1").get_data(as_text=True)) == counts


def test_sections_grid_keeps_nothing_to_report_apart_from_missing(progress, as_user):
    html = as_user("rudny").get("/units/rudny/dashboard/completeness?period=2026-H1").get_data(as_text=True)
    assert section_cell(html, "№2 мектеп-лицей", "control") == ("nothing", "∅")
    assert section_cell(html, "№2 мектеп-лицей", "courts") == ("missing", "")
    assert section_cell(html, "№4 жалпы білім беретін мектеп", "control") == ("missing", "")  # not started
    assert section_cell(html, SEED_NAME, "control") == ("nothing", "∅")
    assert section_cell(html, SEED_NAME, "personnel") == ("filled", "✓")
    # The footer counts every school once per section.
    footer = html[html.index("<tfoot>", html.index("sections-grid")):]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', footer, re.S)
    per_state = {label: [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', cells)] for label, cells in rows}
    assert len(per_state) == 4
    for column in zip(*per_state.values(), strict=True):
        assert sum(column) == 15
    control = [s.code for s in SECTIONS].index("control")
    assert per_state["хабарлайтын ештеңе жоқ"][control] == 2  # rudny-2 and rudny-7


def test_late_submissions_are_flagged_in_the_half_year_grid(progress, as_user):
    html = as_user("rudny").get("/units/rudny/dashboard/completeness?period=2026-H1").get_data(as_text=True)
    grid = html[html.index('id="halves-heading"'):html.index('id="sections-heading"')]

    def row_of(name):
        return re.search(rf'<th scope="row"><a [^>]*>{re.escape(name)}</a></th>(.*?)</tr>', grid, re.S).group(1)

    assert "кешіктіріліп" in row_of("№1 жалпы білім беретін мектеп")
    assert "кешіктіріліп" not in row_of(SEED_NAME)
    # The seed school's earlier half-years are there, accepted.
    assert row_of(SEED_NAME).count("status-accepted") == 3  # 2024-H2, 2025-H1, 2025-H2


def test_reminders_are_recorded_audited_and_shown_to_the_school(progress, as_user, app):
    department = as_user("rudny")
    response = department.post("/units/rudny/dashboard/reminders",
                               data={"school": ["rudny-10", "rudny-12"], "period": "2026-H1"})
    assert response.status_code == 303
    assert re.search(r"/jobs/\d+/$", response.location)  # the e-mails' progress; it links back to #behind
    assert 'href="/units/rudny/dashboard/?period=2026-H1#behind"' in department.get(response.location).get_data(
        as_text=True)
    with app.app_context():
        reminders = db.session.scalars(select(Reminder).order_by(Reminder.id)).all()
        assert [(r.school.code, r.period.code, r.sent_by.username) for r in reminders] == [
            ("rudny-10", "2026-H1", "rudny"), ("rudny-12", "2026-H1", "rudny")]
        sent_at = reminders[0].sent_at
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.object_type == "reminder")).all()
        assert len(events) == 2 and {e.actor for e in events} == {"rudny"} and {e.action for e in events} == {"create"}
    if sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=UTC)
    local = sent_at.astimezone(ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])).strftime("%d.%m.%Y %H:%M")

    # The department sees when it reminded them.
    page = department.get("/units/rudny/dashboard/?period=2026-H1").get_data(as_text=True)
    behind = page[page.index('id="behind"'):page.index('id="flags-heading"')]
    row = re.search(r'id="remind-rudny-10".*?</tr>', behind, re.S).group(0)
    assert local in row
    assert "—" in re.search(r'id="remind-rudny-16".*?</tr>', behind, re.S).group(0)

    # The school sees the reminder on its home page; a school not reminded sees none.
    home = as_user("rudny-10").get("/units/rudny-10").get_data(as_text=True)
    notices = re.findall(r'<p class="alert reminder"[^>]*>(.*?)</p>', home, re.S)
    assert len(notices) == 1, home
    notice = plain(notices[0])
    assert local in notice and "2026-H1" in notice and "Рудный қаласы білім бөлімі" in notice
    assert 'class="alert reminder"' not in as_user("rudny-16").get("/units/rudny-16").get_data(as_text=True)


def test_reminders_refuse_other_schools_and_empty_choices(progress, as_user, app):
    department = as_user("rudny")
    assert department.post("/units/rudny/dashboard/reminders",
                           data={"school": ["lisakovsk-1"], "period": "2026-H1"}).status_code == 404
    assert department.post("/units/rudny/dashboard/reminders",
                           data={"school": ["rudny-10", "lisakovsk-1"], "period": "2026-H1"}).status_code == 404
    empty = department.post("/units/rudny/dashboard/reminders", data={"period": "2026-H1"})
    assert empty.status_code == 422  # the dashboard back with the message next to the button, nothing saved
    page = empty.get_data(as_text=True)
    assert re.search(r'<p class="error" id="remind-error" role="alert">[^<]+</p>\s*<button', page)
    assert 'id="remind-rudny-10"' in page and "2026-H1" in page
    assert department.post("/units/rudny/dashboard/reminders",
                           data={"school": ["rudny-10"], "period": "2031-H1"}).status_code == 404
    assert department.post("/units/lisakovsk/dashboard/reminders",
                           data={"school": ["lisakovsk-1"], "period": "2026-H1"}).status_code == 404
    assert as_user("kostanay").post("/units/kostanay/dashboard/reminders",
                                    data={"school": ["rudny-10"], "period": "2026-H1"}).status_code == 404
    assert as_user("rudny-10").post("/units/rudny/dashboard/reminders",
                                    data={"school": ["rudny-10"], "period": "2026-H1"}).status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Reminder)) == 0


# =====================================================================================================
# 6. Exports read back
# =====================================================================================================

KK_HEADERS = ["Код", "Мектеп", "Күйі", "Мерзімінде"]
RU_HEADERS = ["Код", "Школа", "Статус", "В срок"]


def read_csv(response) -> list[list[str]]:
    """The CSV for programs (RFC 4180: commas, decimal point, UTF-8 without a byte-order mark)."""
    assert not response.data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.data.decode("utf-8"), newline="")))


def read_xlsx(data: bytes) -> list[tuple]:
    """The table of an XLSX from its header row (the title block above it left out) down to its last school."""
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    start = next(number for number, row in enumerate(rows) if row[0] == "Код")
    end = next((number for number, row in enumerate(rows) if number > start and row[0] is None), len(rows))
    return rows[start:end]


def by_code(rows) -> dict[str, list]:
    return {row[0]: list(row) for row in rows[1:]}


def test_comparison_csv_has_kazakh_headers_and_the_seed_schools_values(app, as_user):
    load_seed(app)
    response = as_user("rudny").get("/units/rudny/dashboard/compare.csv?period=2025-H1")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="rudny_2025-H1_comparison_rfc4180.csv"' in response.headers["Content-Disposition"]
    rows = read_csv(response)
    headers = rows[0]
    assert headers[:4] == KK_HEADERS
    assert "Жоғары білімділер, %" in headers and "Сатып алу, барлығы" in headers
    assert "Бір көзден, сомасы бойынша, %" in headers
    assert len(rows) == 1 + len(RUDNY_SCHOOLS)
    seed = dict(zip(headers, by_code(rows)["rudny-7"], strict=True))
    assert seed["Мектеп"] == SEED_NAME and seed["Күйі"] == "қабылданды" and seed["Мерзімінде"] == "иә"
    assert float(seed["Жоғары білімділер, %"]) == pytest.approx(90.79)
    assert Decimal(seed["Сатып алу, барлығы"]) == Decimal("12433156.25")
    assert float(seed["Педагогтер"]) == 76
    assert by_code(rows)["rudny-1"][2] == "басталмаған"


def test_comparison_xlsx_keeps_numbers_as_numbers(app, as_user):
    load_seed(app)
    response = as_user("rudny").get("/units/rudny/dashboard/compare.xlsx?period=2025-H1")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.data))
    sheet = workbook.active
    rows = read_xlsx(response.data)
    headers = list(rows[0])
    assert headers[:4] == KK_HEADERS
    seed = dict(zip(headers, by_code(rows)["rudny-7"], strict=True))
    money, share, teachers = seed["Сатып алу, барлығы"], seed["Жоғары білімділер, %"], seed["Педагогтер"]
    assert isinstance(money, float) and money == pytest.approx(12433156.25)
    assert isinstance(share, float) and share == pytest.approx(90.79)
    assert isinstance(teachers, int | float) and teachers == 76
    # Cells a school has no figure for are empty, not "—".
    assert by_code(rows)["rudny-1"][headers.index("Педагогтер")] is None
    seed_row = next(row for row in sheet.iter_rows() if row[0].value == "rudny-7")
    assert seed_row[headers.index("Сатып алу, барлығы")].number_format == "#,##0.00"


def test_exports_follow_the_search_and_sort_shown(shares, as_user):
    client = as_user("rudny")
    rows = read_csv(client.get(COMPARE.replace("compare", "compare.csv") + "&sort=single_source_pct&desc=1"))
    assert [row[0] for row in rows[1:5]] == ["rudny-2", "rudny-3", "rudny-1", "rudny-7"]
    rows = read_xlsx(client.get("/units/rudny/dashboard/compare.xlsx", query_string={
        "period": "2026-H1", "q": "МАЙЛИН"}).data)
    assert [row[0] for row in rows[1:]] == ["rudny-7"]
    # The flags column says why.
    rows = read_csv(client.get(COMPARE.replace("compare", "compare.csv") + "&flagged=1"))
    flags = {row[0]: row[-1] for row in rows[1:]}
    assert flags["rudny-3"] == "бір көзден сатып алу үлесі 25,0 % > 20,0 %"


def test_a_russian_speaking_user_gets_russian_headers(app, as_user):
    load_seed(app)
    with app.app_context():
        db.session.execute(update(User).where(User.username == "rudny").values(locale="ru"))
        db.session.commit()
    client = as_user("rudny")
    rows = read_csv(client.get("/units/rudny/dashboard/compare.csv?period=2025-H1"))
    assert rows[0][:4] == RU_HEADERS
    assert "С высшим образованием, %" in rows[0] and "Закупки, всего" in rows[0]
    seed = by_code(rows)["rudny-7"]
    assert seed[1] == "Школа-гимназия №7 имени Б.Майлина" and seed[2] == "принят" and seed[3] == "да"
    rows = read_xlsx(client.get("/units/rudny/dashboard/compare.xlsx?period=2025-H1").data)
    assert list(rows[0][:4]) == RU_HEADERS
    completeness = read_csv(client.get("/units/rudny/dashboard/completeness.csv?period=2025-H1"))
    assert completeness[0][:2] == ["Код", "Школа"]
    assert by_code(completeness)["rudny-7"][-2:] == ["принят", "да"]


def test_completeness_exports_read_back(app, as_user):
    load_seed(app)
    client = as_user("rudny")
    rows = read_csv(client.get("/units/rudny/dashboard/completeness.csv?period=2025-H1"))
    # The half-years up to the one asked about, each with its status and whether it came on time.
    assert rows[0] == ["Код", "Мектеп", "2024-H1", "2024-H1 мерзімінде", "2024-H2", "2024-H2 мерзімінде",
                       "2025-H1", "2025-H1 мерзімінде"]
    assert by_code(rows)["rudny-7"] == ["rudny-7", SEED_NAME, "басталмаған", "", "қабылданды", "иә",
                                       "қабылданды", "иә"]
    assert by_code(rows)["rudny-1"][2:] == ["басталмаған", ""] * 3
    assert [row[0] for row in rows[1:]] == RUDNY_SCHOOLS_NATURAL
    xlsx = read_xlsx(client.get("/units/rudny/dashboard/completeness.xlsx?period=2025-H1").data)
    assert [list(row) for row in xlsx[:1]] == [rows[0]]
    assert list(by_code(xlsx)["rudny-7"][:2]) == ["rudny-7", SEED_NAME]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_compare_command_writes_what_the_download_gives(app, as_user, tmp_path, file_format):
    load_seed(app)
    target = tmp_path / f"rudny.{file_format}"
    result = app.test_cli_runner().invoke(args=["compare", "--org", "rudny", "--period", "2025-H1",
                                                "--format", file_format, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists()
    downloaded = as_user("rudny").get(f"/units/rudny/dashboard/compare.{file_format}?period=2025-H1").data
    if file_format == "csv":
        assert target.read_bytes() == downloaded
        rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    else:
        rows = read_xlsx(target.read_bytes())
        assert rows == read_xlsx(downloaded)
    assert list(rows[0][:4]) == KK_HEADERS
    assert float(by_code(rows)["rudny-7"][list(rows[0]).index("Сатып алу, барлығы")]) == pytest.approx(12433156.25)


def test_the_compare_command_in_russian_and_its_errors(app, tmp_path):
    load_seed(app)
    runner = app.test_cli_runner()
    target = tmp_path / "kostanay.csv"
    result = runner.invoke(args=["compare", "--org", "kostanay", "--period", "2025-H1", "--lang", "ru",
                                 "-o", str(target)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    assert rows[0][:4] == RU_HEADERS
    assert {row[0] for row in rows[1:]} == set(demo_school_codes())
    for args in (["--org", "nowhere", "--period", "2025-H1"], ["--org", "rudny", "--period", "2031-H1"],
                 ["--org", "rudny-7", "--period", "2025-H1"]):
        result = runner.invoke(args=["compare", *args, "-o", str(tmp_path / "x.csv")])
        assert result.exit_code != 0, args
    assert not (tmp_path / "x.csv").exists()


# =====================================================================================================
# 7. Scoping: every level sees its own subtree, and nothing else exists for it
# =====================================================================================================

DEPARTMENT_VIEWS = ["/", "/compare", "/completeness", "/risks", "/compare.csv", "/compare.xlsx",
                    "/completeness.csv", "/completeness.xlsx"]


def test_a_department_sees_only_its_own_dashboards(as_user):
    client = as_user("rudny")
    for view in DEPARTMENT_VIEWS:
        assert client.get(f"/units/rudny/dashboard{view}?period=2026-H1").status_code == 200, view
        for other in ("lisakovsk", "kostanay"):
            assert client.get(f"/units/{other}/dashboard{view}?period=2026-H1").status_code == 404, (other, view)
    assert client.get("/units/rudny-7/dashboard/?period=2026-H1").status_code == 200
    assert client.get("/units/lisakovsk-1/dashboard/?period=2026-H1").status_code == 404
    assert client.get("/units/nowhere/dashboard/").status_code == 404
    for other in ("lisakovsk", "kostanay"):
        assert client.post(f"/units/{other}/dashboard/thresholds", data=thresholds_form()).status_code == 404


def test_a_school_sees_only_its_own_drill_down(app, as_user):
    client = as_user("rudny-7")
    for view in DEPARTMENT_VIEWS:
        assert client.get(f"/units/rudny/dashboard{view}?period=2026-H1").status_code == 404, view
        assert client.get(f"/units/rudny-7/dashboard{view}?period=2026-H1").status_code == (
            200 if view == "/" else 404), view
    for other in ("/units/rudny-1/dashboard/", "/units/lisakovsk-1/dashboard/", "/units/kostanay/dashboard/"):
        assert client.get(other).status_code == 404, other
    assert client.post("/units/rudny/dashboard/thresholds", data=thresholds_form()).status_code == 404
    assert client.post("/units/rudny-7/dashboard/thresholds", data=thresholds_form()).status_code == 404
    assert threshold_count(app) == 0


def test_the_schools_drill_down_shows_the_city_but_names_no_other_school(app, as_user):
    """rudny-7 against five Rudny schools whose shares are 60, 70, 80, 90 and 100 %: with the seed school's
    90,79 % the six values have median 85,0 %, lower quartile 72,5 % and upper quartile 90,6 %."""
    load_seed(app)
    for number, higher in zip((1, 2, 3, 4, 5), (6, 7, 8, 9, 10), strict=True):
        analysis(app, f"rudny-{number}", "2025-H1", staffing(10, higher), Status.ACCEPTED, on_time=True)
    response = as_user("rudny-7").get("/units/rudny-7/dashboard/?period=2025-H1")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    row = re.search(r"<tr[^>]*>\s*<th scope=\"row\">(?:<a [^>]*>)?(?:Жоғары білімділер, %)(?:</a>)?</th>(.*?)</tr>",
                    html, re.S).group(1)
    cells = [plain(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[:3] == ["90,8 %", "85,0 %", "72,5 % – 90,6 %"]
    assert "Рудный қаласы білім бөлімі" in html
    with app.app_context():
        others = db.session.execute(select(OrgUnit.code, OrgUnit.name_kk, OrgUnit.name_ru)
                                    .where(OrgUnit.code.like("rudny-%"), OrgUnit.code != "rudny-7")).all()
    assert len(others) == len(RUDNY_SCHOOLS) - 1
    for code, name_kk, name_ru in others:
        assert name_kk not in html and name_ru not in html, code
    assert set(re.findall(r"rudny-\d+", html)) == {"rudny-7"}
    # The same whichever indicator's trend is shown.
    for indicator in ("teachers", "single_source_pct", "procurement_total"):
        page = as_user("rudny-7").get(f"/units/rudny-7/dashboard/?period=2025-H1&indicator={indicator}")
        assert set(re.findall(r"rudny-\d+", page.get_data(as_text=True))) == {"rudny-7"}, indicator


def test_the_regions_spread_of_a_city_is_read_from_the_regions_schools_alone(app, as_user):
    """The region page's quartiles of Rudny's schools (60–100 % and the seed's 90,79 %: 72,5 / 85,0 / 90,6 %).
    On PostgreSQL, the figures are reached school by school from the region's schools: the plan never reads
    every figure row of the half-year (the national data set's 7,500) to keep the region's 375."""
    load_seed(app)
    for number, higher in zip((1, 2, 3, 4, 5), (6, 7, 8, 9, 10), strict=True):
        analysis(app, f"rudny-{number}", "2025-H1", staffing(10, higher), Status.ACCEPTED, on_time=True)
    html = as_user("kostanay").get("/units/kostanay/dashboard/?period=2025-H1&indicator=higher_education_pct"
                                   ).get_data(as_text=True)
    spread = html[html.index("<caption>"):]
    row = re.search(r"<th scope=\"row\">Рудный қаласы білім бөлімі</th>(.*?)</tr>", spread, re.S).group(1)
    assert [plain(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)][1:] == ["72,5 %", "85,0 %",
                                                                                          "90,6 %"]
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            return
        from webapp.blueprints.dashboard.indicators import BY_KEY

        captured = []

        def capture(conn, cursor, statement, parameters, *rest):
            captured.append((statement, parameters))

        app.config["DASHBOARD_CACHE"] = False  # the page above kept its result: run the statement itself
        with app.test_request_context():
            event.listen(db.engine, "before_cursor_execute", capture)
            try:
                queries.school_values(unit("kostanay"), period("2025-H1"), BY_KEY["higher_education_pct"])
            finally:
                event.remove(db.engine, "before_cursor_execute", capture)
            statement, parameters = next(item for item in captured if "submission_figures" in item[0])
            plan = "\n".join(row[0] for row in
                             db.session.connection().exec_driver_sql("EXPLAIN " + statement, parameters))
    reading_figures = [line for line in plan.splitlines() if "submission_figures" in line]
    assert reading_figures and plan.index("SubPlan") < plan.index("submission_figures"), plan


def test_the_region_compares_its_cities_and_the_admin_its_regions(app, as_user):
    load_seed(app)
    analysis(app, "lisakovsk-1", "2025-H1", staffing(20, 10), Status.ACCEPTED, on_time=True)
    region = as_user("kostanay")
    page = region.get("/units/kostanay/dashboard/?period=2025-H1")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'href="/units/rudny/dashboard/?period=2025-H1"' in html
    assert 'href="/units/lisakovsk/dashboard/?period=2025-H1"' in html
    text = text_of(page)
    assert "Рудный қаласы білім бөлімі" in text and "Лисаков қаласы білім бөлімі" in text
    # The region's total weighs every teacher: (69 + 10) / (76 + 20).
    assert format_percent(79 / 96, "#,##0.0 %", locale="kk_KZ").replace("\u00a0", " ") in text  # 82,3 %
    schools = region.get("/units/kostanay/dashboard/compare?period=2025-H1&level=schools").get_data(as_text=True)
    assert {"rudny-7", "lisakovsk-1", "lisakovsk-4", "rudny-16"} <= set(shown_codes(schools))
    assert len(shown_codes(schools)) == len(demo_school_codes())
    national = as_user("admin").get("/dashboard/?period=2025-H1")
    assert national.status_code == 200
    assert 'href="/units/kostanay/dashboard/?period=2025-H1"' in national.get_data(as_text=True)
    assert "Қостанай облысы" in text_of(national)
    assert as_user("admin").get("/units/lisakovsk-1/dashboard/?period=2025-H1").status_code == 200


@pytest.mark.parametrize("user", ["kostanay", "rudny", "rudny-7"])
def test_the_national_dashboard_is_the_admins_only(as_user, user):
    client = as_user(user)
    for url in ("/dashboard/", "/dashboard/?period=2025-H1", "/dashboard/?period=2025-H1&indicator=teachers"):
        assert client.get(url).status_code == 404, url


def test_the_city_pages_kept_charts_follow_a_save_a_threshold_and_the_language_at_once(app, clerk, as_user):
    """The city dashboard keeps its charts while no figure changes (issue 13): a school's save, a new threshold
    (which judges the bars' highlight) or the other language shows at the next view, and the kept page is the
    one made afresh. The page shows no action-plan column, so it counts none (the comparison does)."""
    analysis(app, "rudny-2", "2026-H1", staffing(100, 60), Status.SUBMITTED, on_time=True)  # 60 % < 70 %: flagged
    rudny = as_user("rudny")
    url = "/units/rudny/dashboard/?period={}&indicator=higher_education_pct"

    def page(period_code: str = "2026-H1") -> str:
        html = rudny.get(url.format(period_code)).get_data(as_text=True)
        return re.sub(r'(csrf_token" value="|X-CSRFToken": ")[^"]*', r"\1", html)

    def fresh(period_code: str = "2026-H1") -> str:
        app.config["DASHBOARD_CACHE"] = False
        try:
            return page(period_code)
        finally:
            app.config["DASHBOARD_CACHE"] = True

    assert "bar-highlight" in page()
    with count_queries(app) as kept:
        assert page() == fresh()
    assert not [statement for statement in kept if "cycle_" in statement]
    rudny.post("/units/rudny/dashboard/thresholds", data=thresholds_form(higher_education="50", period="2026-H1"))
    assert "Шектер сақталды." in page()  # the flash, shown once
    assert "bar-highlight" not in (after_threshold := page())
    assert after_threshold == fresh()

    assert "75,0 %" not in page("2026-H2")
    assert clerk.post(f"{SCHOOL_BASE}/personnel/facts", data={
        "teachers_total": "80", "support_staff_total": "20", "teachers_higher_education": "60"}).status_code == 200
    assert "75,0 %" in page("2026-H2")
    clerk.post(f"{SCHOOL_BASE}/personnel/facts", data={
        "teachers_total": "80", "support_staff_total": "20", "teachers_higher_education": "72"})
    assert "90,0 %" in (kazakh := page("2026-H2")) and "75,0 %" not in kazakh
    rudny.post("/language", data={"lang": "ru", "next": "/"})
    page("2026-H2")  # any flash of the switch shown once
    russian = page("2026-H2")
    assert russian != kazakh and "90,0 %" in russian and russian == fresh("2026-H2")


def test_a_second_view_of_unchanged_data_is_kept_and_a_save_shows_at_once(app, clerk, as_user):
    """The national and region views keep their sums while no figure changes; any save (or a rebuild of the
    figures) makes the next view of every app server sum afresh."""
    admin, region = as_user("admin"), as_user("kostanay")
    national_url = "/dashboard/?period=2026-H2&indicator=higher_education_pct"
    region_url = "/units/kostanay/dashboard/?period=2026-H2&indicator=higher_education_pct"
    with count_queries(app) as first:
        assert "75,0 %" not in text_of(admin.get(national_url))
    with count_queries(app) as second:
        page = text_of(admin.get(national_url))
    assert len(second) < len(first)
    assert "75,0 %" not in page

    assert clerk.post(f"{SCHOOL_BASE}/personnel/facts", data={
        "teachers_total": "80", "support_staff_total": "20", "teachers_higher_education": "60"}).status_code == 200
    assert "75,0 %" in text_of(admin.get(national_url))
    assert "75,0 %" in text_of(region.get(region_url))
    clerk.post(f"{SCHOOL_BASE}/personnel/facts", data={
        "teachers_total": "80", "support_staff_total": "20", "teachers_higher_education": "72"})
    for client, url in ((admin, national_url), (region, region_url)):
        page = text_of(client.get(url))
        assert "90,0 %" in page and "75,0 %" not in page

    with count_queries(app) as kept:
        admin.get(national_url)
    assert len(kept) == len(second)
    result = app.test_cli_runner().invoke(args=["rebuild-figures"])
    assert result.exit_code == 0, result.output
    with count_queries(app) as after_rebuild:
        admin.get(national_url)
    assert len(after_rebuild) == len(first)

    def accepted_in_total() -> str:  # the footer row: schools, sent, accepted, …
        html = admin.get(national_url).get_data(as_text=True)
        return re.search(r'<tr><th scope="row">[^<]*</th>(?:<td class="num">([^<]*)</td>){3}', html).group(1)

    assert accepted_in_total() == "0"
    set_status(app, "rudny-7", "2026-H2", Status.ACCEPTED)  # a bulk UPDATE through the session, as loaders write
    assert accepted_in_total() == "1"
