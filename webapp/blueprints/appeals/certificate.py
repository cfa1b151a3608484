"""2.4 in the certificate: appeals received by channel, and whether they were answered on time.

Timeliness comes from the dated list when the school keeps one (so the figures cannot disagree with the
dates), otherwise from the counts it gave, added up over the span.
"""

from __future__ import annotations

from collections import Counter

from ...certificate.blocks import Block, Para, say
from ...certificate.stated import Names
from ...certificate.wording import ru_plural
from ...i18n import number
from .timeliness import timeliness

# «"е-Өтініш" порталы арқылы 3 өтініш келіп түсті»: how each channel reads before the count.
CHANNELS = {
    "e_otinish": ("«е-Өтініш» порталы арқылы", "через портал «е-Өтініш»"),
    "written": ("жазбаша түрде", "в письменной форме"),
    "in_person": ("жеке қабылдауда", "на личном приёме"),
    "other": ("өзге тәсілмен", "иным способом"),
}


# The words a school's own text names the appeals received with (certificate.stated: not said twice).
APPEALS = Names(kk=("өтініш", "өтінім", "арыз", "шағым"), ru=("обращени", "заявлени", "жалоб"))


def _appeals(n: int, lang: str) -> str:
    return f"{number(n, lang)} {say(lang, 'өтініш', ru_plural(n, 'обращение', 'обращения', 'обращений'))}"


def _received(rows, total: int, lang: str, stated: bool = False) -> str:
    """The appeals received and their channels; `stated`: the school's text already gives the total, so only
    the channels are told."""
    if total == 0:
        return say(lang, "Талданатын кезеңде өтініштер келіп түскен жоқ.",
                   "В анализируемом периоде обращений не поступало.")
    channels = Counter(row.channel for row in rows)
    if stated:
        if not channels:
            return ""
        if len(channels) == 1:
            kk, ru = CHANNELS.get(next(iter(channels)), CHANNELS["other"])
            return say(lang, "Өтініштер {channel} келіп түсті.", "Обращения поступили {channel}.",
                       channel=kk if lang == "kk" else ru)
    if len(channels) == 1:
        (channel, _count), = channels.items()
        kk, ru = CHANNELS.get(channel, CHANNELS["other"])
        return say(lang, "Талданатын кезеңде {channel} {appeals} келіп түсті.",
                   "В анализируемом периоде {channel} поступило {appeals}.",
                   channel=kk if lang == "kk" else ru, appeals=_appeals(total, lang))
    if channels:
        ordered = [c for c in CHANNELS if c in channels] + [c for c in channels if c not in CHANNELS]
        by_channel = ", ".join(f"{say(lang, *CHANNELS.get(c, CHANNELS['other']))} – {number(channels[c], lang)}"
                               for c in ordered)
        if stated:
            return say(lang, "Өтініштер келіп түскен арналар: {list}.", "Каналы поступления обращений: {list}.",
                       list=by_channel)
        return say(lang, "Талданатын кезеңде {appeals} келіп түсті: {list}.",
                   "В анализируемом периоде поступило {appeals}: {list}.",
                   appeals=_appeals(total, lang), list=by_channel)
    return say(lang, "Талданатын кезеңде {appeals} келіп түсті.", "В анализируемом периоде поступило {appeals}.",
               appeals=_appeals(total, lang))


def _on_time(received: int, on_time: int | None, overdue: int | None, unanswered: int | None, lang: str) -> str:
    if not received or (on_time is None and overdue is None):
        return ""
    if on_time == received:
        return say(lang, "Әрбір өтініш мерзімінде орындалды.", "Каждое обращение рассмотрено в срок.")
    parts = []
    if on_time is not None:
        parts.append(say(lang, "мерзімінде қаралғаны – {n}", "рассмотрено в срок – {n}", n=number(on_time, lang)))
    if overdue is not None:
        parts.append(say(lang, "мерзімі бұзылып қаралғаны – {n}", "рассмотрено с нарушением срока – {n}",
                         n=number(overdue, lang)))
    if unanswered:
        parts.append(say(lang, "әлі қаралмағаны – {n}", "ещё не рассмотрено – {n}", n=number(unanswered, lang)))
    text = ", ".join(parts)
    return f"{text[0].upper()}{text[1:]}."


def certificate(span, lang: str) -> list[Block]:
    rows = span.rows.get("appeals", [])
    if rows:
        t = timeliness(rows)
        received, on_time, overdue, unanswered = t.received, t.on_time, t.overdue, t.unanswered
    else:
        received = span.fact("received_count")
        if received is None:
            return []
        on_time, overdue = span.fact("answered_on_time_count"), span.fact("overdue_count")
        unanswered = None
    stated = span.stated(received, APPEALS, lang)
    text = " ".join(t for t in (_received(rows, received, lang, stated), _applicants(span, lang),
                                _on_time(received, on_time, overdue, unanswered, lang)) if t)
    return [Para(text)] if text else []


APPLICANTS = (("from_individuals", "жеке тұлғалардан", "от физических лиц"),
              ("from_legal_entities", "заңды тұлғалардан", "от юридических лиц"),
              ("anonymous", "анонимді", "анонимных"))


def _applicants(span, lang: str) -> str:
    """«Оның ішінде: жеке тұлғалардан – 3, заңды тұлғалардан – 35.»: as given, even when it does not add up
    (the section's warning asks the school to explain that). A kind with none is left out: the certificate never
    prints «– 0» (issue 11)."""
    parts = [f"{say(lang, kk, ru)} – {number(span.fact(name), lang)}" for name, kk, ru in APPLICANTS
             if span.fact(name)]
    if not parts:
        return ""
    return say(lang, "Оның ішінде: {list}.", "Из них: {list}.", list=", ".join(parts))
