"""Required is visible: what a complete section needs is marked (a sign and aria-required), the section's status
and the submit blockers name each missing field and link to it, and a section that may be empty (Appendix 4
included) can be attested «nothing to report»."""

from __future__ import annotations

import re

import pytest
from support_org_sections import full_page, start, url
from test_browser_workflow import started  # noqa: F401  (the fixture: rudny-7's 2026-H2 started)

from webapp.reporting.sections import SECTIONS

BASE = "/schools/rudny-7/2026-H2"


@pytest.fixture
def school(as_user):
    return start(as_user)


def input_of(html: str, name: str) -> str:
    return re.search(rf'<input[^>]*\bname="{name}"[^>]*>', html).group(0)


def test_required_figures_are_marked_and_named_until_given(school):
    html = full_page(school, "personnel").get_data(as_text=True)
    assert 'aria-required="true"' in input_of(html, "teachers_higher_education")
    assert 'aria-required' not in input_of(html, "vacancies")  # optional
    assert re.search(r'<label class="required" for="teachers_higher_education">', html)
    assert re.search(r'<textarea[^>]*aria-required="true"[^>]*name="risks"|<textarea[^>]*name="risks"[^>]*'
                     r'aria-required="true"', html)
    status = re.search(r'<p class="still-needed">.*?</p>', html, re.S).group(0)
    assert 'href="#teachers_higher_education"' in status and "Жоғары білімді" in text_of_html(status)
    assert 'href="#risks"' in status and 'href="#violation_found-0"' in status
    assert 'id="violation_found-0"' in html  # the link lands on something

    school.post(url("personnel", "facts"), data={"teachers_total": "76", "support_staff_total": "41",
                                                 "teachers_higher_education": "69"})
    status = re.search(r'<p class="still-needed">.*?</p>', full_page(school, "personnel").get_data(as_text=True),
                       re.S).group(0)
    assert 'href="#teachers_higher_education"' not in status and 'href="#risks"' in status


def text_of_html(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_submit_blockers_link_to_the_missing_fields(school):
    page = school.get(f"{BASE}/", headers={"HX-Request": ""}).get_data(as_text=True)
    blockers = re.search(r'<ul class="blockers">.*?</ul>', page, re.S).group(0)
    assert f'href="{BASE}/personnel/#teachers_higher_education"' in blockers
    assert f'href="{BASE}/positions/#add-positions"' in blockers
    assert f'href="{BASE}/general/#order_number"' in blockers
    refused = school.post(f"{BASE}/submit", headers={"HX-Request": ""})
    assert refused.status_code == 409 and "#teachers_higher_education" in refused.get_data(as_text=True)


def test_appendix_4_can_be_attested_as_nothing_to_report(school):
    html = full_page(school, "positions").get_data(as_text=True)
    assert 'name="nothing_to_report"' in html and 'id="add-positions"' in html
    saved = school.post(url("positions", "narrative"), data={"nothing_to_report": "y"})
    assert saved.status_code == 200
    assert 'class="badge state-nothing"' in full_page(school, "positions").get_data(as_text=True)
    page = school.get(f"{BASE}/", headers={"HX-Request": ""}).get_data(as_text=True)
    assert f"{BASE}/positions/" not in re.search(r'<ul class="blockers">.*?</ul>', page, re.S).group(0)
    assert 'id="section-positions"' in page and "state-nothing" in re.search(
        r'<tr id="section-positions">.*?</tr>', page, re.S).group(0)


def test_every_section_that_may_be_empty_offers_nothing_to_report(school):
    for section in SECTIONS:
        html = full_page(school, section.code).get_data(as_text=True)
        assert ('name="nothing_to_report"' in html) == section.may_be_empty, section.code
    assert [s.code for s in SECTIONS if not s.may_be_empty] == ["general"]
    assert school.post(url("general", "narrative"), data={"nothing_to_report": "y"}).status_code == 404


def test_a_missing_field_is_named_in_russian_too(school):
    school.post("/language", data={"lang": "ru", "next": "/"})
    status = re.search(r'<p class="still-needed">.*?</p>',
                       full_page(school, "personnel").get_data(as_text=True), re.S).group(0)
    assert "Педагоги с высшим образованием" in text_of_html(status) or "высшим" in text_of_html(status)
    assert "Для полного раздела ещё нужно" in text_of_html(status)


@pytest.mark.browser
@pytest.mark.usefixtures("live_data", "started")
def test_in_chromium_the_sign_shows_and_the_link_leads_to_the_field(page):
    from playwright.sync_api import expect
    from support import browser_log_in

    browser_log_in(page, "rudny-7")
    page.goto(f"{BASE}/personnel/")
    sign = page.evaluate("""getComputedStyle(document.querySelector("label[for=teachers_higher_education]"),
                            "::after").content""")
    assert "*" in sign
    page.locator('.still-needed a[href="#teachers_higher_education"]').click()
    expect(page).to_have_url(re.compile(r"#teachers_higher_education$"))
    expect(page.locator("#teachers_higher_education")).to_be_in_viewport()
