"""The certificate's side of the public cycle: the citizens' proposals among its information sources."""

from __future__ import annotations

from sqlalchemy import func, select

from ...extensions import db
from ...reporting.sections import section_by_code
from .models import Cycle, Proposal, ProposalState


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
