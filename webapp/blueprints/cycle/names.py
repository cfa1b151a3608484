"""Personal names reduced to initials for the public versions of the documents.

«Жұмабаев Ерлан Серікұлы» → «Ж. Е. С.», «Иванова-Петрова Анна Сергеевна» → «И.-П. А. С.», «Ахметов Н.» →
«А. Н.». Kazakh patronymics written as two words («Серік ұлы», «Болат қызы») give one initial.
"""

from __future__ import annotations

import re

# The closing word of a two-word Kazakh patronymic carries no initial of its own.
PATRONYMIC_WORDS = {"ұлы", "улы", "қызы", "кызы", "uly", "kyzy", "оглы", "кизи"}
# A full name with a patronymic inside free text: Surname Name Patronymic (Cyrillic or Latin).
_WORD = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?:-[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+)?"
_PATRONYMIC = (r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?:ович|евич|ьич|овна|евна|ична|инична|ұлы|улы|қызы|кызы"
               r"|uly|kyzy)(?![a-zа-яёәғқңөұүһі])")
FULL_NAME_IN_TEXT = re.compile(rf"(?<![\w-]){_WORD}\s+{_WORD}\s+{_PATRONYMIC}")
# «Туйебаев А.Е.», «Туйебаев А. Е.», «А.Е. Туйебаев»: a surname with initials. A school's namesake written
# «имени Б.Майлина» (no space, one initial) is left alone.
_INITIAL = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\."
SURNAME_INITIALS_IN_TEXT = re.compile(
    rf"(?<![\w-])(?:{_WORD}\s+{_INITIAL}(?:\s?{_INITIAL})?|{_INITIAL}\s?{_INITIAL}\s+{_WORD}(?![\w-]))")


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


def reduce_names(text: str | None, known: dict[str, str] | None = None) -> str:
    """`text` with every known full name replaced (longest first) and any other full name with a
    patronymic, or surname with initials, reduced to initials.

    `known` maps a name as typed in the analysis to its public form (initials, or a neutral word for a
    disciplined employee, whose name is never published).
    """
    if not text:
        return text or ""
    for name in sorted(known or {}, key=len, reverse=True):
        if name.strip():
            text = re.sub(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])", known[name], text)
    text = FULL_NAME_IN_TEXT.sub(lambda m: initials(m.group(0)), text)
    return SURNAME_INITIALS_IN_TEXT.sub(lambda m: initials(m.group(0)), text)
