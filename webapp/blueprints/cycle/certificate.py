"""The certificate's side of the public cycle: the citizens' proposals among its information sources, and the
head's approval (order №, date) in the «БЕКІТЕМІН / УТВЕРЖДАЮ» block once the cycle records it.

`certificate_parts` is the one hook the certificate package calls (webapp/certificate/assemble.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from ...extensions import db
from ...models import Period
from ...reporting.sections import section_by_code
from .models import Cycle, Proposal, ProposalState


def certificate_parts(school_id: int, period_ids: list[int], lang: str) -> dict:
    """What the cycle adds to the certificate of the span: {"sources": [lines], "approval": dict or None}
    (two queries)."""
    return {"sources": proposal_sources(school_id, period_ids, lang),
            "approval": approval(school_id, period_ids)}


def approval(school_id: int, period_ids: list[int]) -> dict | None:
    """The head's approval of the span's latest approved half-year as the certificate's approval block reads
    it: {"position", "name", "date", "order_number"}; None while no half-year of the span is approved."""
    cycle = db.session.scalar(
        select(Cycle).join(Period, Cycle.period_id == Period.id)
        .where(Cycle.school_id == school_id, Cycle.period_id.in_(period_ids),
               Cycle.approval_order_number.is_not(None), Cycle.approval_order_date.is_not(None))
        .order_by(Period.year.desc(), Period.half.desc()).limit(1))
    if cycle is None:
        return None
    return {"position": cycle.approver_position or "", "name": cycle.approver_name or "",
            "date": cycle.approval_order_date, "order_number": cycle.approval_order_number}


def proposal_sources(school_id: int, period_ids: list[int], lang: str) -> list[str]:
    """One line for the list of information sources (clause 15, item 8 of the Typical Rules: appeals of
    individuals) when citizens sent proposals on the announcement of the span's half-years: how many, how
    many were taken into the analysis and into which sections. Spam is not counted. One query.

    Returns [] when no proposal came. The text is in `lang` ("kk" or "ru"), ending with ";" like the others.
    """
    rows = db.session.execute(
        select(Proposal.state, Proposal.section, func.count())
        .join(Cycle, Proposal.cycle_id == Cycle.id)
        .where(Cycle.school_id == school_id, Cycle.period_id.in_(period_ids), Proposal.state != ProposalState.SPAM)
        .group_by(Proposal.state, Proposal.section)
    ).all()
    total = sum(count for _state, _section, count in rows)
    if not total:
        return []
    accepted = sum(count for state, _section, count in rows if state is ProposalState.ACCEPTED)
    codes = sorted({section for state, section, _count in rows if state is ProposalState.ACCEPTED and section})
    titles = [str(section_by_code(code).title).lower() for code in codes if section_by_code(code)]
    into = f" ({', '.join(titles)})" if titles else ""
    if lang == "kk":
        return [f"ішкі талдау туралы хабарландыруға азаматтардан түскен ұсыныстар: {total}, оның ішінде талдауда "
                f"ескерілгені – {accepted}{into};"]
    return [f"предложения граждан, поступившие на объявление о проведении внутреннего анализа: {total}, из них "
            f"учтено в анализе – {accepted}{into};"]
