"""Issue 11, «a fact is stated once», for a school's own texts: where the basis a school typed already gives a
figure with a word naming it, the certificate's generated sentence for that figure is left out (HTML and
DOCX, kk and ru); a bare number, or the same number about something else, leaves the sentence in."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from docx import Document
from sqlalchemy import select
from test_certificate_formats import docx_text, get, html_text

from webapp.blueprints.personnel.certificate import NAMED
from webapp.certificate.stated import Names, numbers_in, stated_in
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import Submission

TEACHERS = Names(kk=("педагог", "мұғалім"), ru=("педагог", "учител"))
AMOUNT = Names(kk=("теңге", "сома", "₸"), ru=("тенге", "сумм", "₸"))

# rudny-7's 2.2 over 2024-H2..2025-H1: 76 teachers (the seed's figure), the generated sentence that says so,
# and the support staff's sentence beside it, which must stay.
GENERATED = {"kk": "Мұғалімдердің жалпы штат саны 76 педагог қызметкерді құрайды.",
             "ru": "Общая штатная численность педагогов составляет 76 человек."}
BESIDE = {"kk": "Кіші қызмет көрсетуші персонал саны", "ru": "Численность обслуживающего персонала"}
STATED = {"kk": "Мектепте 76 педагог қызметкер жұмыс істейді.", "ru": "В школе работают 76 педагогов."}
ELSEWHERE = {"kk": "Мектепте 76 компьютер бар.", "ru": "В школе 76 компьютеров."}



def add_to_basis(app, section: str, kk: str, ru: str) -> None:
    """rudny-7's 2025-H1 basis of `section` gets a sentence in each language (its typed Kazakh text and its
    Russian version)."""
    with app.app_context():
        submission = db.session.execute(
            select(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id).join(Period)
            .where(OrgUnit.code == "rudny-7", Period.code == "2025-H1")).scalar_one()
        entry = submission.entry(section)
        entry.basis = f"{entry.basis or ''}\n{kk}"
        translations = dict(entry.translations or {})
        translations["basis"] = f"{translations.get('basis') or ''}\n{ru}"
        entry.translations = translations
        db.session.commit()


def texts(client, lang: str) -> tuple[str, str]:
    html = html_text(get(client, "html", lang=lang))
    docx = docx_text(Document(io.BytesIO(get(client, "docx", lang=lang).data)))
    return html, docx


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_figure_the_basis_gives_is_printed_once(demo, as_user, lang):
    client = as_user("rudny")
    for text in texts(client, lang):
        assert GENERATED[lang] in text  # before: the generated sentence gives the figure
    add_to_basis(demo, "personnel", STATED["kk"], STATED["ru"])
    for text in texts(client, lang):
        assert STATED[lang] in text
        assert GENERATED[lang] not in text
        assert BESIDE[lang] in text  # the support staff's figure, not in the basis, is still told


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_same_number_about_something_else_leaves_the_sentence(demo, as_user, lang):
    add_to_basis(demo, "personnel", ELSEWHERE["kk"], ELSEWHERE["ru"])
    for text in texts(as_user("rudny"), lang):
        assert ELSEWHERE[lang] in text
        assert GENERATED[lang] in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_figure_in_the_other_languages_text_only_leaves_the_sentence(demo, as_user, lang):
    """The Russian certificate is read against the Russian basis: a figure only the Kazakh text gives is told."""
    other = "ru" if lang == "kk" else "kk"
    add_to_basis(demo, "personnel", STATED[other] if other == "kk" else ELSEWHERE["kk"],
                 STATED[other] if other == "ru" else ELSEWHERE["ru"])
    for text in texts(as_user("rudny"), lang):
        assert GENERATED[lang] in text


@pytest.mark.parametrize("written", ["22 266 028,65", "22266028.65", "22\u00a0266\u00a0028,65", "22266028,65"])
def test_a_sum_is_recognised_however_it_is_written(written):
    assert Decimal("22266028.65") in numbers_in(f"Барлығы {written} теңгеге сатып алынды.")
    assert stated_in([f"Барлығы {written} теңгеге сатып алынды."], "22266028.65", AMOUNT, "kk")
    assert stated_in([f"Заключено договоров на сумму {written}."], Decimal("22266028.65"), AMOUNT, "ru")


def test_the_number_and_its_noun_must_stand_in_one_sentence():
    assert stated_in(["В школе работают 85 педагогов."], 85, TEACHERS, "ru")
    assert stated_in(["Мектепте 85 мұғалім бар."], 85, TEACHERS, "kk")
    assert not stated_in(["В школе 85 компьютеров. Педагоги работают в две смены."], 85, TEACHERS, "ru")
    assert not stated_in(["Приказ №85 издан."], 85, TEACHERS, "ru")  # a bare number
    assert not stated_in(["В школе работают 85 учителей."], 85, TEACHERS, "kk")  # the other language's words
    assert not stated_in(["В школе работают 850 педагогов."], 85, TEACHERS, "ru")


@pytest.mark.parametrize("value", [0, 1, 2])
def test_numbers_up_to_two_never_match(value):
    assert not stated_in([f"В школе работают {value} педагога."], value, TEACHERS, "ru")


def test_a_document_number_is_no_figure():
    assert not stated_in(["Приказом №85 утверждён список педагогов."], 85, TEACHERS, "ru")
    assert not stated_in(["Педагогтер тізімі № 85 бұйрықпен бекітілді."], 85, TEACHERS, "kk")


@pytest.mark.parametrize("lang, cases, meetings", [
    ("ru", "Советом по педагогической этике рассмотрено 4 случая.", "Совет по этике провёл 4 заседания."),
    ("kk", "Педагогикалық әдеп кеңесінде 4 жағдай қаралды.", "Педагогикалық әдеп кеңесінің 4 отырысы өтті.")])
def test_every_word_a_figure_needs_stands_in_the_sentence(lang, cases, meetings):
    """The ethics council's cases are named by the council and the cases together: its meetings are another
    figure."""
    ethics = NAMED["ethics"]
    assert stated_in([cases], 4, ethics, lang)
    assert not stated_in([meetings], 4, ethics, lang)


# rudny-7's purchases over the span: 57 contracts by price request and the e-shop's 41 440,00, in all
# 22 307 468,65 tenge, which the generated sentence gives.
TOTAL = {"kk": "Мемлекеттік сатып алудың жалпы сомасы 22 307 468,65 теңгені құрады.",
         "ru": "Общая сумма государственных закупок составила 22 307 468,65 тенге."}


@pytest.mark.parametrize("written", ["22 307 468,65", "22307468.65"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_total_sum_the_basis_gives_is_printed_once(demo, as_user, lang, written):
    add_to_basis(demo, "procurement", f"Мемлекеттік сатып алуға барлығы {written} теңге жұмсалды.",
                 f"Общая сумма закупок за период составила {written} тенге.")
    for text in texts(as_user("rudny"), lang):
        assert TOTAL[lang] not in text
        assert text.count("22 307 468,65") + text.count("22307468.65") == 1
        assert "22 266 028,65" in text  # the seed's figure by price request stays
