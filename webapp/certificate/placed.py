"""The seed's order of ideas inside a section (issue 11): the section's own sentences go where the school's
basis text speaks of the same thing, not all after it.

A section ranks its ideas (2.2: staffing 1, selection 2, vacancies 3, salaries 3.5, movements 4, discipline 5,
conflicts of interest 6) and gives each generated paragraph its rank (`Para.topic`) and the words by which a
paragraph of the school's basis speaks of an idea (`Topic`). A generated paragraph goes before the first
paragraph of the basis, not yet passed, that speaks of a later idea; one typed about nothing ranked keeps the
rank of the paragraph before it, and the first counts as the introduction (rank 0). So «Әкімшілік лауазымдық
міндеттері … бекітілген» follows the administrative staff the certificate introduces, and in 2.1 the order
comes before «Бұйрық негіздемесі: …», which may stand mid-paragraph (an `anchored` topic is looked for at the
start of every sentence, the others at the start of a paragraph only).

The first block printed carries the basis's label («Негіздеме:»), whichever it is; a section that ranks nothing
prints its sentences after the basis as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..reporting.texts import MARK_OPEN
from .blocks import Block, Para

# As certificate.stated cuts sentences: «.», «!» or «?» before a space and a capital, a digit or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


@dataclass(frozen=True)
class Topic:
    """An idea of a section and how the school's text speaks of it: `pattern` searched (case-insensitive) in
    a paragraph's first sentence; `anchored`: matched at the start of any sentence instead, where the paragraph
    may be cut («Бұйрық негіздемесі:»)."""

    rank: float
    pattern: str
    anchored: bool = False


def _sentences(paragraph: str) -> list[str]:
    if MARK_OPEN in paragraph:  # a text shown in the other language is marked whole: never cut inside
        return [paragraph]
    cuts = [m.end() for m in _SENTENCE_END.finditer(paragraph)]
    bounds = [0, *cuts, len(paragraph)]
    return [paragraph[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if paragraph[a:b].strip()]


def _units(basis: str, topics: tuple[Topic, ...]) -> list[tuple[float | None, str, bool]]:
    """The basis as (rank or None to inherit, text, starts a paragraph) pieces: whole paragraphs, cut before a
    sentence an anchored topic opens."""
    units = []
    for paragraph in (line.strip() for line in basis.split("\n")):
        if not paragraph:
            continue
        sentences = _sentences(paragraph)
        # A marked paragraph is never cut, but it is ranked by its first sentence as any other.
        first = _sentences(paragraph.replace(MARK_OPEN, ""))[0] if MARK_OPEN in paragraph else sentences[0]
        rank = max((t.rank for t in topics
                    if (re.match if t.anchored else re.search)(t.pattern, first, re.I)), default=None)
        current = [first]
        pieces = []
        for sentence in sentences[1:]:
            opened = max((t.rank for t in topics if t.anchored and re.match(t.pattern, sentence, re.I)),
                         default=None)
            if opened is not None:
                pieces.append((rank, " ".join(current)))
                rank, current = opened, [sentence]
            else:
                current.append(sentence)
        pieces.append((rank, " ".join(current)))
        units += [(r, text, i == 0) for i, (r, text) in enumerate(pieces)]
    return units


def placed(basis: str | None, own: list[Block], topics: tuple[Topic, ...], label: str) -> list[Block]:
    """The basis (labelled) and the section's own blocks in the order of ideas; blocks without a topic follow
    the one before them."""
    if not topics or not any(getattr(block, "topic", None) is not None for block in own):
        return ([Para(basis, label=label)] if basis else []) + own
    units = _units(basis or "", topics)
    ranks, previous = [], 0.0
    for rank, _text, _starts in units:
        previous = previous if rank is None else rank
        ranks.append(previous)
    out: list[Block] = []
    pending: list[str] = []  # pieces of one paragraph of the basis not yet printed

    def flush() -> None:
        if pending:
            out.append(Para(" ".join(pending)))
            pending.clear()

    i, topic = 0, 0.0
    for block in own:
        topic = topic if getattr(block, "topic", None) is None else block.topic
        while i < len(units) and ranks[i] <= topic:
            if units[i][2]:
                flush()
            pending.append(units[i][1])
            i += 1
        flush()
        out.append(block)
    for _rank, text, starts in units[i:]:
        if starts:
            flush()
        pending.append(text)
    flush()
    if out and basis:
        first = out[0]
        out[0] = Para(first.text, label=label, item=first.item) if isinstance(first, Para) else first
        if not isinstance(first, Para):
            out.insert(0, Para("", label=label))
    return out
