"""Backups of the whole database, and restoring one: `flask --app wsgi backup` / `flask --app wsgi restore FILE`.

SQLite: the online backup API (a consistent copy while the app keeps serving, page by page), into a file of
its own created 0600. PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --single-transaction`
(PostgreSQL's client programs, of a version at least the server's); the password goes through PGPASSWORD, never
on the command line.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from .data_version import renew_token
from .extensions import db

# Tables every Adal database has had since its first revision: a file without them is not one of our backups
# (an empty file, the rate-limit or task-queue database beside it), and restoring it would empty the database.
CORE_TABLES = ("org_unit", "user_account", "audit_event")


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why (e.g. pg_dump's own words)."""


def default_backup_path(instance_path: str, url: str) -> Path:
    """instance/backups/adal-20261129-183000.sqlite (or .dump for PostgreSQL), in a folder only the owner reads."""
    folder = Path(instance_path) / "backups"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    suffix = "sqlite" if make_url(url).get_backend_name() == "sqlite" else "dump"
    return folder / f"adal-{datetime.now(UTC):%Y%m%d-%H%M%S}.{suffix}"


def _sqlite_path(url) -> str:
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database has nothing to back up")
    return url.database


def _pg_command(program: str, url, *arguments: str) -> None:
    """Run a PostgreSQL client program against the database of `url`; BackupError with its message if it fails."""
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = url.password
    target = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    try:
        result = subprocess.run([program, f"--dbname={target}", *arguments], env=environment, capture_output=True,
                                text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{program} not found: install PostgreSQL's client programs") from error
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def backup(url: str, target: Path) -> Path:
    """Write a consistent copy of the database at `url` to `target` (created 0600); returns `target`."""
    parsed = make_url(url)
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} exists; a backup never overwrites a file")
    target.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        if parsed.get_backend_name() == "sqlite":
            source = sqlite3.connect(_sqlite_path(parsed))
            copy = sqlite3.connect(target)
            try:
                with copy:
                    source.backup(copy)
                # One self-contained file, whatever the live database's journal (a write-ahead log there).
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
                source.close()
        elif parsed.get_backend_name() == "postgresql":
            _pg_command("pg_dump", parsed, "--format=custom", "--no-owner", f"--file={target}")
        else:
            raise BackupError(f"no backup for {parsed.get_backend_name()} databases")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def restore(url: str, source: Path) -> None:
    """Replace the database at `url` by the backup in `source` (every table, as it was when backed up)."""
    parsed = make_url(url)
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    db.session.remove()
    db.engine.dispose()  # no pooled connection may keep the old data (or a lock) open
    if parsed.get_backend_name() == "sqlite":
        try:
            backup_copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            tables = {name for (name,) in backup_copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{source} is not a SQLite database: {error}") from error
        try:
            _check_core_tables(source, tables)
        except BackupError:
            backup_copy.close()
            raise
        live = sqlite3.connect(_sqlite_path(parsed), timeout=30)
        try:
            with live:
                backup_copy.backup(live)
        finally:
            live.close()
            backup_copy.close()
    elif parsed.get_backend_name() == "postgresql":
        listing = subprocess.run(["pg_restore", "--list", str(source)], capture_output=True, text=True)
        if listing.returncode != 0:
            raise BackupError(f"pg_restore failed: {listing.stderr.strip()}")
        _check_core_tables(source, set(re.findall(r"^\d+; \d+ \d+ TABLE (?!DATA )\S+ (\S+)", listing.stdout, re.M)))
        _pg_command("pg_restore", parsed, "--clean", "--if-exists", "--no-owner", "--single-transaction",
                    str(source))
    else:
        raise BackupError(f"no restore for {parsed.get_backend_name()} databases")
    with db.engine.begin() as connection:  # dashboards kept by running servers are of the replaced data
        if inspect(connection).has_table("data_version"):
            renew_token(connection)


def _check_core_tables(source: Path, tables: set[str]) -> None:
    missing = [name for name in CORE_TABLES if name not in tables]
    if missing:
        raise BackupError(f"{source} is not a backup of Adal's database (no {', '.join(missing)} table); "
                          "nothing was restored")
