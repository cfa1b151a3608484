"""2.7 in the certificate: whether the school performs control or permit functions, and which."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...certificate.school_kind import school_noun


def certificate(span, lang: str) -> list[Block]:
    performs = span.fact("performs_functions")
    description = (span.fact("functions_description") or "").strip()  # shown as typed
    # The school by its kind («Мектеп-гимназия»), as its own texts name it everywhere else.
    school = school_noun(span, lang)
    if performs == "no":
        # Russian puts the object of a negated verb in the genitive: «не осуществляет контрольных … функций».
        return [Para(say(lang, "{school} бақылау және рұқсат беру функцияларын жүзеге асырмайды.",
                         "{school} не осуществляет контрольных и разрешительных функций.", school=school))]
    if performs == "yes":
        text = say(lang, "{school} бақылау және рұқсат беру функцияларын жүзеге асырады",
                   "{school} осуществляет контрольные и разрешительные функции", school=school)
        return [Para(f"{text}: {description}" if description else f"{text}.")]
    return []
