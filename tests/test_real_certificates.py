"""Issue 10: published certificates entered as they are, through the real forms, with the figures the issue
cites (the Kyzylorda dispensary's 2025 certificate and the others in the issue's table). Each figure is
checked on the section page, on the department's comparison, in the CSV export and in the certificate in kk
and ru — never a 0 standing for «not given», never «none» printed as a purchase.

Issue 9, item 8 («blank ≠ zero») is here too: a count saved blank is «not given» everywhere.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from support import text_of
from support_org_sections import BASE, assert_fragment, full_page, url, warnings_of

from webapp.blueprints.dashboard.columns import SCHOOL_COLUMNS
from webapp.blueprints.dashboard.indicators import INDICATORS

KEYS = [indicator.key for indicator in INDICATORS]
COMPARE = "/units/rudny/dashboard/compare?period=2026-H2"
CERTIFICATE = "/schools/rudny-7/certificate/?from=2026-H2&to=2026-H2&lang={lang}"


@pytest.fixture
def clerk(as_user):
    """rudny-7 (htmx), its 2026-H2 analysis started through the real form."""
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


@pytest.fixture
def department(as_user):
    return as_user("rudny")


def plain(fragment: str) -> str:
    text = re.sub(r"<[^>]+>", "", fragment)
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def compared(department) -> dict[str, str]:
    """rudny-7's comparison row: indicator key -> the text of its cell."""
    html = department.get(COMPARE).get_data(as_text=True)
    row = re.search(r'<tr id="school-rudny-7">(.*?)</tr>', html, re.S).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    first = 2 + len(SCHOOL_COLUMNS)  # status, flags, the overdue plan measures, then one per indicator
    return dict(zip(KEYS, (plain(cell) for cell in cells[first:]), strict=True))


def exported(department) -> dict[str, str]:
    """rudny-7's line of the comparison CSV: indicator key -> the cell."""
    response = department.get(COMPARE.replace("compare", "compare.csv"))
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    line = next(row for row in rows[1:] if row[0] == "rudny-7")
    return dict(zip(KEYS, line[4:4 + len(KEYS)], strict=True))


def input_value(html: str, name: str) -> str | None:
    """The value an input of the page shows (None: the input has no value)."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    assert tag, name
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return value.group(1) if value else None


def certificate(department, lang: str) -> str:
    response = department.get(CERTIFICATE.format(lang=lang))
    assert response.status_code == 200
    return text_of(response)


# --- Procurement: contracts per method published, amounts not ----------------------------------------

# The Kyzylorda dermatovenerology dispensary, certificate of 30.05.2025: 156 contracts, no amounts.
KYZYLORDA = [("single_source", "24"), ("open_tender", "0"), ("price_request", "82"), ("e_shop", "46"),
             ("prequalification_tender", "1"), ("framework_tender", "3")]


def add_method(clerk, method: str, contracts: str, amount: str = "", **extra):
    response = clerk.post(url("procurement", "rows/methods"), data={
        "methods-method": method, "methods-contracts": contracts, "methods-amount": amount, "methods-note": "",
        **extra})
    return response


def test_published_contract_counts_without_amounts(clerk, department):
    for method, contracts in KYZYLORDA:
        assert_fragment(add_method(clerk, method, contracts))

    page = text_of(full_page(clerk, "procurement"))
    assert "0,00 ₸" not in page, page[page.index("0,00 ₸") - 300:page.index("0,00 ₸") + 50]
    summary = re.search(r'<ul class="summary">(.*?)</ul>',
                        full_page(clerk, "procurement").get_data(as_text=True), re.S).group(1)
    assert "156" in plain(summary) and "24" in plain(summary) and "15,4 %" in plain(summary)

    cells = compared(department)
    assert cells["contracts_total"] == "156"
    assert cells["single_source_count_pct"] == "15,4 %"
    # Amounts not given: no share by amount, no total, never 0,0 %.
    assert cells["single_source_pct"] == "—" and cells["procurement_total"] == "—"
    line = exported(department)
    assert line["contracts_total"] == "156" and line["single_source_count_pct"] == "15.38"
    assert line["single_source_pct"] == "" and line["procurement_total"] == ""

    kk = certificate(department, "kk")
    # No amount for any method: said once under the counts, not «(сомасы көрсетілмеген)» after each (issue 11).
    assert "бір көзден алу тәсілімен 24 шарт жасалды," in kk and "(сомасы көрсетілмеген)" not in kk
    assert "алдын ала біліктілік іріктеу арқылы конкурс тәсілімен 1 шарт жасалды," in kk
    assert "негіздемелік келісімді пайдалана отырып конкурс тәсілімен 3 шарт жасалды." in kk
    assert "Барлығы 156 шарт жасалды." in kk and "Сатып алу сомалары көрсетілмеген." in kk
    # The single source's share in a sentence, not «…үлесі: шарттар саны бойынша – 15,4 %» (issue 11).
    assert "Бір көзден алу тәсілімен 156 шарттың 24-і (15,4 %) жасалды." in kk
    # The open tender with 0 contracts is said not to have happened, not printed as a purchase.
    assert "ашық конкурс тәсілімен" not in kk and "Мына тәсілдермен шарттар жасалған жоқ: ашық конкурс." in kk
    assert "0,00 теңге" not in kk

    ru = certificate(department, "ru")
    assert "способом из одного источника заключено 24 договора," in ru and "(сумма не указана)" not in ru
    assert "способом конкурса с использованием рамочного соглашения – 3 договора." in ru
    assert "Всего заключено 156 договоров." in ru and "Суммы закупок не указаны." in ru
    assert "Из одного источника заключено 24 договора из 156 (15,4 %)." in ru
    assert "способом открытого конкурса" not in ru
    assert "Договоры не заключались следующими способами: открытый конкурс." in ru


def test_shares_by_count_and_by_amount_both_when_both_are_given(clerk, department):
    # The example: 18 of 120 contracts from a single source.
    add_method(clerk, "single_source", "18", "1 500 000")
    add_method(clerk, "price_request", "102", "8 500 000")
    cells = compared(department)
    assert (cells["contracts_total"], cells["single_source_count_pct"], cells["single_source_pct"]) == \
        ("120", "15,0 %", "15,0 %")
    kk = certificate(department, "kk")
    assert "Талданатын кезеңде жалпы сомасы 10 000 000,00 теңге болатын 120 шарт жасалды, оның ішінде: " in kk
    assert ("Бір көзден алу тәсілімен жасалған шарттар сатып алудың жалпы сомасының 15,0 %-ын, шарттардың жалпы "
            "санының 15,0 %-ын (120 шарттың 18-і) құрады.") in kk
    assert ("На закупки из одного источника пришлось 15,0 % общей суммы закупок и 15,0 % договоров (18 договоров "
            "из 120).") in certificate(department, "ru")


def test_an_amount_missing_for_one_method_leaves_the_total_unknown_and_says_so(clerk, department):
    add_method(clerk, "price_request", "57", "22 266 028,65")
    add_method(clerk, "auction", "2")
    cells = compared(department)
    assert cells["procurement_total"] == "—" and cells["contracts_total"] == "59"
    ru = certificate(department, "ru")
    assert "способом аукциона – 2 договора (сумма не указана)." in ru
    assert ("Общая сумма неизвестна: по 1 способу сумма не указана, указанные суммы составляют 22 266 028,65 "
            "тенге.") in ru


def test_another_method_prints_under_its_own_name_and_the_note_stays_a_note(clerk, department):
    response = add_method(clerk, "other", "1", "120 000", **{"methods-other_name": "Тауар биржасы арқылы",
                                                             "methods-note": "ақпарат бухгалтериядан"})
    assert "Тауар биржасы арқылы" in assert_fragment(response)
    kk = certificate(department, "kk")
    assert "тауар биржасы арқылы 120 000,00 теңге сомасына 1 шарт жасалды." in kk
    assert "ақпарат бухгалтериядан 1 шарт" not in kk


def test_a_sum_beside_no_contracts_is_a_warning(clerk):
    add_method(clerk, "open_tender", "0", "5 000")
    assert any("0" in message and "5 000,00" in message for message in warnings_of(clerk, "procurement"))


# --- Blank ≠ zero (issue 9, item 8) ---------------------------------------------------------------------

def test_appeals_counts_saved_blank_are_not_given_and_a_typed_zero_is_zero(clerk, department):
    saved = clerk.post(url("appeals", "facts"), data={"received_count": "", "answered_on_time_count": "",
                                                      "overdue_count": ""})
    assert_fragment(saved)
    cells = compared(department)
    assert cells["appeals_received"] == "—" and cells["appeals_on_time_pct"] == "—"
    legend = text_of(department.get(COMPARE))
    assert "— : көрсетілмеген" in legend and "бермеген мектептерді есепке алмайды" in legend
    line = exported(department)
    assert line["appeals_received"] == "" and line["appeals_on_time_pct"] == ""
    assert "толтырылмаған" in text_of(full_page(clerk, "appeals"))

    clerk.post(url("appeals", "facts"), data={"received_count": "0", "answered_on_time_count": "",
                                              "overdue_count": ""})
    assert compared(department)["appeals_received"] == "0"
    assert exported(department)["appeals_received"] == "0"


# --- Personnel: staff units beside headcounts -------------------------------------------------------------

# «85 штат бірлігі: 14; 30,5; 16,5; 24»
STAFF_UNITS = {"administrative_units": "14", "teachers_units": "30,5", "auxiliary_units": "16,5",
               "support_staff_units": "24", "staff_units_total": "85", "teachers_total": "31",
               "support_staff_total": "25", "teachers_higher_education": "31"}


def test_staff_units_with_decimals_fit_and_add_up(clerk, department):
    saved = clerk.post(url("personnel", "facts"), data=STAFF_UNITS)
    assert_fragment(saved)
    html = full_page(clerk, "personnel").get_data(as_text=True)
    assert 'value="30,5"' in html and 'value="16,5"' in html
    assert warnings_of(clerk, "personnel") == []
    assert compared(department)["staff_units"] == "85"
    assert exported(department)["staff_units"] == "85.0"
    kk = certificate(department, "kk")
    # The units in a sentence; each headcount once, in the sentence that gives it (issue 11).
    assert ("Штат кестесі бойынша 85 штат бірлігі бекітілген, оның ішінде әкімшілік персоналға 14 бірлік және "
            "оқу-көмекші персоналға 16,5 бірлік.") in kk
    # Each group's units beside its headcount (issue 11 re-read).
    assert ("Мұғалімдердің жалпы саны 31 педагог қызметкерді (30,5 штат бірлігі) құрайды. Кіші қызмет көрсетуші "
            "персонал саны 25 адамды (24 штат бірлігі) құрайды.") in kk and "(31 адам)" not in kk
    ru = certificate(department, "ru")
    assert ("Штатным расписанием предусмотрено 85 штатных единиц, из них на административный персонал 14 штатных "
            "единиц и на учебно-вспомогательный персонал 16,5 штатной единицы.") in ru
    assert ("Общая численность педагогов составляет 31 человек (30,5 штатной единицы). Численность обслуживающего "
            "персонала составляет 25 человек (24 штатные единицы).") in ru


def test_staff_units_that_do_not_add_up_are_a_warning_and_quarter_units_are_kept(clerk, department):
    clerk.post(url("personnel", "facts"), data={**STAFF_UNITS, "staff_units_total": "86",
                                                "teachers_units": "30,25", "auxiliary_units": "16,75"})
    assert any("85" in message and "86" in message for message in warnings_of(clerk, "personnel"))
    assert compared(department)["staff_units"] == "86"
    refused = clerk.post(url("personnel", "facts"), data={**STAFF_UNITS, "teachers_units": "30,125"})
    assert refused.status_code == 422 and 'value="30,125"' in refused.get_data(as_text=True)


def test_disciplinary_counts_without_names(clerk, department):
    # «4 disciplinary actions, 2 lifted early», no names or orders.
    clerk.post(url("personnel", "facts"), data={"disciplinary_total": "4", "disciplinary_lifted_early": "2",
                                                "staff_total": "100"})
    assert warnings_of(clerk, "personnel") == []
    assert compared(department)["disciplinary_rate"] == "4,0"
    assert exported(department)["disciplinary_rate"] == "4.0"
    page = full_page(clerk, "personnel").get_data(as_text=True)
    assert 'name="disciplinary_total"' in page and input_value(page, "disciplinary_lifted_early") == "2"
    kk = certificate(department, "kk")
    assert "Тәртіптік практика: талданатын кезеңде 4 тәртіптік жаза берілді. 2 жаза мерзімінен бұрын алынды." in kk
    ru = certificate(department, "ru")
    assert "в анализируемом периоде наложено 4 дисциплинарных взыскания. Досрочно сняты 2 взыскания." in ru
    # Counts by kind that do not add up to the total are a warning.
    clerk.post(url("personnel", "facts"), data={"disciplinary_total": "4", "disciplinary_warning": "3",
                                                "disciplinary_lifted_early": "2"})
    assert any("3" in message and "4" in message for message in warnings_of(clerk, "personnel"))


def test_movements_carry_their_year_and_long_leave_is_not_turnover(clerk, department):
    clerk.post(url("personnel", "facts"), data={"staff_total": "100"})
    for year, month, direction, count in (("2026", "10", "long_leave", "1"), ("2026", "11", "dismissed", "2"),
                                          ("2026", "12", "returned", "1")):
        response = clerk.post(url("personnel", "rows/movements"), data={
            "movements-year": year, "movements-month": month, "movements-direction": direction,
            "movements-staff_category": "teacher", "movements-count": count, "movements-reason": ""})
        assert "2026" in assert_fragment(response) and "2 026" not in text_of(response)
    assert compared(department)["turnover"] == "2,0"  # the two dismissed, not the teacher on maternity leave
    assert exported(department)["turnover"] == "2.0"
    ru = certificate(department, "ru")
    # A leave is a sentence of its own, the verb agreeing with the one person (issue 11).
    assert "В октябре 2026 года 1 педагогическому работнику предоставлен длительный отпуск." in ru
    assert "В декабре 2026 года оформлен выход из отпуска 1 педагогического работника." in ru
    kk = certificate(department, "kk")
    # Each month with its year, lowercase, as the seed tells it (issue 11).
    assert "2026 жылғы қазанда 1 педагог қызметкер ұзақ демалысқа шықты." in kk
    assert "2026 жылғы желтоқсанда 1 педагог қызметкер демалыстан оралды." in kk
    # A month after the half-year's end is refused.
    refused = clerk.post(url("personnel", "rows/movements"), data={
        "movements-year": "2027", "movements-month": "1", "movements-direction": "hired",
        "movements-staff_category": "teacher", "movements-count": "1", "movements-reason": ""})
    assert refused.status_code == 422


# --- Public services: a total without a split per service ---------------------------------------------

def test_four_services_with_only_a_total_of_recipients(clerk, department):
    # «4 public services, 1 905 recipients in total»
    for code in ("admission", "transfer", "free_meals", "camps"):
        response = clerk.post(url("services", "rows/services"), data={
            "services-service_code": code, "services-service_name": "", "services-legal_basis": "",
            "services-responsible": "", "services-recipients": "", "services-amount": "", "services-electronic": ""})
        assert_fragment(response)
    clerk.post(url("services", "facts"), data={"recipients_total": ""})
    assert len(warnings_of(clerk, "services")) == 1  # neither the split nor the total given yet
    clerk.post(url("services", "facts"), data={"recipients_total": "1 905"})
    assert warnings_of(clerk, "services") == []
    assert compared(department)["service_recipients"] == "1 905"
    assert exported(department)["service_recipients"] == "1905"
    shown = input_value(full_page(clerk, "services").get_data(as_text=True), "recipients_total")
    assert re.sub(r"\s", "", shown) == "1905"
    kk = certificate(department, "kk")
    assert "Мемлекеттік қызметтер барлығы 1 905 адамға көрсетілді." in kk
    # No service is said not to have been provided.
    assert "көрсетілген жоқ" not in kk.split("2.1.")[1].split("2.2.")[0]
    ru = certificate(department, "ru")
    assert "Всего государственные услуги оказаны 1 905 лицам." in ru
    assert "не оказывалась" not in ru


def test_services_recipients_that_do_not_add_up_to_the_total_are_a_warning(clerk, department):
    for code, recipients in (("admission", "128"), ("transfer", "100")):
        clerk.post(url("services", "rows/services"), data={
            "services-service_code": code, "services-service_name": "", "services-legal_basis": "",
            "services-responsible": "", "services-recipients": recipients, "services-amount": "",
            "services-electronic": ""})
    clerk.post(url("services", "facts"), data={"recipients_total": "300"})
    assert any("228" in message and "300" in message for message in warnings_of(clerk, "services"))


# --- Appeals by applicant kind -----------------------------------------------------------------------

def test_appeals_by_applicant_kind_and_a_split_that_does_not_add_up(clerk, department):
    # «40: 3 from individuals, 35 from legal entities» — 38, as published.
    clerk.post(url("appeals", "facts"), data={"received_count": "40", "from_individuals": "3",
                                              "from_legal_entities": "35"})
    assert any("38" in message and "40" in message for message in warnings_of(clerk, "appeals"))
    assert compared(department)["appeals_received"] == "40"
    assert exported(department)["appeals_received"] == "40"
    page = full_page(clerk, "appeals").get_data(as_text=True)
    assert (input_value(page, "from_individuals"), input_value(page, "from_legal_entities")) == ("3", "35")
    kk = certificate(department, "kk")
    # One sentence, the parts after the count (issue 11).
    assert "40 өтініш келіп түсті, оның 3-і жеке тұлғалардан және 35-і заңды тұлғалардан." in kk
    ru = certificate(department, "ru")
    assert "поступило 40 обращений, из них 3 от физических лиц и 35 от юридических лиц." in ru
    clerk.post(url("appeals", "facts"), data={"received_count": "40", "from_individuals": "3",
                                              "from_legal_entities": "35", "anonymous": "2"})
    assert warnings_of(clerk, "appeals") == []
    # A kind with none typed as 0 adds up, and is not printed as «– 0».
    clerk.post(url("appeals", "facts"), data={"received_count": "38", "from_individuals": "3",
                                              "from_legal_entities": "35", "anonymous": "0"})
    assert warnings_of(clerk, "appeals") == []
    kk = certificate(department, "kk")
    assert "38 өтініш келіп түсті, оның 3-і жеке тұлғалардан және 35-і заңды тұлғалардан." in kk
    assert "анонимді" not in kk and "анонимн" not in certificate(department, "ru")


# --- Working group without roles (the protocol without a number: issue 14's public cycle) ------------

def test_working_group_without_roles(clerk, department):
    for name in ("Туйебаев А. Е.", "Абдыхадиров Д. Н."):
        response = clerk.post(url("general", "rows/working_group"), data={
            "working_group-name": name, "working_group-position_title": "член рабочей группы",
            "working_group-role": ""})
        assert_fragment(response)
    clerk.post(url("general", "facts"), data={"order_number": "03-03/26-1"})
    assert warnings_of(clerk, "general") == []  # no «the working group has no head»
    ru = certificate(department, "ru")
    # Typed «Туйебаев А. Е.», printed initials first as every name in the certificate (issue 11).
    assert "А.Е. Туйебаев" in ru and "руководитель рабочей группы" not in ru
    # No role stated: no empty «role» column, on the page and in the DOCX (QA of issue 10).
    assert "Роль в рабочей группе" not in ru and "Жұмыс тобындағы рөлі" not in certificate(department, "kk")
    from docx import Document

    docx = department.get(CERTIFICATE.format(lang="ru") + "&format=docx")
    tables = Document(io.BytesIO(docx.data)).tables
    group = next(t for t in tables if "А.Е. Туйебаев" in [c.text.replace("\u00a0", " ") for row in t.rows
                                                          for c in row.cells])
    assert [c.text for c in group.rows[0].cells] == ["№", "Ф.И.О.", "Должность"]
    # Once one role is stated, the group needs exactly one head.
    clerk.post(url("general", "rows/working_group"), data={
        "working_group-name": "Тажиева А.", "working_group-position_title": "комплаенс-офицер",
        "working_group-role": "secretary"})
    assert len(warnings_of(clerk, "general")) == 1


@pytest.mark.parametrize(("method", "kk_line", "ru_line"), [
    ("commodity_exchange", "тауар биржалары арқылы 450 000,00 теңге сомасына 3 шарт жасалды.",
     "через товарные биржи заключено 3 договора на сумму 450 000,00 тенге."),
    ("rating_tender", "рейтингтік-балдық жүйені пайдалана отырып конкурс тәсілімен 450 000,00 теңге сомасына 3 шарт "
     "жасалды.", "способом конкурса с использованием рейтингово-балльной системы заключено 3 договора на сумму "
     "450 000,00 тенге."),
])
def test_the_laws_other_methods_are_listed_and_print_under_the_laws_name(clerk, department, method, kk_line,
                                                                         ru_line):
    form = full_page(clerk, "procurement").get_data(as_text=True)
    assert f'value="{method}"' in form
    assert_fragment(add_method(clerk, method, "3", "450 000"))
    assert compared(department)["contracts_total"] == "3"
    assert kk_line in certificate(department, "kk")
    assert ru_line in certificate(department, "ru")


def test_disciplinary_counts_stand_beside_named_employees(clerk, department):
    """QA: 4 counted and 1 named printed only «наложены на 1 работника»: the given total wins, the named are
    among them, and the lifted early are printed too."""
    clerk.post(url("personnel", "facts"), data={"disciplinary_total": "4", "disciplinary_lifted_early": "2",
                                                "staff_total": "100"})
    clerk.post(url("personnel", "rows/disciplinary"), data={
        "disciplinary-person": "Сейтен Р.С.", "disciplinary-penalty": "reprimand",
        "disciplinary-order_number": "12", "disciplinary-order_date": "2026-10-05"})
    ru = certificate(department, "ru")
    assert ("в анализируемом периоде наложено 4 дисциплинарных взыскания. В том числе дисциплинарное взыскание "
            "в виде выговора наложено на 1 работника: ") in ru
    assert "Досрочно сняты 2 взыскания." in ru
    kk = certificate(department, "kk")
    assert ("талданатын кезеңде 4 тәртіптік жаза берілді. Оның ішінде 1 жұмыскерге сөгіс түрінде тәртіптік жаза "
            "берілді: ") in kk
    assert "2 жаза мерзімінен бұрын алынды." in kk


def test_disciplinary_counts_of_one_half_year_and_names_of_another_add_up(app, department):
    """QA: a span whose later half-year gives «4, 2 lifted early» and whose earlier one names employees printed
    only the names. rudny-7's seed: 7 warnings named in 2024-H2; 2025-H1 given as counts here."""
    from sqlalchemy import select

    from webapp.demo.analyses import load_analyses
    from webapp.extensions import db
    from webapp.models import OrgUnit, Period
    from webapp.reporting.models import SectionEntry, Submission

    with app.app_context():
        load_analyses(["rudny-7"])
        entry = db.session.execute(
            select(SectionEntry).join(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id).join(Period)
            .where(OrgUnit.code == "rudny-7", Period.code == "2025-H1", SectionEntry.section == "personnel")
        ).scalar_one()
        entry.facts = {**entry.facts, "disciplinary_total": 4, "disciplinary_lifted_early": 2}
        db.session.commit()
    path = "/schools/rudny-7/certificate/?from=2024-H2&to=2025-H1&lang={lang}"
    ru = text_of(department.get(path.format(lang="ru")))
    assert "в анализируемом периоде наложено 11 дисциплинарных взысканий. В том числе дисциплинарные " \
           "взыскания в виде замечания наложены на 7 работников: " in ru
    assert "Досрочно сняты 2 взыскания." in ru
    kk = text_of(department.get(path.format(lang="kk")))
    assert "талданатын кезеңде 11 тәртіптік жаза берілді. Оның ішінде 7 жұмыскерге ескерту түрінде тәртіптік " \
           "жаза берілді: " in kk
    assert "2 жаза мерзімінен бұрын алынды." in kk


def test_a_dismissal_for_maternity_leave_is_questioned(clerk):
    """QA: nothing stopped «декреттік демалысқа» being entered as a dismissal (counted as turnover)."""
    clerk.post(url("personnel", "facts"), data={"staff_total": "100"})
    clerk.post(url("personnel", "rows/movements"), data={
        "movements-year": "2026", "movements-month": "10", "movements-direction": "dismissed",
        "movements-staff_category": "teacher", "movements-count": "1", "movements-reason": "декреттік демалысқа"})
    kk = " ".join(warnings_of(clerk, "personnel"))
    assert "«декреттік демалысқа»" in kk and "«ұзақ демалысқа шықты»" in kk
    clerk.post("/language", data={"lang": "ru"})
    ru = " ".join(warnings_of(clerk, "personnel"))
    assert "не увольнение" in ru and "«ушёл в длительный отпуск»" in ru


def test_a_figure_given_without_its_total_is_still_stated(clerk, department):
    """QA: appeals «from individuals» 3 with the total blank printed nothing in 2.4; a service's «electronic» 13
    with its recipients blank never printed its 13."""
    clerk.post(url("appeals", "facts"), data={"received_count": "", "from_individuals": "3"})
    clerk.post(url("services", "rows/services"), data={
        "services-service_code": "admission", "services-service_name": "", "services-legal_basis": "",
        "services-responsible": "", "services-recipients": "", "services-amount": "", "services-electronic": "13"})
    kk = certificate(department, "kk")
    assert "Талданатын кезеңде жеке тұлғалардан 3 өтініш келіп түсті." in kk
    assert "мемлекеттік қызмет электронды түрде 13 адамға көрсетілді" in kk
    ru = certificate(department, "ru")
    assert "В анализируемом периоде от физических лиц поступило 3 обращения." in ru
    assert "государственная услуга оказана в электронном виде 13 лицам" in ru


def test_a_method_with_a_sum_and_no_contracts_is_a_purchase_in_the_totals(clerk, department):
    """QA: «аукцион» with 0 contracts and 5 000 ₸ was listed under «Договоры не заключались» and left out of the
    certificate's total, which then disagreed with the section page."""
    add_method(clerk, "price_request", "3", "10 000")
    add_method(clerk, "auction", "0", "5 000")
    page = text_of(full_page(clerk, "procurement"))
    assert "15 000,00" in page
    ru = certificate(department, "ru")
    assert "15 000,00 тенге" in ru and "Договоры не заключались" not in ru
    kk = certificate(department, "kk")
    assert "15 000,00 теңге" in kk and "шарттар жасалған жоқ" not in kk


def test_appeals_received_given_only_by_applicant_is_their_sum_on_the_dashboard(clerk, department):
    """QA (issue 10): «3 from individuals, 35 from legal entities» with the total blank was a blank «received» on
    the dashboard and in the export, while the certificate stated the appeals."""
    clerk.post(url("appeals", "facts"), data={"received_count": "", "from_individuals": "3",
                                              "from_legal_entities": "35"})
    assert compared(department)["appeals_received"] == "38"
    assert exported(department)["appeals_received"] == "38"
    assert "35" in certificate(department, "ru") and warnings_of(clerk, "appeals") == []
