"""The main pages are valid HTML by the Nu Html Checker (vnu.jar from the npm package vnu-jar, run with the
machine's Java): no errors but htmx's own hx-* attributes, which the HTML standard does not list."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from support import PROJECT_ROOT, login, with_demo_analyses

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMX_ATTRIBUTE = "Attribute “hx-"

# (account, page): every kind of page, among them section pages with two forms (which repeated id="csrf_token").
PAGES = [
    (None, "/login"), (None, "/no-such-page"),
    ("rudny-7", "/units/rudny-7"), ("rudny-7", "/schools/rudny-7/2025-H1/"),
    ("rudny-7", "/schools/rudny-7/2025-H1/personnel/"), ("rudny-7", "/schools/rudny-7/2026-H1/procurement/"),
    ("rudny-7", "/schools/rudny-7/2026-H1/general/"), ("rudny-7", "/units/rudny-7/dashboard/"),
    ("rudny", "/units/rudny"), ("rudny", "/units/rudny/dashboard/"), ("rudny", "/units/rudny/dashboard/compare"),
    ("rudny", "/units/rudny/dashboard/risks"), ("rudny", "/units/rudny/dashboard/completeness"),
    ("rudny", "/schools/rudny-7/certificate/?to=2025-H1"), ("rudny", "/schools/rudny-7/2025-H1/history"),
    ("kostanay", "/units/kostanay"), ("kostanay", "/units/kostanay/dashboard/"),
    ("admin", "/dashboard/"), ("admin", "/admin/users"), ("admin", "/admin/users/2"), ("admin", "/admin/units"),
    ("admin", "/admin/audit"), ("admin", "/admin/periods"),
]


def java() -> str:
    found = shutil.which("java")
    if not found or not VNU.exists():
        message = "needs java (apt-get install default-jre-headless) and node_modules/vnu-jar (npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_main_pages_have_no_html_errors(app, tmp_path):
    java_path = java()
    with_demo_analyses(app)
    files = {}
    for account, url in PAGES:
        client = app.test_client()
        if account:
            assert login(client, account).status_code == 303
        response = client.get(url)
        assert response.status_code in (200, 404), (account, url, response.status_code)
        path = tmp_path / f"page{len(files)}.html"
        path.write_bytes(response.data)
        files[path.as_uri()] = f"{account or 'anonymous'} {url}"
    result = subprocess.run([java_path, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{files.get(m.get('url'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] == "error" and HTMX_ATTRIBUTE not in m["message"]]
    assert errors == []
