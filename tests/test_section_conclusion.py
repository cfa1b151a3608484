"""The conclusion: overall finding, the working group's recommendations, and the follow-up of last half-year's."""

import re
from datetime import date

import pytest
from sqlalchemy import select
from support import text_of

from webapp.blueprints.conclusion.models import FollowUp, Recommendation
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import SectionEntry, Status, Submission

BASE = "/schools/rudny-7/2026-H2"
URL = f"{BASE}/conclusion"
FINDING = ("Жоғарыда көрсетілген бағыттар бойынша талданатын кезеңде сыбайлас жемқорлық тәуекелдеріне "
           "байланысты бұзушылықтар анықталған жоқ.")
FIRST = "ҚР Сыбайлас жемқорлыққа қарсы заңнамасын қатаң сақтау"
SIXTH = "сыбайлас жемқорлыққа қарсы іс-қимыл туралы мәселелерді педагогикалық ұжымның талқылауына үнемі шығару"


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    client.post(f"{BASE}/start", data={"carry_over": ""})
    return client


def recommendation(**fields) -> dict:
    values = {"text": FIRST, "deadline_kind": "permanent", "section": "acts", "responsible": "Директор", **fields}
    return {f"recommendations-{name}": value for name, value in values.items()}


def warnings_of(client) -> str:
    found = re.search(r'<div class="warnings".*?</ul>', client.get(f"{URL}/").get_data(as_text=True), re.S)
    return found.group(0) if found else ""


def test_finding_and_recommendations_saved_and_shown(as_user, school):
    saved = school.post(f"{URL}/facts", data={"overall_finding": FINDING, "audience": "Барлық жұмыскерлерге"})
    assert saved.status_code == 200 and "<html" not in saved.get_data(as_text=True)
    added = school.post(f"{URL}/rows/recommendations", data=recommendation())
    assert added.status_code == 200 and '<tr id="row-recommendations-' in added.get_data(as_text=True)
    assert FIRST in text_of(added)
    school.post(f"{URL}/rows/recommendations", data=recommendation(text=SIXTH, deadline_kind="twice_a_year",
                                                                    responsible="директор"))
    page = as_user("rudny-7").get(f"{URL}/")
    html, text = page.get_data(as_text=True), text_of(page)
    assert "<html" in html and FINDING in text and 'value="Барлық жұмыскерлерге"' in html
    assert text.index(FIRST) < text.index(SIXTH)  # the plan keeps the order it was written in


def test_a_dated_deadline_needs_its_date(app, school):
    response = school.post(f"{URL}/rows/recommendations", data=recommendation(deadline_kind="date"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="recommendations-deadline_date-error"' in html
    assert FIRST in html and '<option selected value="date">' in html
    with app.app_context():
        assert db.session.scalars(select(Recommendation)).all() == []
    # A deadline may fall after the half-year: the plan looks ahead.
    dated = school.post(f"{URL}/rows/recommendations",
                        data=recommendation(deadline_kind="date", deadline_date="01.03.2027"))
    assert dated.status_code == 200 and "01.03.2027" in text_of(dated)


@pytest.mark.parametrize("fields, error", [
    ({"text": ""}, "text"), ({"text": "ы" * 2001}, "text"), ({"deadline_date": "31.02.2027"}, "deadline_date"),
    ({"deadline_kind": "someday"}, "deadline_kind"),
])
def test_invalid_recommendation_is_refused(app, school, fields, error):
    response = school.post(f"{URL}/rows/recommendations", data=recommendation(**fields))
    assert response.status_code == 422
    assert f'id="recommendations-{error}-error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(Recommendation)).all() == []


def test_script_is_shown_as_text(school):
    html = school.post(f"{URL}/rows/recommendations", data=recommendation(text="<script>x()</script>")
                       ).get_data(as_text=True)
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html


def previous_half_year(app, texts: list[tuple[str, str]]) -> None:
    """rudny-7's 2026-H1 analysis with these (text, deadline kind) recommendations."""
    with app.app_context():
        school = db.session.scalars(select(OrgUnit).filter_by(code="rudny-7")).one()
        period = db.session.scalars(select(Period).filter_by(code="2026-H1")).one()
        previous = Submission(school=school, period=period, status=Status.ACCEPTED)
        db.session.add(previous)
        db.session.flush()
        for position, (text, kind) in enumerate(texts, start=1):
            deadline = date(2026, 12, 1) if kind == "date" else None
            db.session.add(Recommendation(submission_id=previous.id, position=position, text=text,
                                          deadline_kind=kind, deadline_date=deadline))
        db.session.commit()


def followups(app) -> list[FollowUp]:
    with app.app_context():
        return db.session.scalars(select(FollowUp).order_by(FollowUp.position)).all()


def test_last_half_years_recommendations_come_back_to_follow_up(app, as_user):
    previous_half_year(app, [(FIRST, "permanent"), (SIXTH, "twice_a_year"), ("Ас блогын тексеру", "date")])
    client = as_user("rudny-7", htmx=True)
    client.post(f"{BASE}/start", data={"carry_over": "y"})

    rows = followups(app)
    assert [row.text for row in rows] == [FIRST, SIXTH, "Ас блогын тексеру"]
    assert all(row.carried_over and row.status is None for row in rows)
    assert rows[2].deadline_kind == "date" and rows[2].deadline_date == date(2026, 12, 1)
    page = as_user("rudny-7").get(f"{URL}/")
    html = page.get_data(as_text=True)
    assert all(f'<tr id="row-followups-{row.id}" class="row carried">' in html for row in rows)
    assert all(text in text_of(page) for text in (FIRST, SIXTH, "01.12.2026"))
    with app.app_context():  # this half-year's own plan starts empty
        assert db.session.scalars(select(Recommendation).filter_by(submission_id=rows[0].submission_id)).all() == []

    # Each needs a status; the warning names those still without one.
    assert all(text in warnings_of(client) for text in ("Ас блогын тексеру", FIRST[:40]))
    for row in rows[:2]:
        saved = client.post(f"{URL}/rows/followups/{row.id}", data={
            f"followups-{row.id}-text": row.text, f"followups-{row.id}-deadline_kind": row.deadline_kind,
            f"followups-{row.id}-status": "done"})
        assert saved.status_code == 200
    warnings = warnings_of(client)
    assert "Ас блогын тексеру" in warnings and FIRST[:40] not in warnings
    last = rows[2]
    client.post(f"{URL}/rows/followups/{last.id}", data={
        f"followups-{last.id}-text": last.text, f"followups-{last.id}-deadline_kind": "date",
        f"followups-{last.id}-deadline_date": "2026-12-01", f"followups-{last.id}-status": "in_progress"})
    assert warnings_of(client) == ""
    assert [row.status for row in followups(app)] == ["done", "done", "in_progress"]


def test_nothing_to_follow_up_without_last_half_years_plan(app, as_user):
    previous_half_year(app, [])
    as_user("rudny-7").post(f"{BASE}/start", data={"carry_over": "y"})
    assert followups(app) == []
    with app.app_context():  # nothing copied, so nothing for the school to confirm either
        assert db.session.scalars(select(SectionEntry).filter_by(section="conclusion")).all() == []


def test_followups_without_carry_over_are_not_copied(app, as_user):
    previous_half_year(app, [(FIRST, "permanent")])
    as_user("rudny-7").post(f"{BASE}/start", data={"carry_over": ""})
    assert followups(app) == []


def test_another_school_cannot_reach_the_rows(app, as_user, school):
    school.post(f"{URL}/rows/recommendations", data=recommendation())
    with app.app_context():
        row_id = db.session.scalars(select(Recommendation)).one().id
    other = as_user("rudny-1", htmx=True)
    other.post("/schools/rudny-1/2026-H2/start", data={"carry_over": ""})
    assert other.get(f"/schools/rudny-1/2026-H2/conclusion/rows/recommendations/{row_id}").status_code == 404
    assert other.post(f"/schools/rudny-1/2026-H2/conclusion/rows/recommendations/{row_id}/delete").status_code == 404


# --- The action plan: every measure answers a risk and has someone responsible; every violation a measure ------

@pytest.mark.parametrize("htmx", [True, False])
@pytest.mark.parametrize("fields, error", [({"responsible": " "}, "responsible"),
                                           ({"section": "", "risk": ""}, "risk")])
def test_a_measure_without_its_risk_or_responsible_person_is_refused_with_the_values_kept(app, as_user, htmx,
                                                                                        fields, error):
    client = as_user("rudny-7", htmx=htmx)
    client.post(f"{BASE}/start", data={"carry_over": ""})
    response = client.post(f"{URL}/rows/recommendations", data=recommendation(**fields))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and ("<html" in html) is not htmx
    assert f'id="recommendations-{error}-error"' in html and FIRST in html
    with app.app_context():
        assert db.session.scalars(select(Recommendation)).all() == []
    # The risk in words will do instead of a section.
    assert client.post(f"{URL}/rows/recommendations",
                       data=recommendation(section="", risk="Сыйлық қабылдау")).status_code in (200, 303)


def violation_in_procurement(client):
    return client.post(f"{BASE}/procurement/narrative", data={
        "risks": "Бір көзден сатып алу", "basis": "Прокуратура тексерді.", "recommendations": "Жою.",
        "violation_found": "yes", "violation_description": "Шарт конкурссыз жасалған."})


def note_of(html: str) -> str:
    return re.search(r'<p id="violation-note".*?</p>', html, re.S).group(0)


def test_a_violation_without_a_measure_is_a_note_at_entry_and_blocks_the_submission(app, as_user, school):
    from test_sections import make_ready

    saved = violation_in_procurement(school)  # htmx: saved, and the note beside the violation out of band
    assert saved.status_code == 200
    note = note_of(saved.get_data(as_text=True))
    assert 'hx-swap-oob="true"' in note and "hidden" not in note and "#add-recommendations" in note
    page = as_user("rudny-7").get(f"{BASE}/procurement/")  # the whole page shows it beside the field too
    assert "#add-recommendations" in note_of(page.get_data(as_text=True))
    answer = school.post(f"{BASE}/procurement/narrative", data={"violation_found": "yes", "_fields": "violation_found"},
                         headers={"Accept": "application/json"}).get_json()  # the page's own script
    assert "#add-recommendations" in answer["fragments"]["violation-note"]

    make_ready(app)
    violation_in_procurement(school)
    refused = school.post(f"{BASE}/submit")
    assert refused.status_code == 409
    assert "conclusion/#add-recommendations" in refused.get_data(as_text=True)
    assert "measure 1" not in text_of(refused)

    # A measure answering the section lifts both.
    school.post(f"{URL}/rows/recommendations", data=recommendation(section="procurement", responsible="Бас есепші"))
    assert "hidden" in note_of(as_user("rudny-7").get(f"{BASE}/procurement/").get_data(as_text=True))
    assert school.post(f"{BASE}/submit").status_code in (204, 303)


def test_measures_lacking_a_risk_or_a_responsible_person_block_the_submission(app, as_user, school):
    from test_sections import make_ready, submission_of

    make_ready(app)
    with app.app_context():  # e.g. a plan written before measures named them
        db.session.add(Recommendation(submission_id=submission_of(app).id, position=1, text=FIRST,
                                      deadline_kind="permanent"))
        db.session.commit()
    refused = as_user("rudny-7", htmx=False).post(f"{BASE}/submit")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409 and html.count("conclusion/#row-recommendations-") == 2


@pytest.mark.parametrize("lang, heading, label, deadline", [
    ("kk", "жұмыс тобы мынадай ұсынымдар шығарды", "Кадр саясаты", "орындау мерзімі"),
    ("ru", "рабочая группа выработала следующие рекомендации", "Кадровая политика", "срок исполнения")])
def test_the_plan_in_the_certificate_names_the_section_each_measure_answers(as_user, school, lang, heading, label,
                                                                           deadline):
    """A plan whose measures all name their risk and responsible person is printed once, as the plan table
    (not a numbered list and then the same measures again in a table)."""
    school.post(f"{URL}/rows/recommendations", data=recommendation(section="personnel", responsible="Директор"))
    response = as_user("rudny").get(f"/schools/rudny-7/certificate/?from=2026-H2&to=2026-H2&lang={lang}")
    text = text_of(response)
    plan = text[text.index(heading):]
    assert f"2.2. {label}" in plan and "Директор" in plan
    assert plan.count(FIRST) == 1 and f"{deadline}:" not in plan
    assert "<ol" not in response.get_data(as_text=True).split(heading)[1].split("</table>")[0]
