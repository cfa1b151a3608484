"""The audit log is tamper-evident (a hash chain checked by `flask audit verify`) and records failed logins and
every download of a certificate, zip or export: who, what, when."""

from __future__ import annotations

from sqlalchemy import text
from support import app_config, login

from webapp import create_app
from webapp.audit import verify_chain
from webapp.extensions import db
from webapp.models import AuditEvent


def events(app, action: str) -> list[AuditEvent]:
    with app.app_context():
        return db.session.scalars(db.select(AuditEvent).filter_by(action=action).order_by(AuditEvent.id)).all()


def verify(app) -> tuple[int, str | None]:
    with app.app_context():
        return verify_chain(db.session)


def test_every_event_is_chained_and_the_chain_verifies(app, as_user):
    as_user("rudny-7").post("/logout")  # a few more events through requests
    checked, problem = verify(app)
    assert problem is None
    with app.app_context():
        assert checked == db.session.scalar(db.select(db.func.count(AuditEvent.id))) > 50
        assert db.session.scalar(db.select(db.func.count()).where(AuditEvent.seq.is_(None))) == 0
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 0 and f"{checked} events" in result.output


def tampered(app, statement: str) -> tuple[str, int]:
    with app.app_context():
        victim = db.session.scalar(db.select(AuditEvent).filter_by(action="create").order_by(AuditEvent.id)
                                   .offset(10).limit(1))
        where, seq = f"audit event id {victim.id}", victim.seq
        db.session.execute(text(statement), {"id": victim.id})
        db.session.commit()
        return where, seq


def test_an_edited_event_is_named_as_the_first_broken_link(app):
    where, seq = tampered(app, "UPDATE audit_event SET actor = 'someone-else' WHERE id = :id")
    checked, problem = verify(app)
    assert checked == seq - 1 and problem.startswith(where) and "content was changed" in problem
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and where in result.output


def test_a_deleted_event_is_found(app):
    where, seq = tampered(app, "DELETE FROM audit_event WHERE id = :id")
    checked, problem = verify(app)
    assert checked == seq - 1 and f"(seq {seq + 1})" in problem and "deleted" in problem


def test_events_deleted_from_the_end_are_found(app):
    with app.app_context():
        db.session.execute(text("DELETE FROM audit_event WHERE id = (SELECT MAX(id) FROM audit_event)"))
        db.session.commit()
    assert "deleted from the end" in verify(app)[1]


def test_a_rewritten_chain_with_recomputed_hashes_still_breaks_at_the_head(app):
    """Editing an event and recomputing its own hash breaks the link of the next event."""
    with app.app_context():
        from webapp.audit import HASHED_FIELDS, event_hash

        victim = db.session.scalar(db.select(AuditEvent).order_by(AuditEvent.seq).offset(5).limit(1))
        fields = {name: getattr(victim, name) for name in HASHED_FIELDS} | {"actor": "someone-else"}
        db.session.execute(text("UPDATE audit_event SET actor = 'someone-else', hash = :hash WHERE id = :id"),
                           {"hash": event_hash(victim.seq, victim.prev_hash, fields), "id": victim.id})
        db.session.commit()
        seq = victim.seq
    checked, problem = verify(app)
    assert checked == seq and "previous hash differs" in problem


def test_failed_logins_are_recorded_with_the_username_and_address(app, client):
    login(client, "rudny-7", "wrong password")
    client.post("/login", data={"username": "Kt7#pass-word!", "password": "x"},
                environ_base={"REMOTE_ADDR": "192.0.2.5"})  # a password typed into the username box
    known, unknown = events(app, "login_failed")
    assert (known.object_label, known.object_id, known.actor) == ("rudny-7", str(known.object_id), "system")
    assert known.object_id is not None
    assert (unknown.object_label, unknown.object_id, unknown.changes) == \
           ("kt… (14)", None, {"address": [None, "192.0.2.5"]})  # no account has it: only its start is kept
    assert verify(app)[1] is None


def test_downloads_are_recorded_who_what_when(app, as_user):
    department = as_user("rudny")
    assert department.get("/units/rudny/dashboard/compare.csv?period=2025-H1").status_code == 200
    assert department.get("/units/rudny/dashboard/completeness.xlsx?period=2025-H1").status_code == 200
    assert department.get("/schools/rudny-7/certificate/?to=2025-H1&format=docx").status_code == 200
    downloads = events(app, "download")
    assert [(e.actor, e.object_label) for e in downloads] == [
        ("rudny", "rudny_2025-H1_comparison_rfc4180.csv"), ("rudny", "rudny_2025-H1_completeness.xlsx"),
        ("rudny", downloads[2].changes["file"][1])]  # zips: tests/test_jobs.py
    assert downloads[2].changes["file"][1].endswith(".docx") and downloads[2].org_unit_id is not None
    assert all(e.at is not None for e in downloads)
    assert verify(app)[1] is None


def test_verifying_a_database_without_an_audit_log_says_so_without_a_traceback(tmp_path):
    empty = create_app(app_config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.sqlite'}"),
                       instance_path=str(tmp_path / "instance"))
    result = empty.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 2 and "No audit log in this database" in result.output
    assert "Traceback" not in result.output
