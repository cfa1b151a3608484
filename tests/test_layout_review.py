"""Issue 11, a fresh reviewer's items on the certificate a head signs as it is and on the pages around it: the date
of each of several inspections, a conclusion that always concludes, the draft mark on every page, the texts' first
language switched only when confirmed, versions that may be outdated, a result date with its noun, the zip's
missing texts listed before it starts, plan deadlines in words, a month 13 named as such, web addresses on
justified lines, the section's row table inside the page, and lines that never part «5-|тармағына» or
«– 1 | педагог»."""

import dataclasses
import io
import re
import subprocess
import zipfile
from datetime import date

import pytest
from PIL import Image
from support import count_queries, text_of
from test_certificate_line_breaks import FILLERS, certificate, pdf_lines
from test_certificate_sections import half, words

from webapp.blueprints.conclusion.certificate import conclusion_blocks
from webapp.blueprints.inspections.models import SupervisoryInspection
from webapp.certificate.blocks import Para, Table
from webapp.certificate.render import docx, html, pdf
from webapp.certificate.span import merge
from webapp.certificate.wording import typeset
from webapp.extensions import db
from webapp.models import OrgUnit
from webapp.reporting.models import Submission
from webapp.reporting.sections import section_by_code
from webapp.reporting.texts import paper_html

BASE = "/schools/rudny-7/2026-H2"
CERTIFICATE = "/schools/rudny-7/certificate/?from=2026-H2&to=2026-H2"


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def in_russian(client):
    """The same client with the interface in Russian."""
    assert client.post("/language", data={"lang": "ru", "next": "/"}).status_code == 303
    return client


# --- 1. Several inspections: the date of each in the table -------------------------------------------------------

def _inspections(lang: str, *rows) -> str:
    span = merge(section_by_code("inspections"), [half("inspections", rows={"inspections": list(rows)})], lang,
                 ["kk"], [(2025, 1)])
    return section_by_code("inspections").certificate(span, lang)


def _inspection(**values) -> SupervisoryInspection:
    return SupervisoryInspection(**{"body": "Рудный қаласының прокуратурасы", "translations": {}, **values})


@pytest.mark.parametrize(("lang", "header", "month", "day"), [
    ("kk", "Тексеру уақыты", "2024 жылғы ақпан", "2025 жылғы 21 мамыр"),
    ("ru", "Дата проверки", "февраль 2024 года", "21 мая 2025 года")])
def test_several_inspections_show_when_each_took_place(app, lang, header, month, day):
    with app.app_context():
        blocks = _inspections(lang, _inspection(held_on="2024-02"), _inspection(held_on="2025-05-21"),
                              _inspection())
        table = next(block for block in blocks if isinstance(block, Table))
        assert table.headers[2] == header and len(table.widths) == len(table.headers)
        assert [row[2] for row in table.rows] == [month, day, ""]
        # No inspection says when: no empty column.
        undated = next(b for b in _inspections(lang, _inspection(), _inspection()) if isinstance(b, Table))
        assert header not in undated.headers


def test_the_dated_inspections_table_fits_the_page(app, tmp_path):
    """Seven columns at 12 pt were wider than the page's text (the words they cannot break): such a table prints a
    size smaller, with closer cells, and ends where the text does."""
    with app.app_context(), app.test_request_context():
        rows = [_inspection(body="Департамент государственных доходов", held_on="2025-03-12", period_checked="2024",
                            subject="налоговая отчётность", result_date=date(2025, 3, 20)),
                _inspection(body="Прокуратура города Рудного", held_on="2024-02", period_checked="2024–2025",
                            result_kind="representation", result_number="2-0904-25-01180",
                            result_date=date(2025, 5, 21))]
        blocks = _inspections("ru", *rows)
        page = html(certificate(blocks, "ru"), for_pdf=True)
        (tmp_path / "table.pdf").write_bytes(pdf(certificate(blocks, "ru")))
    assert '<table class="wide">' in page
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "table.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout
    ends = {word: float(x) for x, word in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]+)</word>', boxes)}
    # The signature's name ends at the text's right edge; the table's last column («не выявлено») stays inside it.
    assert max(ends["нарушений"], ends["Нарушения"]) < ends["Бірманова"]


# --- 2. The conclusion always concludes --------------------------------------------------------------------------

# Issue 11 review: «По результатам анализа выявлены нарушения…» when a prosecutor or an inspection found them, and
# «нарушений, связанных с коррупционными рисками, не выявлено» above disciplinary sanctions, an ethics case and a
# negative publication (lisakovsk-2): violations found in the period; no corruption offences.
@pytest.mark.parametrize(("lang", "negative", "found"), [
    ("kk", "Жоғарыда көрсетілген бағыттар бойынша талданатын кезеңде сыбайлас жемқорлық құқық бұзушылықтары "
           "анықталған жоқ.",
     "Талданатын кезеңде мына бағыттар бойынша бұзушылықтар анықталды: «2.9. "),
    ("ru", "По указанным выше направлениям в анализируемом периоде коррупционных правонарушений не выявлено.",
     "В анализируемом периоде выявлены нарушения по направлениям: «2.9. ")])
def test_the_conclusion_concludes_when_the_school_typed_no_finding(app, lang, negative, found):
    with app.app_context(), app.test_request_context():
        from flask_babel import force_locale

        with force_locale(lang):
            span = merge(section_by_code("conclusion"), [half("conclusion")], lang, ["kk"], [(2025, 1)])
            assert words(conclusion_blocks(span, lang)).splitlines()[0] == negative
            span.found_in = [section_by_code("inspections")]
            assert words(conclusion_blocks(span, lang)).splitlines()[0].startswith(found)
            # The school's own finding stands as typed.
            typed = merge(section_by_code("conclusion"), [half("conclusion", {"overall_finding": "Өз қорытындысы."})],
                          lang, ["kk"], [(2025, 1)])
            assert "Өз қорытындысы." in words(conclusion_blocks(typed, lang)).splitlines()[0]


@pytest.mark.parametrize(("lang", "negative"), [("kk", "сыбайлас жемқорлық құқық бұзушылықтары анықталған жоқ."),
                                                ("ru", "коррупционных правонарушений не выявлено.")])
def test_a_certificate_with_nothing_typed_in_the_conclusion_still_concludes(app, school, as_user, lang, negative):
    page = text_of(as_user("rudny").get(f"{CERTIFICATE}&lang={lang}"))
    heading = "Қорытынды" if lang == "kk" else "Заключение"
    assert negative in page.split(heading)[-1]


# --- 3. The draft mark on every page of the PDF -------------------------------------------------------------------

def test_the_draft_mark_is_on_every_page_of_the_pdf(app, tmp_path):
    long = " ".join(f"{filler} мәтін" for filler in FILLERS) * 3
    draft = dataclasses.replace(certificate([Para(long) for _ in range(6)], "ru"), draft=True)
    with app.test_request_context():
        (tmp_path / "draft.pdf").write_bytes(pdf(draft))
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(tmp_path / "draft.pdf"), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3

    def tinted(path) -> int:  # the mark's faint red over white; the text is black or grey
        data = Image.open(path).convert("RGB").tobytes()
        return sum(1 for i in range(0, len(data), 3) if data[i] > 200 and data[i] - data[i + 1] > 12)

    assert [tinted(page) > 20 for page in pages] == [True] * len(pages)


# --- 4. The texts' first language switched only when confirmed ----------------------------------------------------

def _text_lang(app) -> str:
    with app.app_context():
        return db.session.scalars(db.select(Submission.text_lang).join(OrgUnit, Submission.school_id == OrgUnit.id)
                                  .where(OrgUnit.code == "rudny-7")).one()


@pytest.mark.parametrize(("ui", "question", "button"), [
    ("kk", "Мәтіндердің негізгі тілін ауыстыру керек пе: Қазақша → Русский?", "Иә, «Русский» тіліне ауыстыру"),
    ("ru", "Сменить основной язык текстов: Қазақша → Русский?", "Да, сменить на «Русский»")])
def test_switching_the_first_language_asks_first_and_changes_nothing_until_confirmed(app, as_user, school, ui,
                                                                                     question, button):
    school.post(f"{BASE}/acts/narrative", data={"risks": "Тәуекел.", "risks__tr": "Риск.", "basis": "Негіз."})
    page_client = as_user("rudny-7")
    if ui == "ru":
        in_russian(page_client), in_russian(school)
    # Without script: a page telling what happens, with the one button that does it.
    page = page_client.post(f"{BASE}/text-language", data={"text_lang": "ru"})
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "<html" in body and question in text_of(page) and button in text_of(page)
    assert re.search(r'name="confirmed" value="1"', body) and _text_lang(app) == "kk"
    assert ("2 " if ui == "kk" else "2 текста") in text_of(page)  # the two texts typed in Kazakh, the one Russian
    # With htmx: the same question as a fragment under the choice.
    fragment = school.post(f"{BASE}/text-language", data={"text_lang": "ru"})
    html_ = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "<html" not in html_ and 'id="language_confirm"' in html_
    assert "HX-Request" in fragment.headers["Vary"] and _text_lang(app) == "kk"
    # Confirmed, it is done; the same language again asks nothing.
    done = school.post(f"{BASE}/text-language", data={"text_lang": "ru", "confirmed": "1"})
    assert done.status_code == 204 and done.headers["HX-Location"] and _text_lang(app) == "ru"
    assert page_client.post(f"{BASE}/text-language", data={"text_lang": "ru"}).status_code == 303


def test_the_half_year_page_asks_through_htmx_and_keeps_a_plain_form(school):
    page = school.get(f"{BASE}/", headers={"HX-Request": ""}).get_data(as_text=True)
    form = re.search(r'<form[^>]*id="text-language"[^>]*>', page).group(0)
    assert 'method="post"' in form and 'hx-post="/schools/rudny-7/2026-H2/text-language"' in form
    assert 'hx-target="#language_confirm"' in form and '<div id="language_confirm"></div>' in page


# --- 5. A version that may be outdated ----------------------------------------------------------------------------

def _marks(app) -> list[tuple]:
    from webapp.reporting.models import OutdatedVersion  # (migration 0018)

    with app.app_context():
        return [(m.section, m.list_name, m.name, m.version) for m in db.session.scalars(db.select(OutdatedVersion))]


@pytest.mark.parametrize(("ui", "note", "listed"), [
    ("kk", "Ескірген болуы мүмкін", "1 нұсқа ескірген болуы мүмкін"),
    ("ru", "Может быть устаревшим", "1 версия может быть устаревшей")])
def test_a_changed_text_marks_its_other_version_as_maybe_outdated(app, as_user, school, ui, note, listed):
    acts = f"{BASE}/acts"
    school.post(f"{acts}/narrative", data={"risks": "Тәуекел.", "risks__tr": "Риск."})
    assert _marks(app) == []  # a version written where there was none is a translation, not a change
    reader = as_user("rudny-7")
    if ui == "ru":
        in_russian(reader)
    school.post(f"{acts}/narrative", data={"risks": "Тәуекел өзгерді.", "risks__tr": "Риск.",
                                           "_fields": "risks", "_base-risks": "Тәуекел."})
    assert _marks(app) == [("acts", "", "risks", "other")]
    page = reader.get(f"{acts}/")
    body = page.get_data(as_text=True)
    russian_box = body.split('for="risks__tr"')[1].split("</div>")[0]
    assert note in russian_box and 'id="risks__tr-outdated"' in russian_box
    assert note not in body.split('for="risks"')[1].split("</div>")[0]
    assert listed in text_of(page)
    # Editing the Russian version brings it up to date.
    school.post(f"{acts}/narrative", data={"risks__tr": "Риск изменился.", "_fields": "risks__tr",
                                           "_base-risks__tr": "Риск."})
    assert _marks(app) == [] and note not in reader.get(f"{acts}/").get_data(as_text=True)


@pytest.mark.parametrize(("lang", "listed"), [
    ("ru", "1 текст на языке справки может быть устаревшим"), ("kk", None)])
def test_the_certificate_page_lists_its_languages_versions_that_may_be_outdated(app, as_user, school, lang, listed):
    school.post(f"{BASE}/acts/narrative", data={"risks": "Тәуекел.", "risks__tr": "Риск."})
    school.post(f"{BASE}/acts/narrative", data={"risks": "Тәуекел өзгерді.", "_fields": "risks",
                                                "_base-risks": "Тәуекел."})
    department = in_russian(as_user("rudny"))
    page = department.get(f"{CERTIFICATE}&lang={lang}")
    html_ = page.get_data(as_text=True)
    if listed:  # the Russian risks, which the Russian certificate prints, may no longer say what the Kazakh do
        assert listed in text_of(page) and 'id="outdated-heading"' in html_
        assert re.search(r'<li><a href="/schools/rudny-7/2026-H2/acts/">[^<]+</a>: Коррупционные риски</li>', html_)
    else:  # the Kazakh certificate prints the version just written
        assert 'id="outdated-heading"' not in html_


def test_a_row_text_changed_in_one_language_is_marked_until_confirmed(app, school):
    school.post(f"{BASE}/acts/rows/orders", data={"orders-number": "174", "orders-date": "02.09.2026",
                                                  "orders-title": "Тамақ туралы", "orders-title__tr": "О питании"})
    with app.app_context():
        from webapp.blueprints.acts.models import Order

        row_id = db.session.scalars(db.select(Order.id)).one()
    saved = school.post(f"{BASE}/acts/rows/orders/{row_id}",
                        data={f"orders-{row_id}-number": "174", f"orders-{row_id}-date": "02.09.2026",
                              f"orders-{row_id}-title": "Тамақ туралы",
                              f"orders-{row_id}-title__tr": "О горячем питании", "_version": "1"})
    assert saved.status_code == 200
    assert _marks(app) == [("acts", "orders", "title", "main")]  # the Kazakh title may no longer match
    page = school.get(f"{BASE}/acts/", headers={"HX-Request": ""})
    assert f'href="#row-orders-{row_id}"' in page.get_data(as_text=True)
    # The clerk says the Kazakh one still holds: plain form and htmx alike end on the page, the mark gone.
    confirmed = school.post(f"{BASE}/acts/outdated", data={"list_name": "orders", "row_id": row_id, "name": "title"})
    assert confirmed.status_code == 204 and confirmed.headers["HX-Location"].endswith("/acts/")
    assert _marks(app) == []


# --- 6. A result document's date has its noun ---------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "cell"), [("kk", "2025 жылғы 21 мамырдағы құжат"),
                                            ("ru", "документ от 21 мая 2025 года")])
def test_a_result_cell_holding_only_a_date_names_the_document(app, lang, cell):
    with app.app_context():
        blocks = _inspections(lang, _inspection(result_date=date(2025, 5, 21)), _inspection(result_number="7"))
        table = next(block for block in blocks if isinstance(block, Table))
        assert [row[-2] for row in table.rows] == [cell, "№7"]


# --- 7. The zip's missing texts listed before it starts -----------------------------------------------------------

@pytest.fixture
def untranslated(demo):
    """The demo with rudny-3's 2025-H1 risks, basis and recommendations of 1.1 in Kazakh only."""
    from webapp.models import Period
    from webapp.reporting.models import SectionEntry

    with demo.app_context():
        entry = db.session.scalars(
            db.select(SectionEntry).join(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id)
            .join(Period, Submission.period_id == Period.id)
            .where(OrgUnit.code == "rudny-3", Period.code == "2025-H1", SectionEntry.section == "acts")).one()
        entry.translations = {}
        db.session.commit()
    return demo


def test_the_zip_form_lists_each_schools_missing_texts_before_the_job_starts(untranslated, as_user):
    demo = untranslated
    department = as_user("rudny", htmx=True)
    fragment = department.get("/units/rudny/certificates/check?from=2024-H2&to=2025-H1&lang=ru&format=pdf")
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "<html" not in body and 'id="batch_check"' in body
    listed = re.findall(r'<li><a href="/schools/([\w-]+)/certificate/', body)
    assert listed == ["rudny-3"] and "3 мәтін" in text_of(fragment)  # the others' Russian is complete
    kazakh = department.get("/units/rudny/certificates/check?from=2024-H2&to=2025-H1&lang=kk")
    assert "барлық мектептің мәтіндері осы тілде жазылған" in text_of(kazakh)
    page = as_user("rudny").get("/units/rudny/certificates/check?from=2024-H2&to=2025-H1&lang=ru&format=docx")
    assert "<html" in page.get_data(as_text=True) and 'name="format" value="docx"' in page.get_data(as_text=True)
    assert 'hx-get="/units/rudny/certificates/check"' in as_user("rudny").get("/units/rudny").get_data(as_text=True)
    counts = {}
    for unit in ("lisakovsk", "rudny", "kostanay"):
        client = as_user(unit, htmx=True)
        with count_queries(demo) as statements:
            assert client.get(f"/units/{unit}/certificates/check?from=2024-H2&to=2025-H1&lang=ru").status_code == 200
        counts[unit] = len(statements)
    assert len(set(counts.values())) == 1, counts  # bounded: the same whatever the number of schools


def test_the_zip_forms_no_script_check_posts_so_its_token_stays_out_of_the_address(untranslated, as_user):
    department = as_user("rudny")
    unit_page = department.get("/units/rudny").get_data(as_text=True)
    button = re.search(r"<noscript><button[^>]*formaction=\"/units/rudny/certificates/check\"[^>]*>", unit_page)
    assert button and 'formmethod="get"' not in button.group(0)  # the form's own method, POST, with its token
    posted = department.post("/units/rudny/certificates/check",
                             data={"from": "2024-H2", "to": "2025-H1", "lang": "ru", "format": "docx"})
    body = posted.get_data(as_text=True)
    assert posted.status_code == 200 and "<html" in body and 'name="format" value="docx"' in body
    assert re.findall(r'<li><a href="/schools/([\w-]+)/certificate/', body) == ["rudny-3"]


@pytest.mark.parametrize(("ui", "said"), [
    ("kk", r"\d+ мектептің анықтамасында осы тілде әлі жазылмаған мәтіндер басылады"),
    ("ru", r"\d+ школ[аы]?: в справках будут напечатаны тексты, ещё не написанные на этом языке")])
def test_the_zip_check_speaks_the_interface_language(untranslated, as_user, ui, said):
    department = as_user("rudny")
    if ui == "ru":
        in_russian(department)
    assert re.search(said, text_of(department.get("/units/rudny/certificates/check?from=2024-H2&to=2025-H1&lang=ru")))


# --- 8. Plan deadlines in words -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "month", "day"), [("kk", "2025 жылғы желтоқсан", "2026 жылғы 26 маусым"),
                                                    ("ru", "Декабрь 2025 года", "26 июня 2026 года")])
def test_plan_deadlines_are_printed_in_words(app, lang, month, day):
    from webapp.blueprints.conclusion.models import Recommendation

    with app.app_context(), app.test_request_context():
        rows = [Recommendation(text="Шара", deadline_kind="date", deadline_date=date(2025, 12, 31), section="acts",
                               responsible="Директор", translations={}),
                Recommendation(text="Шара", deadline_kind="date", deadline_date=date(2026, 6, 26), section="acts",
                               responsible="Директор", translations={})]
        span = merge(section_by_code("conclusion"), [half("conclusion", {"overall_finding": "Қорытынды."},
                                                          rows={"recommendations": rows})], lang, ["kk"], [(2025, 1)])
        table = next(block for block in conclusion_blocks(span, lang) if isinstance(block, Table))
        assert [row[-1] for row in table.rows] == [month, day]


@pytest.mark.parametrize(("lang", "deadline"), [("kk", "2025 жылғы желтоқсан"), ("ru", "декабрь 2025 года")])
def test_the_approved_plans_deadlines_are_in_words(app, lang, deadline):
    from types import SimpleNamespace

    from webapp.blueprints.cycle.documents import deadline_text

    assert deadline_text(SimpleNamespace(deadline=date(2025, 12, 31)), lang) == deadline


# --- 9. «13.2024»: there is no month 13 ---------------------------------------------------------------------------

@pytest.mark.parametrize(("ui", "message"), [("kk", "13 деген ай жоқ: айлар 1-ден 12-ге дейін нөмірленеді"),
                                             ("ru", "Месяца 13 нет: месяцы нумеруются от 1 до 12")])
def test_a_month_13_is_named_as_the_mistake_with_the_value_kept(app, school, ui, message):
    if ui == "ru":
        in_russian(school)
    response = school.post(f"{BASE}/inspections/rows/inspections",
                           data={"inspections-body": "Прокуратура", "inspections-held_on": "13.2024"})
    html_ = response.get_data(as_text=True)
    assert response.status_code == 422 and "<html" not in html_
    assert message in text_of(response) and 'value="13.2024"' in html_
    day = school.post(f"{BASE}/inspections/rows/inspections",
                      data={"inspections-body": "Прокуратура", "inspections-held_on": "31.04.2024"})
    assert day.status_code == 422 and ("30" in text_of(day)) and 'value="31.04.2024"' in day.get_data(as_text=True)


# --- 10. A web address on a justified line ------------------------------------------------------------------------

RUSSIAN = ("Информация о деятельности школы размещается на официальном сайте школы и в социальных сетях "
           "регулярно, в том числе сведения о закупках и о работе с обращениями граждан")


def test_a_russian_line_holding_a_web_address_is_not_stretched(app):
    text = " ".join(f"{RUSSIAN} (https://www.instagram.com/school7_rud/) и http://rudnymektep7.edu.kz/ {filler}."
                    for filler in FILLERS[:8])
    lines = pdf_lines(app, [Para(text)], "ru", layout=True)
    assert len(lines) > 10
    assert [line for line in lines if "__________" not in line and re.search(r"\S {3,}\S", line)] == []
    with app.test_request_context():
        page = html(certificate([Para(text), Para(RUSSIAN)], "ru"), for_pdf=True)
        document = zipfile.ZipFile(io.BytesIO(docx(certificate([Para(text), Para(RUSSIAN)], "ru")))).read(
            "word/document.xml").decode()
    assert '<p class="with-url">' in page and f"<p>{RUSSIAN}</p>" in page  # a line without one stays justified
    paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", document)
    assert '<w:jc w:val="left"/>' in next(p for p in paragraphs if "instagram" in p)
    assert '<w:jc w:val="both"/>' in next(p for p in paragraphs if RUSSIAN[:30] in p and "instagram" not in p)


# --- 11. The section page at 1280 px ------------------------------------------------------------------------------

@pytest.fixture
def analyses(live_data, live_app):
    from webapp.demo.analyses import load_analyses
    from webapp.demo.units import demo_school_codes

    with live_app.app_context():
        assert load_analyses(demo_school_codes()) > 0
        db.session.commit()
        db.session.remove()


@pytest.mark.browser
@pytest.mark.usefixtures("analyses")
def test_every_section_page_fits_a_1280_px_screen(page):
    from support import browser_log_in

    from webapp.reporting.sections import SECTIONS

    page.set_viewport_size({"width": 1280, "height": 900})
    browser_log_in(page, "rudny-7")
    too_wide = {}
    for section in SECTIONS:
        page.goto(f"/schools/rudny-7/2025-H1/{section.code}/")
        sizes = page.evaluate("""() => {
            const main = document.querySelector("main"), right = main.getBoundingClientRect().right
              - parseFloat(getComputedStyle(main).paddingRight);
            return {page: document.documentElement.scrollWidth, screen: innerWidth,
                    tables: [...document.querySelectorAll("table.rows")]
                      .filter(t => t.getBoundingClientRect().right > right + 1).map(t => t.id)};
        }""")
        if sizes["page"] > sizes["screen"] or sizes["tables"]:
            too_wide[section.code] = sizes
    assert too_wide == {}


# --- 12. «5-|тармағына», «– 1 | педагог» --------------------------------------------------------------------------

def test_a_number_keeps_its_ending_and_a_count_after_a_dash_its_noun(app):
    assert typeset("қабылданғандар – 1 педагог, шығарылғандар — 12 оқушы") == (
        "қабылданғандар – 1\u00a0педагог, шығарылғандар — 12\u00a0оқушы")
    # any count with its noun since the fluent reviewer's «1 бірлік», «2 педагог»; a year is no count, but keeps
    # its «жылы» (the fluent reviewer: «…2012» ended a line, «года» began the next)
    assert typeset("2024 жылы 5 педагог") == "2024\u00a0жылы 5\u00a0педагог"
    assert str(paper_html("Қағидалардың 15-тармағына сәйкес, 2024-2025 жж.")) == (
        'Қағидалардың <span class="nowrap">15-тармағына</span> сәйкес, 2024-2025 жж.')
    with app.test_request_context():
        document = zipfile.ZipFile(io.BytesIO(docx(certificate([Para("Қағидалардың 15-тармағына сәйкес.")], "kk")))
                                   ).read("word/document.xml").decode()
    assert re.search(r"15</w:t><w:noBreakHyphen/><w:t[^>]*>тармағына сәйкес", document)
