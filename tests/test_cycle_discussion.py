"""The public discussion: the draft on a public page with names reduced to initials, the protocol recorded and
printed (A4, kk and ru, PDF and DOCX), and who may do what."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from support import text_of

from webapp.blueprints.cycle.models import Cycle, ProtocolItem
from webapp.blueprints.general.models import WorkingGroupMember
from webapp.blueprints.personnel.models import DisciplinaryAction
from webapp.extensions import db
from webapp.models import AuditEvent, OrgUnit, Period
from webapp.reporting.models import SectionEntry, Status, Submission

STAFF = "/schools/rudny-7/2026-H2/cycle/"
DRAFT = "/open/rudny-7/2026-H2/draft"
DISCUSSION = {"form": "discussion", "discussion_on": "2026-12-10", "discussion_time": "15:00",
              "discussion_place": "Мектептің акт залы", "draft_public": "y"}
PROTOCOL = {"form": "protocol", "protocol_number": "1", "protocol_recorded_on": "2026-12-10",
            "chair": "Серікова Гүлнар Маратқызы", "chair_position": "директордың орынбасары", "participants": "23"}


@pytest.fixture
def analysis(app):
    """rudny-7's 2026-H2 draft with a working group, a disciplined teacher and a signatory."""
    with app.app_context():
        school = db.session.scalars(select(OrgUnit).filter_by(code="rudny-7")).one()
        period = db.session.scalars(select(Period).filter_by(code="2026-H2")).one()
        submission = Submission(school=school, period=period, status=Status.DRAFT)
        db.session.add(submission)
        db.session.flush()
        db.session.add_all([
            SectionEntry(submission_id=submission.id, section="general",
                         facts={"signatory_name": "Жұмабаев Ерлан Серікұлы", "signatory_position": "Директор",
                                "order_number": "317", "order_date": "2026-10-29"}),
            WorkingGroupMember(submission_id=submission.id, position=1, name="Серікова Гүлнар Маратқызы",
                               position_title="директордың орынбасары", role="head"),
            WorkingGroupMember(submission_id=submission.id, position=2, name="Иванова-Петрова Анна Сергеевна",
                               position_title="бас бухгалтер", role="member"),
            SectionEntry(submission_id=submission.id, section="personnel", facts={},
                         risks="Конкурс өткізу кезіндегі тәуекел", basis="Бақылауды Омарова Д.К. жүргізді."),
            DisciplinaryAction(submission_id=submission.id, position=1, person="Қасымов Бауыржан Ержанұлы",
                               penalty="warning", order_number="77", order_date=date(2026, 9, 15)),
        ])
        db.session.commit()


def test_draft_is_public_only_when_the_school_puts_it_up(analysis, client, as_user):
    school = as_user("rudny-7")
    assert client.get(DRAFT).status_code == 404
    response = school.post(STAFF + "discussion", data={**DISCUSSION, "draft_public": ""})
    assert response.status_code == 303
    assert client.get(DRAFT).status_code == 404
    school.post(STAFF + "discussion", data=DISCUSSION)
    page = client.get(DRAFT)
    assert page.status_code == 200
    assert "Жария талқылау: 2026 ж. 10 желтоқсан 15:00, Мектептің акт залы." in text_of(page)
    assert "ЖОБА" in text_of(page)
    school.post(STAFF + "discussion", data={**DISCUSSION, "draft_public": ""})
    assert client.get(DRAFT).status_code == 404  # taken down again


def test_public_draft_shows_initials_and_no_disciplined_name(analysis, client, as_user):
    as_user("rudny-7").post(STAFF + "discussion", data=DISCUSSION)
    for lang in ("kk", "ru"):
        html = client.get(DRAFT + f"?lang={lang}").get_data(as_text=True)
        for full in ("Серікова", "Гүлнар", "Жұмабаев", "Иванова-Петрова", "Омарова", "Қасымов", "Бауыржан"):
            assert full not in html, (lang, full)
        text = text_of(client.get(DRAFT + f"?lang={lang}"))
        assert "С. Г. М." in text and "И.-П. А. С." in text and "О. Д. К." in text
    assert "1 жұмыскерге ескерту түрінде тәртіптік жаза берілді: қызметкер (" in text_of(client.get(DRAFT + "?lang=kk"))


def test_school_records_the_protocol_and_prints_it_in_both_languages(app, analysis, as_user):
    school = as_user("rudny-7")
    school.post(STAFF + "discussion", data=DISCUSSION)
    assert school.get(STAFF + "discussion/protocol").status_code == 404  # nothing recorded yet
    assert school.post(STAFF + "discussion", data=PROTOCOL).status_code == 303
    added = school.post(STAFF + "discussion/items", data={"heard": "Ата-ана: асхана мәзірін сайтта жариялау.",
                                                          "decision": "Қабылданды."})
    assert added.status_code == 303
    kk = school.get(STAFF + "discussion/protocol?lang=kk")
    assert kk.status_code == 200
    text = text_of(kk)
    assert "қоғамдық талқылау ХАТТАМАСЫ №1" in text
    assert "Төрағалық еткен: директордың орынбасары, Серікова Гүлнар Маратқызы" in text
    assert "Қатысқандар саны: 23" in text and "Ата-ана: асхана мәзірін сайтта жариялау." in text
    assert "басшының 2026 жылғы 29 қазандағы №317 бұйрығына сәйкес" in text
    html = kk.get_data(as_text=True)
    assert '<html lang="kk">' in html and "<script>" not in html and "style=" not in html and "onclick" not in html
    ru = text_of(school.get(STAFF + "discussion/protocol?lang=ru"))
    assert "ПРОТОКОЛ №1 публичного обсуждения результатов внутреннего анализа коррупционных рисков" in ru
    assert "Количество участников: 23" in ru
    pdf = school.get(STAFF + "discussion/protocol?lang=ru&format=pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF") and pdf.mimetype == "application/pdf"
    docx = school.get(STAFF + "discussion/protocol?lang=kk&format=docx")
    assert docx.status_code == 200 and docx.data[:2] == b"PK"
    from io import BytesIO

    from docx import Document

    words = "\n".join(p.text for p in Document(BytesIO(docx.data)).paragraphs)
    assert "ХАТТАМАСЫ №1" in words
    # The protocol is reached from the submission's page.
    assert "/cycle/" in school.get("/schools/rudny-7/2026-H2/").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(AuditEvent).filter_by(object_type="cycle_protocol_item")).all()


def test_invalid_protocol_comes_back_with_errors(app, analysis, as_user):
    school = as_user("rudny-7")
    bad = {**PROTOCOL, "participants": "көп", "chair": ""}
    page = school.post(STAFF + "discussion", data=bad)
    assert page.status_code == 422
    assert 'value="көп"' in page.get_data(as_text=True)
    fragment = as_user("rudny-7", htmx=True).post(STAFF + "discussion", data=bad)
    assert fragment.status_code == 422
    html = fragment.get_data(as_text=True)
    assert "<html" not in html and html.lstrip().startswith('<form id="protocol"')
    item = as_user("rudny-7", htmx=True).post(STAFF + "discussion/items", data={"heard": "", "decision": ""})
    assert item.status_code == 422 and item.get_data(as_text=True).lstrip().startswith('<div id="items">')
    with app.app_context():
        cycle = db.session.scalars(select(Cycle)).one_or_none()
        assert cycle is None or cycle.protocol_recorded_on is None
        assert db.session.scalars(select(ProtocolItem)).all() == []


def test_items_added_and_removed_in_place(app, analysis, as_user):
    school = as_user("rudny-7", htmx=True)
    fragment = school.post(STAFF + "discussion/items", data={"heard": "Бірінші", "decision": "Қабылданды"})
    assert fragment.status_code == 200 and "Бірінші" in fragment.get_data(as_text=True)
    with app.app_context():
        item = db.session.scalars(select(ProtocolItem)).one()
    gone = school.post(f"{STAFF}discussion/items/{item.id}/delete")
    assert gone.status_code == 200 and "Бірінші" not in gone.get_data(as_text=True)


def test_considered_proposals_go_into_the_protocol_without_names(app, analysis, client, as_user):
    from test_cycle import ANNOUNCEMENT, PROPOSAL

    school = as_user("rudny-7")
    school.post(STAFF, data=ANNOUNCEMENT)
    client.post("/open/rudny-7/2026-H2/", data=PROPOSAL)
    with app.app_context():
        from webapp.blueprints.cycle.models import Proposal

        proposal = db.session.scalars(select(Proposal)).one()
    school.post(f"{STAFF}proposals/{proposal.id}", data={f"p{proposal.id}-decision": "rejected",
                                                         f"p{proposal.id}-reason": "Заңмен реттелген."})
    school.post(STAFF + "discussion/items/from-proposals")
    school.post(STAFF + "discussion/items/from-proposals")  # twice: still once
    with app.app_context():
        [item] = db.session.scalars(select(ProtocolItem)).all()
        assert "Асхана үшін" in item.heard and "Серікова" not in item.heard
        assert "Заңмен реттелген." in item.decision


@pytest.mark.parametrize("account, status", [("rudny", 200), ("kostanay", 200), ("rudny-6", 404), ("lisakovsk", 404)])
def test_who_reaches_the_discussion_and_the_protocol(app, analysis, as_user, account, status):
    as_user("rudny-7").post(STAFF + "discussion", data=PROTOCOL)
    other = as_user(account)
    assert other.get(STAFF + "discussion").status_code == status
    assert other.get(STAFF + "discussion/protocol?lang=kk").status_code == status
    assert other.post(STAFF + "discussion", data=PROTOCOL).status_code == 404  # only the school writes
    assert other.post(STAFF + "discussion/items", data={"heard": "x", "decision": "y"}).status_code == 404


def test_signed_protocol_scan_is_attached_and_only_those_who_see_the_school_get_it(app, analysis, as_user, client):
    import io

    school = as_user("rudny-7")
    scan = {"file": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "хаттама қолы қойылған.pdf")}
    url = STAFF + "discussion/signed"
    assert school.post(url, data=scan, content_type="multipart/form-data").status_code == 404  # no protocol yet
    school.post(STAFF + "discussion", data=PROTOCOL)
    wrong = school.post(url, data={"file": (io.BytesIO(b"<html>x</html>"), "a.pdf")},
                        content_type="multipart/form-data")
    assert wrong.status_code == 422 and "Тек PDF, PNG, JPEG және DOCX файлдары қабылданады." in text_of(wrong)
    empty = school.post(url, data={}, content_type="multipart/form-data")
    assert empty.status_code == 422 and "Қол қойылған хаттаманың файлын таңдаңыз." in text_of(empty)
    scan = {"file": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "хаттама қолы қойылған.pdf")}
    assert school.post(url, data=scan, content_type="multipart/form-data").status_code == 303
    with app.app_context():
        cycle = db.session.scalars(select(Cycle)).one()
        file_id = cycle.protocol_file_id
        assert cycle.protocol_file.filename == "хаттама қолы қойылған.pdf"
        assert db.session.scalars(select(AuditEvent).filter_by(object_type="cycle_file")).all()
        attached = db.session.scalars(select(AuditEvent).filter_by(object_type="cycle", action="update")).all()
        assert any("protocol_file_id" in e.changes for e in attached)
    # The department reviewing the analysis sees it with the protocol and downloads it; others do not.
    department = as_user("rudny")
    page = text_of(department.get(STAFF + "discussion"))
    assert "Қол қойылған хаттама" in page and "хаттама қолы қойылған.pdf" in page
    assert department.get(f"/schools/rudny-7/files/{file_id}").data == b"%PDF-1.4\n%%EOF\n"
    assert as_user("lisakovsk").get(f"/schools/rudny-7/files/{file_id}").status_code == 404
    assert department.post(url, data={"file": (io.BytesIO(b"%PDF-1.4\n"), "x.pdf")},
                           content_type="multipart/form-data").status_code == 404  # only the school attaches
    assert client.post(url).status_code in (302, 400)  # no account: the login page (or the CSRF refusal)
