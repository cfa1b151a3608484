"""Issue 11, prose not slots in 2.1 public services, 2.2 personnel and 2.4 appeals: what a bilingual reviewer
asked to change before a head signs, in Kazakh and Russian."""


from datetime import date
from decimal import Decimal

import pytest
from test_certificate_sections import certificate_text, half, seed_certificate  # noqa: F401 (a fixture)

from webapp.blueprints.personnel.models import StaffMovement


def _moved(direction: str, n: int, lang: str, reason: str | None = None, months: int = 1) -> str:
    """`n` teachers hired or dismissed in January 2025, or spread over January and February (`months` 2)."""
    counts = [n] if months == 1 else [1, n - 1]
    return certificate_text("personnel", lang, half("personnel", rows={"movements": [
        StaffMovement(year=2025, month=i + 1, direction=direction, staff_category="teacher", count=count,
                      reason=reason) for i, count in enumerate(counts)]}))


@pytest.mark.parametrize("n, dismissed, hired, teachers", [
    (1, "Уволен 1 работник", "Принят на работу 1 работник", "1 педагогический работник"),
    (2, "Уволены 2 работника", "Приняты на работу 2 работника", "2 педагогических работника"),
    (5, "Уволено 5 работников", "Принято на работу 5 работников", "5 педагогических работников"),
    (21, "Уволен 21 работник", "Принят на работу 21 работник", "21 педагогический работник"),
    (22, "Уволены 22 работника", "Приняты на работу 22 работника", "22 педагогических работника"),
])
def test_the_russian_verb_agrees_with_the_count_of_people_hired_or_dismissed(app, n, dismissed, hired, teachers):
    with app.app_context():
        # One month, one category: the people named once, the verb agreeing with them.
        verb, hire = dismissed.split()[0].lower(), hired.split()[0].lower()
        assert _moved("dismissed", n, "ru") == f"В январе 2025 года {verb} {teachers}."
        assert _moved("hired", n, "ru") == f"В январе 2025 года {hire} на работу {teachers}."
        assert _moved("dismissed", n, "kk") == f"2025 жылғы қаңтарда жұмыстан {n} педагог қызметкер босатылды."
        assert _moved("hired", n, "kk") == f"2025 жылғы қаңтарда жұмысқа {n} педагог қызметкер қабылданды."
        if n > 1:  # over two months: the total leads, the months follow in brackets
            assert _moved("dismissed", n, "ru", months=2).startswith(
                f"В анализируемом периоде {dismissed.lower()} (в январе 2025 года – 1 ")
            assert _moved("hired", n, "ru", months=2).startswith(
                f"В анализируемом периоде {hired.lower()} (в январе 2025 года – 1 ")
            # A Kazakh verb does not change with the count, and the noun stays singular.
            assert _moved("dismissed", n, "kk", months=2).startswith(
                f"Талданатын кезеңде жұмыстан {n} қызметкер босатылды (2025 жылғы қаңтарда – 1 педагог қызметкер, ")
            assert _moved("hired", n, "kk", months=2).startswith(
                f"Талданатын кезеңде жұмысқа {n} қызметкер қабылданды (2025 жылғы қаңтарда – ")
        else:  # «Уволен 1 работник:» would stand before a list naming the one person again
            assert dismissed not in _moved("dismissed", n, "ru") and hired not in _moved("hired", n, "ru")


def _rudny7_movements(lang: str) -> str:
    reason = {"kk": "өз еркімен", "ru": "по собственному желанию"}[lang]
    leave = {"kk": "декреттік демалысқа", "ru": "отпуск по беременности и родам"}[lang]
    rows = [StaffMovement(year=2025, month=4, direction="dismissed", staff_category="teacher", count=1, reason=reason),
            StaffMovement(year=2025, month=4, direction="dismissed", staff_category="support", count=1, reason=reason),
            StaffMovement(year=2025, month=5, direction="dismissed", staff_category="support", count=1, reason=reason),
            StaffMovement(year=2025, month=3, direction="long_leave", staff_category="teacher", count=1, reason=leave),
            StaffMovement(year=2024, month=11, direction="dismissed", staff_category="teacher", count=2)]
    return certificate_text("personnel", lang, half("personnel", rows={"movements": rows}))


def test_dismissals_tell_their_reason_in_each_month_and_a_leave_is_a_sentence(app):
    with app.app_context():
        kk = _rudny7_movements("kk").splitlines()
        # The months in date order, each with its reason: November 2024 before April 2025.
        assert kk == ["Талданатын кезеңде жұмыстан 5 қызметкер босатылды (2024 жылғы қарашада – 2 педагог "
                      "қызметкер; 2025 жылғы сәуірде – 1 педагог қызметкер, 1 кіші қызметкер өз еркімен; 2025 жылғы "
                      "мамырда – 1 кіші қызметкер өз еркімен).",
                      "2025 жылғы наурызда 1 педагог қызметкер декреттік демалысқа шықты."]
        ru = _rudny7_movements("ru").splitlines()
        # One term for the support staff, as the staffing figures name the group.
        assert ru[0] == ("В анализируемом периоде уволено 5 работников (в ноябре 2024 года – 2 педагогических "
                         "работника; в апреле 2025 года – 1 педагогический работник, 1 работник обслуживающего "
                         "персонала по собственному желанию; в мае 2025 года – 1 работник обслуживающего персонала "
                         "по собственному желанию).")
        assert ru[1] == "В марте 2025 года 1 педагогическому работнику предоставлен отпуск по беременности и родам."
        assert "(өз еркімен)" not in "".join(kk) and "(по собственному желанию)" not in "".join(ru)


def test_a_leave_without_a_reason_and_a_return(app):
    with app.app_context():
        rows = [StaffMovement(year=2026, month=4, direction="returned", staff_category="teacher", count=2),
                StaffMovement(year=2025, month=10, direction="long_leave", staff_category="teacher", count=2)]
        span = half("personnel", rows={"movements": rows})
        assert certificate_text("personnel", "ru", span).splitlines() == [
            "В октябре 2025 года 2 педагогическим работникам предоставлен длительный отпуск.",
            "В апреле 2026 года оформлен выход из отпуска 2 педагогических работников."]
        assert certificate_text("personnel", "kk", span).splitlines() == [
            "2025 жылғы қазанда 2 педагог қызметкер ұзақ демалысқа шықты.",
            "2026 жылғы сәуірде 2 педагог қызметкер демалыстан оралды."]


@pytest.mark.parametrize("n, ru", [(1, "1 педагогическому работнику"), (2, "2 педагогическим работникам"),
                                   (5, "5 педагогическим работникам"), (21, "21 педагогическому работнику"),
                                   (22, "22 педагогическим работникам")])
def test_a_maternity_leave_is_granted_with_no_verb_of_the_wrong_gender(app, n, ru):
    """Issue 11: «1 педагогический работник ушёл в отпуск по беременности и родам» gave a woman a masculine verb."""
    rows = [StaffMovement(year=2025, month=3, direction="long_leave", staff_category="teacher", count=n,
                          reason="отпуск по беременности и родам")]
    with app.app_context():
        text = certificate_text("personnel", "ru", half("personnel", rows={"movements": rows}))
        assert text == f"В марте 2025 года {ru} предоставлен отпуск по беременности и родам."
        assert "ушёл" not in text and "ушли" not in text
        rows[0].reason = "декреттік демалысқа"
        assert certificate_text("personnel", "kk", half("personnel", rows={"movements": rows})) == (
            f"2025 жылғы наурызда {n} педагог қызметкер декреттік демалысқа шықты.")


def test_a_leave_reason_typed_follows_the_leave_words_in_brackets(app):
    """QA (issue 10): the typed reason stood in place of «в длительный отпуск» («…ушли в по уходу за ребёнком.»,
    «…бала күтімі бойынша шықты.»)."""
    def leave(lang: str, reason: str, direction: str = "long_leave") -> str:
        rows = [StaffMovement(year=2026, month=4, direction=direction, staff_category="teacher", count=2,
                              reason=reason)]
        return certificate_text("personnel", lang, half("personnel", rows={"movements": rows}))

    with app.app_context():
        assert leave("ru", "по уходу за ребёнком") == (
            "В апреле 2026 года 2 педагогическим работникам предоставлен длительный отпуск "
            "(по уходу за ребёнком).")
        assert leave("kk", "бала күтімі бойынша") == (
            "2026 жылғы сәуірде 2 педагог қызметкер ұзақ демалысқа шықты (бала күтімі бойынша).")
        assert leave("kk", "декреттік демалыс") == (
            "2026 жылғы сәуірде 2 педагог қызметкер ұзақ демалысқа шықты (декреттік демалыс).")
        assert leave("ru", "по уходу за ребёнком", "returned") == (
            "В апреле 2026 года оформлен выход из отпуска 2 педагогических работников (по уходу за ребёнком).")
        # A reason naming the leave in the sentence's own case still takes the general words' place.
        assert leave("kk", "декреттік демалысқа") == "2026 жылғы сәуірде 2 педагог қызметкер декреттік демалысқа шықты."
        assert leave("ru", "отпуск по беременности и родам") == (
            "В апреле 2026 года 2 педагогическим работникам предоставлен отпуск по беременности и родам.")


def test_a_reason_shown_in_the_other_language_still_opens_the_sentence_with_a_capital(app):
    from webapp.blueprints.personnel.certificate import _capital
    from webapp.reporting.texts import MARK_CLOSE, MARK_OPEN

    with app.app_context():
        text = _moved("dismissed", 3, "ru", reason=f"{MARK_OPEN}Өз еркімен{MARK_CLOSE}", months=2)
        assert text.startswith(f"В анализируемом периоде уволены 3 работника {MARK_OPEN}өз еркімен{MARK_CLOSE} (")
        assert _capital(f"{MARK_OPEN}өз еркімен{MARK_CLOSE}") == f"{MARK_OPEN}Өз еркімен{MARK_CLOSE}"
        # Mid-sentence, after the month, the reason goes lowercase, its mark kept.
        assert _moved("dismissed", 3, "ru", reason=f"{MARK_OPEN}Өз еркімен{MARK_CLOSE}") == (
            f"В январе 2025 года уволены 3 педагогических работника {MARK_OPEN}өз еркімен{MARK_CLOSE}.")


def _disciplined(lang: str, mixed: bool = False) -> str:
    from webapp.blueprints.personnel.models import DisciplinaryAction

    def row(person, number, on, penalty="warning"):
        return DisciplinaryAction(person=person, penalty=penalty, order_number=number, order_date=on)

    rows = [row("Айназарова Ж", "77", date(2024, 10, 11), "reprimand" if mixed else "warning"),
            row("Ермағанбетова С.А.", "86", date(2024, 11, 1)),
            row("Абдрахимова З.Г.", "88", date(2024, 11, 13)), row("Бахрамова С.Б", "88", date(2024, 11, 13))]
    return certificate_text("personnel", lang, half("personnel", rows={"disciplinary": rows}))


def test_discipline_is_a_sentence_with_initials_and_the_penalty_said_once(app):
    with app.app_context():
        assert _disciplined("kk") == (
            "Тәртіптік практика: талданатын кезеңде 4 жұмыскерге ескерту түрінде тәртіптік жаза берілді: "
            "Ж. Айназарова (2024 жылғы 11 қазандағы №77 бұйрық); С.А. Ермағанбетова (2024 жылғы 1 қарашадағы №86 "
            "бұйрық); З.Г. Абдрахимова, С.Б. Бахрамова (2024 жылғы 13 қарашадағы №88 бұйрық).")
        assert _disciplined("ru") == (
            "Дисциплинарная практика: в анализируемом периоде дисциплинарные взыскания в виде замечания наложены "
            "на 4 работников: Ж. Айназарова (приказ от 11 октября 2024 года №77); С.А. Ермағанбетова (приказ от "
            "1 ноября 2024 года №86); З.Г. Абдрахимова, С.Б. Бахрамова (приказ от 13 ноября 2024 года №88).")
        # Kinds that differ: each named with its penalty, a construction that needs no case ending on a name.
        assert "4 жұмыскерге тәртіптік жаза берілді: Ж. Айназарова – сөгіс (2024 жылғы 11 қазандағы №77 бұйрық); " \
               "С.А. Ермағанбетова – ескерту (" in _disciplined("kk", mixed=True)
        assert "наложены на 4 работников: Ж. Айназарова – выговор (приказ от 11 октября 2024 года №77); " \
               "С.А. Ермағанбетова – замечание (" in _disciplined("ru", mixed=True)


def test_discipline_counts_without_names_are_counted_nouns(app):
    with app.app_context():
        facts = {"disciplinary_total": 4, "disciplinary_warning": 3, "disciplinary_reprimand": 1,
                 "disciplinary_lifted_early": 0}
        assert certificate_text("personnel", "kk", half("personnel", facts)) == (
            "Тәртіптік практика: талданатын кезеңде 4 тәртіптік жаза берілді: 3 ескерту, 1 сөгіс.")
        assert certificate_text("personnel", "ru", half("personnel", {**facts, "disciplinary_lifted_early": 1})) == (
            "Дисциплинарная практика: в анализируемом периоде наложено 4 дисциплинарных взыскания: 3 замечания, "
            "1 выговор. Досрочно снято 1 взыскание.")


RUDNY7_PUBLISHED = {"kk": "«Электрондық еңбек биржасы» порталы, пайда болған күннен бастап бес жұмыс күні ішінде; "
                          "https://www.instagram.com/school7_rud/; http://rudnymektep7.edu.kz/",
                    "ru": "портал «Электронная биржа труда» – в течение пяти рабочих дней со дня появления вакансии; "
                          "https://www.instagram.com/school7_rud/; http://rudnymektep7.edu.kz/"}


@pytest.mark.parametrize("lang, expected", [
    ("kk", "Бос орындар туралы ақпарат пайда болған күннен бастап бес жұмыс күні ішінде «Электрондық еңбек биржасы» "
           "порталында, мектептің ресми сайтында (http://rudnymektep7.edu.kz/) және Instagram аккаунтында "
           "(https://www.instagram.com/school7_rud/) жарияланады. Анықтама жасалған күні бос орын жоқ."),
    ("ru", "Сведения о вакансиях размещаются в течение пяти рабочих дней со дня появления вакансии на портале "
           "«Электронная биржа труда», на официальном сайте школы (http://rudnymektep7.edu.kz/) и в аккаунте "
           "Instagram (https://www.instagram.com/school7_rud/). На дату составления справки вакансий нет."),
])
def test_vacancies_are_a_full_sentence_where_and_when_first(app, lang, expected):
    with app.app_context():
        facts = {"vacancies": 0, "vacancies_published": RUDNY7_PUBLISHED[lang]}
        assert certificate_text("personnel", lang, half("personnel", facts)) == expected


@pytest.mark.parametrize("n, kk, ru", [
    (1, "Анықтама жасалған күні 1 бос орын бар.", "На дату составления справки имеется 1 вакансия."),
    (2, "Анықтама жасалған күні 2 бос орын бар.", "На дату составления справки имеются 2 вакансии."),
    (5, "Анықтама жасалған күні 5 бос орын бар.", "На дату составления справки имеется 5 вакансий."),
    (21, "Анықтама жасалған күні 21 бос орын бар.", "На дату составления справки имеется 21 вакансия."),
])
def test_a_count_of_vacancies_is_a_sentence(app, n, kk, ru):
    with app.app_context():
        assert certificate_text("personnel", "kk", half("personnel", {"vacancies": n})) == kk
        assert certificate_text("personnel", "ru", half("personnel", {"vacancies": n})) == ru


def test_staffing_figures_are_sentences(app):
    from webapp.blueprints.personnel.models import AdministrativeStaff

    with app.app_context():
        staff = [AdministrativeStaff(position_title="Директор", persons=1, staff_units=1),
                 AdministrativeStaff(position_title="Заместитель директора по учебной работе", persons=2,
                                     staff_units=Decimal("1.5"))]
        span = half("personnel", {"teachers_total": 76, "support_staff_total": 41, "teachers_units": "80.5",
                                  "support_staff_units": "37", "staff_units_total": "124"},
                    rows={"admin_staff": staff})
        ru = certificate_text("personnel", "ru", span).splitlines()
        # The total units open the paragraph, said once (issue 11).
        assert ru[0] == ("Штатным расписанием предусмотрено 124 штатные единицы. Административный штат составляет "
                         "3 человека: директор (1 штатная единица), заместитель директора по учебной работе "
                         "(2 человека, 1,5 штатной единицы).")
        # A group's units beside its headcount, two measures a reader tells apart (issue 11 re-read: «штат саны 76
        # педагог» read against «на педагогов 80,5» two sentences later).
        assert ru[1] == ("Общая численность педагогов составляет 76 человек (80,5 штатной единицы). Численность "
                         "обслуживающего персонала составляет 41 человек (37 штатных единиц).")
        assert len(ru) == 2  # the groups told with their headcounts not again
        kk = certificate_text("personnel", "kk", span).splitlines()
        assert kk[0] == ("Штат кестесі бойынша 124 штат бірлігі бекітілген. Әкімшілік штат 3 адамды құрайды: "
                         "директор (1 бірлік), заместитель директора по учебной работе (2 адам, 1,5 бірлік).")
        assert kk[1] == ("Мұғалімдердің жалпы саны 76 педагог қызметкерді (80,5 штат бірлігі) құрайды. Кіші қызмет "
                         "көрсетуші персонал саны 41 адамды (37 штат бірлігі) құрайды.")
        assert len(kk) == 2
        assert "– 0" not in "".join(kk + ru) and "чел." not in "".join(ru)


def test_appeals_on_time_are_told_without_a_zero(app):
    from webapp.blueprints.appeals.models import Appeal

    with app.app_context():
        rows = [Appeal(channel="e_otinish", received_on=date(2025, 2, 10), answered_on=date(2025, 2, 12)),
                Appeal(channel="e_otinish", received_on=date(2025, 2, 10), answered_on=date(2025, 2, 13)),
                Appeal(channel="e_otinish", received_on=date(2025, 5, 26), answered_on=None)]
        ru = certificate_text("appeals", "ru", half("appeals", rows={"appeals": rows}))
        assert ru == ("В анализируемом периоде через портал «е-Өтініш» поступило 3 обращения. 2 обращения рассмотрены "
                      "в срок, 1 обращение ещё не рассмотрено.")
        late = half("appeals", {"received_count": 3, "answered_on_time_count": 0, "overdue_count": 3})
        assert certificate_text("appeals", "kk", late) == (
            "Талданатын кезеңде 3 өтініш келіп түсті. 3 өтініш мерзімі бұзылып қаралды.")
        assert certificate_text("appeals", "ru", late) == (
            "В анализируемом периоде поступило 3 обращения. 3 обращения рассмотрены с нарушением срока.")
        for lang in ("kk", "ru"):
            assert "– 0" not in certificate_text("appeals", lang, late)


def test_appeals_by_channel_and_applicant_are_one_sentence(app):
    from webapp.blueprints.appeals.models import Appeal

    with app.app_context():
        channels = ["e_otinish"] * 8 + ["written"] * 3 + ["other"]
        rows = [Appeal(channel=c, received_on=date(2025, 2, 10), answered_on=date(2025, 2, 12)) for c in channels]
        span = half("appeals", {"from_individuals": 9, "from_legal_entities": 2, "anonymous": 1},
                    rows={"appeals": rows})
        assert certificate_text("appeals", "kk", span) == (
            "Талданатын кезеңде 12 өтініш келіп түсті, оның 8-і «е-Өтініш» порталы арқылы, 3-і жазбаша түрде және "
            "1-і өзге тәсілмен; 9-ы жеке тұлғалардан, 2-сі заңды тұлғалардан және 1-і анонимді. Әрбір өтініш "
            "мерзімінде қаралды.")  # an appeal is considered («қаралды»), not carried out (issue 11 review)
        assert certificate_text("appeals", "ru", span) == (
            "В анализируемом периоде поступило 12 обращений, из них 8 через портал «е-Өтініш», 3 в письменной форме "
            "и 1 иным способом; 9 от физических лиц, 2 от юридических лиц и 1 анонимное. Каждое обращение "
            "рассмотрено в срок.")


def test_kazakh_share_endings_follow_the_last_word_of_the_number():
    from webapp.certificate.wording import kk_share

    assert [kk_share(n) for n in (1, 2, 6, 8, 9, 10, 12, 20, 35, 50, 100)] == [
        "1-і", "2-сі", "6-сы", "8-і", "9-ы", "10-ы", "12-сі", "20-сы", "35-і", "50-сі", "100-і"]


def test_a_public_service_is_a_clause_its_basis_lowercase_and_its_person_without_gender(app):
    from webapp.blueprints.services.models import ServiceProvided

    with app.app_context():
        rows = [ServiceProvided(service_code="transfer", recipients=128, responsible="Хасенова Н.С.",
                                legal_basis="Стандарт оказания государственной услуги"),
                ServiceProvided(service_code="document_duplicates", recipients=0, responsible="Хасенова Н.С.",
                                legal_basis="Қазақстан Республикасы Білім және ғылым министрінің №39 бұйрығы")]
        span = half("services", {"portal_responsible": "Исаева А.Ж."}, rows={"services": rows})
        ru = certificate_text("services", "ru", span)
        assert ("«Приём документов для перевода детей между организациями начального, основного среднего, общего "
                "среднего образования» (основание – стандарт оказания государственной услуги, ответственное лицо – "
                "Н.С. Хасенова): государственная услуга оказана 128 лицам;") in ru
        assert "): государственная услуга не оказывалась." in ru
        assert "За работу электронного портала «АРМ» отвечает А.Ж. Исаева." in ru  # a sentence (issue 11 re-read)
        assert "ответственный" not in ru.lower().replace("лицо, ответственное", "") and "Прием" not in ru
        kk = certificate_text("services", "kk", span)
        assert "(негізі – Қазақстан Республикасы Білім және ғылым министрінің №39 бұйрығы, жауапты тұлға – " \
               "Н.С. Хасенова): мемлекеттік қызмет көрсетілген жоқ." in kk
        assert "): мемлекеттік қызмет 128 адамға көрсетілді;" in kk
        assert "«АРМ» электронды мектеп порталының жұмысына А.Ж. Исаева жауап береді." in kk


# --- The seed's order of ideas inside a section (certificate.placed) ----------------------------------

def test_own_sentences_stand_beside_the_basis_on_the_same_idea():
    from webapp.blueprints.appeals.certificate import TOPICS as APPEALS
    from webapp.blueprints.services.certificate import TOPICS as SERVICES
    from webapp.certificate.blocks import Para
    from webapp.certificate.placed import placed

    basis = ("Қызмет бақылауда. Бұйрық негіздемесі: №39/НҚ бұйрық.\n"
             "Мемлекеттік қызметтерге жауапты тұлғалар ай сайын есеп береді")
    own = [Para("«…» №215 бұйрық шығарылған.", topic=1), Para("Бұйрыққа сәйкес:", topic=3), Para("«А»;"),
           Para("«АРМ» жауапты тұлға – Исаева А.Ж.", topic=4)]
    blocks = placed(basis, own, SERVICES, "Негіздеме:")
    assert [(b.label, b.text) for b in blocks] == [
        ("Негіздеме:", "Қызмет бақылауда."), (None, "«…» №215 бұйрық шығарылған."),
        (None, "Бұйрық негіздемесі: №39/НҚ бұйрық."), (None, "Бұйрыққа сәйкес:"), (None, "«А»;"),
        (None, "«АРМ» жауапты тұлға – Исаева А.Ж."),
        (None, "Мемлекеттік қызметтерге жауапты тұлғалар ай сайын есеп береді")]
    # The count of appeals comes first and carries the label; a section that ranks nothing keeps the old order.
    blocks = placed("Каждое обращение рассматривалось ответственным лицом.", [Para("Поступило 3 обращения.", topic=1)],
                    APPEALS, "Обоснование:")
    assert [(b.label, b.text) for b in blocks] == [("Обоснование:", "Поступило 3 обращения."),
                                                   (None, "Каждое обращение рассматривалось ответственным лицом.")]
    assert [b.text for b in placed("Негіздеме.", [Para("A")], (), "Негіздеме:")] == ["Негіздеме.", "A"]


@pytest.mark.parametrize("lang, order, its_basis, admin, duties, teachers, count, handled", [
    ("kk", "жүктеу туралы» бұйрық шығарылған", "Бұйрық негіздемесі:", "Әкімшілік штат 11 адамды құрайды",
     "Әкімшілік қызметкерлердің лауазымдық міндеттерін", "Мұғалімдердің жалпы штат саны", "3 өтініш келіп түсті",
     "Әрбір өтінішті жауапты тұлға"),
    ("ru", "Издан приказ «О возложении ответственности", "Основание: приказ", "Административный штат составляет",
     "Должностные обязанности административных работников", "Общая штатная численность педагогов",
     "поступило 3 обращения", "Каждое обращение рассматривалось"),
])
def test_the_seed_certificate_follows_the_seeds_order_of_ideas(seed_certificate, lang, order, its_basis, admin,  # noqa: F811
                                                               duties, teachers, count, handled):
    text = seed_certificate(lang)
    services = text[text.index("2.1."):text.index("2.2.")]
    assert services.index(order) < services.index(its_basis)  # the order first, then its basis
    # The list of services and the portal's person before what the school typed about the portal.
    listed, on_portal = {"kk": ("Бұйрыққа сәйкес төмендегі", "«АРМ» сайты арқылы"),
                         "ru": ("В соответствии с приказом оказываются", "через сайт «АРМ»")}[lang]
    assert services.index(its_basis) < services.index(listed) < services.index(on_portal)
    personnel = text[text.index("2.2."):]
    assert personnel.index(admin) < personnel.index(duties) < personnel.index(teachers)
    appeals = text[text.index("2.4."):]
    assert appeals.index(count) < appeals.index(handled)  # the count first


def _penalised_twice(lang: str, one_kind: bool = False) -> str:
    """rudny-11: one teacher given a severe reprimand and a warning, another a warning."""
    from webapp.blueprints.personnel.models import DisciplinaryAction

    rows = [DisciplinaryAction(person="Смагулова М.Ж.", penalty="warning" if one_kind else "severe_reprimand",
                               order_number="226", order_date=date(2025, 9, 12)),
            DisciplinaryAction(person="Смагулова М.Ж.", penalty="warning", order_number="256",
                               order_date=date(2025, 10, 27)),
            DisciplinaryAction(person="Ким Т.Д.", penalty="warning", order_number="258", order_date=date(2025, 10, 31))]
    return certificate_text("personnel", lang, half("personnel", rows={"disciplinary": rows}))


def test_two_penalties_of_one_person_are_counted_as_penalties_not_people(app):
    with app.app_context():
        assert _penalised_twice("kk") == (
            "Тәртіптік практика: талданатын кезеңде 2 жұмыскерге 3 тәртіптік жаза берілді: М.Ж. Смагулова – "
            "қатаң сөгіс (2025 жылғы 12 қыркүйектегі №226 бұйрық) және ескерту (2025 жылғы 27 қазандағы №256 "
            "бұйрық); Т.Д. Ким – ескерту (2025 жылғы 31 қазандағы №258 бұйрық).")
        assert _penalised_twice("ru") == (
            "Дисциплинарная практика: в анализируемом периоде наложено 3 дисциплинарных взыскания на 2 работников: "
            "М.Ж. Смагулова – строгий выговор (приказ от 12 сентября 2025 года №226) и замечание (приказ от "
            "27 октября 2025 года №256); Т.Д. Ким – замечание (приказ от 31 октября 2025 года №258).")
        # One kind for all: said once, each person's orders together.
        assert _penalised_twice("kk", one_kind=True) == (
            "Тәртіптік практика: талданатын кезеңде 2 жұмыскерге ескерту түрінде 3 тәртіптік жаза берілді: "
            "М.Ж. Смагулова (2025 жылғы 12 қыркүйектегі №226 бұйрық және 2025 жылғы 27 қазандағы №256 бұйрық); "
            "Т.Д. Ким (2025 жылғы 31 қазандағы №258 бұйрық).")
        assert _penalised_twice("ru", one_kind=True).startswith(
            "Дисциплинарная практика: в анализируемом периоде наложено 3 дисциплинарных взыскания в виде замечания "
            "на 2 работников: М.Ж. Смагулова (приказ от 12 сентября 2025 года №226 и приказ от 27 октября 2025 года "
            "№256); Т.Д. Ким (")


def _rudny3_movements(lang: str, reasons: dict) -> str:
    """rudny-3 2024-H2…2025-H1: hires in August 2024 and March 2025, dismissals in January and May 2025."""
    def moved(year, month, direction, category, count, reason=None):
        return StaffMovement(year=year, month=month, direction=direction, staff_category=category, count=count,
                             reason=reason)

    rows = [moved(2025, 1, "dismissed", "administrative", 1, reasons["own"]),
            moved(2025, 5, "dismissed", "teacher", 1, reasons["pension"]),
            moved(2024, 8, "hired", "administrative", 3), moved(2025, 3, "hired", "teacher", 2)]
    return certificate_text("personnel", lang, half("personnel", rows={"movements": rows}))


def test_hires_come_before_dismissals_each_in_date_order_with_the_reason_in_its_item(app):
    with app.app_context():
        assert _rudny3_movements("kk", {"own": "өз еркімен", "pension": "зейнеткерлікке шығуына байланысты"}) == (
            "Талданатын кезеңде жұмысқа 5 қызметкер қабылданды (2024 жылғы тамызда – 3 әкімшілік қызметкер, "
            "2025 жылғы наурызда – 2 педагог қызметкер), жұмыстан 2 қызметкер босатылды (2025 жылғы қаңтарда – "
            "1 әкімшілік қызметкер өз еркімен, 2025 жылғы мамырда – 1 педагог қызметкер зейнеткерлікке шығуына "
            "байланысты).")
        reasons = {"own": "по собственному желанию", "pension": "в связи с выходом на пенсию"}
        assert _rudny3_movements("ru", reasons) == (
            "В анализируемом периоде принято на работу 5 работников (в августе 2024 года – 3 административных "
            "работника, в марте 2025 года – 2 педагогических работника), уволены 2 работника (в январе 2025 года – "
            "1 административный работник по собственному желанию, в мае 2025 года – 1 педагогический работник в "
            "связи с выходом на пенсию).")


def test_one_months_dismissals_for_two_reasons_are_one_item(app):
    """rudny-3 2025-H2: two sentences on August 2025's dismissals, one per reason."""
    rows = [StaffMovement(year=2025, month=8, direction="dismissed", staff_category="support", count=1,
                          reason="еңбек шартының мерзімі аяқталуына байланысты"),
            StaffMovement(year=2025, month=8, direction="dismissed", staff_category="teacher", count=2,
                          reason="басқа жұмысқа ауысуына байланысты"),
            StaffMovement(year=2025, month=9, direction="dismissed", staff_category="support", count=1,
                          reason="өз еркімен")]
    with app.app_context():
        assert certificate_text("personnel", "kk", half("personnel", rows={"movements": rows})) == (
            "Талданатын кезеңде жұмыстан 4 қызметкер босатылды (2025 жылғы тамызда – 1 кіші қызметкер еңбек "
            "шартының мерзімі аяқталуына байланысты және 2 педагог қызметкер басқа жұмысқа ауысуына байланысты; "
            "2025 жылғы қыркүйекте – 1 кіші қызметкер өз еркімен).")


def test_the_staff_units_are_stated_once_before_the_posts_that_give_them(app):
    """lisakovsk-2: «Штат кестесі бойынша 121,75 штат бірлігі бекітілген, оның ішінде әкімшілік персоналға 6,5
    бірлік» came after the administrative posts listing those 6,5 units one by one."""
    from webapp.blueprints.personnel.models import AdministrativeStaff

    with app.app_context():
        staff = [AdministrativeStaff(position_title="директор", persons=1, staff_units=1),
                 AdministrativeStaff(position_title="директордың оқу ісі жөніндегі орынбасары", persons=2,
                                     staff_units=Decimal("5.5"))]
        facts = {"staff_units_total": "121.75", "administrative_units": "6.5", "administrative_total": 3}
        span = half("personnel", facts, rows={"admin_staff": staff})
        assert certificate_text("personnel", "kk", span) == (
            "Штат кестесі бойынша 121,75 штат бірлігі бекітілген. Әкімшілік штат 3 адамды құрайды: директор "
            "(1 бірлік), директордың оқу ісі жөніндегі орынбасары (2 адам, 5,5 бірлік).")
        assert certificate_text("personnel", "ru", span) == (
            "Штатным расписанием предусмотрено 121,75 штатной единицы. Административный штат составляет 3 человека: "
            "директор (1 штатная единица), директордың оқу ісі жөніндегі орынбасары (2 человека, 5,5 штатной "
            "единицы).")
        # Posts whose units do not make up the group's: the group's own figure is still given.
        span = half("personnel", {**facts, "administrative_units": "7"}, rows={"admin_staff": staff})
        assert certificate_text("personnel", "kk", span).startswith(
            "Штат кестесі бойынша 121,75 штат бірлігі бекітілген, оның ішінде әкімшілік персоналға 7 бірлік. ")


def test_the_ethics_councils_cases_say_how_they_ended(app):
    """lisakovsk-2: «Педагогикалық әдеп кеңесінде 1 жағдай қаралды.» / «…рассмотрен 1 случай.», a bare count."""
    with app.app_context():
        typed = half("personnel", {"ethics_council_cases": 1,
                                   "ethics_council_outcome": "Педагогке әдеп нормаларын сақтау туралы ескертілді."})
        assert certificate_text("personnel", "kk", typed) == (
            "Педагогикалық әдеп кеңесінде 1 жағдай қаралды: педагогке әдеп нормаларын сақтау туралы ескертілді.")
        # No outcome typed and no penalty in the span: none followed from the cases.
        for n, kk, ru in ((1, "1 жағдай қаралды, ол бойынша тәртіптік жаза берілген жоқ.",
                           "рассмотрен 1 случай, дисциплинарное взыскание по нему не налагалось."),
                          (2, "2 жағдай қаралды, олар бойынша тәртіптік жаза берілген жоқ.",
                           "рассмотрено 2 случая, дисциплинарные взыскания по ним не налагались.")):
            clean = half("personnel", {"ethics_council_cases": n, "disciplinary_total": 0})
            assert certificate_text("personnel", "kk", clean).endswith(kk)
            assert certificate_text("personnel", "ru", clean).endswith(ru)
