"""Dates typed the same in every browser: «дд.мм.гггг» text, years 2000 to next year, a date outside the analysed
half-year saved with a warning, and no autosave while a date is half typed (in an English-language Chromium)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect
from support import browser_log_in
from support_org_sections import assert_fragment, full_page, rows_of, start, url, warnings_of

from webapp.blueprints.appeals.models import Appeal
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import SectionEntry, Status, Submission
from webapp.reporting.sections import SECTIONS


@pytest.fixture
def school(as_user):
    return start(as_user)


def add_appeal(client, received_on: str, answered_on: str = ""):
    return client.post(url("appeals", "rows/appeals"), data={
        "appeals-channel": "written", "appeals-received_on": received_on, "appeals-answered_on": answered_on,
        "appeals-subject": "Оқушыны ауыстыру"})


@pytest.mark.parametrize("typed, day", [("23.10.2026", date(2026, 10, 23)), ("3.9.2026", date(2026, 9, 3)),
                                        ("2026-10-23", date(2026, 10, 23)),
                                        (" 23.10.2026 ", date(2026, 10, 23))])
def test_dates_are_read_day_first(school, app, typed, day):
    assert add_appeal(school, typed).status_code == 200
    assert [row.received_on for row in rows_of(app, Appeal)] == [day]


@pytest.mark.parametrize("typed", ["0202", "23.10.0202", "23.10.1999", "01.01.2099", "31.02.2026", "23.10.26",
                                   "10/23/2026", "23/10/2026", "٢٣.١٠.٢٠٢٦", "23.10.2026г", "02/30/42025"])
def test_dates_that_cannot_be_meant_are_refused(school, app, typed):
    html = assert_fragment(add_appeal(school, typed), 422)
    assert 'id="appeals-received_on-error"' in html and f'value="{typed}"' in html
    assert rows_of(app, Appeal) == []


def test_a_date_outside_the_half_year_is_saved_with_a_warning(school, app):
    assert add_appeal(school, "23.04.2025").status_code == 200  # an appeal of another half-year: a slip?
    assert [row.received_on for row in rows_of(app, Appeal)] == [date(2025, 4, 23)]
    warnings = warnings_of(school, "appeals")
    assert any("23.04.2025" in w and "01.07.2026" in w and "31.12.2026" in w for w in warnings), warnings
    # An order of an earlier year still applies: only a date after the half-year's end is named.
    assert school.post(url("acts", "rows/orders"), data={
        "orders-number": "1", "orders-date": "05.01.2024", "orders-title": "Ішкі тәртіп"}).status_code == 200
    assert warnings_of(school, "acts") == []
    assert school.post(url("acts", "rows/orders"), data={
        "orders-number": "2", "orders-date": "05.01.2027", "orders-title": "Ішкі тәртіп"}).status_code == 200
    assert any("05.01.2027" in w for w in warnings_of(school, "acts"))
    # A certificate is dated after the half-year it analyses: no warning for that.
    school.post(url("general", "facts"), data={"certificate_date": "15.01.2027"})
    assert not any("15.01.2027" in w for w in warnings_of(school, "general"))


def test_every_report_date_is_a_text_field_with_the_pattern(school):
    pages = 0
    for section in SECTIONS:
        html = full_page(school, section.code).get_data(as_text=True)
        assert 'type="date"' not in html, section.code
        pages += 'data-date-field="dd.mm.yyyy"' in html
    assert pages >= 10
    html = full_page(school, "appeals").get_data(as_text=True)
    field = re.search(r'<input[^>]*id="appeals-received_on"[^>]*>', html).group(0)
    assert 'type="text"' in field and 'pattern="' in field and 'placeholder="кк.аа.жжжж"' in field


# --- Chromium in English ------------------------------------------------------------------------------------

@pytest.fixture
def started(live_app, live_data):
    """rudny-7's 2026-H2 analysis started (a draft)."""
    with live_app.app_context():
        school = db.session.execute(db.select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        period = db.session.execute(db.select(Period).filter_by(code="2026-H2")).scalar_one()
        db.session.add(Submission(school=school, period=period, status=Status.DRAFT))
        db.session.commit()


@pytest.mark.browser
def test_dates_type_the_same_in_an_english_language_browser(browser, live_server, live_app, started):
    context = browser.new_context(locale="en-US", base_url=live_server)
    page = context.new_page()
    try:
        browser_log_in(page, "rudny-7")
        assert page.evaluate("navigator.language") == "en-US"
        page.goto("/schools/rudny-7/2026-H2/general/")
        posts = []
        page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
        order_date = page.locator("#order_date")
        order_date.click()
        order_date.press_sequentially("23.04.20", delay=60)
        page.wait_for_timeout(2500)  # longer than the autosave's pause: nothing is sent for a half-typed date
        assert not [u for u in posts if u.endswith("/general/facts")]
        order_date.press_sequentially("25", delay=60)
        order_date.press("Tab")
        expect(page.locator("#facts-saved")).to_contain_text("Сақталды")
        with live_app.app_context():
            entry = db.session.execute(db.select(SectionEntry).filter_by(section="general")).scalar_one()
            assert entry.facts["order_date"] == "2025-04-23"
        page.reload()
        expect(page.locator("#order_date")).to_have_value("23.04.2025")

        page.goto("/schools/rudny-7/2026-H2/appeals/")
        page.select_option("#appeals-channel", "written")
        page.fill("#appeals-received_on", "23.10.2026")
        page.locator("#add-appeals button[type=submit]").click()
        expect(page.locator("#rows-appeals tbody tr")).to_have_count(1)
        expect(page.locator("#rows-appeals tbody tr")).to_contain_text("23.10.2026")
        page.fill("#appeals-received_on", "23.10.0202")
        page.locator("#add-appeals button[type=submit]").click()
        expect(page.locator("#appeals-received_on-error")).to_be_visible()
        expect(page.locator("#appeals-received_on")).to_have_value("23.10.0202")
        expect(page.locator("#rows-appeals tbody tr")).to_have_count(1)
    finally:
        context.close()
