"""The certificate as plain data: headings, paragraphs, tables and lists that every renderer walks.

One assembly, three renderers (print HTML, PDF from that HTML, DOCX): the formats cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int = 2  # 2: a part (I, II, conclusion), 3: a numbered section (2.4)


@dataclass
class Para:
    kind: ClassVar[str] = "para"
    text: str
    label: str | None = None  # a bold lead-in such as «Негіздеме:»
    item: bool = False  # an item of a list («3) …;»): aligned left, not indented or justified
    topic: float | None = None  # the section's idea it tells, to stand beside the basis on it (certificate.placed)
    # The facts a generated paragraph states (certificate.stated.Fact): left out when all were told before.
    states: tuple = ()


@dataclass
class Table:
    kind: ClassVar[str] = "table"
    headers: list[str]
    rows: list[list[str]]
    caption: str | None = None
    widths: list[int] = field(default_factory=list)  # relative column widths

    def __post_init__(self) -> None:
        """A column no row fills is not printed: rudny-3's follow-up table carried an empty «Түсініктеме» column
        (every measure done, nothing to comment, issue 11)."""
        if not self.rows:
            return
        keep = [i for i in range(len(self.headers))
                if any(str(row[i] if i < len(row) else "").strip() for row in self.rows)]
        if len(keep) == len(self.headers):
            return
        self.headers = [self.headers[i] for i in keep]
        self.rows = [[row[i] if i < len(row) else "" for i in keep] for row in self.rows]
        if self.widths:
            self.widths = [self.widths[i] for i in keep if i < len(self.widths)]


@dataclass
class NumberedList:
    kind: ClassVar[str] = "list"
    items: list[str]


Block = Heading | Para | Table | NumberedList


def say(lang: str, kk: str, ru: str, **values) -> str:
    """Certificate prose exists in both official languages side by side, so each can be checked against
    real documents; `values` are already formatted for `lang`."""
    return (kk if lang == "kk" else ru).format(**values)


# A table row whose longest cell holds at most this many characters is shorter than an A4 page whatever column
# the text is in (12 pt table text: about 45 lines a page, 14 or more characters a line in the narrowest column
# the certificate's tables give a text): it is kept whole on one page. A longer row may be taller than a page and
# so breaks across pages under the repeated header row (issue 11).
WHOLE_ROW_CHARS = 600


def whole_row(row: list) -> bool:
    """True when a table row (its cells' texts) is kept on one page rather than split across two."""
    return max((len(str(cell or "")) for cell in row), default=0) <= WHOLE_ROW_CHARS
