"""Issue 11, «a fact is stated once», read over rudny-7's whole certificate (2024-H2..2025-H1) in Kazakh and
Russian: each fact the seed tells is told once, as the seed tells it, whether the school's own text, an earlier
section or the generated sentence would repeat it; and a fact only the generated sentence gives stays."""

from __future__ import annotations

import re
from datetime import date

import pytest
from support import demo_app, login
from test_certificate_formats import fold, get

from webapp.certificate.stated import Fact, Names, address_fact, cited_order, found_in, order_fact
from webapp.certificate.wording import spelled_date


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """rudny-7's certificate as its head reads it on screen, in each language: read once for the module, whose
    tests only look at its text."""
    with demo_app(tmp_path_factory.mktemp("told-once")) as app:
        client = app.test_client()
        assert login(client, "rudny-7").status_code == 303
        return {lang: screen_text(get(client, "html", lang=lang)) for lang in ("kk", "ru")}


def screen_text(response) -> str:
    """The certificate's text on screen; an address's break points («http://rudnymektep7.<wbr>edu…») and the
    spans around it are no spaces."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    html = re.sub(r"<wbr>|</?span[^>]*>", "", html)
    return fold(re.sub(r"<[^>]+>", " ", html))


def told(text: str, *phrasings: str) -> int:
    """How many times `text` tells a fact, in any of its `phrasings` (regular expressions)."""
    return sum(len(re.findall(p, text)) for p in phrasings)


def part(text: str, heading: str, after: str) -> str:
    start = text.index(heading)
    return text[start:text.index(after, start + len(heading))]


def test_free_meals_line_gives_its_count_as_the_seed_lists_it(certificate):
    """2.1 (issue 11 review): every service's line counts whom it served, free meals too; it had ended
    «…тамақтандыруды ұсыну» (… жауапты тұлға – Б.Т. Бекболатова);» because the school's own sentence two paragraphs
    later counts the same 5 pupils. That sentence is typed text and stays; the seed itself gives both (its list
    entry «…тамақтандыруды ұсыну" … (жауапты Бекболатова Б.Т. мемлекеттік қызмет көсетілді – 5 адамға)» and «5
    оқушы «АРМ» сайты арқылы тегін тамақпен қамтамасыз етілді»), so the certificate follows it: the list entry is
    the service's figure, the typed sentence says how the meals were given (through «АРМ»)."""
    kk, ru = certificate["kk"], certificate["ru"]
    assert told(kk, r"5 оқушы «АРМ» сайты арқылы тегін тамақпен") == 1
    assert told(kk, r"тамақтандыруды ұсыну» \([^)]*Бекболатова\): мемлекеттік қызмет 5 адамға") == 1
    assert told(ru, r"5 учащихся 1–11 классов обеспечены бесплатным питанием") == 1
    assert told(ru, r"питания [^«]*\([^)]*Бекболатова\): государственная услуга оказана 5 лицам") == 1
    assert not re.search(r"(жауапты тұлға|ответственное лицо) – (Б\.Т\. Бекболатова|Бекболатова Б\.Т\.)\);", kk + ru)
    # The other services keep their counts (the seed's 128 admissions, 5 given material aid).
    assert "мемлекеттік қызмет 5 адамға, 217 035,00 теңге көлемінде көрсетілді" in kk
    assert "государственная услуга оказана 5 лицам на сумму 217 035,00 тенге" in ru


def test_procurement_prints_no_total_while_a_named_method_has_no_figure(certificate):
    """2.2 (issue 11 review): the school's basis says contracts were concluded by open tender, price request and
    the e-shop, but only the last two carry figures; their 22 307 468,65 tenge is no total of the purchases, and
    the seed prints none. The methods' own figures stay."""
    kk, ru = certificate["kk"], certificate["ru"]
    assert "ашық конкурс" in kk and "открытого конкурса" in ru
    assert "22 307 468,65" not in kk and "22 307 468,65" not in ru
    assert "жалпы сомасы" not in kk and "Общая сумма" not in ru
    assert "22 266 028,65 теңге сомасына 57 шарт жасалды" in kk and "41 440,00 теңгеге сатып алынды" in kk
    assert "57 договоров на сумму 22 266 028,65 тенге" in ru and "41 440,00 тенге" in ru


def test_the_labour_exchange_and_the_five_days_are_the_seeds_own_sentences(certificate):
    """2.2: the seed tells vacancies in two sentences of its own (the exchange with full conditions; then within
    five working days, for a week to a month, on the exchange's portal, and Instagram, the website carrying all
    news); the generated sentence, which put vacancies on the website, is not printed beside them."""
    kk, ru = certificate["kk"], certificate["ru"]
    assert told(kk, r"еңбек биржа") == 2
    assert told(ru, r"(?i)бирж\w* труда") == 2
    assert ("Бос орындар туралы ақпарат олар пайда болған күннен бастап бес жұмыс күні ішінде «Электрондық еңбек "
            "биржасы» ақпараттық порталына бір аптадан бір айға дейінгі мерзімге орналастырылады") in kk
    assert ("Сведения о вакансиях в течение пяти рабочих дней со дня их появления размещаются на информационном "
            "портале «Электронная биржа труда» сроком от одной недели до одного месяца") in ru
    assert told(kk, r"бес жұмыс күні") == 1 and told(ru, r"пяти рабочих дней") == 1
    assert "мектептің ресми сайтында (http://rudnymektep7.edu.kz/)" not in kk
    assert "на официальном сайте школы (http://rudnymektep7.edu.kz/)" not in ru


def test_no_conflict_of_interest_is_told_once_as_the_seed_tells_it(certificate):
    """2.2: the seed's «…мүдделер қақтығысының фактісі анықталмады» is the school's text again, and the generated
    «Мүдделер қақтығысы жағдайлары болған жоқ» / «Случаев конфликта интересов не было» is left out."""
    kk, ru = certificate["kk"], certificate["ru"]
    assert ("Талдау объектісі қызметкерлерінің лауазымдық міндеттерін орындау кезіндегі мүдделер қақтығысының "
            "фактісі анықталмады.") in kk
    assert told(kk, r"Мүдделер қақтығысы жағдайлары болған жоқ", r"мүдделер қақтығысының фактісі анықталмады") == 1
    assert told(ru, r"Случаев конфликта интересов не было", r"конфликта интересов не выявлено",
                r"Фактов конфликта интересов[^.]*не выявлено") == 1


def test_the_procurement_methods_are_introduced_once(certificate):
    """Procurement: the school's basis says by which methods contracts were concluded; each method's figures
    follow as the seed's own sentences, with no second introduction."""
    kk, ru = certificate["kk"], certificate["ru"]
    assert told(kk, r"мынадай тәсілдермен жасалды", r"шарттары жасалды: ашық конкурс тәсілімен") == 1
    assert told(ru, r"заключены следующими способами", r"способами открытого конкурса, запроса ценовых") == 1
    assert ("Баға ұсыныстарын сұрату тәсілімен 22 266 028,65 теңге сомасына 57 шарт жасалды, электрондық дүкен "
            "арқылы 41 440,00 теңгеге сатып алынды.") in kk
    assert ("Способом запроса ценовых предложений заключено 57 договоров на сумму 22 266 028,65 тенге, через "
            "электронный магазин – закупки на сумму 41 440,00 тенге.") in ru


@pytest.mark.parametrize("number, on", [("1", date(2025, 1, 5)), ("2", date(2025, 1, 5)), ("49", date(2025, 2, 24)),
                                        ("56", date(2025, 3, 6)), ("68", date(2025, 4, 14))])
def test_the_plan_orders_are_cited_once_in_1_1(certificate, number, on):
    """The orders on the procurement plan are in 1.1's list of orders; procurement does not list them again."""
    assert told(certificate["kk"], rf"{spelled_date(on, 'kk')} №{number}\b") == 1
    # «от 5 января 2025 года №2»: the order the seed lists twice is one order in 1.1
    assert told(certificate["ru"], rf"от {spelled_date(on, 'ru')} №{number}\b") == 1
    assert "Мемлекеттік сатып алу жоспарын бекіту және өзгерту туралы бұйрықтар" not in certificate["kk"]
    assert "Приказы об утверждении и изменении плана государственных закупок" not in certificate["ru"]


def test_order_431_is_told_once(certificate):
    """2.3: the school's text says the staff were acquainted with order №431 of 14.04.2021; the generated
    sentence citing the same order is left out."""
    for text in certificate.values():
        assert text.count("№431") == 1


def test_the_website_and_instagram_are_told_once(certificate):
    """2.5: the school's text says events are covered on the website and Instagram, and 2.2 gave both addresses:
    the generated «Мектеп қызметі туралы ақпарат ресми сайтта (…) …» is left out."""
    kk, ru = certificate["kk"], certificate["ru"]
    for text in (kk, ru):
        assert text.count("rudnymektep7.edu.kz") == 1
        assert text.count("instagram.com/school7_rud") == 1
    assert "гимназияның ресми сайтында, Instagram аккаунттарында мемлекеттік тілде қамтылады" in kk
    assert "Мектеп қызметі туралы ақпарат ресми сайтта" not in kk
    assert "Информация о деятельности школы публикуется" not in ru


def test_the_monthly_reports_go_where_the_seed_says(certificate):
    """2.1: the school's own words: the reports go to the Kostanay region's education department."""
    assert "осы ақпаратты Қостанай облысы білім бөліміне жібереді." in certificate["kk"]
    assert "направляют эти сведения в отдел образования Костанайской области." in certificate["ru"]
    assert "Рудный қаласы білім бөліміне" not in certificate["kk"]


# --- The mechanism, as any school's text meets it ---------------------------------------------------------

def test_an_order_is_found_by_its_number_with_its_year():
    fact = order_fact("431", "2021-04-14")
    assert found_in(["Ұжым білім бөлімінің 2021 жылғы 14 сәуірдегі №431 бұйрығымен танысты."], fact, "kk")
    assert found_in(["Коллектив ознакомлен с приказом от 14 апреля 2021 года №431."], fact, "ru")
    assert not found_in(["Ұжым 2022 жылғы №431 бұйрықпен танысты."], fact, "kk")  # another year's №431
    assert not found_in(["Приказ №4310 от 2021 года."], fact, "ru")
    assert cited_order("Білім бөлімінің 2021 жылғы 14 сәуірдегі №431 «Ақпаратты қорғау туралы» бұйрығы") == Fact(
        order="431", year=2021)


def test_none_needs_a_sentence_saying_there_was_none():
    conflicts = Fact(terms=(Names(kk=("мүдделер қақтығ",), ru=("конфликт интерес",)),), none=True)
    assert found_in(["Мүдделер қақтығысының фактісі анықталмады."], conflicts, "kk")
    assert found_in(["Конфликта интересов не выявлено."], conflicts, "ru")
    assert not found_in(["Лауазымдық мүдделер қақтығысының болмауына баса назар аударылады."], conflicts, "kk")
    assert not found_in(["Особое внимание уделяется отсутствию конфликта интересов."], conflicts, "ru")
    assert not found_in(["Проводится мониторинг конфликта интересов."], conflicts, "ru")


def test_an_address_is_found_only_as_written():
    site = address_fact("http://rudnymektep7.edu.kz/")
    assert found_in(["Жаңалықтар http://rudnymektep7.edu.kz/ сайтында жарияланады."], site, "kk")
    assert not found_in(["Жаңалықтар мектептің ресми сайтында жарияланады."], site, "kk")
