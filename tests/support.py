"""Helpers shared by the tests: configuration, database reset, logging in, counting queries, page text."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import MetaData, event

from webapp.data_version import renew_token
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
    """Empty schema, then the demo data: every test starts from the same known state.

    The first reset of a process builds it (schema, then `load_demo`) and keeps a copy; later resets restore the
    copy, which is what makes a test's set-up cheap: SQLite's backup API copies the kept database over the app's
    (a fresh in-memory database per app), and on PostgreSQL the tables are emptied and refilled with the kept
    rows. A PostgreSQL schema that a test dropped or changed (the migrations' tests) is noticed by a marker table
    of this process's and built again.
    """
    with app.app_context():
        if not _restore_kept_state(BASE):
            drop_everything()
            db.create_all()
            _mark_schema()
            load_demo(analyses=False)
            db.session.commit()
            db.session.remove()
            _keep_state(BASE)
        limiter.reset()


def with_kept_state(app, name: str, load) -> None:
    """`app`'s database as `reset_database` leaves it plus what `load()` (run in an app context) adds, committed.

    The state is built once per process and kept like the base one (see `reset_database`); every later call
    restores the whole database to it, so a test that writes leaves nothing for the next one, and a test that
    only reads pays a restore (SQLite ≈0,01 s, PostgreSQL ≈0,3 s) instead of loading the data again (seconds).
    Whatever the database held before the call is replaced.
    """
    with app.app_context():
        if not _restore_kept_state(name):
            reset_database(app)
            load()
            db.session.commit()
            db.session.remove()
            _keep_state(name)
        limiter.reset()


BASE = "demo"
_KEPT: dict[tuple[str, str], object] = {}  # (dialect, state) -> a sqlite3 connection with the copy, or the script
_SCHEMA: dict[str, str] = {}  # PostgreSQL: the token of this process's marker table in the schema it built
_MARKER = "test_kept_state"


def _mark_schema() -> None:
    """A schema built afresh: states kept from the one before (PostgreSQL's copies) are no longer to be trusted."""
    import uuid

    dialect = db.engine.dialect.name
    for key in [key for key in _KEPT if key[0] == dialect]:
        del _KEPT[key]
    if dialect == "postgresql":
        token = uuid.uuid4().hex
        with db.engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE TABLE {_MARKER} (token text)")
            connection.exec_driver_sql(f"INSERT INTO {_MARKER} VALUES ('{token}')")
        _SCHEMA[dialect] = token


def _keep_state(name: str) -> None:
    """SQLite: a copy of the whole database in memory. PostgreSQL: a copy of each table in a schema of the
    database's own (kept_<name>), and the one script that puts them back, run by `_restore_kept_state`."""
    import re
    import sqlite3

    engine = db.engine
    if engine.dialect.name == "sqlite":
        kept = sqlite3.connect(":memory:", check_same_thread=False)
        with engine.connect() as connection:
            connection.connection.driver_connection.backup(kept)
        _KEPT[("sqlite", name)] = kept
        return
    schema = "kept_" + re.sub(r"\W", "_", name)
    tables = [table.name for table in db.metadata.sorted_tables]
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; "
                                   + "; ".join(f'CREATE TABLE {schema}."{t}" AS TABLE public."{t}"' for t in tables))
        counters = []
        for table in db.metadata.sorted_tables:
            key = table.c.get("id")
            if key is not None and key.autoincrement in (True, "auto") and key.type.python_type is int:
                top = connection.exec_driver_sql(f'SELECT max(id) FROM "{table.name}"').scalar()
                counters.append(f"setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                                f"{top or 1}, {'true' if top else 'false'})")  # ids as after a fresh build
    # DELETE, children first: on mostly empty tables far cheaper than TRUNCATE's new files per table; then the
    # kept rows, parents first, all in one round trip.
    _KEPT[("postgresql", name)] = "; ".join(
        [f'DELETE FROM public."{t}"' for t in reversed(tables)]
        + [f'INSERT INTO public."{t}" SELECT * FROM {schema}."{t}"' for t in tables]
        + ["SELECT " + ", ".join(counters)])


def _restore_kept_state(name: str) -> bool:
    """Restore the kept state `name` into the app's database: True when done, False when it must be built. The
    data version gets a new token, as after a restored backup: an app kept across tests must not serve sums it
    computed from another test's rows."""
    from sqlalchemy.exc import DBAPIError

    engine = db.engine
    kept = _KEPT.get((engine.dialect.name, name))
    if kept is None:
        return False
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            kept.backup(connection.connection.driver_connection)
        with engine.begin() as connection:
            renew_token(connection)
        db.session.remove()
        return True
    try:
        with engine.begin() as connection:
            if connection.exec_driver_sql(f"SELECT token FROM {_MARKER}").scalar() != _SCHEMA.get("postgresql"):
                return False
            connection.exec_driver_sql(kept)
            renew_token(connection)
    except DBAPIError:  # no marker table, or a table a test dropped or changed
        db.session.remove()
        return False
    db.session.remove()
    return True


def with_demo_analyses(app, cycles: bool = True):
    """The demo data with every school's half-year analyses and (unless `cycles=False`) the demo's public cycles
    in `app`'s database, committed (`load_demo`); returns `app` (the `demo` fixture). Kept once built: see
    `with_kept_state`."""
    if cycles:
        with_kept_state(app, "demo+analyses", lambda: load_demo(analyses=True))
    else:
        def load() -> None:
            from webapp.demo.analyses import load_analyses  # imports the sections: only once the app has them
            from webapp.demo.units import demo_school_codes

            assert load_analyses(demo_school_codes()) > 0

        with_kept_state(app, "demo+analyses-without-cycles", load)
    return app


@contextmanager
def demo_app(tmp_path):
    """An app of its own with the demo analyses (`with_demo_analyses`), for a module-scoped fixture that reads
    what it needs once (a certificate's text) and hands its tests plain values. Only inside the block: on
    PostgreSQL it shares the database with every other test's app, which resets it."""
    from webapp import create_app

    app = with_demo_analyses(create_app(app_config(), instance_path=str(tmp_path / "instance")))
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def with_demo_cycles(app):
    """The demo's public cycles (webapp/demo/cycles.py: rudny-7's 2025-H2 and 2026-H2, rudny-3's 2025-H2) with
    the two schools' analyses they are built from, loaded into `app`'s database; lighter than every school's
    analyses. Returns `app`."""
    from webapp.demo.analyses import load_analyses
    from webapp.demo.cycles import load_cycles

    with app.app_context():
        load_analyses(["rudny-7", "rudny-3"])
        load_cycles()
        db.session.commit()
    return app


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
    html = re.sub(r"</?(?:span|wbr|mark|strong|em|b|i)\b[^>]*>", "", html)  # inline tags: no space a reader sees
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2011", "-")  # no-break hyphen: «е-Өтініш»
    text = text.replace("&#34;", '"').replace("&#39;", "'")
    return re.sub(r"\s+", " ", text)


def browser_log_in(page, username: str, password: str = "demo") -> None:
    """Log in through the real login form in Chromium; return once it has let us in and the page it lands on has
    loaded."""
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.locator("form[action='/login'] button[type=submit]").click()
    # Until the page it lands on has loaded, its deferred scripts may not have run: a click there would be the
    # browser's own (a link followed, a form posted, as without JavaScript), not the one the test means.
    page.wait_for_url(lambda url: "/login" not in url, wait_until="load")


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
