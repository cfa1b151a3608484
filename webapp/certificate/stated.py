"""A fact is stated once (issue 11): a generated sentence that gives a figure the school's own text already
gives is left out.

Shared by every section: a section declares only the words that name each of its figures (`Names`), and asks
`SpanData.stated(value, names, lang)` before it says a sentence. A generated paragraph may also declare the facts
it states (`Fact`, on `Para.states`): the certificate leaves it out when the section's school text already gives
every one of them, or an earlier paragraph of the certificate told them (the plan orders 1.1 lists, the school's
addresses the vacancies sentence gave); `SpanData.said(fact, lang)` asks the same for a part of a sentence.

The rule is deliberately narrow, so that a figure is never lost: the same number must stand in one sentence of
the school's text in the certificate's language together with a word naming that figure. A bare number, or the
number about something else, is not enough, and 0, 1 and 2 never count (too common: «1 рет», «2 жылда»,
«0,5 ставка»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

# Digits as people write them: «85», «22 266 028,65» (spaces, no-break or thin spaces between groups of three),
# «22266028.65», «30,5». Not a part of a longer run of digits or of a date («02.09.2024» is read as pieces that
# are no figure's value here, as the noun must still match).
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?(?![\d])")
_PLAIN = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")
# A sentence ends at «.», «!» or «?» before a space and a capital, a digit or an opening quote, or at a line
# break; an abbreviation's point («К.И. Бирманова») may cut a sentence short, which only narrows a match.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|\n+")
_WORD = re.compile(r"[^\W\d_]+")
SMALLEST = 3  # 0, 1 and 2 never count as a match


@dataclass(frozen=True)
class Names:
    """The words that name one figure in a school's text, per language; any one of them names it. Each is a
    stem that begins a word («педагог» for «педагогтер», «педагогов»), several stems that begin consecutive
    words («штат бірлік» for «штат бірліктерінің»), a sign («₸»), or such terms joined by «+» that must all
    stand in the sentence («этик+случа»: cases, not the council's meetings). Lowercase."""

    kk: tuple[str, ...]
    ru: tuple[str, ...]

    def of(self, lang: str) -> tuple[str, ...]:
        return self.kk if lang == "kk" else self.ru


def _decimal(text: str) -> Decimal | None:
    digits = re.sub(r"[ \u00a0\u202f\u2009]", "", text).replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def numbers_in(sentence: str) -> set[Decimal]:
    """Every number `sentence` writes, grouped («22 266 028,65») or not; «1 250» is read both as 1250 and as
    1 and 250, as the text alone cannot tell. A document's number («№174», «№ 85») is no figure."""
    found = set()
    for pattern in (_GROUPED, _PLAIN):
        for m in pattern.finditer(sentence):
            if not sentence[:m.start()].rstrip(" \u00a0").endswith("№"):
                found.add(_decimal(m.group(0)))
    return {n for n in found if n is not None}


def sentences(text: str | None) -> list[str]:
    return [s for s in _SENTENCE_END.split(text or "") if s and s.strip()]


def _term_in(sentence: str, words: list[str], term: str) -> bool:
    if not term.replace(" ", "").isalpha():  # a sign such as «₸» names the figure wherever it stands
        return term in sentence
    parts = term.split()
    return any(all(words[i + k].startswith(part) for k, part in enumerate(parts))
               for i in range(len(words) - len(parts) + 1))


def _names_in(sentence: str, names: tuple[str, ...]) -> bool:
    words = [w.lower() for w in _WORD.findall(sentence)]
    return any(all(_term_in(sentence, words, term.strip().lower()) for term in name.split("+"))
               for name in names)


def as_value(value) -> Decimal | None:
    """A figure as a number: an int, a Decimal or the exact decimal text sums are kept as."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def stated_in(texts, value, names: Names, lang: str) -> bool:
    """True when one sentence of one of `texts` (the school's own, in `lang`) writes `value` and a word that
    `names` gives for `lang`. Never for a value under 3 or a figure not given."""
    figure = as_value(value)
    if figure is None or figure < SMALLEST:
        return False
    stems = names.of(lang)
    for text in texts:
        for sentence in sentences(text):
            if figure in numbers_in(sentence) and _names_in(sentence, stems):
                return True
    return False


# A sentence that says there was none: «… болған жоқ», «… анықталмады»; «… не было», «… не выявлено», «нет».
_NONE = {"kk": re.compile(r"\bжоқ\b|(анықталма|болма|тіркелме|байқалма|түспе|анықталға)(ды|ған)\b", re.I),
         "ru": re.compile(r"\bне\s+(был|выявл|установл|зафиксирова|имел|поступ|обнаруж|допуск)|\bнет\b"
                          r"|\bотсутству(ют|ет)\b", re.I)}


@dataclass(frozen=True)
class Fact:
    """One fact a generated sentence states (issue 11, «a fact is stated once»).

    `key`: its identity across the certificate («order 431 2021-04-14», an address): once a paragraph of the
    certificate told it, a later one that only repeats it is left out. How the school's own text of the section
    is read for it, one sentence at a time: `value` with `names` (the number and a word naming it, as `stated_in`);
    `terms`, each a `Names` of which one stem must stand in the sentence («еңбек биржа»: the labour exchange);
    with `none`, the sentence must also say there was none («мүдделер қақтығысының фактісі анықталмады»);
    `order`, a document's number («№431») standing with its `year` (or, without one, with a word for an order).
    A fact with only a key is found by the key alone.
    """

    key: str = ""
    value: object = None
    names: Names | None = None
    terms: tuple[Names, ...] = ()
    none: bool = False
    order: str | None = None
    year: int | None = None


ORDER_WORDS = Names(kk=("бұйрық",), ru=("приказ",))


def order_fact(number, on) -> Fact | None:
    """The fact that an order (its number, its date as a date or ISO text) was cited; None without a number."""
    number = re.sub(r"^№\s*", "", str(number or "").strip())
    if not number:
        return None
    day = on if isinstance(on, date) or on is None else date.fromisoformat(str(on)[:10])
    return Fact(key=f"order {number} {day.isoformat() if day else ''}".strip(), order=number,
                year=day.year if day else None)


def cited_order(text: str | None) -> Fact | None:
    """The order a typed reference cites («Білім бөлімінің 2021 жылғы 14 сәуірдегі №431 «…» бұйрығы»): its number
    and the year written with it; None when the text gives no «№»."""
    found = re.search(r"№\s*([\w/-]*\d[\w/-]*)", text or "")
    if not found:
        return None
    year = re.search(r"(?<!\d)(19|20)\d{2}(?!\d)", text)
    return Fact(order=found.group(1), year=int(year.group(0)) if year else None)


def address_fact(link: str) -> Fact:
    """That a school's address (`link`, its website or an account) was given: told once in the certificate (2.2's
    vacancies, then 2.5's publications); the school's text gives it when it writes the address itself."""
    return Fact(key=f"address {link.rstrip('/').lower()}", terms=(Names(kk=(link,), ru=(link,)),))


def _order_in(sentence: str, fact: Fact, lang: str) -> bool:
    if not re.search(rf"№\s*{re.escape(fact.order)}(?![\w/-])", sentence):
        return False
    if fact.year is not None:
        return str(fact.year) in sentence
    return _names_in(sentence, ORDER_WORDS.of(lang))


def found_in(texts, fact: Fact, lang: str) -> bool:
    """True when one sentence of one of `texts` (the school's own, in `lang`) gives `fact` as `Fact` says."""
    if fact.names is not None and fact.value is not None and not fact.none:
        return stated_in(texts, fact.value, fact.names, lang)
    if not (fact.terms or fact.order):
        return False
    for text in texts:
        for sentence in sentences(text):
            if fact.order and not _order_in(sentence, fact, lang):
                continue
            if not all(_names_in(sentence, names.of(lang)) for names in fact.terms):
                continue
            if fact.none and not _NONE[lang].search(sentence):
                continue
            return True
    return False
