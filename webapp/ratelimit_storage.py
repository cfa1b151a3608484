"""A rate-limit storage in a SQLite file, so every worker process of one machine counts failed logins together.

The `limits` package (behind Flask-Limiter) keeps counters in memory by default: each gunicorn worker then
counts on its own and an attacker gets workers × the limit. Redis shares counters between machines and is
what a deployment with several app servers configures (RATELIMIT_STORAGE_URI=redis://…); this storage is the
embedded default for one machine: `adal-sqlite:///absolute/path/ratelimit.sqlite`.

Only the fixed-window strategy (Flask-Limiter's default) is supported.
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time

from limits.storage import Storage

SCHEME = "adal-sqlite"
SCHEMA = "CREATE TABLE IF NOT EXISTS counter (key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at REAL NOT NULL)"
# One increment in this many also deletes the expired counters, so the file stays small.
CLEANUP_EVERY = 200


class SQLiteFileStorage(Storage):
    """Counters with an expiry time, one row per key; each statement is atomic across processes."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        path = (uri or "")[len(SCHEME) + len("://"):]
        if not path:
            raise ValueError(f"{SCHEME}:// needs a file path, e.g. {SCHEME}:///srv/adal/instance/ratelimit.sqlite")
        self.path = path
        self._local = threading.local()
        if not os.path.exists(path):
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        self._connection().execute(SCHEMA)

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        """One connection per thread and process (a forked worker opens its own)."""
        connection = getattr(self._local, "connection", None)
        if connection is None or self._local.pid != os.getpid():
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            self._local.connection, self._local.pid = connection, os.getpid()
        return connection

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` to the key's counter, starting a new window of `expiry` seconds if the last one ended."""
        now = time.time()
        connection = self._connection()
        (count,) = connection.execute(
            "INSERT INTO counter (key, count, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "count = CASE WHEN counter.expires_at <= ? THEN excluded.count ELSE counter.count + excluded.count END, "
            "expires_at = CASE WHEN counter.expires_at <= ? THEN excluded.expires_at ELSE counter.expires_at END "
            "RETURNING count",
            (key, amount, now + expiry, now, now),
        ).fetchone()
        if random.randrange(CLEANUP_EVERY) == 0:
            connection.execute("DELETE FROM counter WHERE expires_at <= ?", (now,))
        return count

    def get(self, key: str) -> int:
        row = self._connection().execute(
            "SELECT count FROM counter WHERE key = ? AND expires_at > ?", (key, time.time())).fetchone()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._connection().execute(
            "SELECT expires_at FROM counter WHERE key = ? AND expires_at > ?", (key, time.time())).fetchone()
        return row[0] if row else time.time()

    def check(self) -> bool:
        try:
            self._connection().execute("SELECT 1")
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        return self._connection().execute("DELETE FROM counter").rowcount

    def clear(self, key: str) -> None:
        self._connection().execute("DELETE FROM counter WHERE key = ?", (key,))
