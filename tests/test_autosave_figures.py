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


# What one save may cost in SQL statements, pinned so it cannot creep up unnoticed (in personnel a save cost 24
# and 32 before its answer was rendered from what it had just committed, without the page's other forms). Each
# is made of: the user, school, half-year, submission and its entries (5); the entry's update, the kept
# certificates dropped and the audit event with its chain (6); then either the section's data for the answer, one
# query for the entry and one per row list of the section (personnel has three), or, when the save changes
# figures, the submission, its figures and the section's data read once for both the figures and the answer,
# the figures' update and the data version (8). None depends on the number of rows, schools or half-years.
TEXT_SAVE_QUERIES = 5 + 6 + 4
FIGURES_SAVE_QUERIES = 5 + 6 + 8
PERSONNEL = f"{BASE}/personnel"
JSON = {"Accept": "application/json"}


def save_queries(app, client, url: str, data: dict, headers: dict | None = None) -> list[str]:
    with count_queries(app) as statements:
        response = client.post(url, data=data, headers=headers or {})
    assert response.status_code == 200, response.get_data(as_text=True)
    return list(statements)


def test_a_save_runs_the_same_few_queries_however_many_rows_the_section_holds(school, app, as_user):
    text = {"basis": "Негіздеме", "recommendations": "Ұсыныс", "violation_found": "no"}
    figures = {"teachers_total": "80", "support_staff_total": "20", "teachers_higher_education": "60"}
    assert school.post(f"{PERSONNEL}/narrative", data={"risks": "Тәуекел", **text}).status_code == 200
    assert school.post(f"{PERSONNEL}/facts", data=figures).status_code == 200

    def measured(n: int) -> tuple[int, int, int, int]:
        typed = save_queries(app, school, f"{PERSONNEL}/narrative", {"risks": f"Тәуекел {n}", **text})
        assert not any("submission_figures" in s or "data_version" in s for s in typed), typed
        # The page's script: one field, its base, a JSON answer.
        field = save_queries(app, school, f"{PERSONNEL}/narrative",
                             {"_fields": "risks", "risks": f"Тәуекел {n}!", "_base-risks": f"Тәуекел {n}"}, JSON)
        changed = save_queries(app, school, f"{PERSONNEL}/facts", {**figures, "teachers_total": str(80 + n)})
        assert any(s.startswith("UPDATE submission_figures") for s in changed), changed
        assert any(s.startswith("UPDATE data_version") for s in changed), changed
        figure = save_queries(app, school, f"{PERSONNEL}/facts",
                              {"_fields": "teachers_total", "teachers_total": str(90 + n),
                               "_base-teachers_total": str(80 + n)}, JSON)
        return len(typed), len(field), len(changed), len(figure)

    few = measured(1)
    assert few[:2] == (TEXT_SAVE_QUERIES, TEXT_SAVE_QUERIES), few
    assert few[2:] == (FIGURES_SAVE_QUERIES, FIGURES_SAVE_QUERIES), few

    # Thirty rows more in each of the section's lists, and another school's analysis beside: the same counts.
    for n in range(30):
        assert school.post(f"{PERSONNEL}/rows/disciplinary", data={
            "disciplinary-person": f"Қызметкер {n}", "disciplinary-penalty": "warning",
            "disciplinary-order_number": str(100 + n), "disciplinary-order_date": "11.10.2026"}).status_code == 200
        assert school.post(f"{PERSONNEL}/rows/admin_staff", data={
            "admin_staff-position_title": f"Лауазым {n}", "admin_staff-persons": "1"}).status_code == 200
    other = as_user("rudny-1")
    assert other.post("/schools/rudny-1/2026-H2/start", data={"carry_over": ""}).status_code in (204, 303)
    assert measured(2) == few

    # What was acknowledged is stored, and the figures follow the last figure saved.
    with app.app_context():
        stored = db.session.execute(
            db.select(SubmissionFigures.teachers).join(Submission, Submission.id == SubmissionFigures.submission_id)
            .join(OrgUnit, OrgUnit.id == Submission.school_id).join(Period, Period.id == Submission.period_id)
            .where(OrgUnit.code == "rudny-7", Period.code == "2026-H2")).scalar_one()
    assert stored == 92
