"""Personal names reduced to initials for the public versions of the documents.

«Жұмабаев Ерлан Серікұлы» → «Ж. Е. С.», «Иванова-Петрова Анна Сергеевна» → «И.-П. А. С.», «Ахметов Н.» →
«А. Н.». Kazakh patronymics written as two words («Серік ұлы», «Болат қызы») give one initial.
"""

from __future__ import annotations

import re

# The closing word of a two-word Kazakh patronymic carries no initial of its own.
PATRONYMIC_WORDS = {"ұлы", "улы", "қызы", "кызы", "uly", "kyzy", "оглы", "кизи"}
_CAP = "[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]"
_LOW = "[a-zа-яёәғқңөұүһі]"
_WORD = rf"{_CAP}{_LOW}+(?:-{_CAP}{_LOW}+)?"  # a capitalised word, or two joined by a hyphen (double surname)
_END = r"(?![\w-])"
# Russian patronymics also in their other cases («Маратовичу», «Сергеевной»): free text declines names.
_PATRONYMIC = (rf"{_CAP}{_LOW}+(?:(?:ович|евич|ьич)(?:а|у|ем|е)?|(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой)"
               rf"|ұлы|улы|қызы|кызы|uly|kyzy){_END}"
               rf"|{_CAP}{_LOW}+\s+(?:ұлы|улы|қызы|кызы){_END}")  # «Серікұлы», «Болат қызы»
# What surnames end with, to tell «Подписал А.С. Иванова» (initials, then the surname) from «Иванова А.С.»
# (the surname, then initials) when a capitalised word stands on both sides of the initials.
_SURNAME = (rf"(?:{_CAP}{_LOW}+-)?{_CAP}{_LOW}*(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ко"
            rf"|ук|юк|ых|их|ян|бай|бек|бекова|баев|баева|ұлы|улы|қызы|кызы){_END}")
_INITIAL = rf"{_CAP}\."
_INITIALS = rf"(?>{_INITIAL}(?:\s?{_INITIAL})?)(?!\w)"  # atomic: «А.С.» is never cut back to «А.»
_PERSON = (rf"{_WORD}\s+{_WORD}\s+(?:{_PATRONYMIC})"  # Surname Name Patronymic
           rf"|{_SURNAME}\s+{_INITIALS}"  # Surname I.I.
           rf"|{_WORD}\s+{_INITIALS}(?!\s+{_SURNAME})"  # Word I.I., unless a surname follows
           rf"|{_INITIAL}\s?{_INITIAL}\s+{_WORD}{_END}")  # I.I. Surname
# A school's namesake written «Б.Майлин» (no space, one initial) or «Ы. Алтынсарин» (one initial) is left alone.
# A sentence's full stop right after a name is taken along, so «… Сергеевна.» gives «… А. С.», not «А. С..».
PERSON_IN_TEXT = re.compile(rf"(?<![\w-])(?:{_PERSON})(?P<stop>\.)?")


def initials(name: str | None) -> str:
    """A person's name as initials only: one capital and a dot per part, a double surname keeping its hyphen.

    Input: a name in any order, with or without patronymic, possibly already shortened («Иванов И.И.»).
    Output: «И. И. И.»; an empty or blank name gives "".
    """
    words = [w for w in re.split(r"[\s.]+", (name or "").strip()) if w]
    parts = []
    for word in words:
        if word.lower() in PATRONYMIC_WORDS and parts:
            continue
        pieces = [p for p in word.split("-") if p]
        if not pieces:
            continue
        parts.append("-".join(f"{p[0].upper()}." for p in pieces))
    return " ".join(parts)


def name_variants(name: str) -> set[str]:
    """The ways a name typed once is written again in free text: as typed, without its final dot, surname and
    first name only, surname with initials (with and without dots and spaces), initials before the surname.

    Input: «Ғабдуллин Тимур Маратович» → {«Ғабдуллин Тимур Маратович», «Ғабдуллин Тимур», «Ғабдуллин Т.М.»,
    «Ғабдуллин Т. М.», «Ғабдуллин Т.М», «Ғабдуллин Т.», «Т.М. Ғабдуллин», «Т. М. Ғабдуллин», …}.
    """
    name = " ".join(name.split())
    variants = {name, name.rstrip(".")}
    words = [w for w in re.split(r"[\s.]+", name) if w]
    if len(words) >= 2 and len(words[0]) > 1:
        surname, given = words[0], [w for w in words[1:] if w.lower() not in PATRONYMIC_WORDS]
        letters = [w[0] for w in given]
        if len(given[0]) > 1:
            variants.add(f"{surname} {given[0]}")
        for joined in ("", " "):
            dotted = joined.join(f"{letter}." for letter in letters)
            variants |= {f"{surname} {dotted}", f"{surname} {dotted[:-1]}", f"{dotted} {surname}"}
        variants.add(f"{surname} {letters[0]}.")
    return {v for v in variants if v}


def reduce_names(text: str | None, known: dict[str, str] | None = None) -> str:
    """`text` with every known full name replaced (longest first) and any other full name with a
    patronymic, or surname with initials, reduced to initials, in one pass: what one replacement wrote is
    never read again («Директор Ж. Е. С.» stays so).

    `known` maps a name as typed in the analysis to its public form (initials, or a neutral word for a
    disciplined employee, whose name is never published).
    """
    if not text:
        return text or ""
    # Each known name in every way it may be written again, matched whatever the letter case («ҒАБДУЛЛИН Т.М.»).
    names = {}
    for name, written in (known or {}).items():
        if name and name.strip():
            for variant in name_variants(name):
                names[variant.casefold()] = written  # later entries (disciplined employees) win
    pattern = PERSON_IN_TEXT
    if names:
        typed = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:(?i:(?P<known>{typed}))(?![\w-])|{_PERSON})(?P<stop>\.)?")

    def public(match: re.Match) -> str:
        if names and match.group("known"):
            written = names[match.group("known").casefold()]
        else:
            written = initials(match.group(0).removesuffix(match.group("stop") or ""))
        stop = match.group("stop") or ""
        return written if written.endswith(".") and stop else written + stop

    return pattern.sub(public, text)
