"""A school's half-year as one JSON document (issue 10): export → import round trip equal, a malformed import
refused whole with every error listed by section and field, and the command-line tools."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select
from support import text_of, with_demo_analyses

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
    assert seed["format"] == "adal-submission" and seed["version"] == 2
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


def _blank_as_none(value):
    """"" and None are both «not given», {} and None both «no translations»."""
    return value if value not in ("", {}) else None


def stored_texts(submission: Submission) -> dict:
    """What the database holds of a half-year, read without the export: every entry's narrative, figures and
    other-language texts, every row's fields and other-language texts, and the language typed first."""
    from webapp.reporting.queries import section_data
    from webapp.reporting.sections import SECTIONS

    data = section_data(submission)
    held: dict = {"text_lang": submission.text_lang}
    for section in SECTIONS:
        part = data[section.code]
        if part.entry is not None:
            entry = part.entry
            held[section.code] = {name: getattr(entry, name) for name in (
                "risks", "basis", "recommendations", "violation_found", "violation_description",
                "nothing_to_report", "warnings_explanation")}
            held[section.code]["facts"] = {k: v for k, v in (entry.facts or {}).items() if v is not None}
            held[section.code]["translations"] = entry.translations or {}
        for row_list in section.row_lists:
            columns = [c.name for c in row_list.model.__table__.columns if c.name not in (
                "id", "submission_id", "version", "request_key", "carried_over", "position")]
            rows = sorted(part.rows.get(row_list.name) or [], key=lambda row: row.position)  # as entered
            held[f"{section.code}.{row_list.name}"] = [
                {name: _blank_as_none(getattr(row, name)) for name in columns} for row in rows]
    return held


def test_round_trip_keeps_every_text_in_both_languages_and_the_language_typed_first(app, seed, as_user):
    """QA: rows' and the narrative's Russian texts were exported as null, and a Russian-first school came back
    Kazakh-first; the imported Russian certificate then said «112 мәтін анықтаманың тілінде әлі жазылмаған»."""
    with app.app_context(), app.test_request_context():
        source = submission_of("rudny-7", "2025-H1")
        held = stored_texts(source)
        leave = next(r for r in held["personnel.movements"] if r["reason"] == "декреттік демалысқа")
        assert leave["translations"] == {"reason": "отпуск по беременности и родам"}
        assert held["personnel"]["translations"]["risks"]
        document = json.loads(json.dumps(export_submission(source)))
        assert document["version"] == 2 and document["text_lang"] == "kk"
        imported = import_submission(document, unit("rudny-8"))
        db.session.commit()
        assert stored_texts(imported) == held
        assert json.loads(json.dumps(export_submission(imported)))["sections"] == document["sections"]

        source.text_lang = "ru"  # a Russian-first school comes back Russian-first
        db.session.commit()
        document = json.loads(json.dumps(export_submission(source)))
        assert document["text_lang"] == "ru"
        assert import_submission(document, unit("rudny-9")).text_lang == "ru"
        db.session.commit()
    department = as_user("rudny")
    missing = "мәтін анықтаманың тілінде әлі жазылмаған"  # «N texts are not written in this language yet»
    for lang, reason in (("kk", "декреттік демалысқа"), ("ru", "отпуск по беременности и родам")):
        after = text_of(department.get(f"/schools/rudny-8/certificate/?from=2025-H1&to=2025-H1&lang={lang}"))
        assert missing not in after and reason in after, lang


def test_a_version_1_document_still_imports_kazakh_first(app, seed):
    old = copy.deepcopy(seed)
    old["version"] = 1
    del old["text_lang"]
    for spec in old["sections"].values():  # version 1 had no narrative companions
        for name in [n for n in spec.get("narrative", {}) if n.endswith("__tr")]:
            del spec["narrative"][name]
    with app.app_context(), app.test_request_context():
        imported = import_submission(old, unit("rudny-8"))
        db.session.commit()
        assert imported.text_lang == "kk"
        assert export_submission(imported)["sections"]["personnel"]["facts"]["teachers_total"] == 76


def test_every_demo_half_year_round_trips(app):
    """QA: 6 demo half-years with a service not in the list were refused on import («services.rows.services[4]
    .service_code: Жарамды таңдау емес»): the export wrote its code as null. Each goes into a school of its own
    and comes back as the database held it."""
    from webapp.models import OrgKind

    with_demo_analyses(app, cycles=False)
    with app.app_context():
        sources = db.session.scalars(select(Submission).order_by(Submission.id)).all()
        assert len(sources) > 20
        with app.test_request_context():
            for source in sources:
                parent = db.session.get(OrgUnit, source.school.parent_id)
                code = f"copy-{source.id}"
                copy_unit = OrgUnit(kind=OrgKind.SCHOOL, code=code, parent_id=parent.id,
                                    path=f"{parent.path}{code}/", name_kk=code, name_ru=code)
                db.session.add(copy_unit)
                db.session.flush()
                document = json.loads(json.dumps(export_submission(source), ensure_ascii=False))
                try:
                    imported = import_submission(document, copy_unit, source.period)
                except SubmissionImportError as error:
                    pytest.fail(f"{source.school.code} {source.period.code}: {error}")
                db.session.flush()
                assert stored_texts(imported) == stored_texts(source), (source.school.code, source.period.code)
            db.session.rollback()


def upload(client, path: str, body: bytes, **kwargs):
    import io

    return client.post(path, data={"document": (io.BytesIO(body), "a.json")}, content_type="multipart/form-data",
                       **kwargs)


def test_the_import_speaks_the_users_language(seed, as_user):
    """QA: «version: version 2 is not supported (this app reads version 1)», «unknown field», «not an
    adal-submission document» were English in the Kazakh and Russian pages."""
    future = {**copy.deepcopy(seed), "version": 3}
    unknown = copy.deepcopy(seed)
    unknown["sections"]["procurement"]["facts"] = {"teachers_units": 3}
    department = as_user("rudny")
    for lang, words in (("kk", ("3 нұсқасы қолдау таппайды", "белгісіз өріс", "adal-submission құжаты емес")),
                        ("ru", ("версия 3 не поддерживается", "неизвестное поле", "не документ adal-submission"))):
        department.post("/language", data={"lang": lang})
        pages = [upload(department, "/schools/rudny-8/2025-H1/import", json.dumps(doc).encode())
                 for doc in (future, unknown, {"format": "other"})]
        for page, said in zip(pages, words, strict=True):
            html = page.get_data(as_text=True)
            assert page.status_code == 422 and said in html, (lang, said)
            assert "is not supported" not in html and "unknown field" not in html and "not an adal" not in html


def test_an_upload_to_a_half_year_started_meanwhile_says_why(app, seed, as_user):
    """QA: rudny opened rudny-8's empty half-year, the school started it in another browser, the upload came back
    422 without the upload panel and without the reason."""
    department = as_user("rudny")
    assert 'id="import-heading"' in department.get("/schools/rudny-8/2026-H2/").get_data(as_text=True)
    as_user("rudny-8").post("/schools/rudny-8/2026-H2/start", data={})
    with app.app_context():
        assert submission_of("rudny-8", "2026-H2") is not None
    for path in ("/schools/rudny-8/2026-H2/import", "/schools/rudny-7/2025-H1/import"):  # started; handed in
        refused = upload(department, path, json.dumps(seed).encode())
        assert refused.status_code == 303
        page = department.get(refused.headers["Location"]).get_data(as_text=True)
        assert "Ештеңе импортталмады: мектеп бұл жартыжылдықты бастап қойған" in page, path
    with app.app_context(), app.test_request_context():
        assert export_submission(submission_of("rudny-8", "2026-H2"))["sections"] != seed["sections"]


def test_a_file_with_a_byte_order_mark_imports(app, seed, as_user):
    """QA: a UTF-8 file saved with a BOM was refused as «Файл JSON құжаты емес»."""
    done = upload(as_user("rudny"), "/schools/rudny-8/2025-H1/import",
                  "\ufeff".encode() + json.dumps(seed, ensure_ascii=False).encode("utf-8"))
    assert done.status_code == 303
    with app.app_context(), app.test_request_context():
        assert export_submission(submission_of("rudny-8", "2025-H1"))["sections"] == seed["sections"]


def test_a_file_over_the_limit_is_too_big_on_the_half_year_page(seed, as_user):
    """QA: a 2 MB upload answered a full-page 413 «Мәтінді қысқартып…» (shorten the text)."""
    department = as_user("rudny")
    for lang, said in (("kk", "Файл тым үлкен: ең көбі 2 МБ"), ("ru", "Файл слишком большой: не более 2 МБ")):
        department.post("/language", data={"lang": lang})
        refused = upload(department, "/schools/rudny-8/2025-H1/import", b" " * (2 * 1024 * 1024 + 10))
        html = refused.get_data(as_text=True)
        assert refused.status_code == 413 and said in html and 'id="import-heading"' in html
        assert "Мәтінді қысқартып" not in html and "Сократите текст" not in html


def test_a_blank_text_typed_in_the_browser_exports_as_null(as_user):
    """QA: a procurement row added in the browser with an empty note exported "note": "", a demo row null."""
    school = as_user("rudny-7", htmx=True)
    school.post("/schools/rudny-7/2026-H2/start", data={"carry_over": ""})
    school.post("/schools/rudny-7/2026-H2/procurement/rows/methods", data={
        "methods-method": "auction", "methods-contracts": "2", "methods-amount": "", "methods-note": ""})
    document = json.loads(as_user("rudny").get("/schools/rudny-7/2026-H2/export.json").data)
    assert document["sections"]["procurement"]["rows"]["methods"] == [
        {"method": "auction", "other_name": None, "contracts": 2, "amount": None, "note": None,
         "other_name__tr": None, "note__tr": None}]


def test_a_document_of_another_half_year_is_refused_its_earlier_dates_and_noted(app, seed, as_user):
    """QA (issue 10): a 2025-H1 file uploaded to 2025-H2 imported without a word, its January–June movements and
    orders landing in 2025-H2 (counted twice in a span certificate)."""
    with app.app_context(), app.test_request_context():
        autumn = db.session.execute(select(Period).filter_by(code="2025-H2")).scalar_one()
        with pytest.raises(SubmissionImportError) as refused:
            import_submission(copy.deepcopy(seed), unit("rudny-8"), autumn)
        db.session.rollback()
        where = {problem.where for problem in refused.value.errors}
        assert "personnel.rows.movements[1].month" in where
        assert any(".order_date" in w or ".received_on" in w for w in where), where  # dates inside the half-year
        assert submission_of("rudny-8", "2025-H2") is None
        # The same dates in a document of 2025-H2 itself (a clerk saved them with a warning): its own export
        # imports back whole, or a backup could not be restored.
        own = copy.deepcopy(seed)
        own["period"] = "2025-H2"
        import_submission(own, unit("rudny-8"), autumn)
        assert submission_of("rudny-8", "2025-H2") is not None
        db.session.rollback()
    # Without its dated rows the document goes in, and the page says whose half-year it was.
    undated = copy.deepcopy(seed)
    for problem in where:
        section, kind, *rest = problem.split(".")
        if kind == "rows":
            undated["sections"][section]["rows"][rest[0].split("[")[0]] = []
        else:
            undated["sections"][section][kind].pop(rest[0], None)
    department = as_user("rudny")
    for lang, said in (("ru", "Документ за 2025-H1 импортирован в 2025-H2."),
                       ("kk", "Құжат 2025-H1 кезеңіне арналған; ол 2025-H2 кезеңіне импортталды.")):
        department.post("/language", data={"lang": lang})
        school = "rudny-8" if lang == "ru" else "rudny-9"
        done = upload(department, f"/schools/{school}/2025-H2/import", json.dumps(undated).encode())
        assert done.status_code == 303, done.get_data(as_text=True)[:2000]
        assert said in text_of(department.get(done.headers["Location"]))


def test_a_count_written_as_an_integral_number_imports_and_a_month_13_is_one_error(app, seed):
    """QA (issue 10): «"contracts": 27.0» was refused while 27 was accepted; month 13 gave two messages."""
    document = copy.deepcopy(seed)
    document["sections"]["procurement"]["rows"]["methods"][0]["contracts"] = 27.0
    document["sections"]["personnel"]["facts"]["teachers_total"] = 76.0
    with app.app_context(), app.test_request_context():
        imported = import_submission(document, unit("rudny-8"))
        db.session.flush()
        again = export_submission(imported)
        assert again["sections"]["procurement"]["rows"]["methods"][0]["contracts"] == 27
        assert again["sections"]["personnel"]["facts"]["teachers_total"] == 76
        db.session.rollback()
        broken = copy.deepcopy(seed)
        broken["sections"]["procurement"]["rows"]["methods"][0]["contracts"] = 27.5
        broken["sections"]["personnel"]["rows"]["movements"][0]["month"] = 13
        with pytest.raises(SubmissionImportError) as refused:
            import_submission(broken, unit("rudny-9"))
        where = [problem.where for problem in refused.value.errors]
        assert where.count("personnel.rows.movements[1].month") == 1
        assert "procurement.rows.methods[1].contracts" in where
