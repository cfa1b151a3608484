"""Real Chromium (Debian's, through Playwright): logging in, switching language, htmx edits, accessibility."""

import re

import pytest
from playwright.sync_api import Page, expect
from support import serious_accessibility_problems

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]


def log_in(page: Page, username: str, password: str = "demo") -> None:
    page.goto("/login")
    page.get_by_label("Пайдаланушы аты").fill(username)
    page.get_by_label("Құпиясөз").fill(password)
    with page.expect_navigation():  # to the page's load: before it, a click would miss htmx (support.browser_log_in)
        page.get_by_role("button", name="Кіру").click()


def test_school_logs_in_switches_to_russian_and_logs_out(page: Page):
    log_in(page, "rudny-7")
    expect(page).to_have_url(re.compile(r"/units/rudny-7$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Б.Майлин атындағы №7 мектеп-гимназиясы")
    expect(page.locator("#period-2025-H1")).to_contain_text("2025 жылдың бірінші жарты жылдығы")

    page.get_by_role("button", name="Русский").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Школа-гимназия №7 имени Б.Майлина")
    expect(page.locator("#period-2025-H1")).to_contain_text("первое полугодие 2025 года")
    page.reload()  # remembered, not a one-off
    expect(page.locator("html")).to_have_attribute("lang", "ru")

    page.get_by_role("button", name="Выйти").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("button", name="Войти")).to_be_visible()
    page.goto("/units/rudny-7")
    expect(page).to_have_url(re.compile(r"/login"))


def test_wrong_password_shows_one_generic_message_and_keeps_the_username(page: Page):
    log_in(page, "rudny-7", "not-the-password")
    expect(page.locator(".error")).to_have_text("Пайдаланушы аты немесе құпиясөз қате.")
    expect(page.get_by_label("Пайдаланушы аты")).to_have_value("rudny-7")


def test_department_changes_a_deadline_in_place(page: Page):
    log_in(page, "rudny")
    expect(page.get_by_role("heading", level=1)).to_have_text("Рудный қаласы білім бөлімі")
    expect(page.get_by_role("link", name="Б.Майлин атындағы №7 мектеп-гимназиясы")).to_be_visible()
    row = page.locator("#deadline-2026-H1")
    row.get_by_role("link", name="Өзгерту").click()
    date_input = page.locator("#deadline-2026-H1 input[name=deadline]")
    # Before the half-year starts: the server answers 422 and htmx swaps the error in, value kept.
    date_input.fill("2025-12-31")
    page.locator("#deadline-2026-H1").get_by_role("button", name="Сақтау").click()
    expect(page.locator("#deadline-2026-H1 .error")).to_be_visible()
    expect(page.locator("#deadline-2026-H1 input[name=deadline]")).to_have_value("2025-12-31")
    page.locator("#deadline-2026-H1 input[name=deadline]").fill("2026-07-03")
    page.locator("#deadline-2026-H1").get_by_role("button", name="Сақтау").click()
    expect(page.locator("#deadline-2026-H1")).to_contain_text("2026 ж. 3 шілде")
    expect(page.locator("#deadline-2026-H1 .saved")).to_be_visible()
    page.reload()
    expect(page.locator("#deadline-2026-H1")).to_contain_text("2026 ж. 3 шілде")


def test_region_sees_its_cities(page: Page):
    log_in(page, "kostanay")
    expect(page.get_by_role("heading", level=1)).to_have_text("Қостанай облысы")
    expect(page.get_by_role("link", name="Рудный қаласы білім бөлімі")).to_be_visible()
    expect(page.get_by_role("link", name="Лисаков қаласы білім бөлімі")).to_be_visible()


@pytest.mark.parametrize("username, path", [
    (None, "/login"), ("rudny-7", "/units/rudny-7"), ("rudny", "/units/rudny"), ("admin", "/admin/units"),
    ("rudny-7", "/schools/rudny-7/2026-H2/"), ("rudny-7", "/schools/rudny-7/2026-H2/personnel/"),
    ("rudny-7", "/schools/rudny-7/2026-H2/services/"), ("rudny", "/schools/rudny-7/2026-H2/"),
    ("rudny", "/units/rudny/certificate-texts/"), ("rudny", "/schools/rudny-7/certificate/?to=2025-H1"),
])
def test_pages_have_no_serious_accessibility_problems(page: Page, username, path):
    if username:
        log_in(page, username)
    if path.startswith("/schools/rudny-7/2026-H2/") and username == "rudny-7":
        page.goto("/schools/rudny-7/2026-H2/")
        page.locator("form[action$='/start'] button").click()
    page.goto(path)
    assert serious_accessibility_problems(page) == []


def test_skip_link_and_visible_focus(page: Page):
    page.goto("/login")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Негізгі мазмұнға өту")
    expect(skip).to_be_focused()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
