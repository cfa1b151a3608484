"""A school's half-year as one JSON document (issue 10): export → import round trip equal, a malformed import
refused whole with every error listed by section and field, and the command-line tools."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select

from webapp.demo.analyses import load_analyses
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import SectionEntry, Submission
from webapp.reporting.transfer import SubmissionImportError, export_submission, import_submission


def submission_of(school: str, period: str) -> Submission | None:
    return db.session.execute(
        select(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id).join(Period)
        .where(OrgUnit.code == school, Period.code == period)).scalar_one_or_none()


def unit(code: str) -> OrgUnit:
    return db.session.execute(select(OrgUnit).filter_by(code=code)).scalar_one()


@pytest.fixture
def seed(app):
    """rudny-7's seed half-years (the seed certificate) loaded; returns 2025-H1 exported."""
    with app.app_context():
        load_analyses(["rudny-7"])
        db.session.commit()
        with app.test_request_context():
            return export_submission(submission_of("rudny-7", "2025-H1"))


def test_round_trip_into_another_school_is_equal(app, seed):
    assert seed["format"] == "adal-submission" and seed["version"] == 1
    assert seed["sections"]["procurement"]["rows"]["methods"][0]["amount"] == "12391716.25"
    assert seed["sections"]["personnel"]["facts"]["teachers_total"] == 76
    with app.app_context(), app.test_request_context():
        assert submission_of("rudny-8", "2025-H1") is None
        imported = import_submission(json.loads(json.dumps(seed)), unit("rudny-8"))
        db.session.commit()
        again = export_submission(imported)
    assert again["school"] == "rudny-8"
    assert again["sections"] == seed["sections"]


def test_a_malformed_document_is_refused_whole_with_every_error(app, seed):
    broken = copy.deepcopy(seed)
    broken["sections"]["personnel"]["facts"]["teachers_units"] = "30,125"  # three decimals
    broken["sections"]["procurement"]["rows"]["methods"][0]["amount"] = "22 266 028 65"  # a space for the comma
    broken["sections"]["procurement"]["rows"]["methods"][1]["method"] = "lottery"
    broken["sections"]["appeals"]["facts"]["received_by_fax"] = 3
    broken["sections"]["nonsense"] = {}
    with app.app_context(), app.test_request_context():
        before = db.session.scalar(select(func.count()).select_from(SectionEntry))
        with pytest.raises(SubmissionImportError) as refused:
            import_submission(broken, unit("rudny-8"))
        db.session.rollback()
        where = [problem.where for problem in refused.value.errors]
        assert where == ["personnel.facts.teachers_units", "procurement.rows.methods[1].amount",
                         "procurement.rows.methods[2].method", "appeals.facts.received_by_fax", "nonsense"]
        assert submission_of("rudny-8", "2025-H1") is None
        assert db.session.scalar(select(func.count()).select_from(SectionEntry)) == before


def test_an_import_never_overwrites_a_started_half_year(app, seed):
    with app.app_context(), app.test_request_context():
        with pytest.raises(SubmissionImportError) as refused:
            import_submission(seed)  # rudny-7 2025-H1 exists
        assert [p.where for p in refused.value.errors] == ["period"]


def test_command_line_export_and_import(app, seed, tmp_path):
    runner = app.test_cli_runner()
    path = tmp_path / "a.json"
    result = runner.invoke(args=["submission", "export", "rudny-7", "2025-H1", "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(path.read_text(encoding="utf-8"))["sections"] == seed["sections"]
    result = runner.invoke(args=["submission", "import", str(path), "--school", "rudny-8"])
    assert result.exit_code == 0, result.output
    bad = tmp_path / "bad.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["sections"]["personnel"]["facts"]["teachers_total"] = "many"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(args=["submission", "import", str(bad), "--school", "rudny-9"])
    assert result.exit_code != 0 and "personnel.facts.teachers_total" in result.output
    with app.app_context():
        assert submission_of("rudny-9", "2025-H1") is None


def test_department_downloads_and_uploads_on_the_half_year_page(app, seed, as_user):
    import io

    department = as_user("rudny")
    downloaded = department.get("/schools/rudny-7/2025-H1/export.json")
    assert downloaded.status_code == 200 and downloaded.mimetype == "application/json"
    assert 'filename="rudny-7_2025-H1.json"' in downloaded.headers["Content-Disposition"]
    assert json.loads(downloaded.data)["sections"] == seed["sections"]

    page = department.get("/schools/rudny-8/2025-H1/")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.get_data(as_text=True)
    broken = json.loads(downloaded.data)
    broken["sections"]["personnel"]["facts"]["teachers_units"] = "30,125"
    refused = department.post("/schools/rudny-8/2025-H1/import", data={
        "document": (io.BytesIO(json.dumps(broken).encode()), "a.json")}, content_type="multipart/form-data")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422 and 'id="import-errors"' in html and "personnel.facts.teachers_units" in html
    with app.app_context():
        assert submission_of("rudny-8", "2025-H1") is None

    done = department.post("/schools/rudny-8/2025-H1/import", data={
        "document": (io.BytesIO(downloaded.data), "a.json")}, content_type="multipart/form-data")
    assert done.status_code == 303
    with app.app_context(), app.test_request_context():
        assert export_submission(submission_of("rudny-8", "2025-H1"))["sections"] == seed["sections"]
    # A school cannot import, and another city's department cannot reach the school at all.
    school = as_user("rudny-9")
    assert school.post("/schools/rudny-9/2025-H1/import", data={
        "document": (io.BytesIO(downloaded.data), "a.json")}, content_type="multipart/form-data").status_code == 404
    assert as_user("lisakovsk").get("/schools/rudny-7/2025-H1/export.json").status_code == 404


def test_an_import_the_storage_cannot_hold_is_refused_with_the_reason(app, seed):
    """Each of these was a 500 at the upload (or a NUL stored on SQLite): a text with a control character, an
    explanation that is no text or too long, rows that are no object, sums beyond their column."""
    broken = copy.deepcopy(seed)
    sections = broken["sections"]
    sections["procurement"]["narrative"]["risks"] = "ашық\u0000 конкурс"
    sections["appeals"]["warnings_explanation"] = 5
    sections["personnel"]["warnings_explanation"] = "x" * 10_001
    sections["services"]["rows"] = "none"
    with app.app_context(), app.test_request_context():
        with pytest.raises(SubmissionImportError) as refused:
            import_submission(broken, unit("rudny-8"))
        db.session.rollback()
        assert sorted(p.where for p in refused.value.errors) == [
            "appeals.warnings_explanation", "personnel.warnings_explanation", "services.rows"]

        del sections["appeals"]["warnings_explanation"], sections["personnel"]["warnings_explanation"]
        del sections["services"]["rows"]
        methods = sections["procurement"]["rows"]["methods"]
        methods[:] = [{**methods[0], "contracts": 2**31 - 1}, {**methods[0], "contracts": 2**31 - 1}]
        with pytest.raises(SubmissionImportError) as refused:
            import_submission(broken, unit("rudny-8"))
        db.session.rollback()
        assert [p.where for p in refused.value.errors] == ["procurement.figures"]
        assert submission_of("rudny-8", "2025-H1") is None

        methods[0]["contracts"] = methods[1]["contracts"] = 7
        imported = import_submission(broken, unit("rudny-8"))
        db.session.commit()
        entry = db.session.execute(select(SectionEntry).filter_by(submission_id=imported.id,
                                                                  section="procurement")).scalar_one()
        assert entry.risks == "ашық конкурс"


def test_a_document_nested_a_million_deep_is_not_json_to_the_upload(seed, as_user):
    import io

    response = as_user("rudny").post("/schools/rudny-8/2025-H1/import", data={
        "document": (io.BytesIO(b"[" * 1_000_000 + b"]" * 1_000_000), "a.json")}, content_type="multipart/form-data")
    assert response.status_code == 422
