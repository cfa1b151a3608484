"""Appendix 4: positions exposed to corruption risks; the list carries over into the next half-year."""

import pytest
from sqlalchemy import select
from support import text_of

from webapp.blueprints.positions.models import ExposedPosition
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import Status, Submission
from webapp.reporting.queries import section_data
from webapp.reporting.sections import section_by_code

BASE = "/schools/rudny-7/2026-H2"
URL = f"{BASE}/positions"
DIRECTOR = {"positions-position_title": "Директор",
            "positions-competence": "Білім алушыларды қабылдау, тіркеу. Бірінші қол қою құқығы",
            "positions-risk": "НҚА толық меңгермеуі, білмеуі"}
ACCOUNTANT = ("Бас есепші, есепші", "Қаржы қызметін жүргізуі",
              "Қаржыландыруды жүргізуде, бюджетті жоспарлауда кемшіліктер, мемлекеттік сатып алу ережесінің бұзылуы")


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    client.post(f"{BASE}/start", data={"carry_over": ""})
    return client


def state(app) -> str:
    with app.app_context():
        submission = db.session.scalars(select(Submission).join(Submission.period).where(Period.code == "2026-H2")
                                        ).first()
        data = section_data(submission, [section_by_code("positions")])["positions"]
        return data.section.state(data)


def test_positions_listed_without_the_narrative(app, as_user, school):
    page = as_user("rudny-7").get(f"{URL}/")
    html = page.get_data(as_text=True)
    assert "<html" in html and 'id="risks"' not in html and 'id="add-positions"' in html
    assert 'name="nothing_to_report"' in html  # a school without exposed positions can say so
    assert state(app) == "missing"

    added = school.post(f"{URL}/rows/positions", data=DIRECTOR)
    assert added.status_code == 200 and "<html" not in added.get_data(as_text=True)
    assert '<tr id="row-positions-' in added.get_data(as_text=True)
    assert "Білім алушыларды қабылдау, тіркеу. Бірінші қол қою құқығы" in text_of(added)
    assert state(app) == "filled"  # one position is enough to complete the appendix


def test_missing_position_is_refused(app, school):
    response = school.post(f"{URL}/rows/positions", data={**DIRECTOR, "positions-position_title": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="positions-position_title-error"' in html
    assert "НҚА толық меңгермеуі, білмеуі" in html
    with app.app_context():
        assert db.session.scalars(select(ExposedPosition)).all() == []


def test_script_is_shown_as_text(school):
    html = school.post(f"{URL}/rows/positions", data={**DIRECTOR, "positions-risk": "<script>x()</script>"}
                       ).get_data(as_text=True)
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html


def test_positions_carry_over_into_the_next_half_year(app, as_user):
    with app.app_context():
        school = db.session.scalars(select(OrgUnit).filter_by(code="rudny-7")).one()
        period = db.session.scalars(select(Period).filter_by(code="2026-H1")).one()
        previous = Submission(school=school, period=period, status=Status.ACCEPTED)
        db.session.add(previous)
        db.session.flush()
        db.session.add(ExposedPosition(submission_id=previous.id, position_title=ACCOUNTANT[0],
                                       competence=ACCOUNTANT[1], risk=ACCOUNTANT[2]))
        db.session.commit()
        previous_id = previous.id
    client = as_user("rudny-7")
    client.post(f"{BASE}/start", data={"carry_over": "y"})
    text = text_of(client.get(f"{URL}/"))
    assert all(value in text for value in ACCOUNTANT)
    with app.app_context():
        carried = db.session.scalars(select(ExposedPosition).where(ExposedPosition.submission_id != previous_id)).one()
        assert carried.carried_over and carried.position_title == ACCOUNTANT[0]


def test_another_school_cannot_reach_the_rows(app, as_user, school):
    school.post(f"{URL}/rows/positions", data=DIRECTOR)
    with app.app_context():
        row_id = db.session.scalars(select(ExposedPosition)).one().id
    other = as_user("rudny-1", htmx=True)
    other.post("/schools/rudny-1/2026-H2/start", data={"carry_over": ""})
    assert other.get(f"/schools/rudny-1/2026-H2/positions/rows/positions/{row_id}").status_code == 404
    assert other.post(f"{URL}/rows/positions/{row_id}/delete").status_code == 404
