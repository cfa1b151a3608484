"""2.9 Inspections by supervisory bodies and 2.10 by fiscal bodies: one row shape, two separate lists."""

import re

import pytest
from sqlalchemy import select
from support import text_of

from webapp.blueprints.fiscal.models import FiscalInspection
from webapp.blueprints.inspections.models import SupervisoryInspection
from webapp.extensions import db

BASE = "/schools/rudny-7/2026-H2"
SEED = {"inspections-body": "Рудный қаласының прокуратурасы", "inspections-period_checked": "2024–2025",
        "inspections-subject": "бюджеттік қаражаттың жұмсалуы, тамақтануды ұйымдастыру",
        "inspections-result_number": "2-0904-25-01180", "inspections-result_date": "21.05.2025",
        "inspections-description": "бұзушылықтар анықталған жоқ"}
MODELS = {"inspections": SupervisoryInspection, "fiscal": FiscalInspection}


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    client.post(f"{BASE}/start", data={"carry_over": ""})
    return client


def rows(app, code):
    with app.app_context():
        return db.session.scalars(select(MODELS[code])).all()


def warnings_of(client, code) -> str:
    """The text of the section's "check these figures" list; empty when there is none."""
    found = re.search(r'<div class="warnings".*?</ul>', client.get(f"{BASE}/{code}/").get_data(as_text=True), re.S)
    return found.group(0) if found else ""


@pytest.mark.parametrize("code, number", [("inspections", "2.9."), ("fiscal", "2.10.")])
def test_inspection_added_to_its_own_list(app, as_user, school, code, number):
    page = as_user("rudny-7").get(f"{BASE}/{code}/")
    assert "<html" in page.get_data(as_text=True) and number in text_of(page)

    added = school.post(f"{BASE}/{code}/rows/inspections", data=SEED)
    html = added.get_data(as_text=True)
    assert added.status_code == 200 and "<html" not in html and "HX-Request" in added.headers["Vary"]
    assert '<tr id="row-inspections-' in html
    for shown in ("Рудный қаласының прокуратурасы", "2024–2025", "2-0904-25-01180", "21.05.2025"):
        assert shown in text_of(added)
    other = "fiscal" if code == "inspections" else "inspections"
    assert len(rows(app, code)) == 1 and rows(app, other) == []
    assert "2-0904-25-01180" not in text_of(school.get(f"{BASE}/{other}/"))


@pytest.mark.parametrize("code", ["inspections", "fiscal"])
def test_invalid_inspection_is_refused(app, school, code):
    response = school.post(f"{BASE}/{code}/rows/inspections",
                           data={**SEED, "inspections-body": "", "inspections-result_date": "1999-01-10"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="inspections-body-error"' in html and 'id="inspections-result_date-error"' in html
    assert 'value="1999-01-10"' in html and "2-0904-25-01180" in html
    assert rows(app, code) == []


@pytest.mark.parametrize("code", ["inspections", "fiscal"])
def test_violations_found_must_show_in_the_finding(school, code):
    school.post(f"{BASE}/{code}/narrative", data={"risks": "r", "basis": "b", "recommendations": "c",
                                                  "violation_found": "no"})
    school.post(f"{BASE}/{code}/rows/inspections", data=SEED)
    assert warnings_of(school, code) == ""  # an inspection without violations: nothing to reconcile

    school.post(f"{BASE}/{code}/rows/inspections",
                data={**SEED, "inspections-body": "Мемлекеттік кірістер басқармасы",
                      "inspections-violations_found": "y"})
    assert "Мемлекеттік кірістер басқармасы" in warnings_of(school, code)

    school.post(f"{BASE}/{code}/narrative", data={"risks": "r", "basis": "b", "recommendations": "c",
                                                  "violation_found": "yes", "violation_description": "акт"})
    assert warnings_of(school, code) == ""


def test_script_is_shown_as_text(school):
    html = school.post(f"{BASE}/fiscal/rows/inspections", data={**SEED, "inspections-subject": "<script>x()</script>"}
                       ).get_data(as_text=True)
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html


def test_another_school_cannot_reach_the_rows(app, as_user, school):
    school.post(f"{BASE}/inspections/rows/inspections", data=SEED)
    row_id = rows(app, "inspections")[0].id
    other = as_user("rudny-1", htmx=True)
    other.post("/schools/rudny-1/2026-H2/start", data={"carry_over": ""})
    for url in (f"{BASE}/inspections/rows/inspections/{row_id}",
                f"/schools/rudny-1/2026-H2/inspections/rows/inspections/{row_id}"):
        assert other.get(url).status_code == 404
        assert other.post(f"{url}/delete").status_code == 404
    assert len(rows(app, "inspections")) == 1


@pytest.mark.parametrize("code", ["inspections", "fiscal"])
def test_the_kind_of_result_document_is_kept_and_optional(app, school, code):
    """Issue 11: the seed's result is a recommendation («ұсыным»), a prosecutor's representation «ұсыну»; the form
    keeps the kind, blank is «not said»."""
    form = text_of(school.get(f"{BASE}/{code}/"))
    assert "ұсыным" in form and "ұсыну" in form and "тексеру актісі" in form
    assert school.post(f"{BASE}/{code}/rows/inspections",
                       data={**SEED, "inspections-result_kind": "representation"}).status_code == 200
    assert school.post(f"{BASE}/{code}/rows/inspections", data=SEED).status_code == 200
    assert sorted(str(row.result_kind) for row in rows(app, code)) == ["None", "representation"]
    refused = school.post(f"{BASE}/{code}/rows/inspections", data={**SEED, "inspections-result_kind": "verdict"})
    assert refused.status_code == 422 and 'id="inspections-result_kind-error"' in refused.get_data(as_text=True)
    assert len(rows(app, code)) == 2


@pytest.mark.parametrize("code", ["inspections", "fiscal"])
def test_when_the_inspection_took_place_is_kept_to_the_day_or_to_the_month(app, school, code):
    """Issue 11: the seed says «2024 жылғы ақпанда … тексеру жүргізді» — a month, no day. The date is optional,
    typed as 23.02.2024 or 02.2024, shown back as typed; one before the half-year is kept without a warning (an
    inspection held earlier whose result came in the half-year, as the seed's)."""
    form = school.get(f"{BASE}/{code}/").get_data(as_text=True)
    assert 'name="inspections-held_on"' in form
    assert school.post(f"{BASE}/{code}/rows/inspections",
                       data={**SEED, "inspections-held_on": "02.2024"}).status_code == 200
    assert school.post(f"{BASE}/{code}/rows/inspections",
                       data={**SEED, "inspections-held_on": "23.02.2024"}).status_code == 200
    assert school.post(f"{BASE}/{code}/rows/inspections", data=SEED).status_code == 200  # optional
    stored = sorted(str(row.held_on) for row in rows(app, code))
    assert stored == ["2024-02", "2024-02-23", "None"]
    row_id = next(row.id for row in rows(app, code) if row.held_on == "2024-02")
    edit = school.get(f"{BASE}/{code}/rows/inspections/{row_id}").get_data(as_text=True)
    assert 'value="02.2024"' in edit
    assert "02.2024" not in warnings_of(school, code)


@pytest.mark.parametrize("code", ["inspections", "fiscal"])
@pytest.mark.parametrize("typed", ["13.2024", "лютий 2024", "30.02.2024", "02.1999"])
def test_a_wrong_inspection_date_is_refused_with_everything_typed_kept(app, school, code, typed):
    response = school.post(f"{BASE}/{code}/rows/inspections", data={**SEED, "inspections-held_on": typed})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="inspections-held_on-error"' in html
    assert f'value="{typed}"' in html and "2-0904-25-01180" in html and "Рудный қаласының прокуратурасы" in html
    assert rows(app, code) == []


def test_an_inspection_after_the_half_year_is_saved_with_a_warning(app, school):
    assert school.post(f"{BASE}/inspections/rows/inspections",
                       data={**SEED, "inspections-held_on": "01.2027"}).status_code == 200
    assert [row.held_on for row in rows(app, "inspections")] == ["2027-01"]
    assert "01.2027" in warnings_of(school, "inspections")  # «01.2027» as typed, not a made-up day
