"""In Chromium (issue 12): one search is one history entry, so Back goes back; and on a 390 px phone the school's
home, a section page and the dashboard never scroll sideways — wide tables scroll inside their own box, a row's
edit and delete buttons stay on screen, and the header stays small.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in
from support import with_demo_analyses

from webapp.extensions import db

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data", "analyses")]

PERIOD = "2025-H1"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def analyses(live_data, live_app):
    with_demo_analyses(live_app, cycles=False)


def test_one_search_is_one_history_entry(page: Page):
    log_in(page, "rudny")
    page.goto(f"/units/rudny/dashboard/compare?period={PERIOD}")
    start = page.evaluate("history.length")
    search = page.locator("#search")
    search.fill("абай")  # typed, as a Russian keyboard would type «Абай»
    expect(page).to_have_url(re.compile(r"q=%D0%B0%D0%B1%D0%B0%D0%B9"))
    expect(page.locator("#comparison tbody tr")).to_have_count(1)
    search.press("Tab")  # leaving the field must not ask (and push) again
    page.wait_for_timeout(800)
    page.locator("#comparison").click(position={"x": 5, "y": 5})
    page.wait_for_timeout(500)
    assert page.evaluate("history.length") == start + 1
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"q="))
    expect(page.locator("#comparison tbody tr")).not_to_have_count(1)


def fits(page: Page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("user, path", [
    ("rudny-7", "/units/rudny-7"),
    ("rudny-7", f"/schools/rudny-7/{PERIOD}/personnel/"),
    ("rudny-7", f"/schools/rudny-7/{PERIOD}/procurement/"),
    ("rudny", "/units/rudny/dashboard/"),
    ("rudny", f"/units/rudny/dashboard/compare?period={PERIOD}"),
    ("rudny", f"/units/rudny/dashboard/risks?period={PERIOD}"),
])
def test_a_phone_never_scrolls_the_page_sideways(page: Page, user, path):
    page.set_viewport_size(PHONE)
    log_in(page, user)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    width, inner = fits(page)
    assert width <= inner, f"{path}: the page is {width} px wide on a {inner} px screen"
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 0.2 * PHONE["height"], f"the header takes {header['height']:.0f} px"


@pytest.fixture
def draft(live_app):
    """rudny-7's 2026-H2 started from 2026-H1: its staffing rows carried over, editable."""
    from sqlalchemy import select

    from webapp.models import OrgUnit, Period
    from webapp.reporting import workflow

    with live_app.app_context():
        school = db.session.execute(select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        period = db.session.execute(select(Period).filter_by(year=2026, half=2)).scalar_one()
        workflow.start(school, period, carry_over=True)
        db.session.commit()
        db.session.remove()
    return "2026-H2"


def test_a_rows_edit_and_delete_buttons_stay_on_a_phones_screen(page: Page, draft):
    page.set_viewport_size(PHONE)
    log_in(page, "rudny-7")
    page.goto(f"/schools/rudny-7/{draft}/personnel/")
    assert fits(page)[0] <= PHONE["width"]
    buttons = page.locator("table.rows td.actions button")
    assert buttons.count() > 0
    for index in range(min(buttons.count(), 6)):
        button = buttons.nth(index)
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"button {index} is off screen: {box}"
