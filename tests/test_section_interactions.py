"""2.11 Law enforcement bodies, NGOs and citizens: dealings listed in date order."""

import pytest
from sqlalchemy import select
from support import text_of

from webapp.blueprints.interactions.models import Interaction
from webapp.extensions import db

BASE = "/schools/rudny-7/2026-H2"
URL = f"{BASE}/interactions"
ROW = {"interactions-held_on": "15.09.2026", "interactions-body": "Рудный қаласының полиция басқармасы",
       "interactions-subject": "профилактикалық әңгіме", "interactions-result": "өткізілді"}


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    client.post(f"{BASE}/start", data={"carry_over": ""})
    return client


def interactions(app):
    with app.app_context():
        return db.session.scalars(select(Interaction)).all()


def test_interactions_added_and_read_in_date_order(as_user, school):
    page = as_user("rudny-7").get(f"{URL}/")
    assert "<html" in page.get_data(as_text=True) and "2.11." in text_of(page)

    added = school.post(f"{URL}/rows/interactions", data=ROW)
    assert added.status_code == 200 and "<html" not in added.get_data(as_text=True)
    assert '<tr id="row-interactions-' in added.get_data(as_text=True)
    assert "15.09.2026" in text_of(added) and "Рудный қаласының полиция басқармасы" in text_of(added)
    school.post(f"{URL}/rows/interactions", data={**ROW, "interactions-held_on": "2026-07-02",
                                                  "interactions-body": "«Адал ұрпақ» ҮЕҰ"})
    text = text_of(school.get(f"{URL}/"))
    assert text.index("«Адал ұрпақ» ҮЕҰ") < text.index("Рудный қаласының полиция басқармасы")


def test_invalid_interaction_is_refused(app, school):
    response = school.post(f"{URL}/rows/interactions",
                           data={**ROW, "interactions-body": "", "interactions-held_on": "32.13.2026"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="interactions-body-error"' in html and 'id="interactions-held_on-error"' in html
    assert 'value="32.13.2026"' in html and "профилактикалық әңгіме" in html
    assert interactions(app) == []


def test_date_after_the_half_year_is_kept_with_a_warning(app, school):
    response = school.post(f"{URL}/rows/interactions", data={**ROW, "interactions-held_on": "01.01.2027"})
    assert response.status_code == 200 and "31.12.2026" in text_of(response)  # the warning names the end
    assert len(interactions(app)) == 1
    too_early = school.post(f"{URL}/rows/interactions", data={**ROW, "interactions-held_on": "01.01.1999"})
    assert too_early.status_code == 422


def test_script_is_shown_as_text(school):
    html = school.post(f"{URL}/rows/interactions", data={**ROW, "interactions-result": "<script>x()</script>"}
                       ).get_data(as_text=True)
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html


def test_another_school_cannot_reach_the_rows(app, as_user, school):
    school.post(f"{URL}/rows/interactions", data=ROW)
    row_id = interactions(app)[0].id
    other = as_user("rudny-1", htmx=True)
    other.post("/schools/rudny-1/2026-H2/start", data={"carry_over": ""})
    assert other.get(f"/schools/rudny-1/2026-H2/interactions/rows/interactions/{row_id}").status_code == 404
    assert other.post(f"/schools/rudny-1/2026-H2/interactions/rows/interactions/{row_id}/delete").status_code == 404
    assert len(interactions(app)) == 1
