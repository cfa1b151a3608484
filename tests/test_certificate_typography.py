"""Typography of the certificate (issue 11): how orders and dates are cited, quotes, dashes, alignment."""

from datetime import date

from webapp.certificate.assemble import written_date
from webapp.certificate.wording import order_ref


def test_an_order_is_cited_one_way_per_language():
    # One style, date first (issue 11: «№153, 02.09.2024ж.», «№ 57» and «№57» were one reference three ways).
    assert order_ref("153", date(2024, 9, 2), "kk") == "2024 жылғы 2 қыркүйектегі №153"
    assert order_ref("№ 153", "2024-09-02", "ru") == "от 2 сентября 2024 года №153"
    assert order_ref("77", None, "kk") == "№77"
    assert order_ref(None, date(2024, 10, 11), "ru") == "от 11 октября 2024 года"


def test_the_approval_date_has_no_straight_quotes_and_no_padded_day():
    assert written_date(date(2025, 6, 10), "kk") == "2025 жылғы 10 маусым"
    assert written_date(date(2026, 6, 8), "kk") == "2026 жылғы 8 маусым"
    assert written_date(date(2025, 6, 10), "ru") == "10 июня 2025 года"


def test_information_sources_cite_the_typical_rules_and_run_in_lowercase():
    from webapp.blueprints.general.forms import INFORMATION_SOURCES
    from webapp.certificate.boilerplate import DEFAULTS

    assert "жүргізудің үлгілік қағидаларының 15-тармағына сәйкес" in DEFAULTS["sources_intro"]["kk"]
    # Lowercase but for the country's name: «3) Қазақстан Республикасының заңнамасында … мемлекеттік …».
    proper = {"Қазақстан", "Республикасының", "Казахстан", "Республики"}
    capitals = [word for source in INFORMATION_SOURCES for lang in ("kk", "ru") for word in source[lang].split()
                if word[:1].isupper() and word not in proper]
    assert capitals == []
    assert " Мемлекеттік " not in INFORMATION_SOURCES[2]["kk"]
    assert INFORMATION_SOURCES[9]["kk"] == ("талдау объектісі қызметкерлерінің іс-әрекеттеріне қатысты сот "
                                            "органдарының шешімдері, қылмыстық істердің фабулалары")


def test_a_body_named_mid_sentence_goes_lowercase_and_into_the_genitive():
    from webapp.certificate.wording import ru_genitive

    assert ru_genitive("педагогический совет") == "педагогического совета"
    assert ru_genitive("общее собрание") == "общего собрания"
    assert ru_genitive("совет школы") == ""  # a word the rules do not know: the name stays as typed


def _certificate(blocks, lang: str = "kk"):
    from types import SimpleNamespace

    from webapp.certificate.assemble import Certificate

    return Certificate(lang=lang, school=SimpleNamespace(code="rudny-7", name="Мектеп"), periods=[],
                       parent_body="", legal_name="«№7 мектеп-гимназиясы» КММ", city="Рудный қ.",
                       title_lines=["ТАЛДАМАЛЫҚ АНЫҚТАМА"], dated="", approval=None, blocks=blocks,
                       signature=("Мектеп басшысы", "Қ.И. Бірманова"), appendix=None, draft=False,
                       filename="typography", period_words="")


TYPED = ('Қызметкерлермен "дербес деректерді жинауға және өңдеуге келісім"жасалды, "Заң және жауапкершілік"ролигі '
         'көрсетілді, 2024-2025 оқу жылы; сайт (http://rudnymektep7.edu.kz/), №7527-25-00-2/5493.')
PRINTED = ("Қызметкерлермен «дербес деректерді жинауға және өңдеуге келісім» жасалды, «Заң және жауапкершілік» "
           "ролигі көрсетілді, 2024–2025 оқу жылы; сайт (http://rudnymektep7.edu.kz/), №7527-25-00-2/5493.")


def test_typed_straight_quotes_and_year_ranges_are_typeset_on_paper_only(app):
    import io

    from docx import Document

    from webapp.certificate.blocks import Para
    from webapp.certificate.render import docx, html

    block = Para(TYPED)
    with app.test_request_context():
        page = html(_certificate([block]), for_pdf=True)
        document = Document(io.BytesIO(docx(_certificate([block]))))
    assert PRINTED in " ".join(p.text for p in document.paragraphs)
    # never broken inside «http://host/» (not mid-domain either); only after a «/» of a path
    url = '<span class="url"><span class="host">http://rudnymektep7.edu.kz/</span></span>'
    assert f"({url})" in page
    assert PRINTED.replace("(http://rudnymektep7.edu.kz/)", "") in page.replace(f"({url})", "")
    assert block.text == TYPED  # what is stored is never altered


def test_the_docx_names_adal_and_no_word_template_page_or_word_counts(app):
    import io
    import zipfile

    from webapp.certificate.blocks import Para
    from webapp.certificate.render import docx

    with app.test_request_context():
        data = docx(_certificate([Para("Мәтін.")]))
    app_xml = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert "<Application>Adal</Application>" in app_xml
    assert all(tag not in app_xml for tag in ("Macintosh", "Normal.dotm", "<Pages>", "<Words>"))


def test_the_docx_keeps_what_ends_the_body_with_the_signature(app):
    import io

    from docx import Document

    from webapp.certificate.blocks import Para, Table
    from webapp.certificate.render import docx

    with app.test_request_context():
        prose = Document(io.BytesIO(docx(_certificate([Para("Бірінші."), Para("Қорытынды сөйлем.")]))))
        table = Document(io.BytesIO(docx(_certificate([Para("Жоспар:"), Table(["№", "Іс-шара"],
                                                                              [["1", "А"], ["2", "Б"]])]))))
    paragraphs = prose.paragraphs
    signature = next(i for i, p in enumerate(paragraphs) if p.text.endswith("__________ Қ.И.\u00a0Бірманова"))
    assert paragraphs[signature - 1].text == "Қорытынды сөйлем."
    assert paragraphs[signature - 1].paragraph_format.keep_with_next
    last_row = table.tables[0].rows[-1]
    assert all(p.paragraph_format.keep_with_next for cell in last_row.cells for p in cell.paragraphs)
    lead = next(p for p in table.paragraphs if p.text == "Жоспар:")
    assert lead.paragraph_format.keep_with_next  # a paragraph that introduces a table keeps with it


def test_a_long_finding_tells_the_inspections_in_sentences(app):
    """A finding too long for the table's findings column (once moved below the table; the fluent reviewer: even
    ~190 characters ran 13–14 hyphen-broken lines there) tells each inspection in its own sentence, at full
    width."""
    import io

    from pypdf import PdfReader

    from webapp.blueprints.inspections.certificate import inspections_blocks
    from webapp.blueprints.inspections.models import SupervisoryInspection
    from webapp.certificate.blocks import Para
    from webapp.certificate.render import pdf

    long = " ".join(f"выявленный факт {i} подтверждён документами проверки;" for i in range(115))
    assert len(long) > 6000

    def rows(description):
        return [SupervisoryInspection(body="Прокуратура города Рудного", period_checked="2024–2025",
                                      subject="Бюджет", result_number="2-1111-26-00/000",
                                      result_date=date(2025, 5, 21), violations_found=True,
                                      description=description),
                SupervisoryInspection(body="ДГД", violations_found=False)]

    def none(lang):
        return ""

    def pages(description):
        blocks = inspections_blocks(rows(description), "ru", none)
        with app.test_request_context():
            data = pdf(_certificate([Para("Вводный абзац.")] + blocks, lang="ru"))
        return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages], blocks

    short, _ = pages("Кемшіліктер.")
    tall, blocks = pages(long)
    assert [type(b).__name__ for b in blocks] == ["Para", "Para", "Para"]
    assert blocks[0].text == "В анализируемом периоде проведены 2 проверки."
    assert blocks[1].text.startswith("Прокуратура города Рудного провела проверку")
    assert len(tall) <= len(short) + 4  # ~6 000 characters at full width: about two pages, not twenty
    assert "Проверяющий орган" not in " ".join(tall) and "выявленный факт 114" in " ".join(tall)


def test_lists_are_left_aligned_and_introductions_keep_with_their_table(app):
    from webapp.certificate.blocks import Para, Table
    from webapp.certificate.render import html
    from webapp.certificate.wording import series

    blocks = [Para("Ішкі талдауды жұмыс тобы жүргізді:"), Table(["№", "Аты-жөні"], [["1", "А.Б. Сейтен"]])]
    blocks += series(["«Өтініштерді қарауға жауапты тұлғаны бекіту туралы» №266, 02.09.2024ж.", "екінші"])
    with app.test_request_context():
        page = html(_certificate(blocks), for_pdf=True)
    assert '<p class="lead">Ішкі талдауды жұмыс тобы жүргізді:</p>' in page
    assert page.count('<p class="item">') == 2
    assert "p.item { text-align: left;" in page and "ol li { text-align: left;" in page



def test_a_list_of_some_sources_says_its_numbers_are_the_rules():
    """Issue 11 review: the sources keep clause 15's numbers with gaps (1), 2), 4), 6)…) under «…источниками
    информации для проведения анализа являются:», which read as the whole list. With some skipped the lead-in says
    these are some of them, numbered as in the Rules; with all of them, and under a unit's own lead-in, as before."""
    from webapp.blueprints.general.forms import INFORMATION_SOURCES
    from webapp.certificate.assemble import _sources_intro
    from webapp.certificate.boilerplate import DEFAULTS

    some = [(1, "a"), (2, "b"), (4, "c")]
    every = [(n, "x") for n in range(1, len(INFORMATION_SOURCES) + 1)]
    assert _sources_intro(DEFAULTS["sources_intro"]["kk"], some, "kk") == (
        "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізудің үлгілік қағидаларының 15-тармағында көзделген "
        "ақпарат көздерінің ішінен мыналар пайдаланылды (тармақшалардың нөмірлері – Қағидалар бойынша):")
    assert _sources_intro(DEFAULTS["sources_intro"]["ru"], some, "ru") == (
        "Из источников информации, предусмотренных пунктом 15 Типовых правил проведения внутреннего анализа "
        "коррупционных рисков, использованы следующие (нумерация подпунктов – по Типовым правилам):")
    for lang in ("kk", "ru"):
        assert _sources_intro(DEFAULTS["sources_intro"][lang], every, lang) == DEFAULTS["sources_intro"][lang]
        assert _sources_intro("Өз мәтіні:", some, lang) == "Өз мәтіні:"


def test_the_typical_rules_run_on_in_lowercase_after_their_edition():
    """Issue 11 review, kk p. 1: «…(… №21 бұйрығының редакциясында) Сыбайлас жемқорлық тәуекелдеріне…» put a
    capital mid-sentence after the parenthesis."""
    from webapp.certificate.boilerplate import DEFAULTS

    assert ("№21 бұйрығының редакциясында) сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізудің үлгілік "
            "қағидаларына сәйкес") in DEFAULTS["legal_basis"]["kk"]


def test_an_order_title_after_its_own_lead_in_runs_on_in_lowercase():
    """Issue 11 review, rudny-7 p. 4: «№291 «2024–2025 оқу жылына Конкурстық комиссияны құру туралы»», «…күрес
    бойынша Жауапты тұлғаны бекіту туралы»: a capital mid-sentence, where the Russian reads «О создании конкурсной
    комиссии…». A title's own first capital and names stay."""
    from webapp.certificate.wording import title_inside

    assert title_inside("2024-2025 оқу жылына Конкурстық комиссияны құру туралы") == (
        "2024-2025 оқу жылына конкурстық комиссияны құру туралы")
    assert title_inside("2024-2025 оқу жылына арналған сыбайлас жемқорлықпен күрес бойынша Жауапты тұлғаны бекіту "
                        "туралы") == ("2024-2025 оқу жылына арналған сыбайлас жемқорлықпен күрес бойынша жауапты "
                                      "тұлғаны бекіту туралы")
    for kept in ("Ішкі тәртіп ережесін бекіту туралы", "«Адал ұрпақ» еріктілер клубы туралы",
                 "2025 жылы Қазақстан Республикасы Заңын орындау туралы", "2025 жылы ҚР заңын орындау туралы",
                 "2025 жылы «Адал ұрпақ» клубы туралы", "2025 жылға арналған сатып алу жоспарын бекіту туралы",
                 "О создании конкурсной комиссии на 2024-2025 учебный год"):
        assert title_inside(kept) == kept
