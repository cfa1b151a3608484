"""Accepted certificates rendered once: a city's 37 PDFs cost ~40 s to render and a fraction of a second to read.

`lookup` finds a kept PDF/DOCX of a school's span; `keep` stores one after rendering (only when the whole span
is accepted, so a draft is never kept); `forget_changed` (a session hook) deletes a school's kept renders in the
same flush as any write that could change what its certificate shows: its submissions, their sections and rows
(reopen, return, any edit), the school or a unit above it (names, parent body) and their certificate texts,
any half-year, and any other row that says which school's certificate it feeds (`certificate_school_id`:
the public cycle's approval and citizens' proposals). Renders made by older certificate code are ignored
through `VERSION`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import delete, event, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..extensions import db
from ..models import OrgUnit, Period
from .models import CertificateRender, CertificateText

KEPT_KINDS = ("pdf", "docx")


def _code_version() -> str:
    """A digest of the code and templates a certificate is rendered with: a deploy that changes them starts
    afresh instead of serving renders of the old layout."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*root.glob("*.py"), *(root.parent / "templates" / "certificates").glob("*")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


VERSION = _code_version()


def _key(school: OrgUnit, span: list[Period], lang: str, kind: str):
    return (CertificateRender.school_id == school.id, CertificateRender.first_period_id == span[0].id,
            CertificateRender.last_period_id == span[-1].id, CertificateRender.lang == lang,
            CertificateRender.kind == kind)


def lookup(school: OrgUnit, span: list[Period], lang: str, kind: str) -> tuple[str, bytes] | None:
    """(file name, content) of the kept render of this certificate, or None (one query)."""
    if kind not in KEPT_KINDS:
        return None
    row = db.session.execute(
        select(CertificateRender.file_name, CertificateRender.content)
        .where(*_key(school, span, lang, kind), CertificateRender.version == VERSION)
    ).first()
    return (row.file_name, row.content) if row else None


def keep(school: OrgUnit, span: list[Period], lang: str, kind: str, file_name: str, content: bytes) -> None:
    """Store a rendered accepted certificate (replacing one of older code) and commit it; a render stored at
    the same moment by another worker wins quietly."""
    if kind not in KEPT_KINDS:
        return
    db.session.execute(delete(CertificateRender).where(*_key(school, span, lang, kind)))
    db.session.add(CertificateRender(school_id=school.id, first_period_id=span[0].id, last_period_id=span[-1].id,
                                     lang=lang, kind=kind, version=VERSION, file_name=file_name, content=content))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()


@event.listens_for(Session, "after_flush")
def forget_changed(session: Session, flush_context) -> None:
    """Drop the kept renders whose certificate a write in this flush may change (same transaction)."""
    from ..reporting.models import Submission

    changed = [*session.new, *session.dirty, *session.deleted]
    if not changed:
        return
    submission_ids, unit_ids, school_ids, every = set(), set(), set(), False
    for obj in changed:
        if isinstance(obj, CertificateRender):
            continue
        if isinstance(obj, Submission):
            submission_ids.add(obj.id)
        elif isinstance(obj, OrgUnit):
            unit_ids.add(obj.id)
        elif isinstance(obj, CertificateText):
            unit_ids.add(obj.org_unit_id)
        elif isinstance(obj, Period):
            every = True
        elif getattr(obj, "certificate_school_id", None) is not None:
            school_ids.add(obj.certificate_school_id)
        elif getattr(obj, "submission_id", None) is not None and getattr(obj, "__audited__", False):
            submission_ids.add(obj.submission_id)  # a section entry or any section's row
    if not (submission_ids or unit_ids or school_ids or every):
        return
    connection = session.connection()
    if every:
        connection.execute(delete(CertificateRender))
        return
    if submission_ids:
        schools = select(Submission.school_id).where(Submission.id.in_(submission_ids))
        connection.execute(delete(CertificateRender).where(CertificateRender.school_id.in_(schools)))
    if school_ids:
        connection.execute(delete(CertificateRender).where(CertificateRender.school_id.in_(school_ids)))
    if unit_ids:
        paths = connection.execute(select(OrgUnit.path).where(OrgUnit.id.in_(unit_ids))).scalars().all()
        if paths:
            below = select(OrgUnit.id).where(or_(*(OrgUnit.path.startswith(p) for p in paths)))
            connection.execute(delete(CertificateRender).where(CertificateRender.school_id.in_(below)))
