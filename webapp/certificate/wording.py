"""Phrases every section's certificate text shares: citing orders and documents as the seed does
(«№174, 02.09.2024ж.» / «№174 от 02.09.2024»), Russian noun forms after numbers, list endings."""

from __future__ import annotations

from datetime import date

from ..i18n import short_date
from .blocks import Block, Para


def as_date(value) -> date | None:
    """Facts keep dates as ISO text, rows as dates."""
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def bare_number(value) -> str:
    """An order or case number without the «№» a clerk may have typed in front of it."""
    return str(value or "").strip().lstrip("№").strip()


def order_ref(number, on, lang: str) -> str:
    """«№174, 02.09.2024ж.» / «№174 от 02.09.2024»; either part may be missing."""
    number, on = bare_number(number), as_date(on)
    if lang == "kk":
        parts = [f"№{number}" if number else "", f"{short_date(on)}ж." if on else ""]
        return ", ".join(p for p in parts if p)
    if number and on:
        return f"№{number} от {short_date(on)}"
    return f"№{number}" if number else (f"от {short_date(on)}" if on else "")


def ru_plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form after a number: 1 договор, 2 договора, 5 договоров (21 договор, 11 договоров)."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def trim_end(text: str | None) -> str:
    """Typed text without the «.», «;» or «,» it ends with, to go on inside a sentence; an abbreviation's
    point stays («Алматы қ.», «т.б.»)."""
    text = " ".join((text or "").split()).rstrip(" ,;")
    if text.endswith(".") and len(text.rsplit(" ", 1)[-1].replace(".", "")) > 3:
        text = text.rstrip(".")
    return text


def sentence(text: str) -> str:
    """`text` ending with one full stop (not two after «02.09.2024ж.»)."""
    return text if text.endswith(".") else text + "."


def series(items: list[str]) -> list[Block]:
    """One paragraph per item, each ending with «;» and the last with «.», as the seed's lists do
    («… №174, 02.09.2024ж.;»)."""
    paras = []
    for i, item in enumerate(items, start=1):
        item = item.rstrip(" ;")
        paras.append(Para(item + ";" if i < len(items) else sentence(item)))
    return paras
