"""Autosaving a paragraph recomputes no figures unless a text became empty or filled; the dashboard's section
states and risk marks stay right either way."""

import pytest
from support import count_queries

from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.figures import SubmissionFigures
from webapp.reporting.models import Submission

BASE = "/schools/rudny-7/2026-H2"
NARRATIVE = f"{BASE}/media/narrative"


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def marks(app) -> tuple[str | None, str | None]:
    with app.app_context():
        figures = db.session.execute(
            db.select(SubmissionFigures).join(Submission, Submission.id == SubmissionFigures.submission_id)
            .join(OrgUnit, OrgUnit.id == Submission.school_id).join(Period, Period.id == Submission.period_id)
            .where(OrgUnit.code == "rudny-7", Period.code == "2026-H2")).scalar_one()
        return figures.section_states.get("media"), figures.section_risks.get("media")


def test_typing_into_a_filled_text_recomputes_nothing_and_emptying_it_does(school, app):
    text = {"basis": "Негіздеме", "recommendations": "Ұсыныс", "violation_found": "no"}
    assert school.post(NARRATIVE, data={"risks": "Тәуекел", **text}).status_code == 200
    assert marks(app) == ("filled", "risk")

    with count_queries(app) as statements:
        assert school.post(NARRATIVE, data={"risks": "Тәуекел анықталды", **text}).status_code == 200
    assert not any("submission_figures" in s or "submission_sections" in s for s in statements), statements
    assert marks(app) == ("filled", "risk")

    assert school.post(NARRATIVE, data={"risks": "", **text}).status_code == 200  # filled → empty: recomputed
    assert marks(app) == ("missing", "none")
    assert school.post(NARRATIVE, data={"risks": "Қайта", **text, "violation_found": "yes"}).status_code == 200
    assert marks(app)[1] == "violation"  # a finding is not wording: recomputed too
