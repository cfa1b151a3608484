"""A reviewer never loses typed words by a wrong click: accepting with a reason typed asks whether to return
instead (the server too), submit and accept ask for confirmation, reason boxes have room to write."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in, text_of
from test_browser_workflow import started  # noqa: F401  (the fixture: rudny-7's 2026-H2 started)
from test_sections import make_ready, submission_of

from webapp.reporting.models import Status

BASE = "/schools/rudny-7/2026-H2"
REASON = "Тәртіптік жазалар бойынша бұйрық күнін тексеріңіз."


@pytest.fixture
def submitted(app, as_user):
    school = as_user("rudny-7")
    assert school.post(f"{BASE}/start", data={}).status_code == 303
    make_ready(app)
    assert school.post(f"{BASE}/submit").status_code == 303
    return as_user("rudny")


def test_accepting_with_a_typed_reason_asks_instead_of_dropping_it(app, submitted):
    asked = submitted.post(f"{BASE}/review", data={"decision": "accept", "reason-personnel": REASON})
    assert asked.status_code == 422
    html = asked.get_data(as_text=True)
    assert 'id="accept-with-reasons"' in html and 'value="accept_anyway"' in html
    assert REASON in html  # still in its box
    assert submission_of(app).status is Status.SUBMITTED
    returned = submitted.post(f"{BASE}/review", data={"decision": "return", "reason-personnel": REASON})
    assert returned.status_code == 303 and submission_of(app).status is Status.RETURNED
    assert REASON in text_of(submitted.get(f"{BASE}/"))


def test_the_department_may_still_accept_and_discard_the_reason(app, submitted):
    accepted = submitted.post(f"{BASE}/review", data={"decision": "accept_anyway", "reason-personnel": REASON})
    assert accepted.status_code == 303 and submission_of(app).status is Status.ACCEPTED
    # Accepting with every reason box empty needs no second step, and a repeat is harmless.
    assert submitted.post(f"{BASE}/review", data={"decision": "accept"}).status_code == 303


def test_submit_and_accept_ask_for_confirmation_and_reasons_have_room(app, as_user, submitted):
    review = submitted.get(f"{BASE}/").get_data(as_text=True)
    accept = re.search(r'<button[^>]*value="accept"[^>]*>', review, re.S).group(0)
    assert "hx-confirm=" in accept and "hx-post=" in accept
    boxes = re.findall(r'<textarea id="reason-[^"]+"[^>]*rows="(\d+)"', review)
    assert boxes and all(int(rows) >= 3 for rows in boxes)
    assert not re.search(r"\son[a-z]+=", review)  # no inline script
    submitted.post(f"{BASE}/review", data={"decision": "return", "reason-personnel": REASON})
    school_page = as_user("rudny-7").get(f"{BASE}/").get_data(as_text=True)
    submit = re.search(r'<form method="post" action="[^"]*/submit">.*?</form>', school_page, re.S).group(0)
    assert "hx-confirm=" in submit


@pytest.mark.browser
@pytest.mark.usefixtures("live_data", "started")
def test_in_chromium_the_typed_reason_survives_a_click_on_accept(page: Page, live_app):
    from webapp.extensions import db
    from webapp.reporting.models import SectionEntry, Submission

    with live_app.app_context():  # personnel too attested as nothing to report: ready to submit
        submission = db.session.scalars(db.select(Submission)).one()
        db.session.add(SectionEntry(submission=submission, section="personnel", facts={}, nothing_to_report=True))
        db.session.commit()
    questions = []

    def answer(dialog):
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    browser_log_in(page, "rudny-7")
    page.goto(f"{BASE}/")
    page.locator("form[action$='/submit'] button").click()
    expect(page.locator("#submission-status .state-submitted")).to_be_visible()
    assert len(questions) == 1  # «Submit …?» asked first

    page.locator("form.logout button").click()
    browser_log_in(page, "rudny")
    page.goto(f"{BASE}/")
    page.fill("#reason-personnel", REASON)
    page.locator("button[name=decision][value=accept]").click()
    expect(page.locator("#accept-with-reasons")).to_be_visible()
    assert len(questions) == 2
    expect(page.locator("#reason-personnel")).to_have_value(REASON)
    page.locator("#accept-with-reasons button[value=return]").click()
    expect(page.locator("#submission-status .state-overdue")).to_be_visible()  # returned
    with live_app.app_context():
        entry = db.session.execute(db.select(SectionEntry).filter_by(section="personnel")).scalar_one()
        assert entry.return_reason == REASON
