"""Deadlines and times in Asia/Almaty from the tzdata package, whatever the host's time-zone database."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from datetime import UTC, datetime

from support import PROJECT_ROOT

from webapp.i18n import short_datetime, zone

# A whole app on a host without any time-zone database: the school's home page, a department's page with its
# deadlines, times shown in Almaty time (UTC+6 until 1 March 2024, UTC+5 since).
SCRIPT = r"""
import os, zoneinfo
from datetime import UTC, datetime
from webapp import create_app
from webapp.demo import load_demo
from webapp.extensions import db
from webapp.i18n import short_datetime

assert not any(os.path.isdir(path) for path in zoneinfo.TZPATH), zoneinfo.TZPATH
app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                  "WTF_CSRF_ENABLED": False}, instance_path=INSTANCE)
with app.app_context():
    db.create_all()
    load_demo(analyses=False)
    db.session.commit()
    before, after = datetime(2024, 2, 29, 12, 0, tzinfo=UTC), datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    print(short_datetime(before), short_datetime(after))
client = app.test_client()
assert client.post("/login", data={"username": "rudny", "password": "demo"}).status_code == 303
for url in ("/units/rudny", "/units/rudny-7", "/units/rudny/dashboard/"):
    response = client.get(url)
    print(url, response.status_code)
"""


def test_the_app_works_on_a_host_without_a_time_zone_database(tmp_path):
    env = {**os.environ, "PYTHONTZPATH": str(tmp_path / "nowhere"), "TZ": "UTC"}
    env.pop("TEST_DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-c", f"INSTANCE = {str(tmp_path / 'instance')!r}\n" + SCRIPT],
                            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "29.02.2024 18:00 01.03.2024 17:00" in lines
    for url in ("/units/rudny", "/units/rudny-7", "/units/rudny/dashboard/"):
        assert f"{url} 200" in lines


def test_almaty_is_utc_plus_five_since_march_2024(app):
    offset = datetime(2024, 3, 1, 12, 0, tzinfo=UTC).astimezone(zone("Asia/Almaty")).utcoffset()
    assert offset.total_seconds() == 5 * 3600
    with app.app_context():
        assert short_datetime(datetime(2025, 7, 10, 19, 30, tzinfo=UTC)) == "11.07.2025 00:30"
        assert short_datetime(datetime(2024, 2, 1, 19, 30)) == "02.02.2024 01:30"  # SQLite's naive UTC


def test_tzdata_is_a_dependency():
    """A fresh machine installs it: the app must not rely on the host's /usr/share/zoneinfo."""
    dependencies = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.split(">")[0].split("=")[0].strip().lower() == "tzdata" for d in dependencies)
