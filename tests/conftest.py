"""Fixtures: an app on a fresh database with the demo data, clients per role, and a live server for Chromium.

The suite runs on in-memory SQLite, or on PostgreSQL when TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import os
import threading

import pytest
from support import TEST_DATABASE_URL, app_config, login, reset_database, with_demo_analyses

# Under pytest-xdist each worker queues jobs and counts logins in a Redis database of its own (7, 8, …), so that
# one worker's test emptying or filling its queue never meets another's.
if os.environ.get("PYTEST_XDIST_WORKER"):
    _redis = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
    _base, _, _index = _redis.rpartition("/")
    os.environ["TEST_REDIS_URL"] = f"{_base}/{int(_index or 0) + int(os.environ['PYTEST_XDIST_WORKER'][2:])}"

from webapp import create_app
from webapp.extensions import db


@pytest.fixture
def app(tmp_path):
    app = create_app(app_config(), instance_path=str(tmp_path / "instance"))
    reset_database(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def demo(app):
    """`app` with the demo data and every school's analyses (rudny-7's are the seed certificate)."""
    return with_demo_analyses(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def as_user(app):
    """as_user("rudny-7") → a test client logged in as that demo account."""

    def make(username: str, htmx: bool = False):
        client = app.test_client()
        response = login(client, username)
        assert response.status_code == 303, response.get_data(as_text=True)
        if htmx:
            client.environ_base["HTTP_HX_REQUEST"] = "true"
        return client

    return make


# --- Real Chromium through pytest-playwright -------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium instead of a browser downloaded by Playwright (no such download here)."""
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} not found: apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # in CI a missing browser is a failure, never a silent skip
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "kk-KZ"}


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.sqlite'}"
    return create_app(app_config(SQLALCHEMY_DATABASE_URI=url, WTF_CSRF_ENABLED=True),
                      instance_path=str(tmp_path_factory.mktemp("instance")))


@pytest.fixture(scope="session")
def live_server(live_app):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-playwright opens pages relative to this."""
    return live_server


@pytest.fixture
def live_data(live_app):
    """The live server's database back to the demo data before a browser test."""
    reset_database(live_app)


# --- Longest files first under pytest-xdist ---------------------------------------------------------
# With --dist loadfile a worker takes whole files in the order given; xdist's own order (most tests first) left a
# file of one long test (a browser walk-through, the HTML checker) to start last, alone on one core, while the
# other core had finished. The workers order the files by the seconds each took in the last run (kept in pytest's
# cache by the controller; tests/file_seconds.json, from a whole run, where the cache has none: a fresh checkout,
# CI), and `make test` keeps that order (--no-loadscope-reorder). A file's own tests keep their order.

FILE_SECONDS = "adal/file-seconds"
FILE_SECONDS_JSON = os.path.join(os.path.dirname(__file__), "file_seconds.json")
_seconds_this_run: dict[str, float] = {}


def _file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def _known_seconds(config) -> dict[str, float]:
    import json

    try:
        with open(FILE_SECONDS_JSON, encoding="utf-8") as file:
            known = json.load(file)
    except (OSError, ValueError):
        known = {}
    cache = getattr(config, "cache", None)  # none with -p no:cacheprovider
    return {**known, **(cache.get(FILE_SECONDS, {}) if cache else {})}


def pytest_collection_modifyitems(session, config, items):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return  # one process: the files in their usual order
    known = _known_seconds(config)
    counts: dict[str, int] = {}
    for item in items:
        counts[_file_of(item.nodeid)] = counts.get(_file_of(item.nodeid), 0) + 1
    # a file not timed yet: half a second a test, about the suite's mean
    items.sort(key=lambda item: -known.get(_file_of(item.nodeid), 0.5 * counts[_file_of(item.nodeid)]))


def pytest_runtest_logreport(report):
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # the controller (or the one process) sees every report
        _seconds_this_run[_file_of(report.nodeid)] = _seconds_this_run.get(_file_of(report.nodeid), 0) + report.duration


def pytest_sessionfinish(session):
    cache = getattr(session.config, "cache", None)
    if _seconds_this_run and cache and not os.environ.get("PYTEST_XDIST_WORKER"):
        cache.set(FILE_SECONDS, {**cache.get(FILE_SECONDS, {}),
                                 **{f: round(s, 1) for f, s in _seconds_this_run.items()}})
