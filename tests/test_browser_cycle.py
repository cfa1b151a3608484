"""In Chromium, the whole public cycle as one story: the school announces its analysis, a citizen sends a
proposal without an account, the working group considers it, the protocol of the public discussion is
recorded and printed, the head approves, the plan prints, a quarter's follow-up marks a measure overdue, the
department sees it on its dashboard (column and filter), the school publishes, the public page names people
by initials only, and taking it down hides it again."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in
from support import serious_accessibility_problems

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]


def test_the_whole_cycle_from_a_citizens_proposal_to_the_published_plan(page: Page, live_app):
    from test_cycle_plan import make_analysis

    with live_app.app_context():
        make_analysis()  # rudny-7's 2025-H2, accepted by the department
    staff = "/schools/rudny-7/2025-H2/cycle/"

    # The school announces its analysis from the half-year's page.
    log_in(page, "rudny-7")
    page.goto("/schools/rudny-7/2025-H2/")
    page.get_by_role("link", name="Ашық кезеңдер").first.click()
    expect(page).to_have_url(re.compile(r"/schools/rudny-7/2025-H2/cycle/$"))
    page.fill("#analysis_from", "02.11.2025")
    page.fill("#analysis_to", "18.12.2025")
    page.fill("#order_number", "317")
    page.fill("#order_date", "29.10.2025")
    page.fill("#proposals_until", (date.today() + timedelta(days=10)).strftime("%d.%m.%Y"))
    page.fill("#scope", "Кадр саясаты, мемлекеттік сатып алу")
    page.get_by_role("button", name="Хабарландыруды жариялау").click()
    expect(page.locator("#messages")).to_contain_text("Хабарландыру жарияланды")
    page.locator("form.logout button").click()

    # A parent, no account: the public page, the form, the honeypot left alone.
    page.goto("/open/rudny-7/2025-H2/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Хабарландыру")
    expect(page.locator("#website")).not_to_be_in_viewport()
    assert serious_accessibility_problems(page) == []
    page.fill("#text", "Мектеп формасын бір дүкеннен сатып алуға мәжбүрлемеңіз.")
    page.fill("#author_name", "Ахметова Динара")
    page.get_by_role("button", name="Ұсынысты жіберу").click()
    # Name without consent: the error next to the box, what she typed still there.
    expect(page.locator("#consent-error")).to_be_visible()
    expect(page.locator("#text")).to_have_value("Мектеп формасын бір дүкеннен сатып алуға мәжбүрлемеңіз.")
    page.locator("#consent").check()
    page.get_by_role("button", name="Ұсынысты жіберу").click()
    expect(page).to_have_url(re.compile(r"/open/rudny-7/2025-H2/sent$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("ұсынысыңыз жіберілді")

    # The working group considers it without leaving the page.
    log_in(page, "rudny-7")
    page.goto(staff + "proposals")
    card = page.locator("article.proposal").first
    expect(card).to_contain_text("бір дүкеннен")
    expect(card).to_contain_text("Ахметова Динара")
    card.get_by_label("Талдауға қабылданды").check()
    card.get_by_label("Бөлім").select_option("procurement")
    card.get_by_label("Қалай қаралды").fill("Сатып алу бөлімінің ұсыныстарына енгізілді.")
    card.get_by_role("button", name="Сақтау").click()
    expect(page.locator("article.proposal").first.locator(".badge")).to_have_text("қабылданды")
    assert serious_accessibility_problems(page) == []

    # The protocol of the public discussion: recorded, the considered proposal heard in it, printed.
    page.goto(staff + "discussion")
    page.fill("#protocol_number", "1")
    page.fill("#protocol_recorded_on", "10.12.2025")
    page.fill("#chair", "Серікова Гүлнар Маратқызы")
    page.fill("#participants", "23")
    page.get_by_role("button", name="Хаттаманы сақтау").click()
    expect(page.locator("#messages")).to_contain_text("Сақталды")
    page.get_by_role("button", name="Қаралған азаматтар ұсыныстарын қосу (1)").click()
    expect(page.locator("#items tbody")).to_contain_text("бір дүкеннен")
    page.fill("#heard", "Ата-ана: асхана мәзірін сайтта жариялау.")
    page.fill("#decision", "Қабылданды.")
    page.get_by_role("button", name="Хаттамаға қосу").click()
    expect(page.locator("#items tbody")).to_contain_text("асхана мәзірін")  # in place, no reload
    expect(page.locator("#items tbody")).not_to_contain_text("Ахметова")  # a citizen's name stays out
    page.get_by_role("link", name="қазақша").click()
    expect(page.locator("main.doc")).to_contain_text("ХАТТАМАСЫ №1")
    expect(page.get_by_role("button", name="Басып шығару")).to_be_visible()
    assert serious_accessibility_problems(page) == []

    # The plan: a measure added in place, the head's approval, the plan printed.
    page.goto(staff + "plan")
    page.get_by_label("Бөлім").select_option("procurement")
    page.fill("#risk", "Бір көзден сатып алу үлесінің жоғары болуы")
    page.fill("#measure", "Сатып алу жоспарын тоқсан сайын қарау")
    page.fill("#completion_form", "Хаттама")
    page.fill("#responsible", "Бас бухгалтер")
    page.fill("#deadline", "31.03.2026")
    page.get_by_role("button", name="Жоспарға қосу").click()
    expect(page.locator("#measures tbody")).to_contain_text("Сатып алу жоспарын тоқсан сайын қарау")
    page.fill("#approval_order_number", "301")
    page.fill("#approval_order_date", "19.12.2025")
    page.fill("#approver_name", "Жұмабаев Ерлан Серікұлы")
    page.fill("#approver_position", "Директор")
    page.get_by_role("button", name="Бекіту").click()
    expect(page.locator("#approval")).to_contain_text("бекітілді")
    page.locator("#measures").get_by_role("link", name="на русском").click()
    expect(page.locator("main.doc")).to_contain_text("УТВЕРЖДАЮ")
    expect(page.locator("main.doc table")).to_contain_text("Сатып алу жоспарын тоқсан сайын қарау")
    # The school's own certificate now carries the approval block with the order.
    page.goto("/schools/rudny-7/certificate/?from=2025-H2&to=2025-H2&lang=kk")
    expect(page.locator(".approval")).to_contain_text("БЕКІТЕМІН")
    expect(page.locator(".approval")).to_contain_text("2025 жылғы 19 желтоқсан")

    # A quarter's follow-up marks the measure overdue, with the reason.
    page.goto(staff + "followup?quarter=2026-Q1")
    card = page.locator("article.card").first
    card.get_by_label("мерзімі өтті").check()
    card.locator("textarea").fill("Жеткізуші ауысты")
    card.get_by_role("button", name="Есепті сақтау").click()
    expect(page.locator("article.card").first).to_contain_text("2026-Q1: мерзімі өтті — Жеткізуші ауысты")
    page.locator("form.logout button").click()

    # The department sees it on its dashboard: the column, the filter, then the list behind the count.
    log_in(page, "rudny")
    page.goto("/units/rudny/dashboard/compare?period=2025-H2")
    row = page.locator("#school-rudny-7")
    expect(row.get_by_role("link", name="1", exact=True)).to_be_visible()
    page.get_by_label("тек жоспар тармақтарының мерзімі өткен мектептер").check()
    expect(page).to_have_url(re.compile(r"overdue=1"))
    expect(page.locator("#comparison tbody tr")).to_have_count(1)
    assert serious_accessibility_problems(page) == []
    page.locator("#school-rudny-7").get_by_role("link", name="1", exact=True).click()
    expect(page.locator("table.data")).to_contain_text("Сатып алу жоспарын тоқсан сайын қарау")
    expect(page.locator("table.data")).to_contain_text("Жеткізуші ауысты")
    page.locator("form.logout button").click()

    # The school publishes; the public page names people by initials only; taking it down hides it.
    log_in(page, "rudny-7")
    page.goto(staff + "publication")
    page.get_by_role("button", name="Жариялау").click()
    expect(page.locator("#messages")).to_contain_text("Жарияланды")
    public_url = page.locator("main a[href$='/published']").first.get_attribute("href")
    page.locator("form.logout button").click()
    page.goto(public_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("ішкі талдау нәтижелері")
    expect(page.locator("main")).to_contain_text("С. Г. М.")
    expect(page.locator(".approval")).to_contain_text("Ж. Е. С.")
    content = page.content()
    assert "Серікова" not in content and "Қасымов" not in content and "Жұмабаев" not in content
    assert "Ахметова" not in content and "бір дүкеннен" not in content  # nothing a citizen wrote
    assert serious_accessibility_problems(page) == []
    log_in(page, "rudny-7")
    page.goto(staff + "publication")
    page.get_by_role("button", name="Ашық беттен алып тастау").click()
    expect(page.locator("#messages")).to_contain_text("Ашық беттен алынды")
    page.locator("form.logout button").click()
    assert page.goto(public_url).status == 404
