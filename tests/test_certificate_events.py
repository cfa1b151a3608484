"""Issue 11, the sentences of 2.2 procurement, 2.3, 2.5, 2.6, 2.8, 2.9 and 2.12 as a head signs them: counts
agreeing with their nouns (Babel's plural forms), zeros as negative sentences, events told in sentences
rather than «label – value» slots, dates written out, no text of the other language spliced into a sentence."""

from datetime import date
from decimal import Decimal

import pytest
from test_certificate_sections import certificate_text, half, span_of, words

from webapp.blueprints.courts.models import CourtCase
from webapp.blueprints.inspections.models import SupervisoryInspection
from webapp.blueprints.monitoring.models import MonitoringEvent
from webapp.blueprints.procurement.models import ProcurementMethod
from webapp.certificate.span import merge
from webapp.reporting.sections import section_by_code
from webapp.reporting.texts import untranslated

PLURALS = [  # n, Russian forms for the count
    (1, "Поступила 1 жалоба", "отменена 1 закупка", "размещена 1 публикация",
     "выявлена 1 негативная публикация о школе, на неё дан официальный ответ"),
    (2, "Поступили 2 жалобы", "отменены 2 закупки", "размещены 2 публикации",
     "выявлены 2 негативные публикации о школе, на каждую из них дан официальный ответ"),
    (5, "Поступило 5 жалоб", "отменено 5 закупок", "размещено 5 публикаций",
     "выявлено 5 негативных публикаций о школе, на каждую из них дан официальный ответ"),
    (21, "Поступила 21 жалоба", "отменена 21 закупка", "размещена 21 публикация",
     "выявлена 21 негативная публикация о школе, на каждую из них дан официальный ответ"),
    (22, "Поступили 22 жалобы", "отменены 22 закупки", "размещены 22 публикации",
     "выявлены 22 негативные публикации о школе, на каждую из них дан официальный ответ"),
]


@pytest.mark.parametrize("n, complaints, cancelled, published, negative", PLURALS)
def test_counts_agree_with_their_nouns(app, n, complaints, cancelled, published, negative):
    with app.app_context():
        facts = {"complaints_count": n, "cancellations_count": n}
        # A cancellation without a reason typed still says that nothing was bought by it (issue 11).
        tail = {"ru": ", договор по ней не заключался" if n == 1 else ", договоры по ним не заключались",
                "kk": ", ол бойынша шарт жасалған жоқ" if n == 1 else ", олар бойынша шарттар жасалған жоқ"}
        assert certificate_text("procurement", "ru", half("procurement", facts)) == (
            f"{complaints} на государственные закупки, {cancelled}{tail['ru']}.")
        assert certificate_text("procurement", "kk", half("procurement", facts)) == (
            f"Мемлекеттік сатып алуға {n} шағым түсті, {n} сатып алудың күші жойылды{tail['kk']}.")
        assert certificate_text("transparency", "ru", half("transparency", {"publications_count": n})) == (
            f"В анализируемом периоде {published} о деятельности школы.")
        assert certificate_text("transparency", "kk", half("transparency", {"publications_count": n})) == (
            f"Талданатын кезеңде мектеп қызметі туралы {n} жарияланым орналастырылды.")
        media = half("media", {"negative_publications": n, "responses_given": n})
        assert certificate_text("media", "ru", media) == (
            f"В анализируемом периоде в средствах массовой информации и социальных сетях {negative}.")
        assert certificate_text("media", "kk", media) == (
            "Талданатын кезеңде бұқаралық ақпарат құралдары мен әлеуметтік желілерде мектеп туралы "
            f"{n} жағымсыз жарияланым анықталды, {'оған' if n == 1 else 'олардың әрқайсысына'} ресми жауап берілді.")


def test_zeros_are_negative_sentences(app):
    with app.app_context():
        procurement = half("procurement", {"complaints_count": 0, "cancellations_count": 2})
        assert certificate_text("procurement", "ru", procurement) == (
            "Жалоб на государственные закупки не поступало, отменены 2 закупки, договоры по ним не заключались.")
        assert certificate_text("procurement", "kk", procurement) == (
            "Мемлекеттік сатып алуға шағымдар түскен жоқ, 2 сатып алудың күші жойылды, олар бойынша шарттар "
            "жасалған жоқ.")
        # A reason the school typed is told on the count's sentence instead.
        typed = half("procurement", {"complaints_count": 0, "cancellations_count": 2,
                                     "complaints_description": "Закупки отменены в связи с изменением плана"})
        assert certificate_text("procurement", "ru", typed) == (
            "Жалоб на государственные закупки не поступало, отменены 2 закупки; закупки отменены в связи с "
            "изменением плана.")
        none = half("transparency", {"publications_count": 0})
        assert certificate_text("transparency", "kk", none) == (
            "Талданатын кезеңде мектеп қызметі туралы жарияланымдар орналастырылған жоқ.")
        assert certificate_text("transparency", "ru", none) == (
            "В анализируемом периоде публикации о деятельности школы не размещались.")
        unanswered = half("media", {"negative_publications": 1, "responses_given": 0})
        assert certificate_text("media", "ru", unanswered).endswith(
            "выявлена 1 негативная публикация о школе, ответы на неё не давались.")
        assert certificate_text("media", "kk", unanswered).endswith("1 жағымсыз жарияланым анықталды, оған жауап "
                                                                    "берілген жоқ.")
        # Responses without the count of publications: still a sentence, never «Количество ответов – 3».
        answers = half("media", {"responses_given": 3})
        assert certificate_text("media", "ru", answers) == "На публикации даны 3 ответа."
        assert certificate_text("media", "kk", answers) == "Жарияланымдарға 3 жауап берілді."


def test_procurement_methods_after_a_colon_start_lowercase_and_plan_orders_cited_alike(app):
    with app.app_context():
        procurement = half("procurement", {"plan_orders": "№1 05.01.2025, №2 05.01.2025, №68 14.04.2025"},
                           {"methods": [ProcurementMethod(method="price_request", contracts=57,
                                                          amount=Decimal("22266028.65")),
                                        ProcurementMethod(method="e_shop", amount=Decimal("41440"))]})
        kk = certificate_text("procurement", "kk", procurement).splitlines()
        # One sentence, not «баға сұранысы бойынша 57 шарт – …» lines (issue 11 re-read: «label – value»).
        assert kk[0] == ("Талданатын кезеңде мемлекеттік сатып алудың жалпы сомасы 22 307 468,65 теңгені құрады, оның "
                         "ішінде: баға ұсыныстарын сұрату тәсілімен – 22 266 028,65 теңге сомасына 57 шарт; "
                         "электрондық дүкен арқылы – 41 440,00 теңге.")
        assert ("Мемлекеттік сатып алу жоспарын бекіту және өзгерту туралы бұйрықтар: 2025 жылғы 5 қаңтардағы №1, "
                "№2; 2025 жылғы 14 сәуірдегі №68.") in kk
        ru = certificate_text("procurement", "ru", procurement).splitlines()
        assert ru[0] == ("В анализируемом периоде общая сумма государственных закупок составила 22 307 468,65 тенге, "
                         "в том числе: способом запроса ценовых предложений – 57 договоров на сумму 22 266 028,65 "
                         "тенге; через электронный магазин – закупки на сумму 41 440,00 тенге.")
        assert ("Приказы об утверждении и изменении плана государственных закупок: от 5 января 2025 года №1, №2; "
                "от 14 апреля 2025 года №68.") in ru
        # Plan orders typed otherwise than «№ number date» are printed as typed.
        typed = half("procurement", {"plan_orders": "директордың 2025 жылғы бұйрықтары"})
        assert certificate_text("procurement", "kk", typed).endswith(": директордың 2025 жылғы бұйрықтары.")


# --- 2.8 courts: a sentence from the stored fields -------------------------------------------------------------

SEED_CASE = dict(case_number="№7527-25-00-2/5493", decided_on=date(2025, 5, 23), court="Алматы қ.",
                 counterparty="«SHAKIRT GROUP» ЖШС", subject="Мемлекеттік сатып алуға қатысты", outcome="in_favour")
SEED_CASE_RU = dict(SEED_CASE, court="г. Алматы", counterparty="ТОО «SHAKIRT GROUP»",
                    subject="в сфере государственных закупок")


def test_a_court_case_is_told_in_a_sentence(app):
    with app.app_context():
        assert certificate_text("courts", "kk", half("courts", rows={"cases": [CourtCase(**SEED_CASE)]})) == (
            "Талданатын кезеңде Алматы қаласының сотында «SHAKIRT GROUP» ЖШС-мен мемлекеттік сатып алуға қатысты "
            "№7527-25-00-2/5493 іс қаралды; сот 2025 жылғы 23 мамырдағы шешімімен дауды мектеп пайдасына шешті.")
        assert certificate_text("courts", "ru", half("courts", rows={"cases": [CourtCase(**SEED_CASE_RU)]})) == (
            "В анализируемом периоде судом г. Алматы рассмотрено дело №7527-25-00-2/5493 по спору с ТОО «SHAKIRT "
            "GROUP» в сфере государственных закупок; решением суда от 23 мая 2025 года спор разрешён в пользу школы.")


@pytest.mark.parametrize("outcome, kk, ru", [
    ("against", "сот 2025 жылғы 23 мамырдағы шешімімен дауды мектеп пайдасына шешпеді.",
     "решением суда от 23 мая 2025 года спор разрешён не в пользу школы."),
    ("partly", "сот 2025 жылғы 23 мамырдағы шешімімен дауды ішінара мектеп пайдасына шешті.",
     "решением суда от 23 мая 2025 года спор разрешён частично в пользу школы."),
    ("settled", "сот 2025 жылғы 23 мамырдағы тараптардың бітімгершілік келісімін бекітті.",
     "определением суда от 23 мая 2025 года утверждено мировое соглашение сторон."),
    ("pending", "іс бойынша шешім әлі шығарылған жоқ.", "решение по делу ещё не вынесено."),
])
def test_each_outcome_ends_the_sentence_in_its_own_words(app, outcome, kk, ru):
    with app.app_context():
        assert certificate_text("courts", "kk", half("courts", rows={"cases": [
            CourtCase(**dict(SEED_CASE, outcome=outcome))]})).endswith(f"іс қаралды; {kk}")
        assert certificate_text("courts", "ru", half("courts", rows={"cases": [
            CourtCase(**dict(SEED_CASE_RU, outcome=outcome))]})).endswith(f"государственных закупок; {ru}")


def test_court_fields_that_cannot_be_declined_stay_whole(app):
    with app.app_context():
        case = CourtCase(case_number="2-15/2025", decided_on=None, court="Суд Костанайского района",
                         counterparty="Иванов И.И.", subject="аренда", outcome="in_favour")
        assert certificate_text("courts", "ru", half("courts", rows={"cases": [case]})) == (
            "В анализируемом периоде рассмотрено дело №2-15/2025 (суд – Суд Костанайского района; другая "
            "сторона – Иванов И.И.; предмет спора – аренда); спор разрешён судом в пользу "
            "школы.")
        case = CourtCase(case_number="2-15/2025", court="Қостанай облыстық соты", counterparty="Асан",
                         subject="еңбек дауы", outcome="in_favour")
        assert certificate_text("courts", "kk", half("courts", rows={"cases": [case]})) == (
            "Талданатын кезеңде Қостанай облыстық сотында Асанмен еңбек дауы бойынша №2-15/2025 іс қаралды; сот "
            "дауды мектеп пайдасына шешті.")
        case = CourtCase(case_number="3-1", court="Рудный қалалық соты", counterparty="«Сапар» ЖК",
                         subject="Тұрақсыздық айыбын өндіру", outcome="against")
        assert certificate_text("courts", "kk", half("courts", rows={"cases": [case]})) == (
            "Талданатын кезеңде Рудный қалалық сотында «Сапар» ЖК-мен тұрақсыздық айыбын өндіру туралы №3-1 іс "
            "қаралды; сот дауды мектеп пайдасына шешпеді.")
        case = CourtCase(case_number="3-1", court="Специализированный межрайонный экономический суд Костанайской "
                         "области", counterparty="ИП «Сапар»", subject="о взыскании неустойки", outcome="against")
        assert certificate_text("courts", "ru", half("courts", rows={"cases": [case]})) == (
            "В анализируемом периоде Специализированным межрайонным экономическим судом Костанайской области "
            "рассмотрено дело №3-1 по спору с ИП «Сапар» о взыскании неустойки; спор разрешён судом не в пользу "
            "школы.")
        case = CourtCase(case_number="3-1", court="Рудный городской суд", outcome="pending")
        assert certificate_text("courts", "ru", half("courts", rows={"cases": [case]})) == (
            "В анализируемом периоде Рудным городским судом рассмотрено дело №3-1; решение по делу ещё не вынесено.")


def test_a_no_practice_basis_is_not_printed_beside_a_case(app):
    with app.app_context():
        basis = ("Талдау объектісінің (азаматтық-құқықтық сипаттағы) іс жүргізу практикасы көрсетілмейді. "
                 "Заң кеңесшісі шарттарды тексереді.")
        courts = section_by_code("courts")
        with_case = span_of("courts", half("courts", rows={"cases": [CourtCase(**SEED_CASE)]}))
        assert courts.certificate_basis(with_case, basis, "kk") == "Заң кеңесшісі шарттарды тексереді."
        assert courts.certificate_basis(with_case, "Судебная практика объекта анализа не приводится.", "ru") is None
        # Without a case the school's words stand as written.
        assert courts.certificate_basis(span_of("courts", half("courts")), basis, "kk") == basis


@pytest.mark.parametrize("n, kk, ru", [
    (2, "Талданатын кезеңде 2 сот ісі қаралды:", "В анализируемом периоде рассмотрено 2 судебных дела:"),
    (5, "Талданатын кезеңде 5 сот ісі қаралды:", "В анализируемом периоде рассмотрено 5 судебных дел:"),
    (21, "Талданатын кезеңде 21 сот ісі қаралды:", "В анализируемом периоде рассмотрено 21 судебное дело:"),
    (22, "Талданатын кезеңде 22 сот ісі қаралды:", "В анализируемом периоде рассмотрено 22 судебных дела:"),
])
def test_several_cases_are_introduced_by_a_sentence(app, n, kk, ru):
    with app.app_context():
        cases = half("courts", rows={"cases": [CourtCase(case_number=str(i), outcome="pending") for i in range(n)]})
        assert certificate_text("courts", "kk", cases).splitlines()[0] == kk
        assert certificate_text("courts", "ru", cases).splitlines()[0] == ru


def test_court_texts_typed_in_the_other_language_are_not_spliced_into_the_sentence(app):
    with app.app_context():
        case = CourtCase(**SEED_CASE, translations={})
        span = merge(section_by_code("courts"), [half("courts", rows={"cases": [case]})], "ru", ["kk"], [(2025, 1)])
        # The Kazakh texts stand whole, marked missing, in the one parenthesis after the case number.
        assert words(section_by_code("courts").certificate(span, "ru")) == (
            "В анализируемом периоде рассмотрено дело №7527-25-00-2/5493 (суд – {c}; другая сторона – {o}; "
            "предмет спора – «{s}»); решением суда от 23 мая 2025 года спор разрешён в пользу школы."
        ).format(c=untranslated("Алматы қ."), o=untranslated("«SHAKIRT GROUP» ЖШС"),
                 s=untranslated("Мемлекеттік сатып алуға қатысты"))


# --- 2.6 monitoring: the date written out first, the verb fitting who held the event -------------------------

def _event(lang: str, text_lang: str = "kk", **values) -> str:
    row = MonitoringEvent(**{"held_on": date(2024, 5, 13), "violations_found": False, "translations": {}, **values})
    span = merge(section_by_code("monitoring"), [half("monitoring", rows={"events": [row]})], lang, [text_lang],
                 [(2024, 1)])
    return words(section_by_code("monitoring").certificate(span, lang))


def test_a_monitoring_event_opens_with_its_date_written_out(app):
    with app.app_context():
        seed = {"kind": "Мектеп-гимназия асханасында қоғамдық мониторинг",
                "held_by": "Қалалық білім бөлімінің бас маманымен бірлесіп", "result": "Бұзушылықтар анықталған жоқ"}
        assert _event("kk", **seed) == (
            "2024 жылғы 13 мамырда қалалық білім бөлімінің бас маманымен бірлесіп мектеп-гимназия асханасында "
            "қоғамдық мониторинг жүргізілді, бұзушылықтар анықталған жоқ.")
        russian = {"kind": "Общественный мониторинг столовой школы-гимназии",
                   "held_by": "совместно с главным специалистом городского отдела образования",
                   "result": "нарушений не выявлено"}
        assert _event("ru", "ru", **russian) == (
            "13 мая 2024 года совместно с главным специалистом городского отдела образования проведён общественный "
            "мониторинг столовой школы-гимназии, нарушений не выявлено.")


def test_the_one_who_held_an_event_takes_an_active_verb(app):
    with app.app_context():
        club = {"kind": "Оқушылар мен ата-аналар арасында сыбайлас жемқорлыққа қарсы сауалнама",
                "held_by": "«Адал ұрпақ» клубы", "held_on": date(2025, 9, 29)}
        assert _event("kk", **club) == (
            "2025 жылғы 29 қыркүйекте «Адал ұрпақ» клубы оқушылар мен ата-аналар арасында сыбайлас жемқорлыққа "
            "қарсы сауалнама жүргізді, сыбайлас жемқорлық фактілері туралы мәлімет түскен жоқ.")
        # In Russian too the holder is the subject, its verb agreeing with it (issue 11: was «проведено
        # анкетирование учащихся (организатор – клуб «Адал ұрпақ»)»).
        assert _event("ru", "ru", kind="Анкетирование учащихся", held_by="Клуб «Адал ұрпақ»",
                      held_on=date(2025, 9, 29)) == (
            "29 сентября 2025 года клуб «Адал ұрпақ» провёл анкетирование учащихся, сообщений о коррупционных "
            "фактах не поступило.")
        assert _event("ru", "ru", kind="Проверка качества горячего питания", held_by="Родительский комитет",
                      held_on=date(2025, 2, 28)) == (
            "28 февраля 2025 года родительский комитет провёл проверку качества горячего питания, нарушений не "
            "выявлено.")
        assert _event("ru", "ru", kind="Анкетирование", held_by="Администрация школы",
                      held_on=date(2025, 2, 28)).startswith("28 февраля 2025 года администрация школы провела")
        # An object whose form is not sure, or an abbreviation as holder: the holder stands apart, never guessed.
        assert _event("ru", "ru", kind="Плановая проверка", held_by="Попечительский совет",
                      held_on=date(2025, 2, 28)).endswith("(организатор – попечительский совет), нарушений не "
                                                          "выявлено.")


def test_an_event_typed_in_the_other_language_is_quoted_whole_never_spliced(app):
    with app.app_context():
        kazakh = {"kind": "Мектеп асханасында қоғамдық мониторинг",
                  "held_by": "Қалалық білім бөлімінің бас маманымен бірлесіп", "held_on": date(2026, 3, 9)}
        assert _event("ru", **kazakh) == (
            "9 марта 2026 года проведено мероприятие «{k}» («{h}»), нарушений не выявлено.").format(
            k=untranslated("Мектеп асханасында қоғамдық мониторинг"),
            h=untranslated("Қалалық білім бөлімінің бас маманымен бірлесіп"))
        russian = {"kind": "Мониторинг столовой", "held_by": "совместно с родительским комитетом"}
        assert _event("kk", "ru", **russian) == (
            "2024 жылғы 13 мамырда «{k}» іс-шарасы өткізілді («{h}»), бұзушылықтар анықталған жоқ.").format(
            k=untranslated("Мониторинг столовой"), h=untranslated("совместно с родительским комитетом"))


# --- 2.9 inspections: a sentence, the kind of result document kept, no verb guessed from a typed name --------

SEED_INSPECTION = dict(body="Рудный қаласының прокуратурасы", period_checked="2024–2025",
                       subject="Бюджеттік қаржының жұмсалуы, мемлекеттік сатып алу, тамақтануды ұйымдастыру",
                       result_kind="recommendation", result_number="2-0904-25-01180",
                       result_date=date(2025, 5, 21), violations_found=False, translations={})


def _inspection(lang: str, text_lang: str = "kk", basis: str | None = None, **values) -> str:
    row = SupervisoryInspection(**{**SEED_INSPECTION, **values})
    entry = {"basis": basis} if basis else {}
    span = merge(section_by_code("inspections"), [half("inspections", rows={"inspections": [row]}, **entry)], lang,
                 [text_lang], [(2025, 1)])
    return words(section_by_code("inspections").certificate(span, lang))


def test_an_inspection_is_told_in_a_sentence_with_its_result_document(app):
    with app.app_context():
        assert _inspection("kk") == (
            "Рудный қаласының прокуратурасы 2024–2025 жылдардағы бюджеттік қаржының жұмсалуы, мемлекеттік сатып алу, "
            "тамақтануды ұйымдастыру мәселелері бойынша тексеру жүргізді; 2025 жылғы 21 мамырдағы №2-0904-25-01180 "
            "ұсыным бойынша бұзушылықтар анықталған жоқ.")
        russian = dict(body="Прокуратура города Рудного",
                       subject="Расходование бюджетных средств, государственные закупки, организация питания")
        # The body is the subject, the verb agreeing with it (issue 11: was «Проведена проверка … (проверяющий
        # орган – Прокуратура города Рудного)»).
        assert _inspection("ru", "ru", **russian) == (
            "Прокуратура города Рудного провела проверку расходования бюджетных средств, государственных закупок и "
            "организации питания за 2024–2025 годы; по результатам проверки (рекомендация от 21 мая 2025 года "
            "№2-0904-25-01180) нарушений не выявлено.")
        # The basis already names who inspected: the sentence goes on from it.
        basis = "2024 жылғы ақпанда Рудный қаласының прокуратурасы тексеру жүргізді."
        assert _inspection("kk", basis=basis).startswith("Тексеру 2024–2025 жылдардағы бюджеттік қаржының")
        # No kind said: a document; no number or date: the finding alone.
        assert _inspection("ru", "ru", result_kind=None, **russian).endswith(
            "(документ от 21 мая 2025 года №2-0904-25-01180) нарушений не выявлено.")
        assert _inspection("kk", result_number=None, result_date=None).endswith(
            "мәселелері бойынша тексеру жүргізді; бұзушылықтар анықталған жоқ.")


def test_a_prosecutors_representation_is_not_a_recommendation(app):
    """Issue 11 review: the seed's «№2-0904-25-01180 ұсыным» with no violation read «представление … нарушений не
    выявлено» in Russian, a contradiction: a representation (kk «ұсыну») answers violations, a recommendation
    («ұсыным») does not."""
    with app.app_context():
        found = dict(result_kind="representation", violations_found=True, description="Тауарлар шартқа сай емес.")
        assert "2025 жылғы 21 мамырдағы №2-0904-25-01180 ұсыну бойынша бұзушылықтар анықталды" in _inspection(
            "kk", **found)
        assert "(представление от 21 мая 2025 года №2-0904-25-01180) выявлены нарушения" in _inspection(
            "ru", "ru", body="Прокуратура города Рудного", **found)
        assert "№2-0904-25-01180 ұсыным бойынша бұзушылықтар анықталған жоқ" in _inspection("kk")


def test_an_inspection_typed_in_kazakh_reads_in_russian_without_a_guessed_verb(app):
    with app.app_context():
        text = _inspection("ru", body="Лисаков қаласының санитариялық-эпидемиологиялық бақылау басқармасы",
                           subject="Тамақтандыруды ұйымдастыру", result_kind="act")
        assert text == (
            "Проведена проверка за 2024–2025 годы (проверяющий орган – «{b}»; предмет проверки – «{s}»); по "
            "результатам проверки (акт проверки от 21 мая 2025 года №2-0904-25-01180) нарушений не выявлено."
        ).format(b=untranslated("Лисаков қаласының санитариялық-эпидемиологиялық бақылау басқармасы"),
                 s=untranslated("Тамақтандыруды ұйымдастыру"))
        assert "провёл" not in text and "провела" not in text


def test_a_finding_typed_in_the_other_language_ends_with_one_full_stop(app):
    with app.app_context():
        text = _inspection("ru", violations_found=True, description="3 шарт бойынша негізсіз төленген.")
        assert text.endswith("выявлены нарушения: «{d}».".format(d=untranslated("3 шарт бойынша негізсіз төленген")))


@pytest.mark.parametrize("n, kk, ru", [(2, "Талданатын кезеңде 2 тексеру жүргізілді:",
                                        "В анализируемом периоде проведены 2 проверки:"),
                                       (5, "Талданатын кезеңде 5 тексеру жүргізілді:",
                                        "В анализируемом периоде проведено 5 проверок:"),
                                       (21, "Талданатын кезеңде 21 тексеру жүргізілді:",
                                        "В анализируемом периоде проведена 21 проверка:")])
def test_several_inspections_are_introduced_by_a_sentence(app, n, kk, ru):
    with app.app_context():
        rows = half("inspections", rows={"inspections": [SupervisoryInspection(body=f"Орган {i}") for i in range(n)]})
        assert certificate_text("inspections", "kk", rows).splitlines()[0] == kk
        assert certificate_text("inspections", "ru", rows).splitlines()[0] == ru


# --- 2.3 digitalisation: the order cited in full, no slot labels, no count made up ------------------------------

ORDER_130 = {"documents_basis_order_number": "130", "documents_basis_order_date": "2020-04-06",
             "documents_basis_order_title": "Педагогтер жүргізу үшін міндетті құжаттардың тізбесін бекіту туралы",
             "documents_basis_order_issuer": "Қазақстан Республикасы Білім және ғылым министрінің",
             "documents_basis_order_registration_number": "20317",
             "documents_basis_order_registration_date": "2020-04-06",
             "documents_basis_order_title__tr": "Об утверждении перечня документов, обязательных для ведения "
                                                "педагогами",
             "documents_basis_order_issuer__tr": "Министра образования и науки Республики Казахстан"}


def _digital(lang: str, **facts) -> str:
    span = merge(section_by_code("digital"), [half("digital", facts)], lang, ["kk"], [(2025, 1)])
    return words(section_by_code("digital").certificate(span, lang))


def test_the_documents_order_is_cited_with_its_issuer_and_registration(app):
    with app.app_context():
        assert _digital("kk", **ORDER_130) == (
            "Мектепте құжаттаманы есепке алу және жүргізу «Педагогтер жүргізу үшін міндетті құжаттардың тізбесін "
            "бекіту туралы» Қазақстан Республикасы Білім және ғылым министрінің 2020 жылғы 6 сәуірдегі №130 "
            "бұйрығына сәйкес жүзеге асырылады (Қазақстан Республикасының Әділет министрлігінде 2020 жылғы 6 сәуірде "
            "№20317 болып тіркелді).")
        assert _digital("ru", **ORDER_130) == (
            "Учёт и ведение документации в школе осуществляются в соответствии с приказом Министра образования и "
            "науки Республики Казахстан от 6 апреля 2020 года №130 «Об утверждении перечня документов, обязательных "
            "для ведения педагогами» (зарегистрирован в Министерстве юстиции Республики Казахстан 6 апреля 2020 года "
            "под №20317).")
        # Only the number and date typed: still a sentence saying what the order does.
        bare = {"documents_basis_order_number": "130", "documents_basis_order_date": "2020-04-06"}
        assert _digital("kk", **bare) == (
            "Мектепте құжаттаманы есепке алу және жүргізу педагогтер жүргізуге міндетті құжаттардың тізбесі мен "
            "нысандарын бекіткен 2020 жылғы 6 сәуірдегі №130 бұйрыққа сәйкес жүзеге асырылады.")
        assert _digital("ru", **bare) == (
            "Учёт и ведение документации в школе осуществляются в соответствии с приказом от 6 апреля 2020 года "
            "№130, утвердившим перечень "
            "документов, обязательных для ведения педагогами, и их формы.")
        # An issuer typed only in Kazakh is not spliced into the Russian sentence.
        kazakh_issuer = {**ORDER_130, "documents_basis_order_issuer__tr": None}
        issuer = untranslated("Қазақстан Республикасы Білім және ғылым министрінің")
        assert (f"№130 «Об утверждении перечня документов, обязательных для ведения педагогами» (издан – «{issuer}»; "
                "зарегистрирован в Министерстве юстиции Республики Казахстан 6 апреля 2020 года под №20317).") in (
            _digital("ru", **kazakh_issuer))


def test_the_protection_order_is_a_sentence_not_a_slot(app):
    with app.app_context():
        kk = _digital("kk", data_protection_order="Білім бөлімінің 2021 жылғы 14 сәуірдегі №431 «Ақпаратты қорғау "
                                                  "туралы» бұйрығы")
        assert kk == ("Ақпаратты және дербес деректерді қорғау білім бөлімінің 2021 жылғы 14 сәуірдегі №431 "
                      "«Ақпаратты қорғау туралы» бұйрығына сәйкес жүзеге асырылады.")
        ru = _digital("ru", data_protection_order="Білім бөлімінің бұйрығы",
                      data_protection_order__tr="приказ отдела образования от 14 апреля 2021 года №431")
        assert ru == ("Защита информации и персональных данных осуществляется в соответствии с приказом отдела "
                      "образования от 14 апреля 2021 года №431.")
        assert ":" not in kk.split("сәуірдегі")[0]  # never «Ақпаратты және дербес деректерді қорғау: …»


def test_a_consent_count_is_printed_only_when_typed(app):
    with app.app_context():
        assert _digital("kk") == ""
        assert _digital("ru", personal_data_consents=128) == (
            "Согласие на сбор и обработку персональных данных получено от 128 работников.")
        assert _digital("kk", personal_data_consents=0) == (
            "Дербес деректерді жинауға және өңдеуге келісімдер жасалған жоқ.")


def _rudny11_procurement():
    """rudny-11 2025-H2…2026-H1: four methods, the e-shop without contracts, a fifth of the sum from one source."""
    from decimal import Decimal

    from webapp.blueprints.procurement.models import ProcurementMethod

    return half("procurement", {"complaints_count": 0, "cancellations_count": 2}, rows={"methods": [
        ProcurementMethod(method="price_request", contracts=88, amount=Decimal("13998420.22")),
        ProcurementMethod(method="single_source", contracts=4, amount=Decimal("7732697.46")),
        ProcurementMethod(method="open_tender", contracts=4, amount=Decimal("13653678.19")),
        ProcurementMethod(method="e_shop", contracts=0, amount=Decimal("2373391.33"))]})


def test_procurement_gives_the_total_then_each_method_and_the_single_sources_share_in_a_sentence(app):
    """Issue 11: «…сомасына N шарт жасалды» four times over, then «Доля закупок из одного источника: по сумме –
    20,5 %.», a slot."""
    with app.app_context():
        kk = certificate_text("procurement", "kk", _rudny11_procurement()).splitlines()
        ru = certificate_text("procurement", "ru", _rudny11_procurement()).splitlines()
    assert kk[0] == ("Талданатын кезеңде мемлекеттік сатып алудың жалпы сомасы 37 758 187,20 теңгені құрады, оның "
                     "ішінде: баға ұсыныстарын сұрату тәсілімен – 13 998 420,22 теңге сомасына 88 шарт; бір көзден "
                     "алу тәсілімен – 7 732 697,46 теңге сомасына 4 шарт; ашық конкурс тәсілімен – 13 653 678,19 "
                     "теңге сомасына 4 шарт; электрондық дүкен арқылы – 2 373 391,33 теңге.")
    assert ru[0] == ("В анализируемом периоде общая сумма государственных закупок составила 37 758 187,20 тенге, в том "
                     "числе: способом запроса ценовых предложений – 88 договоров на сумму 13 998 420,22 тенге; "
                     "способом из одного источника – 4 договора на сумму 7 732 697,46 тенге; способом открытого "
                     "конкурса – 4 договора на сумму 13 653 678,19 тенге; через электронный магазин – закупки на "
                     "сумму 2 373 391,33 тенге.")
    assert kk[1] == ("Бір көзден алу тәсілімен жасалған шарттар сатып алудың жалпы сомасының 20,5 %-ын, шарттардың "
                     "жалпы санының 4,2 %-ын (96 шарттың 4-і) құрады.")
    assert ru[1] == ("На закупки из одного источника пришлось 20,5 % общей суммы закупок и 4,2 % договоров (4 договора "
                     "из 96).")
    assert not [line for line in kk + ru if "үлесі:" in line or "Доля" in line]


@pytest.mark.parametrize("found, answers, kk, ru", [
    (1, 1, "оған ресми жауап берілді", "на неё дан официальный ответ"),
    (3, 3, "олардың әрқайсысына ресми жауап берілді", "на каждую из них дан официальный ответ"),
    (3, 1, "олардың 1-іне ресми жауап берілді", "на 1 из них дан официальный ответ"),
    (7, 2, "олардың 2-сіне ресми жауап берілді", "на 2 из них даны официальные ответы"),
    (7, 6, "олардың 6-сына ресми жауап берілді", "на 6 из них даны официальные ответы"),
    (1, 2, "оған 2 ресми жауап берілді", "на неё даны 2 официальных ответа"),
])
def test_an_answer_to_each_publication_is_no_count(app, found, answers, kk, ru):
    """Issue 11: «оған 1 жауап берілді» / «на неё дан 1 ответ» read as a filled-in slot; a count only where it tells
    something."""
    media = half("media", {"negative_publications": found, "responses_given": answers})
    with app.app_context():
        assert certificate_text("media", "kk", media).endswith(f"жарияланым анықталды, {kk}.")
        assert certificate_text("media", "ru", media).endswith(f"о школе, {ru}.")


def test_a_survey_finds_no_reports_and_an_event_held_twice_is_one_sentence(app):
    """rudny-3 2025-H2…2026-H1, 2.6: a survey «бұзушылықтар анықталған жоқ» (a survey inspects nothing), and the
    same survey and the same canteen check each told twice, word for word."""
    def event(held_on, kind, held_by):
        return MonitoringEvent(held_on=held_on, kind=kind, held_by=held_by, violations_found=False,
                               result="Бұзушылықтар анықталған жоқ", translations={})

    survey = ("Оқушылар мен ата-аналар арасында сыбайлас жемқорлыққа қарсы сауалнама", "«Адал ұрпақ» клубы")
    canteen = ("Мектеп асханасында қоғамдық мониторинг", "Қалалық білім бөлімінің бас маманымен бірлесіп")
    rows = [event(date(2025, 9, 29), *survey), event(date(2025, 11, 17), *canteen),
            event(date(2026, 4, 14), *survey), event(date(2026, 4, 23), *canteen)]
    with app.app_context():
        span = merge(section_by_code("monitoring"), [half("monitoring", rows={"events": rows})], "kk", ["kk"],
                     [(2025, 2)])
        assert words(section_by_code("monitoring").certificate(span, "kk")).splitlines() == [
            "2025 жылғы 29 қыркүйекте және 2026 жылғы 14 сәуірде «Адал ұрпақ» клубы оқушылар мен ата-аналар "
            "арасында сыбайлас жемқорлыққа қарсы сауалнама жүргізді, сыбайлас жемқорлық фактілері туралы мәлімет "
            "түскен жоқ.",
            "2025 жылғы 17 қарашада және 2026 жылғы 23 сәуірде қалалық білім бөлімінің бас маманымен бірлесіп "
            "мектеп асханасында қоғамдық мониторинг жүргізілді, бұзушылықтар анықталған жоқ."]
