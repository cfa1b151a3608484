"""Writing a half-year analysis from plain data: section entries and typed rows through the section registry.

Content is one dict per submission, keyed by section code:

    {"personnel": {"narrative": {"risks": …, "basis": …, "recommendations": …, "violation_found": False},
                   "facts": {"teachers_total": 76, …},
                   "rows": {"disciplinary": [{"person": "Айназарова Ж", "order_date": "2024-10-11", …}]},
                   "warnings_explanation": "…"}}

Facts are stored in the shapes `facts_from_form` gives (every field of the facts form; whole numbers as ints,
sums as decimal text, dates as ISO text, blanks as None), rows get positions 1..n in the order given.
Whatever a form would refuse structurally (an unknown field or column, a date after the half-year's end
where the form forbids it) raises ValueError, so demo data cannot hold what a school could never have typed.

The writer collects plain values and inserts them in bulk (one statement per table), bypassing the
unit of work: loading a few thousand rows stays fast, and the audit hook does not stamp them with the
loading time (demo timestamps are set explicitly instead).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from sqlalchemy import JSON, Boolean, Date, Integer, Numeric, insert
from wtforms import BooleanField
from wtforms.fields.core import UnboundField

from ..extensions import db
from ..models import Period, utcnow
from ..reporting.fields import CountField, DecimalNumberField, ReportDateField
from ..reporting.figures import rebuild_figures
from ..reporting.models import Review, SectionEntry, Submission
from ..reporting.sections import SECTIONS, Section, section_by_code

NARRATIVE_KEYS = ("risks", "basis", "recommendations", "violation_found", "violation_description",
                  "nothing_to_report")
SECTION_KEYS = {"narrative", "facts", "rows", "warnings_explanation", "carried_over", "translations"}


@cache
def form_fields(form_class) -> tuple[tuple[str, type], ...]:
    """(name, field class) of a form's data fields in declaration order, without building the form
    (which would need a request context for CSRF)."""
    unbound = [(name, value) for name in dir(form_class)
               if not name.startswith("_") and isinstance(value := getattr(form_class, name), UnboundField)]
    unbound.sort(key=lambda item: item[1].creation_counter)
    return tuple((name, value.field_class) for name, value in unbound)


def _limits_to_half_year(field_class: type) -> bool:
    """A report date the form refuses after the half-year's end (a recommendation's deadline may be later)."""
    return issubclass(field_class, ReportDateField) and field_class.half_year is not None


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _as_text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def fact_value(field_class: type, value, period: Period | None = None, where: str = ""):
    """One figure as `facts_from_form` stores it."""
    if issubclass(field_class, BooleanField):
        return bool(value)
    if value is None or value == "":
        return None
    if issubclass(field_class, CountField):
        number = int(str(value).replace(" ", "").replace("\u00a0", "")) if not isinstance(value, bool) else -1
        if number < 0 or isinstance(value, float):
            raise ValueError(f"{where}: {value!r} is not a whole number ≥ 0")
        return number
    if issubclass(field_class, DecimalNumberField):  # MoneyField too
        amount = Decimal(str(value))
        if amount < 0 or amount != amount.quantize(Decimal("0.01")):
            raise ValueError(f"{where}: {value!r} is not a sum ≥ 0 with at most 2 decimals")
        return str(amount)
    if issubclass(field_class, ReportDateField):
        day = _as_date(value)
        if period is not None and _limits_to_half_year(field_class) and day > period.ends_on:
            raise ValueError(f"{where}: {day} is after the end of {period.code}")
        return day.isoformat()
    return _as_text(value)  # text, and select values (codes such as "no")


def facts_for(section: Section, facts: dict, period: Period | None = None) -> dict:
    """The whole facts dict of a section: every field of its form, the given ones converted."""
    if not facts:
        return {}
    if section.facts_form is None:
        raise ValueError(f"{section.code}: the section has no facts form")
    fields = dict(form_fields(section.facts_form))
    unknown = set(facts) - set(fields)
    if unknown:
        raise ValueError(f"{section.code}: unknown facts {sorted(unknown)}")
    return {name: fact_value(field_class, facts.get(name), period, f"{section.code}.{name}")
            for name, field_class in fields.items()}


@cache
def _row_columns(model) -> dict:
    """Columns a row dict may give (everything but the keys the writer sets itself)."""
    return {c.key: c for c in model.__table__.columns
            if c.key not in ("id", "submission_id", "carried_over", "position")}


def row_values(row_list, row: dict, position: int, period: Period | None = None, where: str = "") -> dict:
    """One row's column values, converted by column type, every column present (bulk inserts need that)."""
    columns = _row_columns(row_list.model)
    unknown = set(row) - set(columns)
    if unknown:
        raise ValueError(f"{where}: unknown columns {sorted(unknown)}")
    limited = {name for name, field_class in form_fields(row_list.form) if _limits_to_half_year(field_class)}
    values = {"position": position}
    for name, column in columns.items():
        value = row.get(name)
        if value is not None:
            if isinstance(column.type, Date):
                value = _as_date(value)
                if period is not None and name in limited and value > period.ends_on:
                    raise ValueError(f"{where}.{name}: {value} is after the end of {period.code}")
            elif isinstance(column.type, Numeric):
                value = Decimal(str(value))
            elif isinstance(column.type, Boolean):
                value = bool(value)
            elif isinstance(column.type, Integer):
                value = int(value)
            elif isinstance(column.type, JSON):  # a row's texts in the other language
                value = {key: _as_text(text) for key, text in value.items() if _as_text(text)}
            else:
                value = _as_text(value)
        if value is None:
            if column.default is not None and not callable(column.default.arg):
                value = column.default.arg
            elif not column.nullable:
                raise ValueError(f"{where}: {name} is required")
        values[name] = value
    return values


def _translations(translations: dict | None, narrative: dict, where: str) -> dict:
    """A section's narrative texts in the other language; each must translate a text the section has."""
    translations = {key: _as_text(text) for key, text in (translations or {}).items() if _as_text(text)}
    unknown = set(translations) - {key for key in NARRATIVE_KEYS if _as_text(narrative.get(key))}
    if unknown:
        raise ValueError(f"{where}: translations of texts it does not have {sorted(unknown)}")
    return translations


@dataclass
class AnalysisWriter:
    """Collects the entries and rows of many submissions, then inserts them table by table."""

    entries: list[dict] = field(default_factory=list)
    rows: dict[type, list[dict]] = field(default_factory=lambda: defaultdict(list))

    def add(self, submission_id: int, content: dict, *, period: Period | None = None,
            updated_at: datetime | None = None, reviews: dict[str, Review | None] | None = None,
            return_reasons: dict[str, str] | None = None) -> None:
        """Queue one submission's sections. `reviews` and `return_reasons` are keyed by section code."""
        if updated_at is None:
            raise ValueError("give updated_at: demo timestamps are explicit")
        reviews, return_reasons = reviews or {}, return_reasons or {}
        unknown = set(content) - {s.code for s in SECTIONS}
        if unknown:
            raise ValueError(f"unknown sections {sorted(unknown)}")
        for code in [s.code for s in SECTIONS if s.code in content or s.code in reviews]:
            section = section_by_code(code)
            spec = content.get(code) or {}
            if set(spec) - SECTION_KEYS:
                raise ValueError(f"{code}: unknown keys {sorted(set(spec) - SECTION_KEYS)}")
            narrative = spec.get("narrative") or {}
            if narrative and not section.triplet:
                raise ValueError(f"{code}: the section has no risks / basis / recommendations")
            if set(narrative) - set(NARRATIVE_KEYS):
                raise ValueError(f"{code}: unknown narrative keys {sorted(set(narrative) - set(NARRATIVE_KEYS))}")
            carried = bool(spec.get("carried_over"))
            self.entries.append({
                "submission_id": submission_id,
                "section": code,
                "risks": _as_text(narrative.get("risks")),
                "basis": _as_text(narrative.get("basis")),
                "recommendations": _as_text(narrative.get("recommendations")),
                "violation_found": narrative.get("violation_found"),
                "violation_description": _as_text(narrative.get("violation_description")),
                "nothing_to_report": bool(narrative.get("nothing_to_report")),
                "facts": facts_for(section, spec.get("facts") or {}, period),
                "warnings_explanation": _as_text(spec.get("warnings_explanation")),
                "translations": _translations(spec.get("translations"), narrative, code),
                "review": reviews.get(code),
                "return_reason": return_reasons.get(code),
                "carried_over": carried,
                "updated_at": updated_at,
            })
            for list_name, rows in (spec.get("rows") or {}).items():
                row_list = section.row_list(list_name)
                if row_list is None:
                    raise ValueError(f"{code}: unknown row list {list_name!r}")
                for position, row in enumerate(rows, start=1):
                    values = row_values(row_list, row, position, period, f"{code}.{list_name}[{position}]")
                    self.rows[row_list.model].append({**values, "submission_id": submission_id,
                                                      "carried_over": carried})

    def execute(self) -> None:
        """Insert everything queued, one executemany per table."""
        if self.entries:
            db.session.execute(insert(SectionEntry), self.entries)
        for model, rows in self.rows.items():
            db.session.execute(insert(model), rows)
        self.entries, self.rows = [], defaultdict(list)


def write_content(submission: Submission, content: dict, *, updated_at: datetime | None = None) -> None:
    """Create one submission's section entries and rows from `content`; a new submission is flushed first."""
    if submission.id is None:
        db.session.flush()
    writer = AnalysisWriter()
    writer.add(submission.id, content, period=submission.period,
               updated_at=updated_at or submission.updated_at or submission.created_at or utcnow())
    writer.execute()
    rebuild_figures([submission.id])
