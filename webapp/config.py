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
    PERMANENT_SESSION_LIFETIME = 8 * 3600
    # A form's token lives as long as the session it is bound to (not one hour), so a page left open all
    # afternoon still saves; the page's script fetches a fresh one if it is refused all the same.
    WTF_CSRF_TIME_LIMIT = None

    # Shared storage (e.g. redis://127.0.0.1:6379/0) when several app servers run behind a proxy.
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "5 per 5 minutes"
    LOGIN_RATE_LIMIT_PER_ADDRESS = "30 per 5 minutes"

    # The background jobs' queue: SQLite at instance/tasks.sqlite by default (one machine), or redis://… shared
    # by several app servers and workers. The name keeps several apps (or test runs) apart on one Redis.
    TASK_QUEUE_URL = None
    TASK_QUEUE_NAME = "adal"

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
    instance.mkdir(parents=True, exist_ok=True)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("FLASK")
        if os.environ.get("DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    else:
        app.config.update(test_config)

    uri = app.config["SQLALCHEMY_DATABASE_URI"] or f"sqlite:///{instance / 'adal.sqlite'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url_from_env(uri)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(instance)
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = not app.debug
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]


def _instance_secret_key(instance: Path) -> str:
    """A random key generated on first run and kept in the instance folder, so it is never committed."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
