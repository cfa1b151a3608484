"""The public versions of the documents: the certificate (draft for discussion, or published) with every
person's name reduced to initials and disciplined employees not named at all.

The certificate is assembled as for the school (webapp/certificate) and then walked once: names the school
typed as names (working group, disciplined employees, signatory, approver, head) are replaced wherever they
appear, and any other full name with a patronymic or surname with initials in free text is reduced too.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from ...certificate.assemble import Certificate, assemble
from ...certificate.blocks import Heading, NumberedList, Para, Table
from ...extensions import db
from ...models import OrgUnit, Period
from ...reporting.fields import TRANSLATION_SUFFIX
from ...reporting.models import SectionEntry, Submission
from ..general.models import WorkingGroupMember
from ..personnel.models import DisciplinaryAction
from .names import initials, reduce_names

EMPLOYEE = {"kk": "қызметкер", "ru": "работник"}


def known_names(school: OrgUnit, periods: list[Period], lang: str) -> dict[str, str]:
    """Names as typed in the span's analyses → their public form (three queries)."""
    ids = select(Submission.id).where(Submission.school_id == school.id,
                                      Submission.period_id.in_([p.id for p in periods]))
    names: dict[str, str] = {}
    people = [school.head_name]
    for name, translations in db.session.execute(
            select(WorkingGroupMember.name, WorkingGroupMember.translations)
            .where(WorkingGroupMember.submission_id.in_(ids))):
        people += [name, (translations or {}).get("name")]
    for facts in db.session.scalars(select(SectionEntry.facts).where(SectionEntry.submission_id.in_(ids),
                                                                     SectionEntry.section == "general")):
        facts = facts or {}
        people += [facts.get(f"{field}{suffix}") for field in ("signatory_name", "approver_name")
                   for suffix in ("", TRANSLATION_SUFFIX)]
    for person in people:
        if isinstance(person, str) and person.strip():
            names[person.strip()] = initials(person)
    # A disciplined employee is never named, not even by initials, in either language's version of the name.
    disciplined = select(DisciplinaryAction.person, DisciplinaryAction.translations) \
        .where(DisciplinaryAction.submission_id.in_(ids))
    for person, translations in db.session.execute(disciplined):
        for name in (person, (translations or {}).get("person")):
            if isinstance(name, str) and name.strip():
                names[name.strip()] = EMPLOYEE[lang]
    return names


def redact(certificate: Certificate, names: dict[str, str]) -> Certificate:
    """A copy of `certificate` with names reduced in every text it prints."""
    def text(value):
        return reduce_names(value, names) if isinstance(value, str) else value

    blocks = []
    for block in certificate.blocks:
        if isinstance(block, Para):
            blocks.append(Para(text(block.text), label=text(block.label)))
        elif isinstance(block, Table):
            blocks.append(Table([text(h) for h in block.headers], [[text(c) for c in row] for row in block.rows],
                                caption=text(block.caption), widths=block.widths))
        elif isinstance(block, NumberedList):
            blocks.append(NumberedList([text(item) for item in block.items]))
        elif isinstance(block, Heading):
            blocks.append(Heading(text(block.text), block.level))
        else:
            blocks.append(block)
    appendix = certificate.appendix
    if appendix is not None:
        appendix = Table(appendix.headers, [[text(c) for c in row] for row in appendix.rows],
                         caption=appendix.caption, widths=appendix.widths)
    # The approver is always a person: initials whatever form the name was typed in.
    approval = certificate.approval
    if approval and isinstance(approval.get("name"), str):
        approval = dict(approval, name=initials(approval["name"]))
    return dataclasses.replace(certificate, blocks=blocks, appendix=appendix, approval=approval,
                               signature=(certificate.signature[0], text(certificate.signature[1])))


def public_certificate(school: OrgUnit, period: Period, lang: str) -> Certificate:
    """The half-year's certificate as the public may read it."""
    return redact(assemble(school, [period], lang), known_names(school, [period], lang))


def published_certificate(cycle, lang: str) -> Certificate:
    """The published certificate: the public version, with the head's approval recorded in the cycle (the
    certificate carries it once the cycle is approved)."""
    return public_certificate(cycle.school, cycle.period, lang)
