"""`flask --app wsgi backup` and `restore`: a populated database comes back exactly (every table's row count and
a certificate's bytes), on SQLite (online backup API) and PostgreSQL (pg_dump / pg_restore)."""

from __future__ import annotations

import io
import sqlite3
import stat
import zipfile

from sqlalchemy import MetaData, func, select, text
from support import TEST_DATABASE_URL, app_config, login, reset_database, with_demo_analyses

from webapp import create_app
from webapp.extensions import db

CERTIFICATE = "/schools/rudny-7/certificate/?from=2024-H2&to=2025-H1&lang=kk&format=docx"


def row_counts(app) -> dict[str, int]:
    with app.app_context():
        tables = MetaData()
        tables.reflect(bind=db.engine)
        return {name: db.session.scalar(select(func.count()).select_from(table))
                for name, table in sorted(tables.tables.items())}


def certificate(app) -> dict[str, bytes]:
    """The DOCX certificate's parts, byte for byte (the zip's time stamps and the time of writing in
    docProps/core.xml aside)."""
    client = app.test_client()
    login(client, "rudny")
    response = client.get(CERTIFICATE)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def journal_mode(path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()


def test_backup_and_restore_give_back_every_row_and_the_same_certificate(tmp_path):
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'adal.sqlite'}"
    app = create_app(app_config(SQLALCHEMY_DATABASE_URI=url), instance_path=str(tmp_path / "instance"))
    reset_database(app)
    with_demo_analyses(app)
    document = certificate(app)  # (a download: logged in the audit log, before the counts)
    counts = row_counts(app)
    assert counts["submission"] > 50 and counts["audit_event"] > 100
    runner = app.test_cli_runner()

    result = runner.invoke(args=["backup"])
    assert result.exit_code == 0, result.output
    backup_file = next((tmp_path / "instance" / "backups").iterdir())
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_file.parent.stat().st_mode) == 0o700
    if not TEST_DATABASE_URL:  # the live file writes through a log beside it; the backup is one whole file
        assert journal_mode(tmp_path / "adal.sqlite") == "wal"
        assert journal_mode(backup_file) == "delete"
        assert not backup_file.with_name(backup_file.name + "-wal").exists()

    with app.app_context():  # a bad afternoon: analyses deleted, an account renamed
        db.session.execute(text("DELETE FROM submission_sections"))
        db.session.execute(text("UPDATE user_account SET full_name = 'changed' WHERE username = 'rudny'"))
        db.session.commit()
    assert row_counts(app) != counts

    refused = runner.invoke(args=["restore", str(backup_file)], input="n\n")
    assert refused.exit_code != 0 and row_counts(app) != counts  # nothing without a yes
    result = runner.invoke(args=["restore", str(backup_file), "--yes"])
    assert result.exit_code == 0, result.output
    assert row_counts(app) == counts
    assert certificate(app) == document
    if not TEST_DATABASE_URL:
        assert journal_mode(tmp_path / "adal.sqlite") == "wal"
    verified = runner.invoke(args=["audit", "verify"])
    assert verified.exit_code == 0, verified.output


def test_a_backup_never_overwrites_and_a_bad_file_is_refused(tmp_path):
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'adal.sqlite'}"
    app = create_app(app_config(SQLALCHEMY_DATABASE_URI=url), instance_path=str(tmp_path / "instance"))
    reset_database(app)
    runner = app.test_cli_runner()
    existing = tmp_path / "existing.bak"
    existing.write_text("keep me")
    result = runner.invoke(args=["backup", "-o", str(existing)])
    assert result.exit_code != 0 and "never overwrites" in result.output and existing.read_text() == "keep me"
    result = runner.invoke(args=["restore", str(existing), "--yes"])
    assert result.exit_code != 0 and "failed" in result.output or "not a SQLite database" in result.output
    assert row_counts(app)["user_account"] > 20  # untouched


def test_a_file_that_is_not_an_adal_backup_is_never_restored(tmp_path):
    """An empty file, or the rate-limit database beside ours, was «restored» over the whole database (every
    table gone); now it is refused, and nothing changes."""
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'adal.sqlite'}"
    app = create_app(app_config(SQLALCHEMY_DATABASE_URI=url), instance_path=str(tmp_path / "instance"))
    reset_database(app)
    runner = app.test_cli_runner()
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE limits (key TEXT, count INTEGER)")
    connection.commit()
    connection.close()
    for wrong in (empty, other):
        result = runner.invoke(args=["restore", str(wrong), "--yes"])
        assert result.exit_code != 0, result.output
        assert "not a backup of Adal" in result.output or "not a SQLite database" in result.output or \
            "failed" in result.output
        assert row_counts(app)["user_account"] > 20  # untouched
