"""Helpers for the tests of sections 2.2 (procurement) to 2.7 (control): a started half-year, the full page,
its warnings, and what was stored. Assertions stay on values, ids and figures, never on UI wording, so they
hold in Kazakh and Russian alike."""

from __future__ import annotations

import re

from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import SectionEntry, Submission

BASE = "/schools/rudny-7/2026-H2"


def url(code: str, rest: str = "") -> str:
    return f"{BASE}/{code}/{rest}"


def start(as_user):
    """rudny-7 (htmx requests) with its 2026-H2 analysis started."""
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def full_page(client, code: str):
    response = client.get(url(code), headers={"HX-Request": ""})
    assert response.status_code == 200 and "<html" in response.get_data(as_text=True)
    return response


def warnings_of(client, code: str) -> list[str]:
    """The section's warning sentences as its page lists them."""
    html = full_page(client, code).get_data(as_text=True)
    block = re.search(r'<div class="warnings".*?</ul>', html, re.S)
    if block is None:
        return []
    items = re.findall(r"<li>(.*?)</li>", block.group(0), re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item).replace("\u00a0", " ")).strip() for item in items]


def entry_of(app, code: str) -> SectionEntry | None:
    with app.app_context():
        return db.session.execute(
            db.select(SectionEntry).join(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id)
            .join(Period, Submission.period_id == Period.id)
            .where(OrgUnit.code == "rudny-7", Period.code == "2026-H2", SectionEntry.section == code)
        ).scalar_one_or_none()


def rows_of(app, model) -> list:
    with app.app_context():
        rows = db.session.scalars(db.select(model).order_by(model.id)).all()
        db.session.expunge_all()
        return rows


def assert_fragment(response, status: int = 200) -> str:
    html = response.get_data(as_text=True)
    assert response.status_code == status, html
    assert "<html" not in html and "HX-Request" in response.headers["Vary"]
    return html


def assert_refused(response, list_name: str, field: str, *kept: str) -> None:
    """422 with the error next to the field, the add form retargeted, and the typed values still there."""
    html = assert_fragment(response, 422)
    assert response.headers["HX-Retarget"] == f"#add-{list_name}"
    assert f'id="{list_name}-{field}-error"' in html
    for value in kept:
        assert f'value="{value}"' in html
