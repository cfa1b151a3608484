"""The school as the certificate's own sentences name it: by the kind its legal name gives («мектеп-гимназия» for
rudny-7's «…№7 мектеп-гимназиясы» КММ), as its own texts do; «мектеп» / «школа» when the name says no other kind
(issue 11: 2.7 alone called rudny-7 «Мектеп»)."""

from __future__ import annotations

from .blocks import say

# (Kazakh stem, Russian stem in the legal name) → the school as a sentence's subject and as a place: Kazakh
# nominative, Kazakh locative, Russian nominative, Russian «в …». Most specific first.
KINDS = (("мектеп-гимназия", "школа-гимназия", ("Мектеп-гимназия", "мектеп-гимназияда", "Школа-гимназия",
                                                "в школе-гимназии")),
         ("мектеп-лицей", "школа-лицей", ("Мектеп-лицей", "мектеп-лицейде", "Школа-лицей", "в школе-лицее")),
         ("гимназия", "гимназия", ("Гимназия", "гимназияда", "Гимназия", "в гимназии")),
         ("лицей", "лицей", ("Лицей", "лицейде", "Лицей", "в лицее")))
SCHOOL = ("Мектеп", "мектепте", "Школа", "в школе")


def _forms(span) -> tuple[str, str, str, str]:
    school = next((part.entry.submission.school for part in reversed(span.parts)
                   if part.entry is not None and part.entry.submission is not None), None)
    if school is not None:
        names = " ".join(filter(None, (school.legal_name_kk, school.legal_name_ru, school.name_kk,
                                       school.name_ru))).lower()
        for kk_stem, ru_stem, forms in KINDS:
            if kk_stem in names or ru_stem in names:
                return forms
    return SCHOOL


def school_noun(span, lang: str) -> str:
    """The section's school as a sentence's subject: «Мектеп-гимназия» / «Школа-гимназия», «Мектеп» / «Школа»."""
    forms = _forms(span)
    return say(lang, forms[0], forms[2])


def school_place(span, lang: str) -> str:
    """The section's school as the place of something, lowercase: «мектеп-гимназияда» / «в школе-гимназии»,
    «мектепте» / «в школе»."""
    forms = _forms(span)
    return say(lang, forms[1], forms[3])
