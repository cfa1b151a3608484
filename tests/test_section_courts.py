"""2.8 Court practice: the school lists its court cases, read in date order."""

import pytest
from sqlalchemy import select
from support import text_of

from webapp.blueprints.courts.models import CourtCase
from webapp.extensions import db

BASE = "/schools/rudny-7/2026-H2"
URL = f"{BASE}/courts"
SEED_CASE = {"cases-case_number": "7527-25-00-2/5493", "cases-decided_on": "23.05.2025",
             "cases-court": "Алматы қ.", "cases-counterparty": "«SHAKIRT GROUP» ЖШС",
             "cases-subject": "мемлекеттік сатып алу", "cases-outcome": "in_favour"}


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    client.post(f"{BASE}/start", data={"carry_over": ""})
    return client


def cases(app):
    with app.app_context():
        return db.session.scalars(select(CourtCase)).all()


def test_page_and_added_case(as_user, school):
    page = as_user("rudny-7").get(f"{URL}/")
    assert page.status_code == 200 and "<html" in page.get_data(as_text=True)
    assert "2.8." in text_of(page) and 'id="add-cases"' in page.get_data(as_text=True)

    added = school.post(f"{URL}/rows/cases", data=SEED_CASE)
    html = added.get_data(as_text=True)
    assert added.status_code == 200 and "<html" not in html and "HX-Request" in added.headers["Vary"]
    assert '<tr id="row-cases-' in html
    for shown in ("7527-25-00-2/5493", "23.05.2025", "Алматы қ.", "«SHAKIRT GROUP» ЖШС", "мемлекеттік сатып алу"):
        assert shown in text_of(added)
    assert "«SHAKIRT GROUP» ЖШС" in text_of(school.get(f"{URL}/"))


def test_cases_read_in_date_order(school):
    school.post(f"{URL}/rows/cases", data={**SEED_CASE, "cases-case_number": "LATER", "cases-decided_on": "01.06.2026"})
    school.post(f"{URL}/rows/cases", data={**SEED_CASE, "cases-case_number": "EARLIER",
                                           "cases-decided_on": "2026-03-01"})
    text = text_of(school.get(f"{URL}/"))
    assert text.index("EARLIER") < text.index("LATER")


def test_invalid_case_is_refused_with_typed_values_kept(app, school):
    response = school.post(f"{URL}/rows/cases", data={**SEED_CASE, "cases-case_number": "",
                                                      "cases-decided_on": "05.01.1999"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="cases-case_number-error"' in html and 'id="cases-decided_on-error"' in html
    assert "2000" in text_of(response)  # the first year accepted, named in the message
    assert 'value="05.01.1999"' in html and "«SHAKIRT GROUP» ЖШС" in html
    assert cases(app) == []


def test_unknown_outcome_is_refused(app, school):
    response = school.post(f"{URL}/rows/cases", data={**SEED_CASE, "cases-outcome": "won_big"})
    assert response.status_code == 422 and 'id="cases-outcome-error"' in response.get_data(as_text=True)
    assert cases(app) == []


def test_script_is_shown_as_text(school):
    html = school.post(f"{URL}/rows/cases", data={**SEED_CASE, "cases-counterparty": "<script>alert(1)</script>"}
                       ).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_another_school_cannot_reach_the_rows(app, as_user, school):
    school.post(f"{URL}/rows/cases", data=SEED_CASE)
    row_id = cases(app)[0].id
    other = as_user("rudny-1", htmx=True)
    assert other.get(f"{URL}/rows/cases/{row_id}").status_code == 404
    other.post("/schools/rudny-1/2026-H2/start", data={"carry_over": ""})
    own_url = f"/schools/rudny-1/2026-H2/courts/rows/cases/{row_id}"
    assert other.get(own_url).status_code == 404
    assert other.post(own_url, data={f"cases-{row_id}-case_number": "x", f"cases-{row_id}-outcome": "against"}
                      ).status_code == 404
    assert other.post(f"{own_url}/delete").status_code == 404
    assert cases(app)[0].outcome == "in_favour"
