"""The certificate's side of the public cycle: the citizens' proposals among its information sources, and the
head's approval (order №, date) in the «БЕКІТЕМІН / УТВЕРЖДАЮ» block once the cycle records it.

`certificate_parts` is the one hook the certificate package calls (webapp/certificate/assemble.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from ...certificate.wording import counted, kk_share, quoted, ru_plural
from ...extensions import db
from ...i18n import number
from ...reporting.sections import section_by_code
from .models import Cycle, Proposal, ProposalState


def certificate_parts(school_id: int, period_ids: list[int], lang: str) -> dict:
    """What the cycle adds to the certificate of the span: {"sources": [the proposals' sentence, if any],
    "approval": dict or None} (two queries)."""
    return {"sources": proposal_sources(school_id, period_ids, lang),
            "approval": approval(school_id, period_ids)}


def approval(school_id: int, period_ids: list[int]) -> dict | None:
    """The head's approval of the span's last half-year (`period_ids` oldest first) as the certificate's approval
    block reads it: {"position", "name", "date", "order_number"}; None while that half-year is not approved. An
    order approving 2025-H2's certificate does not approve one that goes on into 2026-H1 (issue 11: the school
    year's certificate stood «approved» on 19 December 2025, before half of what it covers)."""
    cycle = db.session.scalar(
        select(Cycle).where(Cycle.school_id == school_id, Cycle.period_id == period_ids[-1],
                            Cycle.approval_order_number.is_not(None), Cycle.approval_order_date.is_not(None)))
    if cycle is None:
        return None
    return {"position": cycle.approver_position or "", "name": cycle.approver_name or "",
            "date": cycle.approval_order_date, "order_number": cycle.approval_order_number}


def proposal_sources(school_id: int, period_ids: list[int], lang: str) -> list[str]:
    """The sentence that follows the list of information sources (clause 15, item 8 of the Typical Rules: appeals
    of individuals) when citizens sent proposals on the announcement of the span's half-years: how many came, how
    many were taken into the analysis and in which sections. Spam is not counted. One query.

    Returns [] when no proposal came, else one sentence in `lang` ("kk" or "ru"), counts agreeing with their
    nouns: «… азаматтардан 2 ұсыныс түсті, оның 1-і «Кадр саясаты» бөлімінде ескерілді.» / «… от граждан
    поступило 2 предложения, из них 1 учтено в разделе «Кадровая политика».». A sentence, not the «label: 2,
    of them taken into account – 1» line it was (issue 11: sentences, not label – value lists; a zero is a
    negative sentence).
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
    titles = ", ".join(quoted(str(section_by_code(code).title)) for code in codes if section_by_code(code))
    several = len(codes) > 1
    if lang == "kk":
        where = f"{titles} {'бөлімдерінде' if several else 'бөлімінде'}" if titles else "талдауда"
        if not accepted:
            taken = "ол талдауда ескерілмеді" if total == 1 else "олардың ешқайсысы талдауда ескерілмеді"
        elif accepted == total:
            taken = f"{'ол' if total == 1 else 'барлығы'} {where} ескерілді"
        else:
            taken = f"оның {kk_share(accepted)} {where} ескерілді"
        return [f"Ішкі талдау туралы хабарландыруға азаматтардан {counted(total, 'kk', 'ұсыныс', ())} түсті, "
                f"{taken}."]
    where = f"{'в разделах' if several else 'в разделе'} {titles}" if titles else "в анализе"
    if not accepted:
        taken = "оно не учтено в анализе" if total == 1 else "ни одно из них не учтено в анализе"
    elif accepted == total:
        taken = f"оно учтено {where}" if total == 1 else f"все учтены {where}"
    else:
        taken = f"из них {number(accepted, 'ru')} {ru_plural(accepted, 'учтено', 'учтены', 'учтено')} {where}"
    return [f"На объявление о проведении внутреннего анализа от граждан поступило "
            f"{counted(total, 'ru', '', ('предложение', 'предложения', 'предложений'))}, {taken}."]
