"""The certificate's downloads (PDF through WeasyPrint, DOCX through python-docx), the links to it and the CLI.

Every format is checked against the same seed facts of rudny-7 for 2024-H2..2025-H1.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader
from sqlalchemy import select

from webapp.certificate import assemble
from webapp.certificate.blocks import whole_row
from webapp.extensions import db
from webapp.models import OrgKind, OrgUnit, Period
from webapp.reporting.models import Status, Submission

URL = "/schools/rudny-7/certificate/"
SPAN = {"from": "2024-H2", "to": "2025-H1"}
# Facts of the seed certificate that every format must carry (figures, numbers typed by the school, names).
SEED_FACTS = ["22 266 028,65", "№7527-25-00-2/5493", "SHAKIRT GROUP", "2-0904-25-01180", "Қ.И. Бірманова",
              "Бас есепші"]
KK_TITLES = ["ТАЛДАМАЛЫҚ АНЫҚТАМА", "Кадр саясаты", "Сот практикасын талдау",
             "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізу бойынша әдістемелік ұсынымдарға 4-қосымша"]
RU_TITLES = ["АНАЛИТИЧЕСКАЯ СПРАВКА", "Кадровая политика", "Анализ судебной практики",
             "Приложение 4 к Методическим рекомендациям по проведению внутреннего анализа коррупционных рисков"]
RU_FACTS = ["22 266 028,65", "№7527-25-00-2/5493", "SHAKIRT GROUP", "2-0904-25-01180", "К.И. Бирманова"]
PAYLOAD = "Тәуекел <script>alert(1)</script> & «т.б.»"



def fold(text: str) -> str:
    """Whitespace (and Babel's no-break spaces) folded; a line broken after a hyphen joined again (PDF)."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"(?<=\S-)\s*\n\s*", "", text)
    return re.sub(r"\s+", " ", text)


def get(client, fmt: str, lang: str = "kk", **args):
    return client.get(URL, query_string={**SPAN, "lang": lang, "format": fmt, **args})


def pdf_text(data: bytes) -> str:
    return fold("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return fold("\n".join(parts))


def html_text(response) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    return fold(re.sub(r"<[^>]+>", " ", html))


def missing(facts: list[str], text: str) -> list[str]:
    return [fact for fact in facts if fold(fact) not in text]


def set_status(app, period: str, status: Status) -> None:
    with app.app_context():
        submission = db.session.execute(
            select(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id).join(Period)
            .where(OrgUnit.code == "rudny-7", Period.code == period)).scalar_one()
        submission.status = status
        db.session.commit()


def the_certificate(app, lang="kk"):
    with app.test_request_context():
        school = db.session.execute(select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        periods = db.session.scalars(select(Period).where(Period.code.in_(SPAN.values()))
                                     .order_by(Period.year, Period.half)).all()
        return assemble(school, periods, lang)


# --- PDF ----------------------------------------------------------------------------------------------------------

def test_pdf_download_carries_the_seed_facts(demo, as_user):
    response = get(as_user("rudny"), "pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="rudny-7_2024-H2_2025-H1_kk.pdf"'
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) > 3
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    text = pdf_text(response.data)
    assert missing(SEED_FACTS + KK_TITLES, text) == []
    # Page numbers at the top centre from the second page: none on the first.
    pages = [page.extract_text().split() for page in reader.pages]
    assert "2" in (pages[1][0], pages[1][-1]) and "3" in (pages[2][0], pages[2][-1])
    assert "1" not in (pages[0][0], pages[0][-1])
    assert "Басып шығару" not in text and "Print" not in text  # no toolbar on paper


def test_russian_pdf_has_russian_titles_and_the_same_figures(demo, as_user):
    response = get(as_user("rudny"), "pdf", lang="ru")
    assert response.headers["Content-Disposition"] == 'attachment; filename="rudny-7_2024-H2_2025-H1_ru.pdf"'
    text = pdf_text(response.data)
    assert missing(RU_FACTS + RU_TITLES, text) == []
    assert "Кадр саясаты" not in text


@pytest.mark.parametrize("lang, title, author, language", [
    ("kk", "ТАЛДАМАЛЫҚ АНЫҚТАМА", "«Рудный қаласы білім бөлімінің Б.Майлин атындағы №7 мектеп-гимназиясы» КММ", "kk"),
    ("ru", "АНАЛИТИЧЕСКАЯ СПРАВКА", "Школа-гимназия №7 имени Б.Майлина", "ru")])
def test_pdf_and_docx_name_their_title_author_and_language(demo, as_user, lang, title, author, language):
    """What a reader's document properties show: the certificate's title (not a file code), the school as
    its author and the language; the PDF is tagged (PDF/UA-1) and shows its title in the window."""
    client = as_user("rudny")
    reader = PdfReader(io.BytesIO(get(client, "pdf", lang=lang).data))
    info, root = reader.metadata, reader.trailer["/Root"]
    assert title in info.title and "rudny-7_" not in info.title
    assert author in info.author
    assert str(root["/Lang"]).startswith(language)
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    document = Document(io.BytesIO(get(client, "docx", lang=lang).data))
    properties = document.core_properties
    assert title in properties.title and author in properties.author
    assert properties.language.startswith(language)
    names = zipfile.ZipFile(io.BytesIO(get(client, "docx", lang=lang).data)).namelist()
    assert not [name for name in names if "thumbnail" in name.lower()]


# --- DOCX ---------------------------------------------------------------------------------------------------------

def test_docx_download_carries_the_seed_facts_and_the_official_layout(demo, as_user):
    response = get(as_user("rudny"), "docx")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response.headers["Content-Disposition"] == 'attachment; filename="rudny-7_2024-H2_2025-H1_kk.docx"'
    document = Document(io.BytesIO(response.data))
    assert missing(SEED_FACTS + KK_TITLES, docx_text(document)) == []

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4 portrait
    assert [round(m.mm) for m in (section.top_margin, section.right_margin, section.bottom_margin,
                                  section.left_margin)] == [20, 15, 20, 30]
    fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")) \
        .find(qn("w:rFonts"))
    # Times New Roman 14 pt, as every Word in a Kazakh office has it (issue 11).
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    assert not any(name.endswith("Theme") or name.endswith("theme") for name in fonts.attrib)
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size == Pt(14)
    # Page numbers at the top centre from the second page: none on the first page, none in the footer.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "fldChar" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml and "PAGE" not in section.footer._element.xml

    # The header lines centred and bold; city and date on one line.
    paragraphs = document.paragraphs
    title = next(p for p in paragraphs if p.text == "ТАЛДАМАЛЫҚ АНЫҚТАМА")
    assert title.alignment == 1 and all(run.bold for run in title.runs)  # 1 = centre
    assert any(p.text == "Рудный қ.\t2025 жылғы 10 маусым" for p in paragraphs)
    # A labelled paragraph: the label is a bold run, the text follows in a plain one.
    labelled = next(p for p in paragraphs if p.text.startswith("Сыбайлас жемқорлық тәуекелдері:"))
    assert labelled.runs[0].bold and not labelled.runs[-1].bold
    signature = next(p for p in paragraphs if p.text.endswith("__________ Қ.И.\u00a0Бірманова"))  # one line
    assert "\t" in signature.text
    # Appendix 4 starts a new page.
    note = next(p for p in paragraphs if "4-қосымша" in p.text)
    assert note.paragraph_format.page_break_before

    # Every table: "Table Grid", header row repeated on each page; a row taller than a page may break, the header
    # row and a row shorter than a page not (as in the PDF).
    assert document.tables
    for table in document.tables:
        assert table.style.name == "Table Grid"
        rows = table.rows
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
        for row in rows[1:]:
            kept = row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
            assert kept == whole_row([cell.text for cell in row.cells])
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
    appendix = document.tables[-1]
    assert appendix.rows[0].cells[0].text == "№" and "Бас есепші" in appendix.rows[2].cells[1].text


def test_docx_has_the_same_headings_as_the_assembled_certificate(demo, as_user):
    certificate = the_certificate(demo)
    document = Document(io.BytesIO(get(as_user("rudny"), "docx").data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    expected = [b.text for b in certificate.blocks if b.kind == "heading"]
    assert headings[:len(expected)] == expected
    assert len(headings) == len(expected) + 1  # and the appendix title
    lists = [b for b in certificate.blocks if b.kind == "list"]
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [p.text for p in numbered] == [item for block in lists for item in block.items]
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(num_ids) == len(lists)  # each list restarts at 1


def test_russian_docx_has_russian_titles_and_the_same_figures(demo, as_user):
    response = get(as_user("rudny"), "docx", lang="ru")
    assert response.headers["Content-Disposition"] == 'attachment; filename="rudny-7_2024-H2_2025-H1_ru.docx"'
    text = docx_text(Document(io.BytesIO(response.data)))
    assert missing(RU_FACTS + RU_TITLES, text) == []
    assert "Кадр саясаты" not in text


def test_docx_writer_walks_every_kind_of_block():
    """A certificate built by hand: the approval block, a table with a caption, lists restarting at 1."""
    from webapp.certificate.assemble import Certificate
    from webapp.certificate.blocks import Heading, NumberedList, Para, Table
    from webapp.certificate.docx_writer import write_docx

    certificate = Certificate(
        lang="ru", school=None, periods=[], parent_body="Отдел", legal_name="КГУ «Школа №1»", city="г. Рудный",
        title_lines=["АНАЛИТИЧЕСКАЯ СПРАВКА", "по результатам", "Отдел"], dated="10 июня 2025 года",
        approval={"word": "УТВЕРЖДАЮ", "position": "Руководитель отдела", "name": "Иванов И.И.",
                  "date": '"11" июня 2025 года'},
        blocks=[Heading("II. Часть", 2), Heading("2.1. Раздел", 3), Para("Первая строка\nВторая строка", "Риски:"),
                NumberedList(["один", "два"]), NumberedList(["три"]),
                Table(["№", "Мера"], [["1", "Мера А"], ["2", "Мера Б", "лишняя ячейка"]], caption="План мероприятий"),
                Table([], [["без", "заголовка"]])],
        signature=("Руководитель", "Петров П.П."), appendix=None, draft=True, filename="school-1_2025-H1_ru",
        period_words="первое полугодие 2025 года")
    document = Document(io.BytesIO(write_docx(certificate)))
    texts = [p.text for p in document.paragraphs]
    assert texts[:4] == ["УТВЕРЖДАЮ", "Руководитель отдела", "__________ Иванов И.И.", '"11" июня 2025 года']
    assert document.paragraphs[0].runs[0].bold and document.paragraphs[0].paragraph_format.left_indent > 0
    assert texts[4:7] == certificate.title_lines
    assert all(document.paragraphs[i].alignment == 1 for i in range(4, 7))  # centred
    assert "Риски: Первая строка" in texts and "Вторая строка" in texts
    assert [p.style.name for p in document.paragraphs if p.text in ("II. Часть", "2.1. Раздел")] == \
        ["Heading 1", "Heading 2"]
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [p.text for p in numbered] == ["один", "два", "три"]
    first, second, third = (p._p.pPr.numPr.numId.val for p in numbered)
    assert first == second != third  # a new list starts again at 1
    assert "План мероприятий" in texts
    plan, bare = document.tables
    assert [[c.text for c in row.cells] for row in plan.rows] == [["№", "Мера", ""], ["1", "Мера А", ""],
                                                                 ["2", "Мера Б", "лишняя ячейка"]]
    assert plan.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert bare.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None  # no header row to repeat
    assert [p.text for p in document.sections[0].first_page_header.paragraphs if p.text] == ["ПРОЕКТ"]
    assert document.core_properties.language == "ru-RU"


# --- What a school typed: escaped in HTML, literal in DOCX and PDF --------------------------------------------------

def test_script_in_a_narrative_field_is_escaped_in_html_and_literal_in_docx_and_pdf(demo, as_user):
    with demo.app_context():
        submission = db.session.execute(
            select(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id).join(Period)
            .where(OrgUnit.code == "rudny-7", Period.code == "2025-H1")).scalar_one()
        submission.entry("personnel").risks = PAYLOAD
        db.session.commit()
    client = as_user("rudny-7")
    html = get(client, "html").get_data(as_text=True)
    assert "Тәуекел &lt;script&gt;alert(1)&lt;/script&gt; &amp; «т.б.»" in html
    assert "<script>alert(1)" not in html
    assert PAYLOAD in docx_text(Document(io.BytesIO(get(client, "docx").data)))
    assert PAYLOAD in pdf_text(get(client, "pdf").data)


def test_control_characters_pasted_into_a_field_do_not_break_the_docx(demo, as_user):
    with demo.app_context():
        submission = db.session.execute(
            select(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id).join(Period)
            .where(OrgUnit.code == "rudny-7", Period.code == "2025-H1")).scalar_one()
        submission.entry("personnel").risks = "бірінші\x0bекінші\x07 жол\r\nүшінші жол"
        db.session.commit()
    response = get(as_user("rudny-7"), "docx")
    assert response.status_code == 200
    paragraphs = [p.text for p in Document(io.BytesIO(response.data)).paragraphs]
    assert "Сыбайлас жемқорлық тәуекелдері: біріншіекінші жол" in paragraphs
    assert "үшінші жол" in paragraphs  # each typed line its own paragraph, as on the HTML page


# --- Access ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("username", ["rudny-1", "lisakovsk"])
@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_another_school_or_department_gets_404_in_every_format(demo, as_user, username, fmt):
    assert get(as_user(username), fmt).status_code == 404


# --- Draft watermark -----------------------------------------------------------------------------------------------

def test_a_draft_span_is_watermarked_and_an_accepted_one_is_not(demo, as_user):
    client = as_user("rudny-7")
    accepted = get(client, "html").get_data(as_text=True)
    assert 'class="watermark"' not in accepted
    assert "ЖОБА" not in Document(io.BytesIO(get(client, "docx").data)).sections[0].header._element.xml
    assert "ЖОБА" not in Document(io.BytesIO(get(client, "docx").data)).sections[0].first_page_header._element.xml

    set_status(demo, "2025-H1", Status.DRAFT)
    draft = get(client, "html").get_data(as_text=True)
    # Drawn as generated content (axe's contrast check reads text, and the mark is faint on purpose).
    assert re.search(r'<div class="watermark"[^>]*data-mark="ЖОБА"', draft)
    section = Document(io.BytesIO(get(client, "docx").data)).sections[0]
    assert [p.text for p in section.first_page_header.paragraphs if p.text] == ["ЖОБА"]
    assert "ЖОБА" in [p.text for p in section.header.paragraphs]
    assert "ЖОБА" in pdf_text(get(client, "pdf").data)
    russian = Document(io.BytesIO(get(client, "docx", lang="ru").data)).sections[0].first_page_header
    assert [p.text for p in russian.paragraphs if p.text] == ["ПРОЕКТ"]


# --- Links -----------------------------------------------------------------------------------------------------------

def test_school_home_links_each_half_year_to_its_certificate(demo, as_user):
    html = as_user("rudny-7").get("/units/rudny-7").get_data(as_text=True)
    row = re.search(r'<tr id="period-2025-H1">.*?</tr>', html, flags=re.S).group(0)
    assert re.search(r'<a class="certificate-link" href="/schools/rudny-7/certificate/\?to=2025-H1&amp;lang=kk">',
                     row)


def test_review_page_links_to_the_certificate_in_the_current_language(demo, as_user):
    client = as_user("rudny")
    client.post("/language", data={"lang": "ru"})
    html = client.get("/schools/rudny-7/2025-H1/").get_data(as_text=True)
    link = re.search(r'<a class="certificate-link" href="([^"]+)"', html)
    assert link and link.group(1) == "/schools/rudny-7/certificate/?to=2025-H1&amp;lang=ru"
    assert client.get(link.group(1).replace("&amp;", "&")).status_code == 200


# --- CLI -------------------------------------------------------------------------------------------------------------

def run(app, *args):
    return app.test_cli_runner().invoke(args=["certificate", *args])


def test_cli_writes_one_school_in_each_format(demo, tmp_path):
    result = run(demo, "rudny-7", "--from", "2024-H2", "--to", "2025-H1", "--lang", "kk", "--format", "html",
                 "-o", str(tmp_path / "c.html"))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "ТАЛДАМАЛЫҚ АНЫҚТАМА" in html and 'class="toolbar' not in html  # a file has no server for the toolbar
    assert "22\u00a0266\u00a0028,65" in html or "22 266 028,65" in html

    result = run(demo, "rudny-7", "--to", "2025-H1", "--lang", "ru", "-o", str(tmp_path / "c.docx"))
    assert result.exit_code == 0, result.output  # format from the extension, span: the academic year
    assert "Кадровая политика" in docx_text(Document(tmp_path / "c.docx"))

    result = run(demo, "rudny-7", "--from", "2025-H1", "--format", "pdf", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output  # --to defaults to --from; a folder gets the download's name
    assert (tmp_path / "rudny-7_2025-H1_kk.pdf").read_bytes().startswith(b"%PDF")


def test_cli_batch_writes_every_school_of_a_department_into_a_folder(demo, tmp_path):
    out = tmp_path / "lisakovsk"
    result = run(demo, "--org", "lisakovsk", "--from", "2024-H2", "--to", "2025-H1", "--format", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"lisakovsk-{n}_2024-H2_2025-H1_kk.pdf" for n in range(1, 5)]
    assert all((out / name).read_bytes().startswith(b"%PDF") for name in names)


def test_cli_batch_writes_a_zip(demo, tmp_path):
    out = tmp_path / "archive" / "rudny.zip"  # the folder is created
    result = run(demo, "--org", "rudny", "--from", "2024-H2", "--to", "2025-H1", "--format", "docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    with demo.app_context():
        schools = db.session.scalars(select(OrgUnit.code).where(OrgUnit.path.startswith("/kostanay/rudny/"),
                                                                OrgUnit.kind == OrgKind.SCHOOL)).all()
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == sorted(f"{code}_2024-H2_2025-H1_kk.docx" for code in schools)
        document = Document(io.BytesIO(archive.read("rudny-7_2024-H2_2025-H1_kk.docx")))
    assert missing(SEED_FACTS, docx_text(document)) == []
    assert [p.name for p in out.parent.iterdir()] == ["rudny.zip"]  # no partial file left behind


@pytest.mark.parametrize(("args", "message"), [
    (["rudny-7", "--org", "rudny", "--to", "2025-H1"], "either SCHOOL_CODE or --org"),
    (["--to", "2025-H1"], "SCHOOL_CODE or --org"),
    (["nope-1", "--to", "2025-H1"], "no org unit with code 'nope-1'"),
    (["--org", "nope", "--to", "2025-H1"], "no org unit with code 'nope'"),
    (["rudny", "--to", "2025-H1"], "not a school"),
    (["rudny-7", "--to", "2031-H1"], "no half-year '2031-H1'"),
    (["rudny-7", "--from", "2024-h2"], "no half-year '2024-h2'"),
    (["rudny-7", "--from", "2025-H1", "--to", "2024-H2"], "comes after"),
    (["rudny-7"], "--from, --to or both"),
])
def test_cli_explains_what_is_wrong(demo, tmp_path, args, message):
    result = run(demo, *args, "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "x.pdf").exists()
