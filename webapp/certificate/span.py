"""One or several consecutive half-years seen as one analysis, by the certificate's rules:

counts and sums add up; headcounts and other "as at" figures are those at the end of the span; lists are
joined in date order (or, for "as at" lists, the latest one stands); narrative text comes from the latest
half-year that has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Period
from ..reporting.models import Submission
from ..reporting.queries import section_data
from ..reporting.sections import SECTIONS, Section, SectionData

NARRATIVE = ("risks", "basis", "recommendations", "violation_description")


@dataclass
class SpanData:
    """A section over the span: what the certificate is written from."""

    section: Section
    facts: dict = field(default_factory=dict)
    rows: dict[str, list] = field(default_factory=dict)
    text: dict[str, str | None] = field(default_factory=dict)
    violation_found: bool | None = None
    nothing_to_report: bool = False
    entered: bool = False  # some half-year has this section at all

    def fact(self, name: str, default=None):
        value = self.facts.get(name)
        return default if value is None else value


def _add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if isinstance(a, str) or isinstance(b, str):  # sums are kept as exact decimal text
        return str(Decimal(str(a)) + Decimal(str(b)))
    return a + b


def merge(section: Section, parts: list[SectionData]) -> SpanData:
    """`parts` in period order, oldest first."""
    span = SpanData(section=section, rows={r.name: [] for r in section.row_lists})
    entries = [p.entry for p in parts if p.entry is not None]
    span.entered = bool(entries)
    span.nothing_to_report = bool(entries) and all(e.nothing_to_report for e in entries)
    for part in parts:
        for name, value in part.facts.items():
            if value is None or value == "":
                continue
            span.facts[name] = _add(span.facts.get(name), value) if name in section.summed_facts else value
    for name in NARRATIVE:
        span.text[name] = next((getattr(e, name) for e in reversed(entries) if (getattr(e, name) or "").strip()),
                               None)
    findings = [e.violation_found for e in entries if e.violation_found is not None]
    span.violation_found = any(findings) if findings else None
    for row_list in section.row_lists:
        lists = [p.rows.get(row_list.name, []) for p in parts]
        if row_list.as_at:
            span.rows[row_list.name] = next((rows for rows in reversed(lists) if rows), [])
        else:
            joined = [row for rows in lists for row in rows]
            if row_list.order_by != ("position",):
                keys = row_list.order_by

                def sort_key(row, keys=keys):
                    return [(getattr(row, k) is None, getattr(row, k) or 0) for k in keys]

                joined.sort(key=sort_key)  # stable: equal dates keep their half-year and entry order
            span.rows[row_list.name] = joined
    return span


def span_data(submissions: list[Submission]) -> dict[str, SpanData]:
    """Every section merged over `submissions` (oldest first): one query per table per half-year."""
    per_period = [section_data(s) for s in submissions]
    return {s.code: merge(s, [p[s.code] for p in per_period]) for s in SECTIONS}


def academic_year_span(periods: list[Period], last: Period) -> list[Period]:
    """The default span: the academic year that ends with `last` (2024-H2 + 2025-H1 for 2025-H1)."""
    if last.half == 2:
        return [last]
    previous = next((p for p in periods if p.year == last.year - 1 and p.half == 2), None)
    return [previous, last] if previous else [last]
