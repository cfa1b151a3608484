"""Configuration defaults. Overridden by instance/config.py, then by FLASK_* environment variables."""

import os
import secrets
from pathlib import Path


class Defaults:
    # SQLite inside the instance folder unless DATABASE_URL says otherwise (filled in by load_config).
    SQLALCHEMY_DATABASE_URI = None
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    BABEL_DEFAULT_LOCALE = "kk"
    BABEL_DEFAULT_TIMEZONE = "Asia/Almaty"
    LANGUAGES = ("kk", "ru")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = None  # None means: Secure unless the app runs in debug mode
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 8 * 3600  # also the absolute limit: a session ends 8 hours after logging in
    # A form's token lives as long as the session it is bound to (not one hour), so a page left open all
    # afternoon still saves; the page's script fetches a fresh one if it is refused all the same.
    WTF_CSRF_TIME_LIMIT = None

    # The largest request accepted (a section's texts are far below it); the reverse proxy's limit must be
    # at least this (nginx: client_max_body_size 2m). Larger bodies are refused with 413 before being read.
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024

    # Where failed logins are counted: redis://host:6379/0 when several app servers run behind a proxy; by
    # default a SQLite file in the instance folder, shared by every worker process of this machine.
    RATELIMIT_STORAGE_URI = None
    RATELIMIT_HEADERS_ENABLED = True
    # Failed logins allowed from one address for one username, and from one address for any usernames.
    # Nothing counts per username alone, so failures from elsewhere never lock the account's owner out.
    LOGIN_RATE_LIMIT = "5 per 5 minutes"
    LOGIN_RATE_LIMIT_PER_ADDRESS = "30 per 5 minutes"

    # The background jobs' queue: SQLite at instance/tasks.sqlite by default (one machine), or redis://… shared
    # by several app servers and workers. The name keeps several apps (or test runs) apart on one Redis.
    TASK_QUEUE_URL = None
    TASK_QUEUE_NAME = "adal"
    # A running job whose worker has not reported a step for this many minutes is marked failed (the worker died).
    JOBS_STALLED_MINUTES = 10

    # Where evidence files and attachments go: "local" (instance/files/, the default) or "s3", an S3-compatible
    # object store (AWS, MinIO, Yandex/PS Cloud…) through boto3 (`pip install adal[s3]`). Credentials come the
    # usual boto3 way (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the machine's role), never from here.
    FILE_STORAGE = "local"
    FILE_S3_BUCKET = None
    FILE_S3_PREFIX = "adal/"  # keys under this prefix, so the bucket may hold other things
    FILE_S3_ENDPOINT_URL = None  # e.g. https://minio.example.kz; None for AWS itself
    FILE_S3_REGION = None

    # Number of proxies in front of the app whose X-Forwarded-* headers are trusted.
    PROXY_FIX_X_FOR = 0
    PROXY_FIX_X_PROTO = 0


def database_url_from_env(url: str) -> str:
    """Accept the common postgres:// spellings and use the psycopg 3 driver for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def load_config(app, test_config: dict | None) -> None:
    """Defaults, then instance/config.py, then FLASK_* variables and DATABASE_URL; tests pass a dict instead."""
    app.config.from_object(Defaults)
    instance = Path(app.instance_path)
    _private_folder(instance)  # the database, the secret key and backups live here
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("FLASK")
        if os.environ.get("DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    else:
        app.config.update(test_config)

    uri = app.config["SQLALCHEMY_DATABASE_URI"] or f"sqlite:///{instance / 'adal.sqlite'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url_from_env(uri)
    create_private_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"])
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = f"adal-sqlite://{instance / 'ratelimit.sqlite'}"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(instance)
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = not app.debug
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]


def _private_folder(path: Path) -> None:
    """Create the folder for its owner only (0700), or take group and others' access away from ours."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
    elif path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
        path.chmod(0o700)


def create_private_sqlite_file(url: str) -> None:
    """Create a SQLite database file readable by its owner only (0600): it holds password hashes.

    SQLite gives its journal and WAL files the database file's permissions. Other URLs are left alone.
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or ":memory:" in url or "mode=memory" in url:
        return
    path = Path(url[len(prefix):].split("?", 1)[0])
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _instance_secret_key(instance: Path) -> str:
    """A random key generated on first run and kept in the instance folder, so it is never committed."""
    path = instance / "secret_key"
    if not path.exists():
        with os.fdopen(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600), "w") as file:
            file.write(secrets.token_hex(32))
    return path.read_text().strip()
