"""Exports an analyst can trust (issue 12): the CSV for people opens column by column in a Kazakh or Russian
Excel (semicolons, decimal comma, UTF-8 with BOM), the CSV for programs is plain RFC 4180, counts are integers,
no typed text ever becomes a formula, and the XLSX carries its title block and the total and median rows.
"""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from support import count_queries
from test_dashboard import KK_HEADERS, RUDNY_SCHOOLS, SEED_NAME, analysis, buying, load_seed
from test_dashboard_scale import add_schools, city  # noqa: F401  (city is a fixture)

from webapp.extensions import db
from webapp.models import OrgUnit
from webapp.reporting.models import SectionEntry, Status

COMPARE = "/units/rudny/dashboard/compare"


def excel_csv(response) -> list[list[str]]:
    """What Excel with Kazakh/Russian regional settings reads: ';' between columns, UTF-8 announced by a BOM."""
    assert response.data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"), newline=""), delimiter=";"))


def plain_csv(response) -> list[list[str]]:
    assert not response.data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in response.data and b";" not in response.data.split(b"\r\n")[1]
    return list(csv.reader(io.StringIO(response.data.decode("utf-8"), newline="")))


def decimal_comma(text: str) -> float:
    assert "." not in text, text
    return float(text.replace(",", "."))


def record(rows, code: str) -> dict[str, str]:
    return dict(zip(rows[0], next(row for row in rows if row[0] == code), strict=True))


def test_the_csv_for_excel_has_semicolons_decimal_commas_and_integer_counts(app, as_user):
    load_seed(app)
    response = as_user("rudny").get(f"{COMPARE}.excel.csv?period=2025-H1")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"  # once, not twice
    assert 'filename="rudny_2025-H1_comparison_excel.csv"' in response.headers["Content-Disposition"]
    rows = excel_csv(response)
    assert rows[0][:4] == KK_HEADERS
    assert {len(row) for row in rows} == {len(rows[0])}  # every row lands in the same columns
    assert len(rows) == 1 + len(RUDNY_SCHOOLS)
    seed = record(rows, "rudny-7")
    assert seed["Мектеп"] == SEED_NAME
    assert int(seed["Педагогтер"]) == 76  # a count is an integer, never «76.0» or «76,0»
    assert decimal_comma(seed["Жоғары білімділер, %"]) == pytest.approx(90.79)
    assert decimal_comma(seed["Сатып алу, барлығы"]) == pytest.approx(12433156.25)


def test_the_csv_for_programs_is_rfc_4180_with_a_decimal_point(app, as_user):
    load_seed(app)
    response = as_user("rudny").get(f"{COMPARE}.csv?period=2025-H1")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="rudny_2025-H1_comparison_rfc4180.csv"' in response.headers["Content-Disposition"]
    rows = plain_csv(response)
    seed = record(rows, "rudny-7")
    assert int(seed["Педагогтер"]) == 76
    assert float(seed["Жоғары білімділер, %"]) == pytest.approx(90.79) and "," not in seed["Жоғары білімділер, %"]
    assert float(seed["Сатып алу, барлығы"]) == pytest.approx(12433156.25)
    assert record(rows, "rudny-1")["Педагогтер"] == ""  # no figure: an empty field, not 0


def test_the_page_offers_both_csvs_named_for_their_readers(app, as_user):
    html = as_user("rudny").get(f"{COMPARE}?period=2025-H1&q=7").get_data(as_text=True)
    assert "/units/rudny/dashboard/compare.excel.csv?period=2025-H1&amp;q=7" in html
    assert "/units/rudny/dashboard/compare.csv?period=2025-H1&amp;q=7" in html
    assert "Excel үшін CSV" in html and "Бағдарламаларға арналған CSV (RFC 4180)" in html
    html = as_user("rudny").get("/units/rudny/dashboard/completeness?period=2025-H1").get_data(as_text=True)
    assert "/units/rudny/dashboard/completeness.excel.csv?period=2025-H1" in html


def rename(app, code: str, name: str) -> None:
    with app.app_context():
        db.session.execute(update(OrgUnit).where(OrgUnit.code == code).values(name_kk=name, name_ru=name))
        db.session.commit()


@pytest.mark.parametrize("name", ["=1+2", '=HYPERLINK("http://evil.example","x")', "+7", "-1", "@SUM(1)",
                                  "\tTab", "\rCR"])
def test_a_school_name_that_looks_like_a_formula_is_text_in_every_export(app, as_user, name):
    rename(app, "rudny-3", name)
    analysis(app, "rudny-3", "2026-H1", buying("25000", "75000"), Status.SUBMITTED, on_time=True)
    client = as_user("rudny")
    for url in (f"{COMPARE}.csv?period=2026-H1", "/units/rudny/dashboard/completeness.csv?period=2026-H1"):
        assert record(plain_csv(client.get(url)), "rudny-3")["Мектеп"] == "'" + name
    assert record(excel_csv(client.get(f"{COMPARE}.excel.csv?period=2026-H1")), "rudny-3")["Мектеп"] == "'" + name
    for url in (f"{COMPARE}.xlsx?period=2026-H1", "/units/rudny/dashboard/completeness.xlsx?period=2026-H1"):
        sheet = load_workbook(io.BytesIO(client.get(url).data)).active
        row = next(row for row in sheet.iter_rows() if row[0].value == "rudny-3")
        assert row[1].data_type == "s" and row[1].quotePrefix  # a string Excel shows as typed, never runs
        assert row[1].value == name.replace("\r", "") or row[1].value == name
    # Numbers stay numbers beside it.
    sheet = load_workbook(io.BytesIO(client.get(f"{COMPARE}.xlsx?period=2026-H1").data)).active
    row = next(row for row in sheet.iter_rows() if row[0].value == "rudny-3")
    assert any(cell.data_type == "n" and cell.value == 25.0 for cell in row)


def test_a_formula_behind_a_pasted_control_character_is_still_marked_in_the_xlsx(app, as_user):
    """The XLSX drops control characters a file cannot hold; what is left, «=1+2», is marked as typed text too, so
    opening the cell (F2, Enter) in Excel does not turn it into a live formula."""
    rename(app, "rudny-3", "\x01=1+2")
    sheet = load_workbook(io.BytesIO(as_user("rudny").get(f"{COMPARE}.xlsx?period=2026-H1").data)).active
    cell = next(row for row in sheet.iter_rows() if row[0].value == "rudny-3")[1]
    assert cell.value == "=1+2" and cell.data_type == "s" and cell.quotePrefix


def test_an_ordinary_name_is_left_as_it_is(app, as_user):
    rows = plain_csv(as_user("rudny").get(f"{COMPARE}.csv?period=2026-H1"))
    assert all(not row[1].startswith("'") for row in rows)


def test_the_xlsx_has_its_title_block_and_the_total_and_median_rows_styled_apart(app, as_user):
    analysis(app, "rudny-1", "2026-H1", buying("10000", "90000"), Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-2", "2026-H1", buying("40000", "60000"), Status.SUBMITTED, on_time=False)
    analysis(app, "rudny-3", "2026-H1", buying("25000", "75000"), Status.ACCEPTED, on_time=True)
    workbook = load_workbook(io.BytesIO(as_user("rudny").get(f"{COMPARE}.xlsx?period=2026-H1").data))
    sheet = workbook.active
    rows = list(sheet.iter_rows())
    title = [row[0].value for row in rows[:4]]
    assert title[0] == "Мектептерді салыстыру" and rows[0][0].font.bold
    assert title[1] == "Рудный қаласы білім бөлімі"
    assert title[2] == "Жарты жыл: 2026-H1"
    assert title[3].startswith("Жүктелген уақыты: ")
    assert workbook.properties.title.startswith("Мектептерді салыстыру") and workbook.properties.creator == "Adal"
    header = next(number for number, row in enumerate(rows) if row[0].value == "Код")
    headers = [cell.value for cell in rows[header]]
    assert sheet.freeze_panes == f"C{header + 2}"
    total, median, given = rows[-3], rows[-2], rows[-1]
    assert total[1].value == "Барлығы" and total[1].font.bold and total[1].fill.fgColor.rgb.endswith("E8EEF4")
    assert median[1].value == "Медиана мектеп" and median[1].font.italic
    share, money = headers.index("Бір көзден, сомасы бойынша, %"), headers.index("Сатып алу, барлығы")
    # Sums first, so the city's share weighs every tenge: 75 000 of 300 000.
    assert total[share].value == pytest.approx(25.0) and total[money].value == pytest.approx(300000)
    assert median[share].value == pytest.approx(25.0) and median[share].number_format == "0.0"
    assert total[2].value == f"{len(RUDNY_SCHOOLS)} ішінен 3 жіберді"
    # Of how many schools each total is made: the three that gave their procurement.
    assert given[1].value == "Көрсеткішті берген мектептер" and given[money].value == f"3 / {len(RUDNY_SCHOOLS)}"
    # The schools are all between the header and the total.
    assert rows[-4][0].value is not None and len(rows) - header - 4 == len(RUDNY_SCHOOLS)


def test_the_compare_command_writes_the_csv_for_excel_too(app, tmp_path, as_user):
    load_seed(app)
    target = tmp_path / "rudny.csv"
    result = app.test_cli_runner().invoke(args=["compare", "--org", "rudny", "--period", "2025-H1",
                                                "--format", "excel.csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == as_user("rudny").get(f"{COMPARE}.excel.csv?period=2025-H1").data


def test_a_narrative_starting_with_a_formula_is_text_in_the_risks_exports(app, as_user):
    analysis(app, "rudny-2", "2026-H1", {"procurement": {"narrative": {
        "risks": "@SUM(1) бір көзден сатып алу", "basis": "Шарттар", "recommendations": "=HYPERLINK(\"x\")",
        "violation_found": True, "violation_description": "-1 шарт бөлшектелген"}}}, Status.SUBMITTED, on_time=True)
    client = as_user("rudny")
    url = "/units/rudny/dashboard/risks"
    html = client.get(f"{url}?period=2026-H1").get_data(as_text=True)
    assert f"{url}.excel.csv?period=2026-H1" in html and f"{url}.xlsx?period=2026-H1" in html
    response = client.get(f"{url}.csv?period=2026-H1")
    assert 'filename="rudny_2026-H1_risks_rfc4180.csv"' in response.headers["Content-Disposition"]
    rows = plain_csv(response)
    assert rows[0] == ["Код", "Мектеп", "Күйі", "Бөлім", "Жылу картасы", "Белгіленген тәуекелдер",
                       "Анықталған бұзушылық", "Ұсынымдар"]
    line = next(row for row in rows if row[0] == "rudny-2" and "сатып алу" in row[3])
    assert line[4:] == ["бұзушылық анықталған", "'@SUM(1) бір көзден сатып алу", "'-1 шарт бөлшектелген",
                        "'=HYPERLINK(\"x\")"]
    excel = excel_csv(client.get(f"{url}.excel.csv?period=2026-H1"))
    assert next(row for row in excel if row[0] == "rudny-2" and "сатып алу" in row[3])[5].startswith("'@SUM(1)")
    sheet = load_workbook(io.BytesIO(client.get(f"{url}.xlsx?period=2026-H1").data)).active
    cells = next(row for row in sheet.iter_rows() if row[0].value == "rudny-2" and "сатып алу" in row[3].value)
    for cell in cells[5:8]:
        assert cell.data_type == "s" and cell.quotePrefix
    assert cells[5].value == "@SUM(1) бір көзден сатып алу" and cells[7].value == '=HYPERLINK("x")'


@pytest.mark.parametrize("url", ["/units/rudny/dashboard/risks.xlsx?period=2026-H1",
                                 "/units/rudny/dashboard/risks.excel.csv?period=2026-H1",
                                 "/units/rudny/dashboard/compare.excel.csv?period=2026-H1",
                                 "/units/rudny/dashboard/completeness.excel.csv?period=2026-H1"])
def test_the_exports_issue_the_same_number_of_queries_for_5_or_50_more_schools(city, as_user, url):  # noqa: F811
    client = as_user("rudny")
    counts = []
    for batch, extra in (("a", 5), ("b", 45)):
        last = add_schools(city, extra, batch)
        with count_queries(city) as statements:
            response = client.get(url)
        assert response.status_code == 200
        if "xlsx" not in url:
            assert last.encode() in response.data
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 25, counts


def test_the_risks_export_gives_the_typed_texts_in_the_readers_language_where_the_school_wrote_one(app, as_user):
    """A school typed its procurement risks in Kazakh and in Russian: a Russian-speaking analyst's download reads
    the Russian version (as the certificate in Russian does); a text with no Russian version stays as typed."""
    analysis(app, "rudny-2", "2026-H1", {"procurement": {"narrative": {
        "risks": "Бір көзден сатып алу", "basis": "Шарттар", "recommendations": "Конкурс өткізу",
        "violation_found": False}}}, Status.SUBMITTED, on_time=True)
    with app.app_context():
        db.session.execute(update(SectionEntry).where(SectionEntry.section == "procurement").values(
            translations={"risks": "Закупки из одного источника"}))
        db.session.commit()
    url = "/units/rudny/dashboard/risks.csv?period=2026-H1"
    client = as_user("rudny")

    def procurement_texts():  # the only section of rudny-2 with typed texts
        return next(row for row in plain_csv(client.get(url)) if row[0] == "rudny-2" and row[5])[5:8]

    assert procurement_texts() == ["Бір көзден сатып алу", "", "Конкурс өткізу"]
    client.post("/language", data={"lang": "ru"})
    assert procurement_texts() == ["Закупки из одного источника", "", "Конкурс өткізу"]
