"""2.6 in the certificate: each monitoring event with its date, who held it, its result and its finding."""

from __future__ import annotations

import re

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import series, trim_end
from ...i18n import short_date

FINDINGS = {False: ("бұзушылықтар анықталған жоқ", "нарушений не выявлено"),
            True: ("бұзушылықтар анықталды", "выявлены нарушения")}


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def event_line(row, lang: str) -> str:
    """«13.05.2024 – Асхананы қоғамдық мониторинг (бірлесіп …); бұзушылықтар анықталған жоқ»."""
    phrases = FINDINGS[bool(row.violations_found)]
    finding = say(lang, *phrases)
    line = f"{short_date(row.held_on)} – {trim_end(row.kind)}" if row.held_on else trim_end(row.kind)
    if trim_end(row.held_by):
        line += f" ({trim_end(row.held_by)})"
    result = trim_end(row.result)
    # A result that only says what the finding already says (in either language) is not printed twice.
    if result and _plain(result) not in {_plain(p) for p in phrases}:
        line += f": {result}"
    return f"{line}; {finding}"


def certificate(span, lang: str) -> list[Block]:
    events = span.rows.get("events", [])
    if not events:
        return []
    return ([Para(say(lang, "Өткізілген мониторинг іс-шаралары:", "Проведённые мониторинговые мероприятия:"))]
            + series([event_line(row, lang) for row in events]))
