"""The demo certificate of School-gymnasium No. 7 for 2024-H2 + 2025-H1 carries every fact of the seed
certificate; the span, language, draft mark, scoping and query count behave as a reader expects."""

import re

import pytest
from support import count_queries, text_of

from webapp.certificate.wording import KK_MONTHS_OF
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import Status, Submission

URL = "/schools/rudny-7/certificate/?from=2024-H2&to=2025-H1"

# Every order of the seed's 1.1 list: number and date.
SEED_ORDERS = ["1 05.01.2025", "152 02.09.2024", "162 02.09.2024", "169 02.09.2024", "174 02.09.2024",
               "179 02.09.2024", "183 02.09.2024", "2 05.01.2025", "203 02.09.2024", "215 02.09.2024",
               "234 02.09.2024", "235 02.09.2024", "238 02.09.2024", "242 02.09.2024", "252 02.09.2024",
               "259 02.09.2024", "261 02.09.2024", "263 02.09.2024", "266 02.09.2024", "268 01.11.2023",
               "286 02.09.2024", "291 02.09.2024", "338 12.11.2024", "355 19.12.2024", "49 24.02.2025",
               "50 24.02.2025", "55 05.03.2025", "56 06.03.2025", "68 14.04.2025", "70 17.04.2025",
               "78 05.05.2025", "83 05.05.2025"]

SEED_FACTS_KK = [
    # header and preamble
    "Қостанай облысы әкімдігі білім басқармасының",
    "«Рудный қаласы білім бөлімінің Б.Майлин атындағы №7 мектеп-гимназиясы» КММ",
    "ТАЛДАМАЛЫҚ АНЫҚТАМА", "Рудный қ.", "2025 жылғы 10 маусым",
    "2024 жылғы 2 қыркүйектегі №234",
    "2024 жылдың екінші жарты жылдығы, 2025 жылдың бірінші жарты жылдығы",
    # 1.1 internal rules
    "2024–2025 оқу жылының басында", "«Ішкі тәртіп ережесі» әзірленіп", "2024 жылғы 29 тамыздағы №1 хаттама",
    "2024 жылғы 2 қыркүйектегі №153 бұйрығымен",
    # 2.1 public services
    # every person the certificate names with initials first, as in the signature (issue 11)
    "№215", "Н.С. Хасенова", "Б.Т. Бекболатова", "128 адамға", "5 адамға, 217 035,00 теңге", "А.Ж. Исаева", "№48",
    "ақпараттандыру жөніндегі директордың орынбасары А.Ж. Исаева",
    "1-11 сынып аралығы 5 оқушы «АРМ» сайты арқылы тегін тамақпен қамтамасыз етілді",
    # 2.2 personnel
    "Әкімшілік штат 11 адамды құрайды", "76 педагог қызметкерді құрайды",
    "Кіші қызмет көрсетуші персонал саны 41 адамды құрайды",
    "69 педагог қызметкер (90,79 %) – жоғары білімді", "7 педагог қызметкер (9,21 %) – арнаулы орта білімді",
    # the categories in a sentence, each with its count (issue 11: was «"педагог" – 16, …»)
    "«педагог» санатында 16", "«педагог-модератор» санатында 22", "«педагог-сарапшы» санатында 17",
    "«педагог-зерттеуші» санатында 21", "«педагог-шебер» санатында 2 педагог қызметкер жұмыс істейді",
    "Анықтама жасалған күні бос орын жоқ", "Жұмысқа 8 қызметкер қабылданды",
    # the disciplined with their initials first and a full stop each, their orders spelled (issue 11)
    "Ж. Айназарова", "С.А. Ермағанбетова", "З.Г. Абдрахимова", "С.Б. Бахрамова", "А.М. Омарғалиев", "Г.Ә. Сансызбаева",
    "Р.С. Сейтен", "2024 жылғы 11 қазандағы №77", "2024 жылғы 1 қарашадағы №86", "2024 жылғы 13 қарашадағы №88",
    # financial and economic activity
    "тәсілімен 22 266 028,65 теңге сомасына 57 шарт жасалды", "41 440,00 теңге",
    # 2.3–2.7
    "№130", "3 өтініш", "rudnymektep7.edu.kz", "instagram.com/school7_rud", "2024 жылғы 13 мамырда",
    # 2.8–2.9
    "№7527-25-00-2/5493", "2025 жылғы 23 мамырдағы", "«SHAKIRT GROUP» ЖШС", "№2-0904-25-01180",
    "2025 жылғы 21 мамырдағы",
    # conclusion, signature and Appendix 4
    "Мектеп басшысы", "Қ.И. Бірманова",
    "Білім алушыларды қабылдау, тіркеу. Бірінші қол қою құқығы", "НҚА толық меңгермеуі, білмеуі",
    "Бас есепші, есепші", "Қаржы қызметін жүргізуі",
    "Қаржыландыруды жүргізуде, бюджетті жоспарлауда кемшіліктер, мемлекеттік сатып алу ережесінің бұзылуы",
]



def test_the_kazakh_certificate_carries_every_fact_of_the_seed(demo, as_user):
    response = as_user("rudny").get(URL + "&lang=kk")
    assert response.status_code == 200
    text = text_of(response)
    missing = [fact for fact in SEED_FACTS_KK if fact not in text]
    assert missing == []
    for order in SEED_ORDERS:
        number, on = order.split()
        day, month, year = (int(part) for part in on.split("."))
        # each order cited in the one order style, its number and date (issue 11: was «№174, 02.09.2024ж.»)
        assert f"{year} жылғы {day} {KK_MONTHS_OF[month - 1]} №{number} «" in text, order
    html = response.get_data(as_text=True)
    # The seed's ten recommendations, each once, as the action plan: its section, all employees, its deadline.
    plan = html.split("жұмыс тобы мынадай ұсынымдар шығарды")[1].split("</table>")[0]
    # The responsible column names who: no «Барлық жұмыскерлерге:» line above the table; the column names the
    # section. One «2.2.» in the body (the reviewer found «2.2. Кадр саясаты» and «2.2. Қаржы-шаруашылық қызмет»):
    # procurement continues 2.2 under its title alone, as the seed prints it, and the plan cites that heading.
    assert "Барлық жұмыскерлерге:" not in plan and "<th scope=\"col\">Бөлім (тәуекел)</th>" in plan
    assert html.count("<h3>2.2.") == 1 and "<h3>Қаржы-шаруашылық қызмет" in html
    assert "2.2. Қаржы-шаруашылық" not in html
    # The signature: the position, a line to sign on, initials before the surname.
    assert "__________ Қ.И. Бірманова" in text
    assert plan.count("<td>Барлық жұмыскерлер</td>") == 10
    # The seed ties six of them to no one section: the plan says so, and names no section it never named
    # (#7 «барлық оқу сабақтары … тегін» under «2.1. Мемлекеттік қызмет көрсету», gifts under «2.2. Кадр саясаты»).
    assert plan.count("Барлық бағыттар бойынша") == 6
    rows_ = re.findall(r"<tr[^>]*>(.*?)</tr>", plan, re.S)  # a row may carry a class («whole»)
    free_lessons = next(r for r in rows_ if "тегін негізде" in r)
    gifts = next(r for r in rows_ if "сыйлықтарды" in r)
    assert "Барлық бағыттар бойынша" in free_lessons and "Мемлекеттік қызмет" not in free_lessons
    assert "Барлық бағыттар бойынша" in gifts and "Кадр" not in gifts
    # Each plan cell starts with a capital, as a table cell does.
    assert plan.count("<td>Тұрақты</td>") == 9 and plan.count("<td>Жылына екі рет</td>") == 1


def test_the_seed_citation_mix_up_is_not_repeated(demo, as_user):
    text = text_of(as_user("rudny").get(URL + "&lang=kk"))
    assert "2016 жылғы 19 қазандағы №12" in text
    assert "№488 бекіткен сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізудің үлгілік қағидаларына" not in text


def test_the_russian_certificate_has_russian_titles_and_the_same_figures(demo, as_user):
    text = text_of(as_user("rudny").get(URL + "&lang=ru"))
    for title in ("АНАЛИТИЧЕСКАЯ СПРАВКА", "Кадровая политика", "Оказание государственных услуг",
                  "Анализ судебной практики", "Заключение", "Приложение 4"):
        assert title in text, title
    for figure in ("57", "22 266 028,65", "217 035,00", "90,79 %", "№7527-25-00-2/5493", "№2-0904-25-01180",
                   "13 мая 2024 года", "К.И. Бирманова", "10 июня 2025 года", "от 2 сентября 2024 года №234"):
        assert figure in text, figure
    assert "второе полугодие 2024 года, первое полугодие 2025 года" in text


def test_the_certificate_is_a_print_page_without_the_app_chrome(demo, as_user):
    html = as_user("rudny-7").get(URL).get_data(as_text=True)
    assert 'class="site-header' not in html and "htmx" not in html
    assert "@page" in html and "A4" in html and "Liberation Serif" in html
    assert "js/print.js" in html and "onclick" not in html and "no-print" in html


def test_default_span_is_the_academic_year_ending_with_the_chosen_half_year(demo, as_user):
    text = text_of(as_user("rudny").get("/schools/rudny-7/certificate/?to=2025-H1&lang=kk"))
    assert "2024 жылдың екінші жарты жылдығы, 2025 жылдың бірінші жарты жылдығы" in text


def test_a_single_half_year_certificate_has_only_that_half_years_figures(demo, as_user):
    text = text_of(as_user("rudny").get("/schools/rudny-7/certificate/?from=2024-H2&to=2024-H2&lang=kk"))
    assert "57 шарт" not in text and "№7527-25-00-2/5493" not in text  # 2025-H1 facts
    assert "2024 жылғы 11 қазандағы №77 бұйрық" in text


def test_drafts_carry_the_watermark_until_accepted(demo, as_user):
    accepted = as_user("rudny").get(URL + "&lang=kk").get_data(as_text=True)
    assert 'class="watermark"' not in accepted
    with demo.app_context():
        school = db.session.execute(db.select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        period = db.session.execute(db.select(Period).filter_by(code="2025-H1")).scalar_one()
        db.session.execute(db.update(Submission).filter_by(school_id=school.id, period_id=period.id)
                           .values(status=Status.RETURNED))
        db.session.commit()
    draft = as_user("rudny").get(URL + "&lang=kk").get_data(as_text=True)
    assert 'class="watermark"' in draft and "ЖОБА" in draft
    assert "ПРОЕКТ" in as_user("rudny").get(URL + "&lang=ru").get_data(as_text=True)


@pytest.mark.parametrize("user", ["rudny-1", "lisakovsk", "lisakovsk-1"])
@pytest.mark.parametrize("kind", ["html", "pdf", "docx"])
def test_another_schools_certificate_answers_404(demo, as_user, user, kind):
    assert as_user(user).get(f"{URL}&format={kind}").status_code == 404


def test_unknown_span_or_format_answers_404(demo, as_user):
    client = as_user("rudny")
    assert client.get("/schools/rudny-7/certificate/?to=2031-H1").status_code == 404
    assert client.get("/schools/rudny-7/certificate/?from=2025-H1&to=2024-H2").status_code == 404
    assert client.get(URL + "&format=odt").status_code == 404
    assert client.get("/schools/rudny/certificate/").status_code == 404  # a department has no certificate


def test_the_certificate_issues_the_same_number_of_queries_however_many_rows(demo, as_user):
    from webapp.blueprints.acts.models import Order
    from webapp.blueprints.personnel.models import DisciplinaryAction

    client = as_user("rudny")
    counts = []
    for extra in (0, 40):
        with demo.app_context():
            submission = db.session.execute(
                db.select(Submission).join(Submission.school).join(Submission.period)
                .where(OrgUnit.code == "rudny-7", Period.code == "2025-H1")).scalar_one()
            for n in range(extra):
                db.session.add(Order(submission_id=submission.id, position=100 + n, number=str(900 + n),
                                     date=Period.query.filter_by(code="2025-H1").one().starts_on, title=f"Бұйрық {n}"))
                db.session.add(DisciplinaryAction(submission_id=submission.id, position=100 + n, person=f"Адам {n}",
                                                  penalty="warning", order_number=str(n),
                                                  order_date=Period.query.filter_by(code="2025-H1").one().starts_on))
            db.session.commit()
        with count_queries(demo) as statements:
            assert client.get(URL + "&lang=kk").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
    assert counts[0] < 80
    assert re.search(r"Бұйрық 39", text_of(client.get(URL + "&lang=kk")))


def test_a_certificate_over_six_half_years_costs_the_queries_of_one(demo, as_user):
    """Every half-year of the span has its analysis and an order of its own; the six-half-year certificate lists
    the six orders, read with as many queries as the one-half-year certificate (not 17 more per half-year)."""
    from webapp.blueprints.acts.models import Order

    with demo.app_context():
        school = db.session.execute(db.select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        for period in db.session.scalars(db.select(Period).order_by(Period.year, Period.half)):
            submission = db.session.execute(db.select(Submission).filter_by(
                school_id=school.id, period_id=period.id)).scalar_one_or_none()
            if submission is None:
                submission = Submission(school_id=school.id, period_id=period.id)
                db.session.add(submission)
                db.session.flush()
            db.session.add(Order(submission_id=submission.id, position=500, number=f"span-{period.code}",
                                 date=period.starts_on, title=f"Бұйрық {period.code}"))
        db.session.commit()
    client = as_user("rudny")
    counts = {}
    for first, last in (("2025-H1", "2025-H1"), ("2024-H1", "2026-H2")):
        with count_queries(demo) as statements:
            response = client.get(f"/schools/rudny-7/certificate/?from={first}&to={last}&lang=kk")
        assert response.status_code == 200
        counts[first, last] = len(statements)
    text = text_of(response)
    assert all(f"span-{code}" in text for code in ("2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2"))
    assert counts[("2025-H1", "2025-H1")] == counts[("2024-H1", "2026-H2")], counts


def test_the_department_starts_every_schools_certificate_as_one_background_zip(demo, as_user):
    """The zip itself is built by the worker (tests/test_jobs.py); here: the form, the job, who may start one."""
    page = as_user("rudny").get("/units/rudny").get_data(as_text=True)
    assert 'method="post" action="/units/rudny/certificates/"' in page
    response = as_user("rudny").post("/units/rudny/certificates/",
                                     data={"from": "2024-H2", "to": "2025-H1", "lang": "kk", "format": "docx"})
    assert response.status_code == 303 and re.search(r"/jobs/\d+/$", response.headers["Location"])
    job_page = as_user("rudny").get(response.headers["Location"])
    assert job_page.status_code == 200 and "Кезекте күтуде" in text_of(job_page)  # waiting for the worker
    assert as_user("rudny-7").post("/units/rudny/certificates/", data={"to": "2025-H1"}).status_code == 404
    assert as_user("rudny").post("/units/lisakovsk/certificates/", data={"to": "2025-H1"}).status_code == 404
    assert as_user("rudny").post("/units/rudny-7/certificates/", data={"to": "2025-H1"}).status_code == 404
    assert as_user("lisakovsk").get(response.headers["Location"]).status_code == 404
