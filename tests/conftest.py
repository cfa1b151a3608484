"""Fixtures: an app on a fresh database with the demo data, clients per role, and a live server for Chromium.

The suite runs on in-memory SQLite, or on PostgreSQL when TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import os
import re
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from webapp import create_app
from webapp.demo import load_demo
from webapp.extensions import db, limiter

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_config(**overrides) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL or "sqlite://",
        "WTF_CSRF_ENABLED": False,
        **overrides,
    }


def reset_database(app) -> None:
    """Empty schema, then the demo data: every test starts from the same known state."""
    with app.app_context():
        db.session.remove()
        db.drop_all()
        with db.engine.begin() as connection:  # left behind by the migrations test
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        db.create_all()
        load_demo()
        db.session.commit()
        db.session.remove()
    limiter.reset()


@pytest.fixture
def app(tmp_path):
    app = create_app(test_config(), instance_path=str(tmp_path / "instance"))
    reset_database(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


def login(client, username: str, password: str = "demo"):
    return client.post("/login", data={"username": username, "password": password})


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


@contextmanager
def count_queries(app):
    """Collect the SQL statements the app runs inside the block."""
    statements: list[str] = []

    def before_cursor_execute(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before_cursor_execute)


def text_of(response) -> str:
    """The page's visible text with whitespace (and Babel's narrow/normal no-break spaces) folded."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("&#34;", '"').replace("&#39;", "'")
    return re.sub(r"\s+", " ", text)


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
    return create_app(test_config(SQLALCHEMY_DATABASE_URI=url, WTF_CSRF_ENABLED=True),
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


@pytest.fixture
def base_url(live_server, live_app):
    """pytest-playwright opens pages relative to this; the database is reset before each browser test."""
    reset_database(live_app)
    return live_server
