"""Approval and the action plan, quarterly follow-up (with evidence files), the department's overdue list,
publication and the public pages, the next half-year's pre-filled follow-up; unit tests for name reduction,
small-count suppression and file checks."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from support import count_queries, text_of, with_demo_cycles

from webapp.blueprints.conclusion.models import FollowUp, Recommendation
from webapp.blueprints.cycle import files
from webapp.blueprints.cycle.models import Cycle, MeasureReport, PlanMeasure
from webapp.blueprints.cycle.names import initials, reduce_names
from webapp.blueprints.cycle.queries import suppressed
from webapp.blueprints.general.models import WorkingGroupMember
from webapp.blueprints.personnel.models import DisciplinaryAction
from webapp.extensions import db
from webapp.models import AuditEvent, OrgUnit, Period
from webapp.reporting.figures import rebuild_figures
from webapp.reporting.models import SectionEntry, Status, Submission

STAFF = "/schools/rudny-7/2025-H2/cycle/"
MEASURE = {"section": "procurement", "risk": "Бір көзден сатып алу үлесінің жоғары болуы",
           "measure": "Сатып алу жоспарын тоқсан сайын қарау", "completion_form": "Хаттама",
           "responsible": "Бас бухгалтер Омарова Д.К.", "deadline": "2026-03-31"}
APPROVAL = {"approval_order_number": "301", "approval_order_date": "2025-12-19",
            "approver_name": "Жұмабаев Ерлан Серікұлы", "approver_position": "Директор"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_analysis(code: str = "rudny-7", period_code: str = "2025-H2", status: Status = Status.ACCEPTED) -> int:
    """A school's half-year with a working group, a disciplined teacher, staff figures and a recommendation."""
    school = db.session.scalars(select(OrgUnit).filter_by(code=code)).one()
    period = db.session.scalars(select(Period).filter_by(code=period_code)).one()
    submission = Submission(school=school, period=period, status=status)
    db.session.add(submission)
    db.session.flush()
    db.session.add_all([
        SectionEntry(submission_id=submission.id, section="general",
                     facts={"signatory_name": "Жұмабаев Ерлан Серікұлы", "signatory_position": "Директор"}),
        WorkingGroupMember(submission_id=submission.id, position=1, name="Серікова Гүлнар Маратқызы",
                           position_title="директордың орынбасары", role="head"),
        SectionEntry(submission_id=submission.id, section="personnel",
                     facts={"administrative_staff": 2, "teachers_total": 3, "support_staff_total": 1},
                     risks="Конкурс өткізу кезіндегі тәуекел", recommendations="Конкурс барысын тексеру"),
        DisciplinaryAction(submission_id=submission.id, position=1, person="Қасымов Бауыржан Ержанұлы",
                           penalty="warning", order_number="77", order_date=date(2025, 9, 15)),
        SectionEntry(submission_id=submission.id, section="conclusion", facts={}),
        Recommendation(submission_id=submission.id, position=1, text="Заңнаманы қатаң сақтау",
                       deadline_kind="permanent", responsible="Директор"),
    ])
    db.session.commit()
    return submission.id


@pytest.fixture
def accepted(app):
    with app.app_context():
        return make_analysis()


def approve_plan(as_user):
    """rudny-7's 2025-H2 plan (one measure, deadline 31.03.2026) approved by the head; the school's client."""
    school = as_user("rudny-7")
    assert school.post(STAFF + "plan/measures", data=MEASURE).status_code == 303
    assert school.post(STAFF + "plan", data=APPROVAL).status_code == 303
    return school


@pytest.fixture
def approved(app, accepted, as_user):
    return approve_plan(as_user)


def measure_id(app) -> int:
    with app.app_context():
        return db.session.scalars(select(PlanMeasure.id)).first()


# --- Plan and approval ----------------------------------------------------------------------------------------

def test_plan_from_the_analysis_then_approval_locks_it(app, accepted, as_user):
    school = as_user("rudny-7")
    refused = school.post(STAFF + "plan", data=APPROVAL)
    assert refused.status_code == 422 and "Бекітпес бұрын жоспарға іс-шаралар қосыңыз." in text_of(refused)
    assert school.post(STAFF + "plan/from-analysis").status_code == 303
    with app.app_context():
        measures = db.session.scalars(select(PlanMeasure).order_by(PlanMeasure.position)).all()
        assert [(m.section, m.measure) for m in measures] == [("personnel", "Конкурс барысын тексеру"),
                                                              (None, "Заңнаманы қатаң сақтау")]
        assert measures[0].risk == "Конкурс өткізу кезіндегі тәуекел" and measures[1].responsible == "Директор"
    assert school.post(STAFF + "plan", data=APPROVAL).status_code == 303
    page = text_of(school.get(STAFF + "plan"))
    assert "бекітілді" in page and "№301" in page
    assert school.post(STAFF + "plan/measures", data=MEASURE).status_code == 409
    with app.app_context():
        cycle = db.session.scalars(select(Cycle)).one()
        assert cycle.approved
        assert db.session.scalars(select(AuditEvent).filter_by(object_type="cycle_plan_measure")).all()


def test_invalid_measure_comes_back_in_place(app, accepted, as_user):
    fragment = as_user("rudny-7", htmx=True).post(STAFF + "plan/measures", data={**MEASURE, "risk": "",
                                                                                  "deadline": "31.02.2026"})
    assert fragment.status_code == 422
    html = fragment.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="measures">') and 'value="31.02.2026"' in html
    assert "Сатып алу жоспарын тоқсан сайын қарау" in html  # what was typed is kept
    page = as_user("rudny-7").post(STAFF + "plan/measures", data={**MEASURE, "section": "nonsense"})
    assert page.status_code == 422
    with app.app_context():
        assert db.session.scalars(select(PlanMeasure)).all() == []


def test_plan_prints_in_both_languages_in_the_real_layout(approved):
    kk = approved.get(STAFF + "plan/document?lang=kk")
    assert kk.status_code == 200
    text = text_of(kk)
    assert "БЕКІТЕМІН" in text and "2025 жылғы 19 желтоқсан" in text  # one form: the signature and its day
    assert "ІС-ШАРАЛАР ЖОСПАРЫ" in text
    for header in ("Анықталған сыбайлас жемқорлық тәуекелі", "Іс-шаралар", "Аяқтау нысаны", "Жауапты орындаушылар",
                   "Орындау мерзімі"):
        assert header in text
    # The deadline in words, as the certificate's plan prints it (issue 11 review: «31.03.2026» was figures).
    assert "2026 жылғы наурыз" in text and "31.03.2026" not in text and "тоқсан сайын" in text
    ru = text_of(approved.get(STAFF + "plan/document?lang=ru"))
    assert "УТВЕРЖДАЮ" in ru and "Выявленный коррупционный риск" in ru and "Форма завершения" in ru
    assert "март 2026 года" in ru
    assert "ежеквартально" in ru
    pdf = approved.get(STAFF + "plan/document?lang=ru&format=pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    docx = approved.get(STAFF + "plan/document?lang=kk&format=docx")
    from docx import Document

    table = Document(io.BytesIO(docx.data)).tables[0]
    assert table.rows[0].cells[2].text == "Іс-шаралар"
    assert table.rows[1].cells[2].text == "Сатып алу жоспарын тоқсан сайын қарау"


# --- Quarterly follow-up --------------------------------------------------------------------------------------

def test_quarterly_reports_with_evidence_and_reasons(app, approved):
    mid = measure_id(app)
    page = approved.get(STAFF + "followup")
    assert page.status_code == 200 and "2025-Q4" in text_of(page)
    url = f"{STAFF}followup/{mid}?quarter=2026-Q1"
    missing = approved.post(url, data={f"m{mid}-state": "overdue"})
    assert missing.status_code == 422 and "Мерзімі өткен себебін жазыңыз." in text_of(missing)
    assert approved.post(url, data={f"m{mid}-state": "overdue", f"m{mid}-note": "Жеткізуші ауысты"}).status_code == 303
    done = approved.post(f"{STAFF}followup/{mid}?quarter=2026-Q2",
                         data={f"m{mid}-state": "done", f"m{mid}-file": (io.BytesIO(PDF), "хаттама.pdf")},
                         content_type="multipart/form-data")
    assert done.status_code == 303
    with app.app_context():
        reports = db.session.scalars(select(MeasureReport).order_by(MeasureReport.quarter)).all()
        assert [(r.quarter, r.state.value, r.note) for r in reports] == [("2026-Q1", "overdue", "Жеткізуші ауысты"),
                                                                          ("2026-Q2", "done", None)]
        file_id = reports[1].file_id
    assert approved.get(f"{STAFF}followup?quarter=2031-Q1").status_code == 404  # not a quarter of this plan
    download = approved.get(f"/schools/rudny-7/files/{file_id}")
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name, content, message", [
    ("report.pdf", b"MZ\x90\x00 not a pdf at all", "Тек PDF, PNG, JPEG және DOCX файлдары қабылданады."),
    ("page.pdf", b"<html><script>alert(1)</script></html>", "Тек PDF, PNG, JPEG және DOCX файлдары қабылданады."),
    ("big.pdf", b"%PDF-" + b"0" * files.MAX_FILE_BYTES, "Файл 10 МБ-тан үлкен."),
])
def test_wrong_files_are_refused_and_nothing_is_saved(app, approved, name, content, message):
    mid = measure_id(app)
    response = approved.post(f"{STAFF}followup/{mid}?quarter=2026-Q1",
                             data={f"m{mid}-state": "done", f"m{mid}-note": "Бұйрық",
                                   f"m{mid}-file": (io.BytesIO(content), name)},
                             content_type="multipart/form-data")
    assert response.status_code == 422 and message in text_of(response)
    with app.app_context():
        assert db.session.scalars(select(MeasureReport)).all() == []
    stored = Path(app.instance_path) / "files"
    assert not stored.exists() or not list(stored.glob("*/*"))


@pytest.mark.parametrize("account, status", [("rudny", 200), ("kostanay", 200), ("rudny-6", 404), ("lisakovsk", 404)])
def test_evidence_files_only_for_those_who_see_the_school(app, approved, as_user, client, account, status):
    mid = measure_id(app)
    approved.post(f"{STAFF}followup/{mid}?quarter=2026-Q1", content_type="multipart/form-data",
                  data={f"m{mid}-state": "done", f"m{mid}-file": (io.BytesIO(PDF), "a.pdf")})
    with app.app_context():
        file_id = db.session.scalars(select(MeasureReport.file_id)).one()
    assert as_user(account).get(f"/schools/rudny-7/files/{file_id}").status_code == status
    assert as_user("rudny-6").get(f"/schools/rudny-6/files/{file_id}").status_code == 404
    assert client.get(f"/schools/rudny-7/files/{file_id}").status_code == 302  # to the login page


def test_department_sees_overdue_measures_across_its_schools(app, approved, as_user):
    mid = measure_id(app)
    approved.post(f"{STAFF}followup/{mid}?quarter=2026-Q1", data={f"m{mid}-state": "overdue",
                                                                  f"m{mid}-note": "Жеткізуші ауысты"})
    with app.app_context():  # a Lisakovsk school's overdue measure must not show in Rudny
        make_analysis("lisakovsk-1")
        other = db.session.scalars(select(OrgUnit).filter_by(code="lisakovsk-1")).one()
        period = db.session.scalars(select(Period).filter_by(code="2025-H2")).one()
        cycle = Cycle(school=other, period=period, approval_order_number="5", approval_order_date=date(2025, 12, 1))
        db.session.add(cycle)
        db.session.flush()
        db.session.add(PlanMeasure(cycle_id=cycle.id, risk="R", measure="Лисаков шарасы", completion_form="F",
                                   responsible="X", deadline=date(2026, 1, 31)))
        db.session.commit()
    department = as_user("rudny")
    page = department.get("/units/rudny/overdue-measures")
    text = text_of(page)
    assert page.status_code == 200
    assert "Сатып алу жоспарын тоқсан сайын қарау" in text and "Жеткізуші ауысты" in text
    assert "Лисаков шарасы" not in text
    assert "Лисаков шарасы" in text_of(as_user("kostanay").get("/units/kostanay/overdue-measures"))
    assert as_user("rudny-7").get("/units/rudny/overdue-measures").status_code == 404
    assert as_user("lisakovsk").get("/units/rudny/overdue-measures").status_code == 404
    with count_queries(app) as statements:
        department.get("/units/rudny/overdue-measures")
    assert len(statements) <= 8
    # The filter by school: the page and, for htmx, only the table.
    region = as_user("kostanay")
    only_rudny = text_of(region.get("/units/kostanay/overdue-measures?school=rudny-7"))
    assert "Сатып алу жоспарын тоқсан сайын қарау" in only_rudny and "Лисаков шарасы" not in only_rudny
    assert "Барлық мектептер (мерзімі өткені: 2)" in only_rudny
    fragment = as_user("kostanay", htmx=True).get("/units/kostanay/overdue-measures?school=lisakovsk-1")
    html = fragment.get_data(as_text=True)
    assert html.lstrip().startswith('<table class="data" id="overdue">') and "Лисаков шарасы" in html
    assert "Сатып алу жоспарын" not in html


# --- Publication and the public pages -------------------------------------------------------------------------

def test_publish_shows_initials_only_and_unpublish_hides_it(app, approved, client):
    public = "/open/rudny-7/2025-H2/published"
    assert client.get(public).status_code == 404
    assert approved.post(STAFF + "publication", data={"publish": "1"}).status_code == 303
    for lang in ("kk", "ru"):
        page = client.get(public + f"?lang={lang}")
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        for secret in ("Серікова", "Жұмабаев", "Қасымов", "Бауыржан", "Омарова"):
            assert secret not in html, (lang, secret)
        text = text_of(page)
        assert "С. Г. М." in text and "Ж. Е. С." in text and "О. Д. К." in text
        assert "Сатып алу жоспарын тоқсан сайын қарау" in text
    assert client.get(public + "?format=pdf").data.startswith(b"%PDF")
    plan = client.get("/open/rudny-7/2025-H2/plan?lang=ru")
    assert plan.status_code == 200 and "Омарова" not in plan.get_data(as_text=True)
    assert client.get("/open/rudny-7/2025-H2/plan?format=docx").status_code == 404  # the public gets print and PDF
    city = text_of(client.get("/open/city/rudny/"))
    assert "Б.Майлин атындағы №7 мектеп-гимназиясы" in city and "Жариялаған мектептер: 1" in city
    assert approved.post(STAFF + "publication", data={"publish": "0"}).status_code == 303
    assert client.get(public).status_code == 404
    assert client.get("/open/rudny-7/2025-H2/plan").status_code == 404
    assert "Б.Майлин атындағы" not in text_of(client.get("/open/city/rudny/"))
    with app.app_context():
        changes = [e.changes.get("published_at") for e in db.session.scalars(
            select(AuditEvent).filter_by(object_type="cycle", action="update"))]
        assert [c for c in changes if c][-2][0] is None and [c for c in changes if c][-1][1] is None


def test_publishing_replaces_the_discussion_draft_and_taking_down_leaves_nothing_public(app, approved, client):
    from webapp.blueprints.cycle.models import Cycle

    with app.app_context():
        db.session.scalars(select(Cycle)).one().draft_public = True
        db.session.commit()
    assert client.get("/open/rudny-7/2025-H2/draft").status_code == 200
    assert approved.post(STAFF + "publication", data={"publish": "1"}).status_code == 303
    assert client.get("/open/rudny-7/2025-H2/draft").status_code == 404
    with app.app_context():
        first = db.session.scalars(select(Cycle)).one().published_at
    approved.post(STAFF + "publication", data={"publish": "1"})  # a second click
    with app.app_context():
        assert db.session.scalars(select(Cycle)).one().published_at == first
    assert approved.post(STAFF + "publication", data={"publish": "0"}).status_code == 303
    for url in ("/open/rudny-7/2025-H2/draft", "/open/rudny-7/2025-H2/published", "/open/rudny-7/2025-H2/plan"):
        assert client.get(url).status_code == 404, url


def test_a_reopened_analysis_leaves_the_public_pages_until_accepted_again(app, approved, client, as_user):
    """The public page is built from the analysis: once the department reopens it, the school's unaccepted
    edits must not be published; and the approval it shows changes only after the publication is taken down."""
    assert approved.post(STAFF + "publication", data={"publish": "1"}).status_code == 303
    assert client.get("/open/rudny-7/2025-H2/published").status_code == 200
    refused = approved.post(STAFF + "plan", data={**APPROVAL, "approval_order_number": "999"})
    assert refused.status_code == 422 and "бекітуді өзгертпес бұрын жарияланымды алып тастаңыз" in text_of(refused)
    published = text_of(client.get("/open/rudny-7/2025-H2/published"))
    assert "2025 жылғы 19 желтоқсан" in published and "999" not in published  # the approval stays as published
    assert as_user("rudny").post("/schools/rudny-7/2025-H2/reopen", data={"reason": "Қате"}).status_code == 303
    approved.post("/schools/rudny-7/2025-H2/personnel/narrative", data={"risks": "UNACCEPTED-EDIT"})
    for url in ("/open/rudny-7/2025-H2/published", "/open/rudny-7/2025-H2/published?format=pdf",
                "/open/rudny-7/2025-H2/plan"):
        assert client.get(url).status_code == 404, url
    city = text_of(client.get("/open/city/rudny/"))
    assert "Б.Майлин атындағы" not in city and "UNACCEPTED" not in city
    with app.app_context():
        submission = db.session.scalars(select(Submission)).one()
        submission.status = Status.ACCEPTED
        db.session.commit()
    assert client.get("/open/rudny-7/2025-H2/published").status_code == 200


def test_a_disciplined_employees_name_in_the_other_language_is_not_published(app, approved, client):
    with app.app_context():
        action = db.session.scalars(select(DisciplinaryAction)).one()
        action.translations = {"person": "Касымов Бауржан"}  # no patronymic: free text alone would keep it
        member = db.session.scalars(select(WorkingGroupMember)).one()
        member.translations = {"name": "Серикова Гульнар Маратовна"}
        entry = db.session.scalars(select(SectionEntry).filter_by(section="personnel")).one()
        entry.translations = {"risks": "Работнику Касымов Бауржан объявлено замечание"}
        db.session.commit()
    assert approved.post(STAFF + "publication", data={"publish": "1"}).status_code == 303
    html = client.get("/open/rudny-7/2025-H2/published?lang=ru").get_data(as_text=True)
    assert "Касымов" not in html and "Бауржан" not in html and "Серикова" not in html


def test_publishing_needs_acceptance_and_approval(app, as_user):
    with app.app_context():
        make_analysis(status=Status.SUBMITTED)
    school = as_user("rudny-7")
    refused = school.post(STAFF + "publication", data={"publish": "1"})
    assert refused.status_code == 409 and "Білім бөлімі қабылдаған талдауды ғана жариялауға болады." in text_of(refused)
    with app.app_context():
        submission = db.session.scalars(select(Submission)).one()
        submission.status = Status.ACCEPTED
        db.session.commit()
    refused = school.post(STAFF + "publication", data={"publish": "1"})
    assert refused.status_code == 409 and "Алдымен басшының бекітуін енгізіңіз." in text_of(refused)
    assert as_user("rudny").post(STAFF + "publication", data={"publish": "1"}).status_code == 404


def test_city_summary_suppresses_counts_of_fewer_than_five_people(app, approved, client):
    approved.post(STAFF + "publication", data={"publish": "1"})
    with app.app_context():
        rebuild_figures()
        db.session.commit()
    text = text_of(client.get("/open/city/rudny/")).replace("&lt;", "<")
    assert "Тәртіптік жазалар < 5" in text and "Педагогтер < 5" in text  # 1 and 3 people: not published
    assert "Жұмысқа қабылдау және жұмыстан босату 0" in text  # nobody is not a small count
    assert "5 адамнан аз" in text


def test_nothing_unpublished_is_reachable_without_an_account(app, approved, client):
    """The authorization matrix of the public side: drafts, proposals, protocols, plans and files."""
    for url in ["/open/rudny-7/2025-H2/", "/open/rudny-7/2025-H2/draft", "/open/rudny-7/2025-H2/published",
                "/open/rudny-7/2025-H2/plan", "/open/rudny-7/2025-H2/sent", "/open/rudny-7/2099-H1/",
                "/open/nowhere/2025-H2/", "/open/city/rudny-7/", "/open/city/nowhere/"]:
        assert client.get(url).status_code == 404, url
    for url in [STAFF, STAFF + "proposals", STAFF + "discussion", STAFF + "discussion/protocol", STAFF + "plan",
                STAFF + "plan/document", STAFF + "followup", STAFF + "publication", "/units/rudny/overdue-measures"]:
        response = client.get(url)
        assert response.status_code in (302, 401) and "/login" in response.headers.get("Location", "/login"), url


def test_next_half_year_starts_with_the_plans_execution(app, approved, as_user):
    mid = measure_id(app)
    approved.post(f"{STAFF}followup/{mid}?quarter=2026-Q1", data={f"m{mid}-state": "overdue",
                                                                  f"m{mid}-note": "Жеткізуші ауысты"})
    with app.app_context():
        period = db.session.scalars(select(Period).filter_by(code="2026-H1")).one()
        period.is_open = True
        db.session.commit()
    assert approved.post("/schools/rudny-7/2026-H1/start", data={"carry_over": "y"}).status_code == 303
    with app.app_context():
        rows = db.session.scalars(select(FollowUp)).all()
        assert [(r.text, r.status, r.comment) for r in rows] == [
            ("Сатып алу жоспарын тоқсан сайын қарау", "not_done", "Жеткізуші ауысты")]


# --- Units ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Жұмабаев Ерлан Серікұлы", "Ж. Е. С."),
    ("Сейітова Айгүл Болат қызы", "С. А. Б."),
    ("Иванова-Петрова Анна Сергеевна", "И.-П. А. С."),
    ("Ахметов Нурлан", "А. Н."),
    ("Иванов И.И.", "И. И. И."),
    ("Омарова Д. К.", "О. Д. К."),
    ("Kassymov Bauyrzhan", "K. B."),
    ("", ""),
])
def test_initials(name, expected):
    assert initials(name) == expected


def test_names_in_free_text_are_reduced_but_a_schools_namesake_is_not():
    text = ("Төрағалық етті Туйебаев А.Е.; баяндады Тажиева Айжан Алпиевна. Б.Майлин атындағы мектеп, "
            "Ы. Алтынсарин атындағы мектеп. Жауапты: бас бухгалтер.")
    assert reduce_names(text) == ("Төрағалық етті Т. А. Е.; баяндады Т. А. А. Б.Майлин атындағы мектеп, "
                                  "Ы. Алтынсарин атындағы мектеп. Жауапты: бас бухгалтер.")
    assert reduce_names("Қасымов Бауыржан (ескерту)", {"Қасымов Бауыржан": "қызметкер"}) == "қызметкер (ескерту)"


@pytest.mark.parametrize("text, public", [
    # Surname with initials, Kazakh and Russian, with and without a space between the initials.
    ("Хаттаманы жүргізген Бірманова Қ.И., хатшы.", "Хаттаманы жүргізген Б. Қ. И., хатшы."),
    ("Секретарь — Бірманова Қ. И.", "Секретарь — Б. Қ. И."),
    ("Жауапты: Оспанов Н.", "Жауапты: О. Н."),
    ("Ответственный: Иванова-Петрова А.С.", "Ответственный: И.-П. А. С."),
    ("Подписал А.С. Иванова-Петрова.", "Подписал А. С. И.-П."),
    ("Оспанов Н.Ж.-ның бұйрығы", "О. Н. Ж.-ның бұйрығы"),
    # Full names with a patronymic: a capitalised word before them is not taken for a surname.
    ("Председатель Иванов Иван Иванович открыл заседание.", "Председатель И. И. И. открыл заседание."),
    ("Выступила Иванова-Петрова Анна Сергеевна.", "Выступила И.-П. А. С."),
    ("Ответственные: Кузнецова Мария Ильинична; Петров Пётр Ильич.", "Ответственные: К. М. И.; П. П. И."),
    # Kazakh patronymics in one word or two, and a Kazakh double surname.
    ("Баяндама: Сейітова-Әбенова Айгүл Болатқызы.", "Баяндама: С.-Ә. А. Б."),
    ("Жауапты: Сейітова Айгүл Болат қызы.", "Жауапты: С. А. Б."),
    ("Жауапты: Жұмабаев Ерлан Серік ұлы, директор.", "Жауапты: Ж. Е. С., директор."),
    # Not people: a school's namesake, places, bodies.
    ("Б.Майлин атындағы №7 мектеп-гимназиясы", "Б.Майлин атындағы №7 мектеп-гимназиясы"),
    ("Мектеп Б.Майлин атындағы", "Мектеп Б.Майлин атындағы"),
    ("Рудный қаласы білім бөлімі, Қостанай облысы", "Рудный қаласы білім бөлімі, Қостанай облысы"),
])
def test_names_in_free_text_of_the_public_versions(text, public):
    assert reduce_names(text) == public


@pytest.mark.parametrize("text, public", [
    ("Замечание объявлено учителю Габдуллину Тимуру Маратовичу.", "Замечание объявлено учителю Г. Т. М."),
    ("Беседа с Ивановой Анной Сергеевной проведена.", "Беседа с И. А. С. проведена."),
])
def test_declined_russian_names_are_reduced_too(text, public):
    assert reduce_names(text) == public


def test_known_names_are_replaced_once_and_never_read_again():
    known = {"Жұмабаев Ерлан": "Ж. Е.", "Қасымов Бауыржан Ержанұлы": "қызметкер"}
    # A two-word name the school typed as a name; the word before it is not swallowed by a second pass.
    assert reduce_names("Директор Жұмабаев Ерлан бекітті.", known) == "Директор Ж. Е. бекітті."
    assert reduce_names("Ескерту: Қасымов Бауыржан Ержанұлы.", known) == "Ескерту: қызметкер."


@pytest.mark.parametrize("text", ["Ғабдуллин Тимур ескерту алды", "ҒАБДУЛЛИН Т.М. ескерту алды",
                                  "Ғабдуллин Т.М ескерту алды", "Ғабдуллин Т. М. ескерту алды",
                                  "Т.М. Ғабдуллин ескерту алды"])
def test_a_disciplined_employee_written_again_another_way_is_still_not_named(text):
    """Free text names the person as it likes: short, in capitals, without the last dot, initials first."""
    public = reduce_names(text, {"Ғабдуллин Тимур Маратович": "қызметкер"})
    assert "Ғабдуллин" not in public and "ҒАБДУЛЛИН" not in public and public.startswith("қызметкер")


@pytest.mark.parametrize("value, people, shown", [(0, True, 0), (1, True, None), (4, True, None), (5, True, 5),
                                                  (3, False, 3), (None, True, None)])
def test_small_counts_of_people_are_suppressed(value, people, shown):
    assert suppressed(value, people) == shown


def test_file_checks_by_content():
    assert files.check("a.pdf", PDF).content_type == "application/pdf"
    assert files.check("photo.JPG", b"\xff\xd8\xff\xe0rest").filename == "photo.jpg"
    assert files.check("../../etc/passwd.png", b"\x89PNG\r\n\x1a\nrest").filename == "passwd.png"
    buffer = io.BytesIO()
    from docx import Document

    Document().save(buffer)
    assert files.check("x.docx", buffer.getvalue()).content_type.endswith("wordprocessingml.document")
    damaged = bytearray(buffer.getvalue())
    central = damaged.rfind(b"PK\x01\x02")  # the directory asks for «zip version 9.9»: NotImplementedError
    damaged[central + 6:central + 8] = b"\x63\x00"
    for bad in (b"", b"PK\x03\x04not a zip", b"#!/bin/sh\nrm -rf /", bytes(damaged)):
        with pytest.raises(files.FileRejected):
            files.check("x.pdf", bad)


# --- The approval on the school's own certificate ------------------------------------------------------------

def test_the_heads_approval_shows_on_the_schools_certificate_in_every_format(app, accepted, as_user):
    from docx import Document
    from pypdf import PdfReader

    school = as_user("rudny-7")
    url = "/schools/rudny-7/certificate/?from=2025-H2&to=2025-H2&lang={lang}&format={kind}"
    before = school.get(url.format(lang="kk", kind="pdf"))  # accepted: rendered once and kept
    assert before.status_code == 200 and "БЕКІТЕМІН" not in before.data.decode("latin-1")
    assert school.post(STAFF + "plan/measures", data=MEASURE).status_code == 303
    assert school.post(STAFF + "plan", data=APPROVAL).status_code == 303

    def pdf(lang):
        data = school.get(url.format(lang=lang, kind="pdf")).data
        return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())

    def docx(lang):
        document = Document(io.BytesIO(school.get(url.format(lang=lang, kind="docx")).data))
        return " ".join(p.text for p in document.paragraphs).replace("\u00a0", " ")  # «19\u00a0декабря»

    # One form of approval: «БЕКІТЕМІН», the post, the signature and the day, the date given once (issue 11: «2025
    # жылғы «19» желтоқсан / 2025 жылғы 19 желтоқсандағы №301 бұйрығымен»; then «БЕКІТЕМІН … №301 бұйрықпен
    # бекітілді.», a signature and an approval by order at once).
    kk = ["БЕКІТЕМІН", "Директор", "Жұмабаев Ерлан Серікұлы", "2025 жылғы 19 желтоқсан"]
    ru = ["УТВЕРЖДАЮ", "Жұмабаев Ерлан Серікұлы", "19 декабря 2025 года"]
    html = text_of(school.get(url.format(lang="kk", kind="html")))
    assert all(line in html for line in kk), html[:600]
    assert all(line in text_of(school.get(url.format(lang="ru", kind="html"))) for line in ru)
    assert "бұйрықпен бекітілді" not in html and "№301" not in html
    assert len(re.findall(r"19 желтоқсан(?!\w)", html)) == 1
    ru_html = text_of(school.get(url.format(lang="ru", kind="html")))
    assert ru_html.count("19 декабря 2025 года") == 1
    assert all(line in docx("kk") for line in kk) and all(line in docx("ru") for line in ru)
    assert all(line in pdf("kk") for line in kk)  # the kept render of before the approval was dropped
    assert all(line in pdf("ru") for line in ru)
    # The public version carries the same block with the approver's initials.
    assert school.post(STAFF + "publication", data={"publish": "1"}).status_code == 303
    public = text_of(app.test_client().get("/open/rudny-7/2025-H2/published?lang=ru"))
    assert "УТВЕРЖДАЮ" in public and "Ж. Е. С." in public
    assert "19 декабря 2025 года" in public and "Утверждена приказом" not in public
    assert "Жұмабаев" not in public


def test_the_printed_plan_is_approved_in_one_form_as_the_certificate(app, as_user):
    """The approval block ended in a bare «от 19 декабря 2025 года №211», then in «Утвержден приказом …» under
    «УТВЕРЖДАЮ» and the director's signature: two forms of approval (issue 11). It is the signature and the day,
    as the certificate's."""
    with_demo_cycles(app)
    school = as_user("rudny-3")
    url = "/schools/rudny-3/2025-H2/cycle/plan/document?lang={}"
    kk = text_of(school.get(url.format("kk")))
    assert "БЕКІТЕМІН" in kk and "2025 жылғы 19 желтоқсан" in kk and "бұйрықпен бекітілді" not in kk
    ru = text_of(school.get(url.format("ru")))
    assert "УТВЕРЖДАЮ" in ru and "19 декабря 2025 года" in ru and "Утвержден приказом" not in ru
