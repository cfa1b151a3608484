"""Configuration layering, the generated secret key, and models that match their migrations."""

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from support import TEST_DATABASE_URL, drop_everything

from webapp import create_app
from webapp.config import database_url_from_env
from webapp.extensions import db


@pytest.fixture
def clean_env(monkeypatch):
    for key in list(os.environ):
        if key.startswith("FLASK_") or key == "DATABASE_URL":
            monkeypatch.delenv(key)
    return monkeypatch


def test_defaults_use_sqlite_in_the_instance_folder(tmp_path, clean_env):
    app = create_app(instance_path=str(tmp_path))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'adal.sqlite'}"
    assert app.config["BABEL_DEFAULT_LOCALE"] == "kk"


def test_secret_key_is_generated_once_into_the_instance_folder(tmp_path, clean_env):
    first = create_app(instance_path=str(tmp_path)).config["SECRET_KEY"]
    assert len(first) >= 32
    assert (tmp_path / "secret_key").read_text().strip() == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert create_app(instance_path=str(tmp_path)).config["SECRET_KEY"] == first


def test_instance_config_then_environment_override_defaults(tmp_path, clean_env):
    (tmp_path / "config.py").write_text("SECRET_KEY = 'from-instance'\nLOGIN_RATE_LIMIT = '3 per minute'\n")
    app = create_app(instance_path=str(tmp_path))
    assert app.config["SECRET_KEY"] == "from-instance" and app.config["LOGIN_RATE_LIMIT"] == "3 per minute"
    clean_env.setenv("FLASK_SECRET_KEY", "from-env")
    clean_env.setenv("FLASK_RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0")
    app = create_app(instance_path=str(tmp_path))
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"


def test_database_url_selects_postgresql_with_psycopg(tmp_path, clean_env):
    clean_env.setenv("DATABASE_URL", "postgresql://adal@db.internal:5432/adal")
    app = create_app(instance_path=str(tmp_path))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://adal@db.internal:5432/adal"
    assert database_url_from_env("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert database_url_from_env("sqlite:///x.db") == "sqlite:///x.db"


def test_migrations_create_exactly_the_models_schema(tmp_path, clean_env):
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'migrated.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"}, instance_path=str(tmp_path))
    with app.app_context():
        drop_everything()
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert differences == []
        tables = set(db.inspect(db.engine).get_table_names())
        assert {"org_unit", "user_account", "period", "period_deadline", "audit_event", "alembic_version"} <= tables
        drop_everything()


def test_vendor_scripts_come_from_node_modules(client):
    htmx = client.get("/vendor/htmx.min.js")
    assert htmx.status_code == 200 and b"htmx" in htmx.data[:2000]
    assert client.get("/vendor/../package.json").status_code == 404
    assert client.get("/vendor/axe.min.js").status_code == 404  # test-only scripts are not served
