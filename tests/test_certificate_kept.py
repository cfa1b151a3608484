"""An accepted certificate's PDF and DOCX are rendered once, kept, and served again until anything on them changes
(reopen, return, an edit, the unit's texts or names); a draft is never kept."""

from __future__ import annotations

import io

from pypdf import PdfReader
from support import count_queries

from webapp.certificate.models import CertificateRender
from webapp.extensions import db
from webapp.models import OrgUnit
from webapp.reporting.models import Status, Submission

PDF = "/schools/{school}/certificate/?from=2024-H2&to=2025-H1&lang=kk&format={kind}"



def kept(app, school: str | None = None) -> list[tuple[str, str]]:
    with app.app_context():
        query = db.select(OrgUnit.code, CertificateRender.kind).join(OrgUnit, OrgUnit.id == CertificateRender.school_id)
        if school:
            query = query.where(OrgUnit.code == school)
        return sorted(tuple(row) for row in db.session.execute(query))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_an_accepted_pdf_is_rendered_once_and_served_until_the_analysis_is_reopened(demo, as_user):
    department = as_user("rudny")
    with demo.app_context():
        statuses = db.session.scalars(
            db.select(Submission.status).join(Submission.school).where(OrgUnit.code == "rudny-7")
            .join(Submission.period).where(db.text("period.code in ('2024-H2', '2025-H1')"))).all()
        assert statuses == [Status.ACCEPTED, Status.ACCEPTED]

    first = department.get(PDF.format(school="rudny-7", kind="pdf"))
    assert first.status_code == 200 and first.data.startswith(b"%PDF") and "ЖОБА" not in pdf_text(first.data)
    assert kept(demo, "rudny-7") == [("rudny-7", "pdf")]

    with count_queries(demo) as statements:
        again = department.get(PDF.format(school="rudny-7", kind="pdf"))
    assert again.data == first.data and again.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    # The user, the unit, the span, the kept file and the download's audit record: no assembly (23+ queries).
    assert len(statements) <= 12, statements

    docx = department.get(PDF.format(school="rudny-7", kind="docx"))
    assert docx.status_code == 200 and kept(demo, "rudny-7") == [("rudny-7", "docx"), ("rudny-7", "pdf")]

    reopened = department.post("/schools/rudny-7/2025-H1/reopen", data={"reason": "Бұйрық нөмірі қате."})
    assert reopened.status_code == 303
    assert kept(demo, "rudny-7") == []  # forgotten in the reopen's own transaction
    draft = department.get(PDF.format(school="rudny-7", kind="pdf"))
    assert "ЖОБА" in pdf_text(draft.data)  # no stale "accepted" copy: the draft mark is back
    assert kept(demo, "rudny-7") == []  # and a draft is never kept


def test_a_school_of_another_city_keeps_its_render_when_a_department_rewords_its_texts(demo, as_user):
    as_user("rudny").get(PDF.format(school="rudny-7", kind="docx"))
    as_user("lisakovsk").get(PDF.format(school="lisakovsk-1", kind="docx"))
    assert kept(demo) == [("lisakovsk-1", "docx"), ("rudny-7", "docx")]

    from test_certificate_texts import form_data

    own = "Рудный мектептерінің мақсаты: {school} қызметін ашық ету."
    assert as_user("rudny").post("/units/rudny/certificate-texts/", data=form_data(goal_kk=own)).status_code == 303
    assert kept(demo) == [("lisakovsk-1", "docx")]

    # A change above both cities (the region's name) forgets both.
    as_user("rudny").get(PDF.format(school="rudny-7", kind="docx"))
    with demo.app_context():
        region = db.session.scalars(db.select(OrgUnit).filter_by(code="kostanay")).one()
        region.name_kk = region.name_kk + " "
        db.session.commit()
    assert kept(demo) == []


def test_an_edit_to_any_of_the_schools_analyses_forgets_its_renders(demo, as_user):
    as_user("rudny").get(PDF.format(school="rudny-7", kind="docx"))
    assert kept(demo, "rudny-7")
    with demo.app_context():
        submission = db.session.scalars(
            db.select(Submission).join(Submission.school).where(OrgUnit.code == "rudny-7")
            .order_by(Submission.period_id.desc())).first()
        entry = submission.entries[0]
        entry.risks = (entry.risks or "") + " Қосымша."
        db.session.commit()
    assert kept(demo, "rudny-7") == []
