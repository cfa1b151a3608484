"""README's production recipe, run: two gunicorn servers on one database and one Redis, plus one worker process.

A user signs in on server A and goes on on server B; failed logins alternating between the servers hit one
limit; a certificate batch started on A is run by the worker and downloaded from B; schools autosaving at once
through both servers lose nothing they were told was saved.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from support import PROJECT_ROOT, TEST_DATABASE_URL, app_config, reset_database
from test_jobs import REDIS_URL, redis_answers

from webapp import create_app
from webapp.extensions import db
from webapp.models import AuditEvent, OrgUnit
from webapp.reporting.models import SectionEntry, Submission


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie jar and CSRF token, like one browser, talking to whichever server it is given."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.token = None

    def request(self, url: str, data: dict | None = None, htmx: bool = False) -> tuple[int, dict, bytes]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)
        if self.token:
            request.add_header("X-CSRFToken", self.token)
        if htmx:
            request.add_header("HX-Request", "true")
        try:
            with self.opener.open(request, timeout=60) as response:
                status, headers, content = response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, dict(error.headers), error.read()
        found = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', content)
        if found:
            self.token = found.group(1).decode()
        return status, headers, content

    def login(self, server: str, username: str, password: str = "demo") -> int:
        self.request(server + "/login")
        return self.request(server + "/login", {"username": username, "password": password,
                                                "csrf_token": self.token})[0]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{url} exited:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url + "/login", timeout=2).read()
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """(server A, server B, the app for checking the database): all three processes share the database and
    Redis through the environment, exactly as README's production section sets them."""
    if not redis_answers():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis does not answer at {REDIS_URL}")
        pytest.skip(f"Redis does not answer at {REDIS_URL}")
    tmp = tmp_path_factory.mktemp("servers")
    database = TEST_DATABASE_URL or f"sqlite:///{tmp / 'adal.sqlite'}"
    app = create_app(app_config(SQLALCHEMY_DATABASE_URI=database), instance_path=str(tmp / "instance"))
    reset_database(app)
    run = uuid.uuid4().hex
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "FLASK_SECRET_KEY": "one key for every server " + run,
        "FLASK_SESSION_COOKIE_SECURE": "false",  # plain http on the loopback
        "FLASK_RATELIMIT_STORAGE_URI": REDIS_URL,
        "FLASK_RATELIMIT_KEY_PREFIX": f"adal-test-{run}",
        "FLASK_TASK_QUEUE_URL": REDIS_URL,
        "FLASK_TASK_QUEUE_NAME": f"adal-test-{run}",
    }
    processes, urls = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            log = tmp / f"gunicorn-{name}.log"
            processes.append((subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
                cwd=PROJECT_ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT), log))
            urls.append(f"http://127.0.0.1:{port}")
        log = tmp / "worker.log"
        processes.append((subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"],
                                           cwd=PROJECT_ROOT, env=env, stdout=log.open("w"),
                                           stderr=subprocess.STDOUT), log))
        for url, (process, log) in zip(urls, processes, strict=False):
            wait_until_up(url, process, log)
        yield urls[0], urls[1], app
    finally:
        for process, _log in processes:
            process.terminate()
        for process, _log in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_signing_in_on_one_server_and_going_on_on_the_other(servers):
    a, b, _app = servers
    browser = Browser()
    assert browser.login(a, "rudny") == 303
    status, _headers, page = browser.request(b + "/units/rudny")
    assert status == 200 and "Рудный".encode() in page
    assert browser.request(b + "/units/lisakovsk")[0] == 404  # and B knows who it is


def test_failed_logins_alternating_between_servers_hit_one_limit(servers):
    a, b, _app = servers
    statuses = []
    for attempt in range(7):
        browser = Browser()
        statuses.append(browser.login(a if attempt % 2 == 0 else b, "rudny-3", "wrong"))
    assert statuses[:5] == [422] * 5 and statuses[5:] == [429, 429], statuses  # 5 per 5 minutes, across both
    assert Browser().login(b, "rudny-3") == 429  # even the right password waits now


def test_a_batch_started_on_one_server_is_run_by_the_worker_and_downloaded_from_the_other(servers):
    a, b, _app = servers
    browser = Browser()
    browser.login(a, "lisakovsk")
    browser.request(a + "/units/lisakovsk")
    status, headers, _ = browser.request(a + "/units/lisakovsk/certificates/",
                                         {"from": "2025-H1", "to": "2025-H1", "lang": "ru", "format": "docx",
                                          "csrf_token": browser.token})
    assert status == 303
    job = urllib.parse.urljoin(a, headers["Location"]).removeprefix(a)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status, _headers, page = browser.request(b + job, htmx=True)
        assert status == 200
        if b"/download" in page:
            break
        time.sleep(0.5)
    status, headers, content = browser.request(b + job + "download")
    assert status == 200 and headers["Content-Type"] == "application/zip" and content.startswith(b"PK")


def test_schools_autosaving_through_both_servers_lose_nothing(servers):
    a, b, app = servers
    with app.app_context():
        schools = db.session.scalars(db.select(OrgUnit.code).where(OrgUnit.kind == "school")
                                     .order_by(OrgUnit.code).limit(8)).all()
    saves = 6

    def school_session(index_code):
        index, code = index_code
        browser = Browser()
        assert browser.login(a, code) == 303
        base = f"/schools/{code}/2026-H1"
        browser.request(a + base + "/")
        assert browser.request(b + base + "/start", {"carry_over": ""}, htmx=True)[0] in (204, 303)
        acknowledged = []
        for n in range(saves):
            server = (a, b)[(n + index) % 2]
            text = f"{code}: {n + 1}-сақтау"
            status = browser.request(server + base + "/personnel/narrative",
                                     {"risks": text, "basis": "", "recommendations": ""}, htmx=True)[0]
            if status == 200:
                acknowledged.append(text)
        return code, acknowledged

    with ThreadPoolExecutor(max_workers=len(schools)) as pool:
        results = dict(pool.map(school_session, enumerate(schools)))
    assert all(len(acknowledged) == saves for acknowledged in results.values()), results  # 0 errors

    with app.app_context():
        for code, acknowledged in results.items():
            entry = db.session.execute(
                db.select(SectionEntry).join(Submission).join(OrgUnit, OrgUnit.id == Submission.school_id)
                .where(OrgUnit.code == code, SectionEntry.section == "personnel")).scalar_one()
            assert entry.risks == acknowledged[-1]
            recorded = [e.changes["risks"][1] for e in db.session.scalars(
                db.select(AuditEvent).where(AuditEvent.object_type == "section_entry",
                                            AuditEvent.object_id == str(entry.id)).order_by(AuditEvent.id))
                        if "risks" in e.changes]
            # Every acknowledged save, in order (the entry's creation may come first, with no text yet).
            assert [text for text in recorded if text is not None] == acknowledged
