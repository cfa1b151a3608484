"""Issue 11 review (s8c): 2.11's dealings told as sentences, the citizens' proposals on the announcement told once,
and procurement without amounts saying so once rather than after each method."""

from datetime import date

import pytest
from support import text_of

from webapp.blueprints.interactions.models import Interaction
from webapp.blueprints.procurement.models import ProcurementMethod
from webapp.certificate.span import merge
from webapp.reporting.models import SectionEntry
from webapp.reporting.sections import SectionData, section_by_code


def _text(code: str, lang: str, rows: dict) -> str:
    span = merge(section_by_code(code), [SectionData(section_by_code(code), SectionEntry(section=code, facts={}),
                                                     rows)])
    return " ".join(block.text for block in section_by_code(code).certificate(span, lang))


PROPOSALS = {
    "kk": Interaction(held_on=date(2025, 10, 2), body="Азаматтар",
                      subject="Ішкі талдау туралы хабарландыруға түскен ұсыныстарды қарау",
                      result="Ұсыныстар қаралып, авторларына жауап берілді"),
    "ru": Interaction(held_on=date(2025, 10, 2), body="Граждане",
                      subject="Рассмотрение предложений, поступивших на объявление о внутреннем анализе",
                      result="Предложения рассмотрены, авторам даны ответы"),
}


@pytest.mark.parametrize(("lang", "expected"), [
    ("kk", "2025 жылғы 2 қазанда ішкі талдау туралы хабарландыруға азаматтардан түскен ұсыныстар қаралып, "
           "авторларына жауап берілді."),
    ("ru", "2 октября 2025 года рассмотрены предложения граждан, поступившие на объявление о проведении "
           "внутреннего анализа; авторам даны ответы."),
])
def test_the_proposals_considered_are_a_sentence_with_the_date_in_words(app, lang, expected):
    """Was «02.10.2025 – Граждане: Рассмотрение предложений…; результат – Предложения рассмотрены, …»."""
    with app.app_context():
        assert _text("interactions", lang, {"interactions": [PROPOSALS[lang]]}) == expected


@pytest.mark.parametrize(("lang", "row", "expected"), [
    ("kk", Interaction(held_on=date(2025, 11, 12),
                       body="Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігінің Қостанай облысы бойынша департаменті",
                       subject="Педагогтермен «Адал азамат» тақырыбында кездесу",
                       result="Кездесу өткізілді, 40-қа жуық педагог қатысты"),
     "2025 жылғы 12 қарашада Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігінің Қостанай облысы бойынша "
     "департаментімен бірлесіп педагогтермен «Адал азамат» тақырыбында кездесу өткізілді; 40-қа жуық педагог "
     "қатысты."),
    ("ru", Interaction(held_on=date(2025, 11, 12),
                       body="Департамент Агентства по противодействию коррупции по Костанайской области",
                       subject="Встреча с педагогами на тему «Адал азамат»",
                       result="Встреча проведена, приняли участие около 40 педагогов"),
     "12 ноября 2025 года департамент Агентства по противодействию коррупции по Костанайской области провёл "
     "встречу с педагогами на тему «Адал азамат»; приняли участие около 40 педагогов."),
    ("ru", Interaction(held_on=date(2026, 3, 5), body="Общественное объединение «Адал жастар»",
                       subject="Антикоррупционная акция", result="В акции приняли участие учащиеся 9–11 классов"),
     "5 марта 2026 года общественное объединение «Адал жастар» провело антикоррупционную акцию; в акции приняли "
     "участие учащиеся 9–11 классов."),
    ("ru", Interaction(held_on=date(2025, 3, 1), body="Родители", subject="Собрание по вопросам питания",
                       result="Замечаний нет"),
     "1 марта 2025 года проведено собрание по вопросам питания (участник – Родители); замечаний нет."),
])
def test_any_dealing_is_told_in_a_sentence(app, lang, row, expected):
    """Body, subject and result joined in grammatical prose; a result opening «Встреча проведена» is not said
    after «провёл встречу»."""
    with app.app_context():
        assert _text("interactions", lang, {"interactions": [row]}) == expected


@pytest.mark.parametrize(("lang", "once", "twice", "told"), [
    ("kk", "Ішкі талдау туралы хабарландыруға азаматтардан 2 ұсыныс түсті",
     "хабарландыруға азаматтардан түскен ұсыныстар қаралып",
     "2025 жылғы 2 қазанда жоғарыда аталған азаматтардың ұсыныстары қаралып, авторларына жауап берілді."),
    ("ru", "На объявление о проведении внутреннего анализа от граждан поступило 2 предложения",
     "предложения граждан, поступившие на объявление",
     "2 октября 2025 года рассмотрены указанные выше предложения граждан; авторам даны ответы."),
])
def test_the_proposals_on_the_announcement_are_told_once(demo, as_user, lang, once, twice, told):
    """rudny-3's school year: the sources say the proposals came; 2.11 refers back to them instead of saying so
    again."""
    text = text_of(as_user("rudny").get(f"/schools/rudny-3/certificate/?from=2025-H2&to=2026-H1&lang={lang}"))
    assert text.count(once) == 1 and twice not in text and told in text


def _methods(*counts):
    return {"methods": [ProcurementMethod(method=method, contracts=n, amount=None) for method, n in counts]}


def test_procurement_without_amounts_says_so_once(app):
    """lisakovsk-4: «49 договоров (сумма не указана)» after each of five methods, then «Суммы закупок не
    указаны.»."""
    rows = _methods(("price_request", 49), ("open_tender", 4), ("e_shop", 18))
    with app.app_context():
        kk, ru = _text("procurement", "kk", rows), _text("procurement", "ru", rows)
    assert ("Талданатын кезеңде баға ұсыныстарын сұрату тәсілімен 49 шарт жасалды, ашық конкурс тәсілімен 4 шарт "
            "жасалды, электрондық дүкен арқылы 18 шарт жасалды.") in kk
    assert "(сомасы көрсетілмеген)" not in kk and kk.count("Сатып алу сомалары көрсетілмеген.") == 1
    assert ("В анализируемом периоде способом запроса ценовых предложений заключено 49 договоров, способом "
            "открытого конкурса – 4 договора, через электронный магазин – 18 договоров.") in ru
    assert "(сумма не указана)" not in ru and ru.count("Суммы закупок не указаны.") == 1
