"""Where the certificate's lines may break (issue 11, «Layout of an official document»): Kazakh body text is not
stretched into wide gaps, and a line never parts initials from their surname, «№» from its number, a number
from «%» or «₸», the groups of one number, or a web address inside its host, in the PDF, the print HTML and the
DOCX alike. Lines are read from the PDF one by one."""

import io
import re
import zipfile
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from webapp.certificate.assemble import Certificate
from webapp.certificate.blocks import Para
from webapp.certificate.render import docx, html, pdf
from webapp.certificate.wording import typeset

UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"


def certificate(blocks, lang: str) -> Certificate:
    return Certificate(lang=lang, school=SimpleNamespace(code="rudny-7", name="Мектеп"), periods=[],
                       parent_body="", legal_name="«№7 мектеп-гимназиясы» КММ", city="Рудный қ.",
                       title_lines=["ТАЛДАМАЛЫҚ АНЫҚТАМА"], dated="", approval=None, blocks=blocks,
                       signature=("Мектеп басшысы", "Қ.И. Бірманова"), appendix=None, draft=False,
                       filename="line-breaks", period_words="")


def pdf_lines(app, blocks, lang: str, *, layout: bool = False) -> list[str]:
    """Every printed line of the PDF, in order, whitespace at its ends stripped (with `layout`, the gaps between
    words kept as runs of spaces in proportion to their width, as pdftotext -layout shows them)."""
    with app.test_request_context():
        data = pdf(certificate(blocks, lang))
    mode = {"extraction_mode": "layout"} if layout else {}
    text = "\n".join(page.extract_text(**mode) for page in PdfReader(io.BytesIO(data)).pages)
    return [line.replace("\u00a0", " ").strip() for line in text.split("\n") if line.strip()]


# Fillers of every length from 1 to 40 letters put each name, number and address at another place on its line, so
# some of them would meet a line's end wherever a break were allowed inside.
FILLERS = ["с" * n for n in range(1, 41)]


@pytest.mark.parametrize(("typed", "printed"), [
    ("З.Г. Абдрахимова, С. Б. Бахрамова", "З.Г.\u00a0Абдрахимова, С.\u00a0Б.\u00a0Бахрамова"),
    ("Айназарова Ж. (приказ), Хасенова Н.С.", "Айназарова\u00a0Ж. (приказ), Хасенова\u00a0Н.С."),
    ("имени Б. Майлина", "имени Б.\u00a0Майлина"),
    ("№ 57 бұйрық", "№\u00a057 бұйрық"),
    ("(90,79 %)", "(90,79\u00a0%)"),
    ("1 440,00 ₸ және 22 266 028,65 теңге", "1\u00a0440,00\u00a0₸ және 22\u00a0266\u00a0028,65\u00a0теңге"),
    # left as typed: an abbreviation's last letter is no initial, and a year and a day are two numbers
    ("ҚР. Білім министрлігі", "ҚР. Білім министрлігі"),
    ("I. Нормативтік құқықтық актілер", "I. Нормативтік құқықтық актілер"),  # a Roman numeral, no initial
    ("2024 жылғы 13 қарашадағы №88, 2024 131 адам", "2024\u00a0жылғы 13\u00a0қарашадағы №88, 2024 131\u00a0адам"),
    # a year and «год» / «жыл» (the reviewer: «на 2025» ended a line and «год»» began the next; «2012» / «года»)
    ("на 2025 год», от 21 февраля 2012 года, в 2024 году, 2024 годовой",
     "на 2025\u00a0год», от 21\u00a0февраля 2012\u00a0года, в 2024\u00a0году, 2024 годовой"),
    ("2025 жылға, 2024 жылы, 2024–2025 оқу жылы", "2025\u00a0жылға, 2024\u00a0жылы, 2024–2025 оқу жылы"),
    # a count and its noun, and «е-Өтініш» at its hyphen (the fluent reviewer: «1» / «2» ended a line, «е-» too)
    ("1 адам (1 бірлік), 2 педагог, 0,5 ставка", "1\u00a0адам (1\u00a0бірлік), 2\u00a0педагог, 0,5\u00a0ставка"),
    ("уволено 2 педагогических работника, из них 1 по собственному желанию",
     "уволено 2\u00a0педагогических работника, из них 1\u00a0по собственному желанию"),
    # (its ordinary hyphen stays: the HTML and DOCX keep the word whole, since the no-break hyphen U+2011 is not in
    # the PDF's Liberation Serif and printed as «е/Өтініш»)
    ("«е-Өтініш» порталы арқылы / через портал «е-Өтініш»", "«е-Өтініш» порталы арқылы / через портал «е-Өтініш»"),
    # a day and its month; the dash before a name (the reviewer: «2» ended a line, «– Н.Г. Оспанова» began one)
    ("2 қыркүйектегі, 2 октября 2024 года, 12 мая", "2\u00a0қыркүйектегі, 2\u00a0октября 2024\u00a0года, 12\u00a0мая"),
    ("ответственное лицо – Н.Г. Оспанова", "ответственное лицо\u00a0– Н.Г.\u00a0Оспанова"),
    ("http://rudnymektep7.edu.kz/ т.б. Мектеп", "http://rudnymektep7.edu.kz/ т.б. Мектеп"),
])
def test_typeset_binds_what_a_reader_takes_in_as_one(typed, printed):
    assert typeset(typed) == printed


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_pdf_line_parts_a_name_a_number_or_its_sign(app, lang):
    initials_first = " ".join(f"{filler} З.Г. Абдрахимова," for filler in FILLERS)
    initials_last = " ".join(f"{filler} Абдрахимова З.Г.," for filler in FILLERS)
    numbers = " ".join(f"{filler} № {57 + i} бұйрық (90,79 %), 1 440,00 ₸, 22 266 028,65;"
                       for i, filler in enumerate(FILLERS))
    lines = pdf_lines(app, [Para(initials_first), Para(initials_last), Para(numbers)], lang)
    pairs = list(zip(lines, lines[1:], strict=False))
    assert len(lines) > 60
    initial = rf"[{UPPER}]\.(?:[{UPPER}]\.)?"
    assert [line for line in lines if re.search(rf"(?:^|\s){initial}$", line)] == []  # «… З.Г.» | «Абдрахимова»
    assert [line for line in lines if re.match(rf"{initial}(?:,|$)", line)] == []  # «… Абдрахимова» | «З.Г.,»
    assert [line for line in lines if line.endswith("№")] == []
    assert [line for line in lines if line[:1] in "%₸"] == []
    assert [(a, b) for a, b in pairs if re.search(r"(?:^|\s)\d{1,3}$", a) and re.match(r"\d{3}\b", b)] == []


def test_a_web_address_breaks_only_after_a_slash_of_its_path(app):
    text = " ".join(f"{filler} (http://rudnymektep7.edu.kz/) және (https://www.instagram.com/school7_rud/)"
                    for filler in FILLERS)
    lines = pdf_lines(app, [Para(text)], "kk")
    cut = [line for line in lines
           if ("rudnymektep7" in line or "edu.kz" in line) and "http://rudnymektep7.edu.kz/" not in line
           or ("instagram" in line or "www." in line) and "https://www.instagram.com/" not in line]
    assert cut == []
    with app.test_request_context():
        page = html(certificate([Para("(https://www.instagram.com/school7_rud/)")], "ru"), for_pdf=True)
    assert ('<span class="url"><span class="host">https://www.instagram.com/</span>school7_rud/<wbr></span>'
            in page)


KAZAKH = ("Мемлекеттік қызметтерді көрсету сапасын арттыру мақсатында қызметкерлердің жауапкершілігін күшейту, "
          "құжаттардың мерзімдерін сақтау, мүдделер қақтығысының алдын алу жөніндегі іс-шаралар жоспарланды. ")
RUSSIAN = ("В целях повышения качества оказания государственных услуг усилена ответственность работников, "
           "соблюдение сроков документов, предупреждение конфликта интересов. ")


def test_kazakh_body_lines_are_not_stretched_into_wide_gaps(app):
    """No Kazakh hyphenation dictionary is to be had (pyphen, Debian, PyPI), and Kazakh justified without
    hyphenation stretched its lines into gaps of several spaces: it is left-aligned; Russian stays justified."""
    kazakh = pdf_lines(app, [Para(KAZAKH * 6)], "kk", layout=True)
    assert len(kazakh) > 10
    body = [line for line in kazakh if "__________" not in line]  # the signature's name stands at the right
    assert [line for line in body if re.search(r"\S {3,}\S", line)] == []
    russian = pdf_lines(app, [Para(RUSSIAN * 6)], "ru", layout=True)
    hyphenated = [line for line in russian if line.endswith("\u2010")]  # CSS's hyphen, U+2010
    assert hyphenated, russian  # hyphenated by pyphen's Russian patterns, so its justified lines stay tight


@pytest.mark.parametrize(("lang", "alignment", "hyphenated"), [("kk", "left", False), ("ru", "both", True)])
def test_the_docx_aligns_and_hyphenates_as_the_pdf_does(app, lang, alignment, hyphenated):
    body = KAZAKH if lang == "kk" else RUSSIAN
    with app.test_request_context():
        data = docx(certificate([Para(body + "Қ.И. Бірманова, № 57, 90,79 %.")], lang))
    package = zipfile.ZipFile(io.BytesIO(data))
    document = package.read("word/document.xml").decode()
    settings = package.read("word/settings.xml").decode()
    paragraph = next(p for p in re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", document) if body[:20] in p)
    assert f'<w:jc w:val="{alignment}"/>' in paragraph
    assert ("<w:autoHyphenation/>" in settings) is hyphenated
    # the no-break spaces are in the document's own text, so Word keeps each pair on one line
    assert "Қ.И.\u00a0Бірманова, №\u00a057, 90,79\u00a0%." in paragraph
    assert "__________ Қ.И.\u00a0Бірманова" in document


def test_a_docx_column_is_never_narrower_than_its_longest_word():
    """The plan's number column (1 of 21 shares, 7.9 mm) printed row 10 as «1» over «0» in Word and LibreOffice:
    it is as wide as «10» in Times New Roman 12 pt (digits 0.5 em) and the cell margins need; the others give."""
    from docx.shared import Cm, Pt

    from webapp.certificate.docx_writer import TEXT_WIDTH, _column_widths

    rows = [["№", "Бөлім (тәуекел)", "Іс-шара", "Жауапты орындаушы", "Орындау мерзімі"]]
    rows += [[str(i), "2.2. Кадр саясаты", "Мүдделер қақтығысы бойынша тұрақты жұмыс", "Барлық жұмыскерлер",
              "Тұрақты"] for i in range(1, 11)]
    widths = _column_widths(rows, [1, 5, 6, 5, 4], 5)
    assert widths[0] >= Pt(12) + Cm(0.38)
    assert abs(sum(widths) - TEXT_WIDTH) < 5 * len(widths) and widths[2] > widths[1] > widths[4]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_e_otinish_never_breaks_at_its_hyphen_and_prints_an_ordinary_one(app, lang):
    """«е-Өтініш» printed «е/Өтініш» in every PDF (the fluent reviewers' page images): its no-break hyphen, U+2011,
    is not in the embedded Liberation Serif. An ordinary hyphen in a span that never wraps (HTML, PDF) and Word's
    own no-break hyphen (DOCX) keep it whole instead, and no certificate holds U+2011."""
    text = " ".join(f"{filler} «е-Өтініш» порталы арқылы;" for filler in FILLERS)
    lines = pdf_lines(app, [Para(text)], lang)
    assert "\u2011" not in "".join(lines)
    assert sum(line.count("е-Өтініш") for line in lines) == len(FILLERS)  # never «е-» | «Өтініш»
    with app.test_request_context():
        page = html(certificate([Para("«е-Өтініш» порталы")], lang), for_pdf=True)
        document = zipfile.ZipFile(io.BytesIO(docx(certificate([Para("«е-Өтініш» порталы")], lang)))
                                   ).read("word/document.xml").decode()
    assert '«<span class="nowrap">е-Өтініш</span>» порталы' in page and "\u2011" not in page
    assert re.search(r"«е</w:t><w:noBreakHyphen/><w:t[^>]*>Өтініш» порталы", document)
    assert "\u2011" not in document


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_docx_appendix_number_stays_on_one_line(app, lang):
    import dataclasses

    from webapp.certificate.blocks import Table

    with_appendix = dataclasses.replace(certificate([Para("Мәтін.")], lang),
                                        appendix=Table(["№", "Лауазым"], [["1", "Директор"]]))
    with app.test_request_context():
        data = docx(with_appendix)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    if lang == "kk":  # Word's own no-break hyphen: «4-» never ends a line with «қосымша» on the next
        assert re.search(r"ұсынымдарға 4</w:t></w:r><w:r>(?:<w:rPr>(?:(?!</w:r>).)*</w:rPr>)?"
                         r"<w:noBreakHyphen/><w:t>қосымша</w:t>", document)
    else:
        assert "Приложение\u00a04 к Методическим" in document


SURNAMES = ["Хасенова", "Бекболатова", "Майлина", "Айназарова"]
SCHOOL = "КГУ «Школа-гимназия №7 имени Б.Майлина отдела образования города Рудного»"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_name_is_never_hyphenated(app, lang):
    """The fluent reviewer read «Н.С. Хасено-/ва», «Б.Т. Бекболато-/ва», «Б. Майли-/на» and «КГУ «Шко-/ла-гимназия
    …»» in rudny-7's Russian PDF: a person's name and a school's legal name are never hyphenated, wherever the
    line ends, while the words around them still are."""
    text = " ".join(f"{filler} лицо – Н.С. Хасенова, Б.Т. Бекболатова, Айназарова Ж., имени Б. Майлина, {SCHOOL};"
                    for filler in FILLERS)
    lines = pdf_lines(app, [Para(text)], lang)
    pairs = list(zip(lines, lines[1:], strict=False))
    cut = [(a, b) for a, b in pairs if a.endswith(("\u2010", "-")) and a[:-1].rsplit(" ", 1)[-1]
           and any(name.startswith(a[:-1].rsplit(" ", 1)[-1].lstrip("«.Б")) for name in [*SURNAMES, "Школа"])]
    assert cut == []
    assert sum(line.count("Хасенова") for line in lines) == len(FILLERS)
    with app.test_request_context():
        page = html(certificate([Para(f"ответственное лицо – Н.С. Хасенова; Хасенова Н.С.; имени Б. Майлина. {SCHOOL}"
                                      " Управления образования")], lang), for_pdf=True)
    assert ('лицо\u00a0– <span class="name">Н.С.\u00a0Хасенова</span>; <span class="name">Хасенова\u00a0Н.С.</span>;'
            ' имени <span class="name">Б.\u00a0Майлина</span>. КГУ <span class="name">«Школа-гимназия №7 имени'
            ' Б.Майлина отдела образования города Рудного»</span> Управления образования') in page
    assert ".name { hyphens: manual; }" in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_year_stays_with_its_word_for_year(app, lang):
    """The reviewer read «…на 2025» / «год»» twice and «…2012» / «года №57» in the Russian PDF."""
    text = " ".join(f"{filler} на 2025 год», от 21 февраля 2012 года, 2024 жылғы;" for filler in FILLERS)
    lines = pdf_lines(app, [Para(text)], lang)
    assert [line for line in lines if re.search(r"(?:^|\s)(?:2025|2012|2024)$", line)] == []
    with app.test_request_context():
        document = zipfile.ZipFile(io.BytesIO(docx(certificate([Para("на 2025 год»")], lang)))
                                   ).read("word/document.xml").decode()
    assert "на 2025\u00a0год»" in document
