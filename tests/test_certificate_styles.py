"""Issue 11, a bilingual review of rudny-7: one style for every person the certificate names (initials before
the surname, «Қ.И. Бірманова»), one style for every order it cites («2024 жылғы 2 қыркүйектегі №234» / «от 2
сентября 2024 года №234»), sentences instead of «label – value» lists in 2.2, an inspection told with when it
took place, and Russian sentences where a Russian verb was once avoided by a parenthesis."""

import re
from datetime import date

import pytest
from test_certificate_sections import certificate_text, half, seed_certificate, span_of, words  # noqa: F401 (a fixture)

from webapp.blueprints.conclusion.certificate import conclusion_blocks
from webapp.blueprints.conclusion.models import Recommendation
from webapp.blueprints.general.certificate import working_group
from webapp.blueprints.general.models import WorkingGroupMember
from webapp.blueprints.inspections.models import SupervisoryInspection
from webapp.blueprints.personnel.models import DisciplinaryAction
from webapp.blueprints.services.models import ServiceProvided
from webapp.certificate.wording import person_name


@pytest.mark.parametrize("typed, written", [
    ("Айназарова Ж", "Ж. Айназарова"), ("Хасенова Н.С.", "Н.С. Хасенова"), ("Хасенова Н. С.", "Н.С. Хасенова"),
    ("Қ.И.Бірманова", "Қ.И. Бірманова"), ("Қ.И. Бірманова", "Қ.И. Бірманова"), ("Омарова-Ким А.Б.", "А.Б. Омарова-Ким"),
    ("ақпараттандыру жөніндегі директордың орынбасары Исаева А.Ж.",
     "ақпараттандыру жөніндегі директордың орынбасары А.Ж. Исаева"),
    ("Хасенова Н.С., Исаева А.Ж.", "Н.С. Хасенова, А.Ж. Исаева"),
    # Not a name with initials: as typed.
    ("Барлық жұмыскерлер", "Барлық жұмыскерлер"), ("Жұмабаев Ерлан Серікұлы", "Жұмабаев Ерлан Серікұлы"),
    ("Министр РК", "Министр РК"),
])
def test_a_name_is_written_initials_first_whatever_the_shape_typed(typed, written):
    assert person_name(typed) == written


def test_every_name_the_certificate_composes_has_its_initials_first_in_both_languages(app):
    with app.app_context():
        services = half("services", {"portal_responsible": "директордың орынбасары Исаева А.Ж."}, {"services": [
            ServiceProvided(service_code="admission", recipients=5, responsible="Хасенова Н.С.")]})
        discipline = half("personnel", rows={"disciplinary": [
            DisciplinaryAction(person="Айназарова Ж.", penalty="warning", order_number="77",
                               order_date=date(2024, 10, 11))]})
        plan = half("conclusion", rows={"recommendations": [
            Recommendation(text="Өтініштерді уақтылы қарау", deadline_kind="permanent", section="appeals",
                           responsible="Хасенова Н.С.")]})
        group = half("general", rows={"working_group": [
            WorkingGroupMember(name="Исаева А.Ж.", position_title="Директордың орынбасары", translations={})]})
        for lang in ("kk", "ru"):
            text = "\n".join([certificate_text("services", lang, services),
                              certificate_text("personnel", lang, discipline),
                              words(conclusion_blocks(span_of("conclusion", plan), lang)),
                              words(working_group(span_of("general", group), lang))])
            for name in ("Н.С. Хасенова", "А.Ж. Исаева", "Ж. Айназарова"):
                assert name in text, (lang, name)
            # Before: «жауапты тұлға – Хасенова Н.С.», «орынбасары Исаева А.Ж.», ru «Айназарова Ж. (приказ …)».
            assert not re.search(r"(Хасенова|Исаева|Айназарова) [А-ЯӘҒҚҢӨҰҮҺІ]\.", text), (lang, text)


def test_the_seed_certificate_names_everyone_initials_first(seed_certificate):  # noqa: F811
    kk, ru = seed_certificate("kk"), seed_certificate("ru")
    assert "жауапты тұлға – Н.С. Хасенова" in kk and "ответственное лицо – Н.С. Хасенова" in ru
    assert "ақпараттандыру жөніндегі директордың орынбасары А.Ж. Исаева" in kk
    assert "заместитель директора по информатизации А.Ж. Исаева" in ru
    assert "Ж. Айназарова (2024 жылғы 11 қазандағы №77 бұйрық)" in kk
    assert "Ж. Айназарова (приказ от 11 октября 2024 года №77)" in ru  # was «Айназарова Ж. (приказ №77 от …)»
    assert "__________ Қ.И. Бірманова" in kk and "__________ К.И. Бирманова" in ru


# --- one order style --------------------------------------------------------------------------------------------

SHORT_KK = re.compile(r"№ ?[\w/-]+, \d{2}\.\d{2}\.\d{4}ж")  # «№48, 02.09.2024ж.»
SHORT_RU = re.compile(r"№ ?[\w/-]+ от \d{2}\.\d{2}\.\d{4}")  # «№48 от 02.09.2024»


def test_the_seed_certificate_cites_every_order_in_one_style(seed_certificate):  # noqa: F811
    kk, ru = seed_certificate("kk"), seed_certificate("ru")
    assert SHORT_KK.findall(kk) == [] and SHORT_RU.findall(ru) == []
    for expected in ("мектеп-гимназия директорының 2024 жылғы 2 қыркүйектегі №153 бұйрығымен рәсімделді",
                     "2024 жылғы 2 қыркүйектегі №215 «Мемлекеттік көрсетілетін қызметтерге жауапкершілікті жүктеу "
                     "туралы» бұйрық шығарылған",
                     "директордың орынбасары А.Ж. Исаева жауап береді (2024 жылғы 2 қыркүйектегі №48 бұйрық)",
                     "2024 жылғы 2 қыркүйектегі №174 «Ыстық тамақпен қамтамасыз ету туралы»",
                     "басшының 2024 жылғы 2 қыркүйектегі №234 бұйрығымен"):
        assert expected in kk, expected
    for expected in ("оформленные приказом директора школы-гимназии от 2 сентября 2024 года №153",
                     "(протокол от 29 августа 2024 года №1)",
                     "«О возложении ответственности за оказание государственных услуг» от 2 сентября 2024 года №215",
                     "А.Ж. Исаева (приказ от 2 сентября 2024 года №48)",
                     "от 2 сентября 2024 года №174 «Об обеспечении горячим питанием»",
                     "(рекомендация от 21 мая 2025 года №2-0904-25-01180)"):
        assert expected in ru, expected
    # The services' legal basis in the demo data writes «№39», «№202» as every other reference (was «№ 39»).
    assert "28 қаңтардағы №39 бұйрығы" in kk and "14 мамырдағы №202 бұйрығы" in kk


# --- 2.2 in sentences -------------------------------------------------------------------------------------------

CATEGORIES = {"category_pedagog": 16, "category_moderator": 22, "category_expert": 17, "category_researcher": 21,
              "category_master": 2}


def test_qualification_categories_are_a_sentence(app):
    with app.app_context():
        kk = certificate_text("personnel", "kk", half("personnel", CATEGORIES))
        ru = certificate_text("personnel", "ru", half("personnel", CATEGORIES))
        assert kk == ("Біліктілік санаттары бойынша «педагог» санатында 16, «педагог-модератор» санатында 22, "
                      "«педагог-сарапшы» санатында 17, «педагог-зерттеуші» санатында 21 және «педагог-шебер» "
                      "санатында 2 педагог қызметкер жұмыс істейді.")
        assert ru == ("По квалификационным категориям в школе работают 16 педагогов категории «педагог», 22 педагога "
                      "категории «педагог-модератор», 17 педагогов категории «педагог-эксперт», 21 педагог категории "
                      "«педагог-исследователь» и 2 педагога категории «педагог-мастер».")
        one = half("personnel", {"category_master": 21})
        assert certificate_text("personnel", "ru", one) == (
            "По квалификационным категориям в школе работает 21 педагог категории «педагог-мастер».")
        none = half("personnel", {"category_pedagog": 3, "category_none": 5})
        assert certificate_text("personnel", "kk", none) == (
            "Біліктілік санаттары бойынша «педагог» санатында 3 және санатсыз 5 педагог қызметкер жұмыс істейді.")
        assert certificate_text("personnel", "ru", none).endswith("и 5 педагогов без категории.")


def test_staff_units_are_a_sentence(app):
    facts = {"staff_units_total": "114.25", "administrative_units": "9.5", "teachers_units": "74.75",
             "support_staff_units": "30"}
    with app.app_context():
        kk = certificate_text("personnel", "kk", half("personnel", facts))
        ru = certificate_text("personnel", "ru", half("personnel", facts))
        assert kk == ("Штат кестесі бойынша 114,25 штат бірлігі бекітілген, оның ішінде әкімшілік персоналға 9,5 "
                      "бірлік, педагогтерге 74,75 бірлік және кіші қызмет көрсетуші персоналға 30 бірлік.")
        assert ru == ("Штатным расписанием предусмотрено 114,25 штатной единицы, из них на административный персонал "
                      "9,5 штатной единицы, на педагогов 74,75 штатной единицы и на обслуживающий персонал 30 "
                      "штатных единиц.")
        groups = {k: v for k, v in facts.items() if k != "staff_units_total"}
        assert certificate_text("personnel", "kk", half("personnel", groups)).startswith(
            "Штат кестесі бойынша әкімшілік персоналға 9,5 бірлік, педагогтерге 74,75 бірлік")
        assert certificate_text("personnel", "ru", half("personnel", groups)).startswith(
            "Штатным расписанием предусмотрено на административный персонал 9,5 штатной единицы")
        for text in (kk, ru):
            assert " – " not in text  # no «label – value»


# --- 2.9: when the inspection took place, the body the subject of a Russian sentence ----------------------------

INSPECTION = dict(body="Рудный қаласының прокуратурасы", period_checked="2024–2025",
                  subject="Бюджеттік қаржының жұмсалуы, мемлекеттік сатып алу, тамақтануды ұйымдастыру",
                  result_kind="recommendation", result_number="2-0904-25-01180", result_date=date(2025, 5, 21),
                  violations_found=False, translations={})
RUSSIAN = dict(body="Прокуратура города Рудного",
               subject="Расходование бюджетных средств, государственные закупки, организация питания")


def _told(lang: str, basis: str | None = None, **values) -> str:
    row = SupervisoryInspection(**{**INSPECTION, **values})
    entry = {"basis": basis} if basis else {}
    return certificate_text("inspections", lang, half("inspections", rows={"inspections": [row]}, **entry))


def test_an_inspection_says_when_it_took_place(app):
    with app.app_context():
        assert _told("kk", held_on="2024-02") == (
            "2024 жылғы ақпанда Рудный қаласының прокуратурасы 2024–2025 жылдардағы бюджеттік қаржының жұмсалуы, "
            "мемлекеттік сатып алу, тамақтануды ұйымдастыру мәселелері бойынша тексеру жүргізді; 2025 жылғы "
            "21 мамырдағы №2-0904-25-01180 ұсыным бойынша бұзушылықтар анықталған жоқ.")
        assert _told("ru", held_on="2024-02", **RUSSIAN) == (
            "В феврале 2024 года прокуратура города Рудного провела проверку расходования бюджетных средств, "
            "государственных закупок и организации питания за 2024–2025 годы; по результатам проверки "
            "(рекомендация от 21 мая 2025 года №2-0904-25-01180) нарушений не выявлено.")
        assert _told("kk", held_on="2024-02-23").startswith("2024 жылғы 23 ақпанда Рудный қаласының прокуратурасы")
        assert _told("ru", held_on="2024-02-23", **RUSSIAN).startswith(
            "23 февраля 2024 года прокуратура города Рудного провела проверку")
        # A body whose gender the verb takes: «Департамент … провёл».
        assert _told("ru", body="Департамент по обеспечению качества в сфере образования",
                     subject=RUSSIAN["subject"]).startswith("Департамент по обеспечению качества в сфере образования "
                                                            "провёл проверку расходования")
        # A date the school's own basis already gives is not said again.
        basis = "2024 жылғы ақпанда Рудный қаласының прокуратурасы тексеру жүргізді."
        assert _told("kk", basis=basis, held_on="2024-02").startswith("Тексеру 2024–2025 жылдардағы")


def test_the_seed_inspection_took_place_in_february_2024(seed_certificate):  # noqa: F811
    kk, ru = seed_certificate("kk"), seed_certificate("ru")
    assert "2024 жылғы ақпанда Рудный қаласының прокуратурасы тексеру жүргізді" in kk
    assert "В феврале 2024 года прокуратура города Рудного провела проверку" in ru
    assert "проверяющий орган –" not in ru
