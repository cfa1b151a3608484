"""In real Chromium, the main pages run under the Content-Security-Policy without a single violation: htmx
loads from our own file, works without eval, and no inline script, handler or style is blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]

# Runs before any page script (injected by the browser's debugging protocol, which the policy does not cover).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_main_pages_produce_no_csp_violations(page: Page):
    console = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.add_init_script(RECORD_VIOLATIONS)
    browser_log_in(page, "rudny")
    for url in ("/units/rudny", "/units/rudny/dashboard/", "/units/rudny/dashboard/compare",
                "/units/rudny/dashboard/risks", "/schools/rudny-7/certificate/?to=2025-H1"):
        response = page.goto(url)
        assert response.status == 200 and "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], url
    # htmx works under the policy: a search in the comparison swaps the table in place, without eval
    page.goto("/units/rudny/dashboard/compare")
    assert page.evaluate("typeof htmx === 'object' && htmx.config.allowEval === false")
    with page.expect_response(lambda r: "/dashboard/compare" in r.url and r.request.headers.get("hx-request")):
        page.fill("#search", "7")
    page.wait_for_load_state("networkidle")
    assert violations(page) == [] and console == []


def test_the_print_button_works_without_inline_script(page: Page):
    page.add_init_script(RECORD_VIOLATIONS + "window.print = () => { window.__printed = true; };")
    browser_log_in(page, "rudny")
    page.goto("/units/rudny/dashboard/")
    page.get_by_role("button", name="Басып шығару").click()
    expect(page.locator("body")).to_be_visible()
    assert page.evaluate("window.__printed === true")
    assert violations(page) == []
