"""Issue 11, the sentences of 2.2 procurement, 2.3, 2.5, 2.6, 2.8, 2.9 and 2.12 as a head signs them: counts
agreeing with their nouns (Babel's plural forms), zeros as negative sentences, events told in sentences
rather than «label – value» slots, dates written out, no text of the other language spliced into a sentence."""

from decimal import Decimal

import pytest
from test_certificate_sections import certificate_text, half

from webapp.blueprints.procurement.models import ProcurementMethod

PLURALS = [  # n, Russian forms for the count
    (1, "Поступила 1 жалоба", "отменена 1 закупка", "размещена 1 публикация",
     "выявлена 1 негативная публикация о школе, на неё дан 1 ответ"),
    (2, "Поступили 2 жалобы", "отменены 2 закупки", "размещены 2 публикации",
     "выявлены 2 негативные публикации о школе, на них даны 2 ответа"),
    (5, "Поступило 5 жалоб", "отменено 5 закупок", "размещено 5 публикаций",
     "выявлено 5 негативных публикаций о школе, на них дано 5 ответов"),
    (21, "Поступила 21 жалоба", "отменена 21 закупка", "размещена 21 публикация",
     "выявлена 21 негативная публикация о школе, на них дан 21 ответ"),
    (22, "Поступили 22 жалобы", "отменены 22 закупки", "размещены 22 публикации",
     "выявлены 22 негативные публикации о школе, на них даны 22 ответа"),
]


@pytest.mark.parametrize("n, complaints, cancelled, published, negative", PLURALS)
def test_counts_agree_with_their_nouns(app, n, complaints, cancelled, published, negative):
    with app.app_context():
        facts = {"complaints_count": n, "cancellations_count": n}
        assert certificate_text("procurement", "ru", half("procurement", facts)) == (
            f"{complaints} на государственные закупки, {cancelled}.")
        assert certificate_text("procurement", "kk", half("procurement", facts)) == (
            f"Мемлекеттік сатып алуға {n} шағым түсті, {n} сатып алудың күші жойылды.")
        assert certificate_text("transparency", "ru", half("transparency", {"publications_count": n})) == (
            f"В анализируемом периоде {published} о деятельности школы.")
        assert certificate_text("transparency", "kk", half("transparency", {"publications_count": n})) == (
            f"Талданатын кезеңде мектеп қызметі туралы {n} жарияланым орналастырылды.")
        media = half("media", {"negative_publications": n, "responses_given": n})
        assert certificate_text("media", "ru", media) == (
            f"В анализируемом периоде в средствах массовой информации и социальных сетях {negative}.")
        assert certificate_text("media", "kk", media) == (
            "Талданатын кезеңде бұқаралық ақпарат құралдары мен әлеуметтік желілерде мектеп туралы "
            f"{n} жағымсыз жарияланым анықталды, {'оған' if n == 1 else 'оларға'} {n} жауап берілді.")


def test_zeros_are_negative_sentences(app):
    with app.app_context():
        procurement = half("procurement", {"complaints_count": 0, "cancellations_count": 2})
        assert certificate_text("procurement", "ru", procurement) == (
            "Жалоб на государственные закупки не поступало, отменены 2 закупки.")
        assert certificate_text("procurement", "kk", procurement) == (
            "Мемлекеттік сатып алуға шағымдар түскен жоқ, 2 сатып алудың күші жойылды.")
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
        assert kk[1:3] == ["баға сұранысы бойынша 57 шарт – 22 266 028,65 теңге;",
                           "электронды дүкен арқылы – 41 440,00 теңге."]
        assert ("Мемлекеттік сатып алу жоспарын бекіту және өзгерту туралы бұйрықтар: №1, 05.01.2025ж.; "
                "№2, 05.01.2025ж.; №68, 14.04.2025ж.") in kk
        ru = certificate_text("procurement", "ru", procurement).splitlines()
        assert ru[1:3] == ["по запросу ценовых предложений 57 договоров – 22 266 028,65 тенге;",
                           "через электронный магазин – 41 440,00 тенге."]
        assert ("Приказы об утверждении и изменении плана государственных закупок: №1 от 05.01.2025, "
                "№2 от 05.01.2025, №68 от 14.04.2025.") in ru
        # Plan orders typed otherwise than «№ number date» are printed as typed.
        typed = half("procurement", {"plan_orders": "директордың 2025 жылғы бұйрықтары"})
        assert certificate_text("procurement", "kk", typed).endswith(": директордың 2025 жылғы бұйрықтары.")
