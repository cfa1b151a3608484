"""In Chromium (issue 10): a published certificate's figures typed as they are — staff units with a decimal
comma, a procurement method with its contracts and no amount — saved, shown back and summed honestly."""

import re

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in

from webapp.blueprints.procurement.models import ProcurementMethod
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import SectionEntry, Status, Submission

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]

BASE = "/schools/rudny-7/2026-H2"
SAVED = re.compile(r"Сақталды: \d\d:\d\d")


@pytest.fixture
def started(live_app):
    """rudny-7's 2026-H2 analysis, started and empty."""
    with live_app.app_context():
        school = db.session.execute(db.select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        period = db.session.execute(db.select(Period).filter_by(code="2026-H2")).scalar_one()
        db.session.add(Submission(school=school, period=period, status=Status.DRAFT))
        db.session.commit()


def test_staff_units_with_a_decimal_comma_save_as_typed(page: Page, started, live_app):
    log_in(page, "rudny-7")
    page.goto(f"{BASE}/personnel/")
    page.fill("#teachers_units", "30,5")
    page.fill("#auxiliary_units", "16,5")
    page.fill("#staff_units_total", "85")
    page.keyboard.press("Tab")
    expect(page.locator("#facts-saved")).to_have_text(SAVED)
    with live_app.app_context():
        facts = db.session.execute(db.select(SectionEntry).filter_by(section="personnel")).scalar_one().facts
    assert (facts["teachers_units"], facts["auxiliary_units"], facts["staff_units_total"]) == ("30.5", "16.5", "85")
    page.reload()
    expect(page.locator("#teachers_units")).to_have_value("30,5")


def test_contracts_without_an_amount_are_added_and_counted(page: Page, started, live_app):
    log_in(page, "rudny-7")
    page.goto(f"{BASE}/procurement/")
    form = page.locator("#add-methods")
    form.locator("select[name=methods-method]").select_option("single_source")
    form.locator("input[name=methods-contracts]").fill("24")
    form.locator("button[type=submit]").click()
    expect(page.locator("#rows-methods tbody tr")).to_have_count(1)
    expect(page.locator("ul.summary")).to_contain_text("24")
    with live_app.app_context():
        row = db.session.execute(db.select(ProcurementMethod)).scalar_one()
    assert (row.method, row.contracts, row.amount) == ("single_source", 24, None)
