"""2.11 in the certificate: each dealing with law enforcement bodies, NGOs and citizens, and its result."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import series, trim_end
from ...i18n import short_date


def interaction_line(row, lang: str) -> str:
    line = f"{short_date(row.held_on)} – {trim_end(row.body)}" if row.held_on else trim_end(row.body)
    subject, result = trim_end(row.subject), trim_end(row.result)
    if subject:
        line += f": {subject}"
    if result:
        line += say(lang, "; нәтижесі – {r}", "; результат – {r}", r=result)
    return line


def certificate(span, lang: str) -> list[Block]:
    rows = span.rows.get("interactions", [])
    if not rows:
        return [Para(say(lang, "Талданатын кезеңде құқық қорғау органдарымен, үкіметтік емес ұйымдармен және "
                               "азаматтармен өзара іс-қимыл болған жоқ.",
                         "В анализируемом периоде взаимодействия с правоохранительными органами, "
                         "неправительственными организациями и гражданами не было."))]
    return ([Para(say(lang, "Құқық қорғау органдарымен, үкіметтік емес ұйымдармен және азаматтармен өзара іс-қимыл:",
                      "Взаимодействие с правоохранительными органами, неправительственными организациями и "
                      "гражданами:"))]
            + series([interaction_line(row, lang) for row in rows]))
