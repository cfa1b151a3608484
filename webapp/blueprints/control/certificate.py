"""2.7 in the certificate: whether the school performs control or permit functions, and which."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say

# The kinds of school a legal name may say, most specific first: (Kazakh stem, Russian stem, as the sentence's
# subject in Kazakh and in Russian). A school-gymnasium is «мектеп-гимназия» throughout its own texts.
KINDS = (("мектеп-гимназия", "школа-гимназия", "Мектеп-гимназия", "Школа-гимназия"),
         ("мектеп-лицей", "школа-лицей", "Мектеп-лицей", "Школа-лицей"),
         ("гимназия", "гимназия", "Гимназия", "Гимназия"),
         ("лицей", "лицей", "Лицей", "Лицей"))


def school_noun(span, lang: str) -> str:
    """The school as the subject of a sentence, by the kind its legal name gives («Мектеп-гимназия» /
    «Школа-гимназия» for rudny-7's «…№7 мектеп-гимназиясы» КММ); «Мектеп» / «Школа» when the name says no other
    kind or the section's school is not known. Issue 11: 2.7 alone called rudny-7 «Мектеп»."""
    school = next((part.entry.submission.school for part in reversed(span.parts)
                   if part.entry is not None and part.entry.submission is not None), None)
    if school is not None:
        names = " ".join(filter(None, (school.legal_name_kk, school.legal_name_ru, school.name_kk,
                                       school.name_ru))).lower()
        for kk_stem, ru_stem, kk, ru in KINDS:
            if kk_stem in names or ru_stem in names:
                return say(lang, kk, ru)
    return say(lang, "Мектеп", "Школа")


def certificate(span, lang: str) -> list[Block]:
    performs = span.fact("performs_functions")
    description = (span.fact("functions_description") or "").strip()  # shown as typed
    if performs == "no":
        # Russian puts the object of a negated verb in the genitive: «не осуществляет контрольных … функций».
        return [Para(say(lang, "{school} бақылау және рұқсат беру функцияларын жүзеге асырмайды.",
                         "{school} не осуществляет контрольных и разрешительных функций.",
                         school=school_noun(span, lang)))]
    if performs == "yes":
        text = say(lang, "{school} бақылау және рұқсат беру функцияларын жүзеге асырады",
                   "{school} осуществляет контрольные и разрешительные функции", school=school_noun(span, lang))
        return [Para(f"{text}: {description}" if description else f"{text}.")]
    return []
