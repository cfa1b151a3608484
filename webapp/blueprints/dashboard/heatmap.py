"""The heat map of schools × sections: each cell says what the department acts on, not whether text was typed.

Nearly every filled section carries risk text, so "risk noted" everywhere says nothing. A cell shows, by priority:
a violation found in the section; a risk flag fired on one of the section's indicators; the section returned to
the school; nothing to report attested; otherwise filled with nothing to act on. A school that has not yet
submitted (no analysis or a draft) is "not submitted" across its row: its data is not judged yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from .comparison import JUDGED, Comparison
from .queries import SchoolRow


@dataclass(frozen=True)
class HeatState:
    key: str
    symbol: str
    label: object  # lazy string
    hint: object  # what it means for the department, in the legend


HEAT_STATES = [
    HeatState("violation", "✖", _l("violation found"), _l("the school found a violation in this section")),
    HeatState("flag", "⚑", _l("flag fired"), _l("an indicator of this section crosses its flag threshold")),
    HeatState("returned", "↩", _l("returned"), _l("sent back to the school for correction")),
    HeatState("not_submitted", "…", _l("not submitted"), _l("no analysis or a draft: not judged yet")),
    HeatState("nothing", "∅", _l("nothing to report"), _l("the school attested there is nothing to report")),
    HeatState("clear", "·", _l("nothing to act on"), _l("filled in, no violation, no flag")),
]
BY_STATE = {state.key: state for state in HEAT_STATES}


@dataclass
class HeatCell:
    state: HeatState
    why: str  # the flag's reasons, or the state's label
    linked: bool  # the school has an analysis to open


@dataclass
class HeatMap:
    sections: list  # the sections shown as columns
    rows: list[tuple[SchoolRow, list[HeatCell]]]
    counts: dict[str, list[int]]  # state key -> count per column


def cell_state(row: SchoolRow, section_code: str, flagged: dict[str, list[str]]) -> tuple[str, str | None]:
    """(state key, the flags' reasons if a flag made it) of one school's section."""
    if row.status not in JUDGED:
        return "not_submitted", None
    if row.risks.get(section_code) == "violation":
        return "violation", None
    if section_code in flagged:
        return "flag", "; ".join(flagged[section_code])
    state = row.states.get(section_code)
    if state == "returned":
        return "returned", None
    if state == "nothing":
        return "nothing", None
    return "clear", None


def heat_map(comparison: Comparison, sections: list) -> HeatMap:
    """Every school of the comparison × the sections with risks (pure Python over the rows already read)."""
    columns = [section for section in sections if section.triplet]
    counts = {state.key: [0] * len(columns) for state in HEAT_STATES}
    rows = []
    for row in comparison.rows:
        flagged: dict[str, list[str]] = {}
        for flag in row.flags:
            flagged.setdefault(flag.rule.indicator.section, []).append(flag.text)
        cells = []
        for column, section in enumerate(columns):
            key, why = cell_state(row, section.code, flagged)
            state = BY_STATE[key]
            counts[key][column] += 1
            cells.append(HeatCell(state, why or str(state.label), row.submission_id is not None))
        rows.append((row, cells))
    return HeatMap(columns, rows, counts)
