"""2.6 in the certificate: each monitoring event with its date, who held it, its result and its finding."""

from __future__ import annotations

import re

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import lower_first, ru_past, sentence, trim_end
from ...i18n import short_date

FINDINGS = {False: ("бұзушылықтар анықталған жоқ", "нарушений не выявлено"),
            True: ("бұзушылықтар анықталды", "выявлены нарушения")}


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def event_sentence(row, lang: str) -> str:
    """The seed's way of telling an event: «13.05.2024ж. қалалық білім бөлімінің бас маманымен бірлесіп
    мектеп-гимназия асханасына қоғамдық мониторинг жүргізілді, бұзушылықтар анықталған жоқ.» /
    «13.05.2024 совместно с … проведён общественный мониторинг столовой, нарушений не выявлено.»"""
    phrases = FINDINGS[bool(row.violations_found)]
    kind, held_by = lower_first(trim_end(row.kind)), lower_first(trim_end(row.held_by))
    if lang == "kk":
        parts = [f"{short_date(row.held_on)}ж." if row.held_on else "", held_by, kind, "жүргізілді"]
    else:
        verb = ru_past(kind, "проведён", "проведена", "проведено")
        parts = [short_date(row.held_on) if row.held_on else "", held_by, verb, kind]
    text = " ".join(p for p in parts if p)
    result = trim_end(row.result)
    # A result that only says what the finding already says (in either language) is not printed twice.
    if result and _plain(result) not in {_plain(p) for p in phrases}:
        text += say(lang, ", нәтижесі: {r}", ", результат: {r}", r=lower_first(result))
    text = f"{text}, {say(lang, *phrases)}"
    return sentence(text[:1].upper() + text[1:])


def certificate(span, lang: str) -> list[Block]:
    events = span.rows.get("events", [])
    if not events:
        return [Para(say(lang, "Талданатын кезеңде мониторинг іс-шаралары өткізілген жоқ.",
                         "В анализируемом периоде мониторинговые мероприятия не проводились."))]
    return [Para(event_sentence(row, lang)) for row in events]
