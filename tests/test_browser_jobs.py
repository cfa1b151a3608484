"""In Chromium: a department asks for its city's every certificate as one zip, watches the progress bar move as
the real worker builds it («3 of 4»), and downloads the zip from the same page without reloading it."""

import io
import re
import signal
import zipfile

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in
from support import serious_accessibility_problems

from webapp.jobs import make_consumer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]


@pytest.fixture
def live_worker(live_app):
    """A real Huey consumer for the live server's app (its SQLite queue in the live instance folder)."""
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    consumer = make_consumer(live_app)
    consumer.start()
    yield consumer
    consumer.stop(graceful=True)
    for number, handler in handlers.items():
        signal.signal(number, handler)


def test_department_watches_its_zip_being_built_and_downloads_it(page: Page, live_worker):
    log_in(page, "lisakovsk")
    page.goto("/units/lisakovsk")
    form = page.locator("form[action='/units/lisakovsk/certificates/']")
    form.locator("select[name=format]").select_option("pdf")
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/jobs/\d+/$"))
    progress = page.locator("#job-progress")
    expect(progress).to_have_attribute("max", "4")
    # htmx polls the job every second: the count moves without a reload, then the download link appears.
    expect(page.locator("#job-count")).to_have_text("4 ішінен 4", timeout=120_000)
    link = page.get_by_role("link", name=re.compile(r"lisakovsk_\d{4}-H\d_\d{4}-H\d_kk_pdf\.zip"))
    expect(link).to_be_visible()
    assert serious_accessibility_problems(page) == []
    with page.expect_download() as download:
        link.click()
    with zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read())) as archive:
        names = sorted(archive.namelist())
        assert len(names) == 4 and names[0].startswith("lisakovsk-1_") and names[0].endswith("_kk.pdf")

    page.goto("/units/lisakovsk")  # the unit page finds the batch again
    expect(page.locator("#recent-batches a")).to_have_count(1)
