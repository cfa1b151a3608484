"""Helpers shared by the tests: configuration, database reset, logging in, counting queries, page text."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import MetaData, event

from webapp.demo import load_demo
from webapp.extensions import db, limiter



def _worker_database(url: str | None) -> str | None:
    """Under pytest-xdist each worker gets a PostgreSQL database of its own (test_gw0, test_gw1, … beside the
    configured one, created on first use), since every test empties and refills the schema it runs on."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker or not url.startswith("postgresql"):
        return url
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                      {"name": name}).scalar():
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


TEST_DATABASE_URL = _worker_database(os.environ.get("TEST_DATABASE_URL"))
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def app_config(**overrides) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL or "sqlite://",
        "WTF_CSRF_ENABLED": False,
        **overrides,
    }


def drop_everything() -> None:
    """Every table in the database, also those this code no longer knows (an older schema left on a shared
    PostgreSQL database, the migrations' alembic_version): their foreign keys would block drop_all."""
    db.session.remove()
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        db.engine.dispose()  # pooled connections hold prepared statements on the old tables
    else:
        existing = MetaData()
        existing.reflect(bind=db.engine)
        existing.drop_all(bind=db.engine)


def reset_database(app) -> None:
    """Empty schema, then the demo data: every test starts from the same known state."""
    with app.app_context():
        drop_everything()
        db.create_all()
        load_demo(analyses=False)
        db.session.commit()
        db.session.remove()
    limiter.reset()


def login(client, username: str, password: str = "demo"):
    return client.post("/login", data={"username": username, "password": password})


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


@contextmanager
def running_worker(app):
    """A real Huey consumer (one worker thread, as `flask --app wsgi worker` runs it) for `app`'s queue. The app
    needs a database its threads can share: a file or PostgreSQL, not in-memory SQLite."""
    import signal

    from webapp.jobs import make_consumer

    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    consumer = make_consumer(app)
    consumer.start()
    try:
        yield consumer
    finally:
        consumer.stop(graceful=True)
        for number, handler in handlers.items():
            signal.signal(number, handler)


def text_of(response) -> str:
    """The page's visible text with whitespace (and Babel's narrow/normal no-break spaces) folded."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("&#34;", '"').replace("&#39;", "'")
    return re.sub(r"\s+", " ", text)


def browser_log_in(page, username: str, password: str = "demo") -> None:
    """Log in through the real login form in Chromium and wait until it has let us in."""
    from playwright.sync_api import expect

    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.locator("form[action='/login'] button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def serious_accessibility_problems(page) -> list[dict]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page, with the elements at fault."""
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
    # (an injected <script> tag would be refused by script-src 'self').
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    return page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
        .filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))""")
