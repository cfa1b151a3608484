"""In Chromium: the school announces its analysis, a citizen sends a proposal on the public page without an
account, and the working group considers it in place."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in
from support import serious_accessibility_problems

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]


def test_announce_send_a_proposal_and_consider_it(page: Page):
    log_in(page, "rudny-7")
    page.locator("#period-2026-H2").get_by_role("link", name="Ашық кезеңдер").click()
    expect(page).to_have_url(re.compile(r"/schools/rudny-7/2026-H2/cycle/$"))
    page.fill("#analysis_from", "2026-11-02")
    page.fill("#analysis_to", "2026-12-18")
    page.fill("#order_number", "317")
    page.fill("#order_date", "2026-10-29")
    page.fill("#proposals_until", (date.today() + timedelta(days=10)).isoformat())
    page.fill("#scope", "Кадр саясаты, мемлекеттік сатып алу")
    page.get_by_role("button", name="Хабарландыруды жариялау").click()
    expect(page.locator("#messages")).to_contain_text("Хабарландыру жарияланды")
    page.locator("form.logout button").click()

    # A parent, no account: the public page, the form, the honeypot left alone.
    page.goto("/open/rudny-7/2026-H2/")
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
    expect(page).to_have_url(re.compile(r"/open/rudny-7/2026-H2/sent$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("ұсынысыңыз жіберілді")

    # The working group considers it without leaving the page.
    log_in(page, "rudny-7")
    page.goto("/schools/rudny-7/2026-H2/cycle/proposals")
    card = page.locator("article.proposal").first
    expect(card).to_contain_text("бір дүкеннен")
    expect(card).to_contain_text("Ахметова Динара")
    card.get_by_label("Талдауға қабылданды").check()
    card.get_by_label("Бөлім").select_option("procurement")
    card.get_by_label("Қалай қаралды").fill("Сатып алу бөлімінің ұсыныстарына енгізілді.")
    card.get_by_role("button", name="Сақтау").click()
    expect(page.locator("article.proposal").first.locator(".badge")).to_have_text("қабылданды")
    expect(page.locator("article.proposal").first).to_contain_text("Сатып алу бөлімінің ұсыныстарына")
    assert serious_accessibility_problems(page) == []
