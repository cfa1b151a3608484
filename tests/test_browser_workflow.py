"""In Chromium: a school fills in a section with htmx, is warned, submits; the department returns it with a
reason; the school corrects and resubmits; the department accepts."""

import re

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in

from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import SectionEntry, Status, Submission
from webapp.reporting.sections import SECTIONS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]

PERSONNEL = "/schools/rudny-7/2026-H2/personnel/"


@pytest.fixture
def started(live_app):
    """rudny-7's 2026-H2 analysis, every section but personnel attested as nothing to report."""
    with live_app.app_context():
        school = db.session.execute(db.select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        period = db.session.execute(db.select(Period).filter_by(code="2026-H2")).scalar_one()
        submission = Submission(school=school, period=period, status=Status.DRAFT)
        db.session.add(submission)
        for section in SECTIONS:
            if section.code != "personnel":
                db.session.add(SectionEntry(submission=submission, section=section.code, facts={},
                                            nothing_to_report=True))
        db.session.commit()


def log_out(page: Page) -> None:
    page.locator("form.logout button").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def saved(page: Page, block: str):
    expect(page.locator(f"#{block}-saved")).to_contain_text("Сақталды")


def test_fill_warn_submit_return_resubmit_accept(page: Page, started):
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, "rudny-7")
    page.locator("#period-2026-H2 a").first.click()
    expect(page).to_have_url(re.compile(r"/schools/rudny-7/2026-H2/$"))
    page.locator("#section-personnel a").click()
    expect(page).to_have_url(re.compile(PERSONNEL + "$"))

    # The narrative saves itself as the clerk moves on.
    page.fill("#risks", "Бос орындарға конкурс өткізу барысында тәуекел.")
    page.fill("#basis", "Әкімшілік штат 11 адам.")
    page.fill("#recommendations", "Конкурс барысын тексеру.")
    page.locator("#violation_found-0").check()
    saved(page, "narrative")

    # Figures that do not add up: a warning appears without a reload.
    for name, value in {"teachers_total": "76", "support_staff_total": "41", "teachers_higher_education": "69",
                        "teachers_special_secondary": "7", "category_pedagog": "16", "category_moderator": "22",
                        "category_expert": "17", "category_researcher": "21", "category_master": "2"}.items():
        page.fill(f"#{name}", value)
    page.locator("#facts button[type=submit]").click()
    warning = page.locator("#section-status .warnings")
    expect(warning).to_contain_text("78")
    expect(warning).to_contain_text("76")
    page.fill("#category_researcher", "19")
    page.locator("#facts button[type=submit]").click()
    expect(page.locator("#section-status .warnings")).to_have_count(0)

    # A disciplinary action row appears in the table without a reload.
    page.fill("#disciplinary-person", "Айназарова Ж")
    page.select_option("#disciplinary-penalty", "warning")
    page.fill("#disciplinary-order_number", "77")
    page.fill("#disciplinary-order_date", "2026-10-11")
    page.locator("#add-disciplinary button[type=submit]").click()
    expect(page.locator("#rows-disciplinary tbody tr")).to_have_count(1)
    expect(page.locator("#rows-disciplinary tbody tr")).to_contain_text("Айназарова Ж")
    expect(page.locator("#disciplinary-person")).to_have_value("")  # a fresh form for the next row

    # A year typed wrong: the error shows next to the field, typed values stay.
    page.fill("#disciplinary-person", "Ермағанбетова С.А.")
    page.fill("#disciplinary-order_number", "86")
    page.fill("#disciplinary-order_date", "11.01.0202")
    page.locator("#add-disciplinary button[type=submit]").click()
    expect(page.locator("#disciplinary-order_date-error")).to_be_visible()
    expect(page.locator("#disciplinary-person")).to_have_value("Ермағанбетова С.А.")
    expect(page.locator("#rows-disciplinary tbody tr")).to_have_count(1)

    page.goto("/schools/rudny-7/2026-H2/")
    page.locator("form[action$='/submit'] button").click()
    expect(page.locator("#submission-status .state-submitted")).to_be_visible()
    log_out(page)

    log_in(page, "rudny")
    page.goto("/schools/rudny-7/2026-H2/")
    page.fill("#reason-personnel", "Тәртіптік жазалар бойынша бұйрық күнін тексеріңіз.")
    page.locator("button[name=decision][value=return]").click()
    expect(page.locator("#submission-status .state-overdue")).to_be_visible()
    log_out(page)

    log_in(page, "rudny-7")
    expect(page.locator("#period-2026-H2")).to_contain_text("Тәртіптік жазалар бойынша бұйрық күнін тексеріңіз.")
    page.goto(PERSONNEL)
    expect(page.locator("#section-status")).to_contain_text("Тәртіптік жазалар бойынша бұйрық күнін тексеріңіз.")
    row = page.locator("#rows-disciplinary tbody tr").first
    row.locator("a.button").click()
    date_input = page.locator("#rows-disciplinary tbody tr input[data-date-field]")
    date_input.fill("12.10.2026")
    page.locator("#rows-disciplinary tbody tr button[type=submit]").click()
    expect(page.locator("#rows-disciplinary tbody tr").first).to_contain_text("12.10.2026")
    page.goto("/schools/rudny-7/2026-H2/")
    page.locator("form[action$='/submit'] button").click()
    expect(page.locator("#submission-status .state-submitted")).to_be_visible()
    log_out(page)

    log_in(page, "rudny")
    page.goto("/schools/rudny-7/2026-H2/history?since=return")
    expect(page.locator("table.audit")).to_contain_text("12.10.2026")
    page.goto("/schools/rudny-7/2026-H2/")
    page.locator("button[name=decision][value=accept]").click()
    expect(page.locator("#submission-status .state-open")).to_be_visible()
