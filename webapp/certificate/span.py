"""One or several consecutive half-years seen as one analysis, by the certificate's rules:

counts and sums add up; headcounts and other "as at" figures are those at the end of the span; lists are
joined in date order (or, for "as at" lists, the latest one stands); narrative text comes from the latest
half-year that has it. Read in a language, every typed text is that language's version; where a half-year has
only the other language's, that one stands, marked (reporting.texts), and is listed in `missing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Period
from ..reporting.forms import NarrativeForm, translatable_names
from ..reporting.models import Submission
from ..reporting.queries import section_data_many
from ..reporting.sections import SECTIONS, Section, SectionData
from ..reporting.texts import Missing, entry_text, has_marks, label, localized_facts, localized_row, untranslated
from .stated import Fact, Names, found_in, stated_in

NARRATIVE = ("risks", "basis", "recommendations", "violation_description")
# The school's texts the certificate prints before or beside a section's generated sentences.
STATING = ("risks", "basis", "violation_description")


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
    missing: list[Missing] = field(default_factory=list)  # texts shown in the other language
    # Each half-year's own data, oldest first: for a figure that must be worked out per half-year before it is
    # added up (a half-year's given total of disciplinary actions stands over the employees it names).
    parts: list[SectionData] = field(default_factory=list)
    # Each part's facts read in the certificate's language, in the same order (a fact one half-year states that a
    # later one does not: the conclusion's finding of a violation, issue 11 re-read).
    part_facts: list[dict] = field(default_factory=list)
    # Each part's rows read in the certificate's language, in the same order ({list name: rows}): an "as at" list
    # keeps only the latest half-year's in `rows`, while the conclusion reports every half-year's follow-ups.
    part_rows: list[dict[str, list]] = field(default_factory=list)
    # The keys of the facts the certificate told so far (certificate.stated.Fact), one set shared by every section
    # of one certificate, filled in certificate order as each section's paragraphs are kept.
    told: set[str] = field(default_factory=set)
    # The numbered sections of the same certificate where a violation was found, in certificate order (one list
    # shared by every section, as `told`): the conclusion concludes from them when the school typed no finding.
    found_in: list[Section] = field(default_factory=list)

    def fact(self, name: str, default=None):
        value = self.facts.get(name)
        return default if value is None else value

    def stated(self, value, names: Names, lang: str) -> bool:
        """True when the school's own text printed in this section (risks, basis, violation found; read in
        `lang`) already gives `value` as the figure `names` names: the generated sentence for it is left out
        (issue 11, «a fact is stated once»; the rule in certificate.stated)."""
        return stated_in([self.text.get(name) for name in STATING], value, names, lang)

    def said(self, fact: Fact, lang: str) -> bool:
        """True when `fact` is already in the certificate: an earlier paragraph told it (its key), or the school's
        own text printed in this section gives it (certificate.stated.found_in)."""
        return bool(fact.key and fact.key in self.told) or found_in(
            [self.text.get(name) for name in STATING], fact, lang)

    def untold(self, blocks: list, lang: str) -> list:
        """`blocks` without the paragraphs whose every declared fact (`Para.states`) is already said; the facts of
        those kept are noted as told, for the sections after this one."""
        kept = [block for block in blocks
                if not (getattr(block, "states", ()) and all(self.said(f, lang) for f in block.states))]
        self.told.update(f.key for block in kept for f in getattr(block, "states", ()) if f.key)
        return kept

    def unless_stated(self, lang: str, *parts: tuple[str, tuple]) -> str:
        """The sentences of `parts` ((sentence, ((value, names), …)), …) joined, each left out when every
        figure it gives is already stated in the school's text; "" when none is left."""
        kept = [text for text, figures in parts
                if text and not (figures and all(self.stated(v, n, lang) for v, n in figures))]
        return " ".join(kept)


def _add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if isinstance(a, str) or isinstance(b, str):  # sums are kept as exact decimal text
        return str(Decimal(str(a)) + Decimal(str(b)))
    return a + b


def merge(section: Section, parts: list[SectionData], lang: str | None = None,
          text_langs: list[str] | None = None, halves: list[tuple[int, int]] | None = None) -> SpanData:
    """`parts` in period order, oldest first; with `lang`, typed texts read in that language (`text_langs`:
    the language each part's submission types in first, Kazakh if not given) and each row knows its
    half-year as `half_year` ((year, half) from `halves`), so a month can be told with its year."""
    span = SpanData(section=section, rows={r.name: [] for r in section.row_lists}, parts=list(parts))
    text_langs = text_langs or ["kk"] * len(parts)
    entries = [p.entry for p in parts if p.entry is not None]
    span.entered = bool(entries)
    span.nothing_to_report = bool(entries) and all(e.nothing_to_report for e in entries)
    for part, main_lang in zip(parts, text_langs, strict=True):
        facts = localized_facts(section, part.facts, main_lang, lang) if lang else part.facts
        span.part_facts.append(facts)
        for name, value in facts.items():
            if value is None or value == "":
                continue
            span.facts[name] = _add(span.facts.get(name), value) if name in section.summed_facts else value
    latest_first = list(reversed(list(zip(parts, text_langs, strict=True))))
    # Over several half-years the recommendations of the latest that found a violation answer it; a later one's
    # that found none do not (issue 11 re-read: rudny-3's 2.9 over 2025-H2 … 2026-H1 recommended «представлять
    # проверяющим органам достоверную информацию» below the prosecutor's findings).
    answering = [pair for pair in latest_first if pair[0].entry is not None and pair[0].entry.violation_found]
    answering += [pair for pair in latest_first if pair not in answering]
    for name in NARRATIVE:
        span.text[name] = None
        for part, main_lang in (answering if name == "recommendations" else latest_first):
            # A half-year with nothing to report («no court cases») does not speak for one that had some.
            if part.entry is None or (part.entry.nothing_to_report and not span.nothing_to_report):
                continue
            if not lang:
                text, lacking = (getattr(part.entry, name) or "").strip() or None, False
            else:
                text, lacking = entry_text(part.entry, name, main_lang, lang)
            if text:
                if lacking:
                    span.missing.append(Missing(section, label(NarrativeForm, name), lang))
                    text = untranslated(text)
                span.text[name] = text
                break
    findings = [e.violation_found for e in entries if e.violation_found is not None]
    span.violation_found = any(findings) if findings else None
    span.part_rows = [{} for _ in parts]
    for row_list in section.row_lists:
        lists = [p.rows.get(row_list.name, []) for p in parts]
        if lang:
            lists = [[localized_row(row_list, row, main_lang, lang, half_year=half_year) for row in rows]
                     for rows, main_lang, half_year in zip(lists, text_langs, halves or [None] * len(parts),
                                                           strict=True)]
        for part_rows, rows in zip(span.part_rows, lists, strict=True):
            part_rows[row_list.name] = rows
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
    if lang:
        _list_missing(span, lang)
    return span


def _list_missing(span: SpanData, lang: str) -> None:
    """What the span shows in the other language, from the marks on its facts and rows (the narrative's are
    listed as they are chosen)."""
    section = span.section
    if section.facts_form is not None:
        span.missing += [Missing(section, label(section.facts_form, name), lang)
                         for name in translatable_names(section.facts_form) if has_marks(span.facts.get(name))]
    for row_list in section.row_lists:
        for number, row in enumerate(span.rows[row_list.name], start=1):
            span.missing += [Missing(section, label(row_list.form, name), lang, number, row_list.title)
                             for name in row.lacking]


def span_data(submissions: list[Submission], lang: str | None = None) -> dict[str, SpanData]:
    """Every section merged over `submissions` (oldest first), its typed texts in `lang` if given: one query
    per table for the whole span, however many half-years it covers."""
    by_submission = section_data_many([s.id for s in submissions])
    per_period = [by_submission[s.id] for s in submissions]
    text_langs = [s.text_lang or "kk" for s in submissions]
    halves = [(s.period.year, s.period.half) for s in submissions]
    spans = {s.code: merge(s, [p[s.code] for p in per_period], lang, text_langs, halves) for s in SECTIONS}
    told: set[str] = set()  # one certificate: a fact one section told is told for the sections after it
    found = [span.section for span in spans.values() if span.section.certificate_part in ("I", "II")
             and span.violation_found and not span.nothing_to_report]
    for span in spans.values():
        span.told, span.found_in = told, found
    return spans


def academic_year_span(periods: list[Period], last: Period) -> list[Period]:
    """The default span: the academic year that ends with `last` (2024-H2 + 2025-H1 for 2025-H1)."""
    if last.half == 2:
        return [last]
    previous = next((p for p in periods if p.year == last.year - 1 and p.half == 2), None)
    return [previous, last] if previous else [last]
