"""The shared section mechanism, seen through the personnel section: pages and fragments, saving figures,
text and rows in place, validation, warnings, scoping, carry-over, the submit → review workflow and audit."""

import pytest
from support import text_of

from webapp.extensions import db
from webapp.models import AuditEvent, OrgUnit, Period
from webapp.reporting.models import SectionEntry, Status, Submission
from webapp.reporting.sections import SECTIONS

BASE = "/schools/rudny-7/2026-H2"
PERSONNEL = f"{BASE}/personnel"


@pytest.fixture
def school(as_user):
    """rudny-7 logged in (htmx requests), with its 2026-H2 analysis started."""
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def submission_of(app, school="rudny-7", period="2026-H2") -> Submission:
    with app.app_context():
        return db.session.execute(
            db.select(Submission).join(Submission.school).join(Submission.period)
            .where(OrgUnit.code == school, Period.code == period)
        ).scalar_one_or_none()


def entry_of(app, section: str, school="rudny-7", period="2026-H2") -> SectionEntry | None:
    submission = submission_of(app, school, period)
    with app.app_context():
        return db.session.execute(
            db.select(SectionEntry).filter_by(submission_id=submission.id, section=section)
        ).scalar_one_or_none()


def make_ready(app, school="rudny-7", period="2026-H2"):
    """Every section attested as "nothing to report", so the analysis can be submitted."""
    submission = submission_of(app, school, period)
    with app.app_context():
        existing = set(db.session.scalars(db.select(SectionEntry.section).filter_by(submission_id=submission.id)))
        for section in SECTIONS:
            if section.code in existing:
                db.session.execute(db.update(SectionEntry).filter_by(submission_id=submission.id, section=section.code)
                                   .values(nothing_to_report=True, carried_over=False))
            else:
                db.session.add(SectionEntry(submission_id=submission.id, section=section.code, facts={},
                                            nothing_to_report=True))
        db.session.commit()


# --- Starting -------------------------------------------------------------------------------------

def test_a_school_starts_the_half_year_before_entering_anything(as_user):
    client = as_user("rudny-7")
    assert client.get(PERSONNEL + "/").location.endswith(f"{BASE}/")
    overview = client.get(f"{BASE}/")
    assert 'action="/schools/rudny-7/2026-H2/start"' in overview.get_data(as_text=True)
    assert client.post(f"{BASE}/start", data={}).status_code == 303
    assert client.get(PERSONNEL + "/").status_code == 200


def test_the_department_sees_a_not_started_analysis_but_cannot_start_it(as_user):
    client = as_user("rudny")
    page = client.get(f"{BASE}/").get_data(as_text=True)
    assert 'class="badge state-closed"' in page and "/start" not in page
    assert client.get(PERSONNEL + "/").status_code == 200
    assert client.post(f"{BASE}/start", data={}).status_code == 404


def test_a_closed_half_year_cannot_be_started(app, as_user):
    with app.app_context():
        db.session.execute(db.update(Period).filter_by(code="2026-H2").values(is_open=False))
        db.session.commit()
    client = as_user("rudny-7")
    client.post(f"{BASE}/start", data={})
    assert submission_of(app) is None


# --- The section page and its fragments ---------------------------------------------------------

def test_section_page_is_a_whole_page_for_browsers(school, app):
    page = app.test_client()
    from support import login
    login(page, "rudny-7")
    response = page.get(PERSONNEL + "/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in html
    for element in ('id="narrative"', 'id="facts"', 'id="rows-admin_staff"', 'id="add-disciplinary"'):
        assert element in html


def test_figures_save_in_place_and_show_back(school, app):
    response = school.post(PERSONNEL + "/facts", data={"teachers_total": "76", "support_staff_total": "41",
                                                       "teachers_higher_education": "69"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert 'id="facts-saved"' in html and 'hx-swap-oob="true"' in html
    assert "HX-Request" in response.headers["Vary"]
    assert entry_of(app, "personnel").facts["teachers_total"] == 76
    assert 'value="76"' in school.get(PERSONNEL + "/", headers={"HX-Request": ""}).get_data(as_text=True)


@pytest.mark.parametrize("typed", ["seventy", "-3", "7.5"])
def test_invalid_figure_comes_back_with_the_error_and_the_valid_ones_are_saved(school, app, typed):
    school.post(PERSONNEL + "/facts", data={"teachers_total": "70"})
    response = school.post(PERSONNEL + "/facts", data={"teachers_total": typed, "support_staff_total": "41"})
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == "#facts" and response.headers["HX-Reswap"] == "outerHTML"
    html = response.get_data(as_text=True)
    assert f'value="{typed}"' in html and 'value="41"' in html  # every typed value kept
    assert 'id="teachers_total-error"' in html
    facts = entry_of(app, "personnel").facts
    assert facts["teachers_total"] == 70 and facts["support_staff_total"] == 41  # the valid field is not held back


def test_numbers_are_accepted_with_spaces(school, app):
    school.post(PERSONNEL + "/facts", data={"teachers_total": "1 076"})
    assert entry_of(app, "personnel").facts["teachers_total"] == 1076


def test_narrative_saves_and_script_is_shown_escaped(school, app):
    response = school.post(PERSONNEL + "/narrative", data={
        "risks": "<script>alert(1)</script> конкурс", "basis": "Негіздеме", "recommendations": "Ұсыныс",
        "violation_found": "no"})
    assert response.status_code == 200
    entry = entry_of(app, "personnel")
    assert entry.risks.startswith("<script>") and entry.violation_found is False
    page = school.get(PERSONNEL + "/", headers={"HX-Request": ""}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_text_over_10000_characters_is_refused(school, app):
    response = school.post(PERSONNEL + "/narrative", data={"risks": "ә" * 10_001})
    assert response.status_code == 422 and entry_of(app, "personnel") is None


def test_violation_found_without_description_is_a_warning(school):
    school.post(PERSONNEL + "/narrative", data={"risks": "r", "basis": "b", "recommendations": "x",
                                                "violation_found": "yes"})
    page = text_of(school.get(PERSONNEL + "/", headers={"HX-Request": ""}))
    assert "describe it" in page or "сипаттаңыз" in page.lower() or "опишите" in page.lower()


# --- Rows -----------------------------------------------------------------------------------------

def add_disciplinary(client, **overrides):
    data = {"disciplinary-person": "Айназарова Ж", "disciplinary-penalty": "warning",
            "disciplinary-order_number": "77", "disciplinary-order_date": "11.10.2026", **overrides}
    return client.post(PERSONNEL + "/rows/disciplinary", data=data)


def test_adding_a_row_appends_it_to_the_table(school, app):
    response = add_disciplinary(school)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith("<tr id=\"row-disciplinary-")
    assert "Айназарова Ж" in html and "11.10.2026" in html
    assert 'id="add-disciplinary"' in html and 'hx-swap-oob="true"' in html  # a fresh add form
    assert 'id="section-status"' in html


def test_adding_without_javascript_redirects_back(app, as_user):
    client = as_user("rudny-7")
    client.post(f"{BASE}/start", data={})
    response = add_disciplinary(client)
    assert response.status_code == 303 and response.location.endswith(PERSONNEL + "/")
    assert "Айназарова Ж" in text_of(client.get(PERSONNEL + "/"))


@pytest.mark.parametrize("overrides, field", [
    ({"disciplinary-person": ""}, "disciplinary-person"),
    ({"disciplinary-order_date": "11.10.1999"}, "disciplinary-order_date"),  # before 2000
    ({"disciplinary-order_date": "31.02.2026"}, "disciplinary-order_date"),
])
def test_invalid_row_is_refused_with_the_error_and_values_kept(school, app, overrides, field):
    response = add_disciplinary(school, **overrides)
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == "#add-disciplinary"
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html and 'value="77"' in html
    with app.app_context():
        from webapp.blueprints.personnel.models import DisciplinaryAction
        assert db.session.scalar(db.select(db.func.count()).select_from(DisciplinaryAction)) == 0


def test_a_row_is_edited_and_removed_in_place(school, app):
    add_disciplinary(school)
    from webapp.blueprints.personnel.models import DisciplinaryAction
    with app.app_context():
        row_id = db.session.scalar(db.select(DisciplinaryAction.id))
    url = f"{PERSONNEL}/rows/disciplinary/{row_id}"
    form = school.get(url).get_data(as_text=True)
    assert f'name="disciplinary-{row_id}-person"' in form and 'value="Айназарова Ж"' in form
    saved = school.post(url, data={f"disciplinary-{row_id}-person": "Ермағанбетова С.А.",
                                   f"disciplinary-{row_id}-penalty": "warning",
                                   f"disciplinary-{row_id}-order_number": "86",
                                   f"disciplinary-{row_id}-order_date": "2026-11-01"})
    assert saved.status_code == 200 and "Ермағанбетова С.А." in saved.get_data(as_text=True)
    bad = school.post(url, data={f"disciplinary-{row_id}-person": "X", f"disciplinary-{row_id}-order_number": "",
                                 f"disciplinary-{row_id}-penalty": "warning",
                                 f"disciplinary-{row_id}-order_date": "2026-11-01"})
    assert bad.status_code == 422 and f'id="disciplinary-{row_id}-order_number-error"' in bad.get_data(as_text=True)
    removed = school.post(f"{url}/delete")
    assert removed.status_code == 200 and "<tr" not in removed.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(DisciplinaryAction, row_id) is None


def test_another_schools_rows_answer_404(school, app, as_user):
    add_disciplinary(school)
    from webapp.blueprints.personnel.models import DisciplinaryAction
    with app.app_context():
        row_id = db.session.scalar(db.select(DisciplinaryAction.id))
    intruder = as_user("rudny-1", htmx=True)
    assert intruder.get(PERSONNEL + "/").status_code == 404
    assert intruder.post(PERSONNEL + "/facts", data={"teachers_total": "1"}).status_code == 404
    assert intruder.post(f"{PERSONNEL}/rows/disciplinary/{row_id}/delete").status_code == 404
    # Its own URL with rudny-7's row id: still 404.
    intruder.post("/schools/rudny-1/2026-H2/start", data={})
    assert intruder.get(f"/schools/rudny-1/2026-H2/personnel/rows/disciplinary/{row_id}").status_code == 404
    assert intruder.post(f"/schools/rudny-1/2026-H2/personnel/rows/disciplinary/{row_id}/delete").status_code == 404
    assert as_user("lisakovsk").get(PERSONNEL + "/").status_code == 404
    assert as_user("rudny").get(PERSONNEL + "/").status_code == 200


# --- Cross-field warnings -------------------------------------------------------------------------

def test_categories_that_do_not_add_up_block_until_fixed_or_explained(school, app):
    figures = {"teachers_total": "76", "teachers_higher_education": "69", "teachers_special_secondary": "7",
               "category_pedagog": "16", "category_moderator": "22", "category_expert": "17",
               "category_researcher": "21", "category_master": "1"}
    school.post(PERSONNEL + "/facts", data=figures)
    page = school.get(PERSONNEL + "/", headers={"HX-Request": ""}).get_data(as_text=True)
    warnings = page.split('<div class="warnings"')[1].split("</ul>")[0]
    assert warnings.count("<li>") == 1 and "77" in warnings and "76" in warnings  # 77 by category, 76 in total
    assert 'class="badge state-errors"' in page
    fixed = school.post(PERSONNEL + "/facts", data={**figures, "category_master": "0"})
    assert "state-errors" not in fixed.get_data(as_text=True)
    assert entry_of(app, "personnel").facts["teachers_total"] == 76


def test_an_explanation_lifts_the_block(school, app):
    school.post(PERSONNEL + "/facts", data={"teachers_total": "76", "teachers_higher_education": "70"})
    assert "state-errors" in school.get(PERSONNEL + "/", headers={"HX-Request": ""}).get_data(as_text=True)
    school.post(PERSONNEL + "/explanation", data={"warnings_explanation": "One teacher is counted twice."})
    assert entry_of(app, "personnel").warnings_explanation == "One teacher is counted twice."
    page = school.get(PERSONNEL + "/", headers={"HX-Request": ""}).get_data(as_text=True)
    assert 'class="badge state-errors"' not in page


# --- Workflow -------------------------------------------------------------------------------------

def test_submission_is_refused_while_sections_are_missing(school, app):
    response = school.post(f"{BASE}/submit")
    assert response.status_code == 409
    text = text_of(response)
    assert "2.2" in text  # the blocking sections are listed
    assert submission_of(app).status is Status.DRAFT


def test_submit_review_return_resubmit_accept(school, app, as_user):
    make_ready(app)
    assert school.post(f"{BASE}/submit").status_code in (204, 303)
    submission = submission_of(app)
    assert submission.status is Status.SUBMITTED and submission.on_time is True and submission.submitted_at

    # Submitted data is read-only for the school, with a clear message.
    refused = school.post(PERSONNEL + "/facts", data={"teachers_total": "1"})
    assert refused.status_code == 409 and refused.headers["HX-Retarget"] == "#messages"
    assert text_of(refused).strip()

    department = as_user("rudny")
    no_reason = department.post(f"{BASE}/review", data={"decision": "return"})
    assert no_reason.status_code == 422
    returned = department.post(f"{BASE}/review", data={"decision": "return",
                                                       "reason-personnel": "Санаттар қосындысы сәйкес емес."})
    assert returned.status_code == 303
    assert submission_of(app).status is Status.RETURNED

    home = text_of(as_user("rudny-7").get("/units/rudny-7"))
    assert "Санаттар қосындысы сәйкес емес." in home
    assert "Санаттар қосындысы сәйкес емес." in text_of(school.get(PERSONNEL + "/", headers={"HX-Request": ""}))

    # Only the returned section can change now.
    assert school.post(PERSONNEL + "/facts", data={"teachers_total": "76"}).status_code == 200
    assert school.post(f"{BASE}/acts/narrative", data={"risks": "x"}).status_code in (409, 404)

    assert school.post(f"{BASE}/submit").status_code in (204, 303)
    assert submission_of(app).status is Status.SUBMITTED
    since = department.get(f"{BASE}/history?since=return").get_data(as_text=True)
    assert "Педагогтер, барлығы" in since and "Қайтару себебі" not in since  # the school's changes, not the review

    assert department.post(f"{BASE}/review", data={"decision": "accept"}).status_code == 303
    submission = submission_of(app)
    assert submission.status is Status.ACCEPTED and submission.accepted_at
    assert school.post(PERSONNEL + "/facts", data={"teachers_total": "2"}).status_code == 409


def test_department_reopens_with_a_reason(school, app, as_user):
    make_ready(app)
    school.post(f"{BASE}/submit")
    department = as_user("rudny")
    assert department.post(f"{BASE}/reopen", data={"reason": ""}).status_code == 422
    assert department.post(f"{BASE}/reopen", data={"reason": "Жаңа бұйрық шықты."}).status_code == 303
    assert submission_of(app).status is Status.DRAFT
    assert "Жаңа бұйрық шықты." in text_of(as_user("rudny-7").get("/units/rudny-7"))
    assert school.post(PERSONNEL + "/facts", data={"teachers_total": "75"}).status_code == 200


def test_roles_cannot_do_each_others_steps(school, app, as_user):
    make_ready(app)
    assert as_user("rudny").post(f"{BASE}/submit").status_code == 404
    school.post(f"{BASE}/submit")
    assert school.post(f"{BASE}/review", data={"decision": "accept"}).status_code == 404
    assert as_user("lisakovsk").post(f"{BASE}/review", data={"decision": "accept"}).status_code == 404
    assert as_user("kostanay").post(f"{BASE}/review", data={"decision": "accept"}).status_code == 303


def test_late_submission_is_recorded_as_late(app, as_user):
    client = as_user("rudny-7")
    client.post("/schools/rudny-7/2026-H1/start", data={})
    make_ready(app, period="2026-H1")
    client.post("/schools/rudny-7/2026-H1/submit")
    assert submission_of(app, period="2026-H1").on_time is False


def test_the_half_year_page_counts_days_past_the_deadline_only_until_the_analysis_is_sent(app, as_user):
    client = as_user("rudny-7")
    client.post("/schools/rudny-7/2026-H1/start", data={})
    assert "күн бұрын өтті" in text_of(client.get("/schools/rudny-7/2026-H1/"))  # the deadline passed, not sent
    make_ready(app, period="2026-H1")
    client.post("/schools/rudny-7/2026-H1/submit")
    for account in ("rudny-7", "rudny"):
        page = text_of(as_user(account).get("/schools/rudny-7/2026-H1/"))
        assert "кешіктіріліп" in page and "күн бұрын өтті" not in page  # «late», not a running countdown


def test_every_change_is_audited_with_old_and_new_values(school, app, as_user):
    school.post(PERSONNEL + "/facts", data={"teachers_total": "76"})
    school.post(PERSONNEL + "/facts", data={"teachers_total": "77"})
    add_disciplinary(school)
    with app.app_context():
        events = db.session.scalars(db.select(AuditEvent).where(AuditEvent.section == "personnel")
                                    .order_by(AuditEvent.id)).all()
        changes = [e.changes for e in events if e.object_type == "section_entry"]
        assert {"facts.teachers_total": [76, 77]} in changes
        assert any(e.object_type == "personnel_disciplinary" and e.action == "create" for e in events)
        assert all(e.actor == "rudny-7" and e.submission_id for e in events)
    history = as_user("rudny").get(f"{BASE}/history")
    assert history.status_code == 200 and "Педагогтер, барлығы" in history.get_data(as_text=True)


# --- Carry-over -----------------------------------------------------------------------------------

def test_starting_from_the_last_half_year_copies_what_persists(app, as_user):
    client = as_user("rudny-7", htmx=True)
    client.post("/schools/rudny-7/2026-H1/start", data={})
    client.post("/schools/rudny-7/2026-H1/personnel/facts", data={"teachers_total": "76", "vacancies": "2"})
    client.post("/schools/rudny-7/2026-H1/personnel/rows/admin_staff",
                data={"admin_staff-position_title": "Директор", "admin_staff-persons": "1",
                      "admin_staff-staff_units": "1"})
    add_disciplinary(client, **{"disciplinary-order_date": "2026-03-01"})  # 2026-H2 path: not started yet
    client.post("/schools/rudny-7/2026-H1/personnel/rows/disciplinary",
                data={"disciplinary-person": "A", "disciplinary-penalty": "warning",
                      "disciplinary-order_number": "1", "disciplinary-order_date": "2026-03-01"})

    client.post(f"{BASE}/start", data={"carry_over": "y"})
    entry = entry_of(app, "personnel")
    assert entry.carried_over and entry.facts == {"teachers_total": 76}  # vacancies do not persist
    page = client.get(PERSONNEL + "/", headers={"HX-Request": ""}).get_data(as_text=True)
    assert "Директор" in page and 'class="row carried"' in page
    assert "A" not in text_of(client.get(PERSONNEL + "/", headers={"HX-Request": ""})).split("Disciplinary")[-1][:5]
    blockers = text_of(client.post(f"{BASE}/submit"))
    assert "2.2" in blockers
    client.post(PERSONNEL + "/confirm")
    assert entry_of(app, "personnel").carried_over is False


def test_submitted_analyses_wait_in_the_departments_review_queue(school, app, as_user):
    make_ready(app)
    school.post(f"{BASE}/submit")
    queue = as_user("rudny").get("/units/rudny").get_data(as_text=True).split('id="review-queue"')[1]
    assert f'href="{BASE}/"' in queue.split("</table>")[0]
    region_queue = as_user("kostanay").get("/units/kostanay").get_data(as_text=True).split('id="review-queue"')[1]
    assert f'href="{BASE}/"' in region_queue.split("</table>")[0]  # the region finds its city's schools too
    assert f'href="{BASE}/"' not in as_user("lisakovsk").get("/units/lisakovsk").get_data(as_text=True)
    as_user("rudny").post(f"{BASE}/review", data={"decision": "accept"})
    assert 'id="review-queue"' not in as_user("rudny").get("/units/rudny").get_data(as_text=True)
