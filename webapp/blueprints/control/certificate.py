"""2.7 in the certificate: whether the school performs control or permit functions, and which."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say


def certificate(span, lang: str) -> list[Block]:
    performs = span.fact("performs_functions")
    description = (span.fact("functions_description") or "").strip()  # shown as typed
    if performs == "no":
        return [Para(say(lang, "Мектеп бақылау және рұқсат беру функцияларын жүзеге асырмайды.",
                         "Школа не осуществляет контрольные и разрешительные функции."))]
    if performs == "yes":
        text = say(lang, "Мектеп бақылау және рұқсат беру функцияларын жүзеге асырады",
                   "Школа осуществляет контрольные и разрешительные функции")
        return [Para(f"{text}: {description}" if description else f"{text}.")]
    return []
