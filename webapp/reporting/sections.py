"""The section registry: one descriptor per certificate section, in certificate order.

Forms, progress, review, the certificate and the dashboard all walk this one list, so a new section is
one new package under webapp/blueprints/ that builds a Section and lists itself in SECTION_PACKAGES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField

from .fields import (
    DecimalNumberField,
    MoneyField,
    MonthOrDateField,
    ReportDateField,
    date_fields,
    month_or_date_text,
    unbound_fields,
    unbound_label,
)
from .models import SectionEntry


@dataclass(frozen=True)
class PlanColumns:
    """The row fields of an action plan (a row list each of whose rows is a measure): which section's risk a
    measure answers (a section code), the risk in words, and the person responsible for carrying it out.
    A measure names the section or the risk, and a responsible person (reporting/plan.py)."""

    section: str = "section"
    risk: str = "risk"
    responsible: str = "responsible"


@dataclass(frozen=True)
class RowList:
    """A list of typed rows a school adds to, edits and removes inline (e.g. disciplinary actions)."""

    name: str  # used in URLs and element ids: "disciplinary"
    model: type
    form: type[FlaskForm]
    title: Any  # lazy string
    columns: tuple[str, ...] = ()  # form fields shown as table columns; all of them when empty
    carry_over: bool = False  # copied when the next half-year starts from this one
    order_by: tuple[str, ...] = ("position",)  # "as at" lists keep entry order; dated lists sort by date
    as_at: bool = False  # over several half-years: the latest list stands (staff, positions), not all joined
    plan: PlanColumns | None = None  # the list is the action plan: a violation found anywhere needs a measure here

    def fields(self) -> list:
        """The form's data fields that show as table columns (needs a request context)."""
        form = self.form(meta={"csrf": False}, formdata=None)
        fields = [f for f in form if f.type not in ("CSRFTokenField", "HiddenField")
                  and not hasattr(f, "translation_of")]  # a text's other-language version shares its column
        if self.columns:
            by_name = {f.name: f for f in fields}
            fields = [by_name[name] for name in self.columns]
        return fields

    def cells(self, row) -> list[str]:
        """The row's values as the table shows them, formatted for the current language."""
        cells = []
        for f in self.fields():
            # A row model may say how one of its columns reads (e.g. a coded service by its name).
            custom = getattr(row, f"display_{f.name}", None)
            cells.append(custom() if callable(custom) else display_value(f, getattr(row, f.name, None)))
        return cells


@dataclass
class SectionData:
    """One section of one submission as read from the database: what checks and renderers work from."""

    section: Section
    entry: SectionEntry | None
    rows: dict[str, list] = field(default_factory=dict)

    @property
    def facts(self) -> dict:
        return (self.entry.facts if self.entry else None) or {}

    def fact(self, name: str, default=None):
        return self.facts.get(name, default)

    @property
    def started(self) -> bool:
        """The school has touched the section (an entry or a row): its counts are figures, not unknowns."""
        return self.entry is not None or any(self.rows.values())

    def count(self, list_name: str, where: Callable[[Any], bool] | None = None) -> int | None:
        """How many rows a list holds (matching `where`); None for a section nobody started."""
        if not self.started:
            return None
        return sum(1 for row in self.rows.get(list_name, []) if where is None or where(row))

    def total(self, *names: str) -> int | None:
        """The sum of the figures given; None when none is."""
        values = [self.fact(name) for name in names if self.fact(name) is not None]
        return sum(values) if values else None


Check = Callable[[SectionData], list[str]]


@dataclass
class Section:
    code: str  # "personnel": the package, blueprint, URL part and template folder
    number: str  # "2.2" as on the certificate ("" for the general part and the conclusion)
    title: Any  # lazy string, translated into kk and ru
    triplet: bool = True  # risks / basis / recommendations, a violation finding, "nothing to report"
    # The triplet's texts a complete section needs; a section of plain facts (court cases) may ask for the basis
    # only, so a school states risks and recommendations there when it sees some, and none are made up.
    required_texts: tuple[str, ...] = ("risks", "basis", "recommendations")
    may_be_empty: bool = True  # a school may attest "nothing to report" (Appendix 4 too; not the general part)
    facts_form: type[FlaskForm] | None = None
    required_facts: tuple[str, ...] = ()  # figures a complete section must have
    row_lists: tuple[RowList, ...] = ()
    required_rows: tuple[str, ...] = ()  # row lists that need at least one row
    carry_over_facts: tuple[str, ...] = ()  # figures copied into the next half-year
    checks: tuple[Check, ...] = ()  # cross-field warnings that block submission until fixed or explained
    hint: Any = None  # one line under the title saying what belongs here
    summary: Callable[[SectionData], list[str]] | None = None  # figures computed from the data, shown on the page
    summed_facts: tuple[str, ...] = ()  # figures that add up over several half-years; the rest are "as at"
    certificate: Callable | None = None  # (SpanData, lang) -> blocks this section adds to the certificate
    # (SpanData, basis, lang) -> the school's basis as the certificate prints it beside the section's own sentences
    # (courts: a sentence saying there is no court practice is left out when a case is told).
    certificate_basis: Callable | None = None
    # The ideas of the section and how a school's basis speaks of them (certificate.placed.Topic), so the section's
    # own sentences stand beside the basis on the same idea, in the seed's order.
    certificate_topics: tuple = ()
    # Where the certificate places the section: "I" (normative acts), "II" (organisational-managerial activity),
    # or "frame": not a numbered section, it fills slots of the certificate's frame through `certificate_frame`,
    # (SpanData, lang) -> {slot: value} (the order, signature, sources, working group, conclusion, appendix).
    certificate_part: str = "II"
    certificate_frame: Callable | None = None
    on_start: Callable | None = None  # extra carry-over work (e.g. last half-year's recommendations)
    # The section's base quantities for the dashboard: SectionData -> {SubmissionFigures column: value}.
    figures: Callable[[SectionData], dict[str, Any]] | None = None

    def row_list(self, name: str) -> RowList | None:
        return next((r for r in self.row_lists if r.name == name), None)

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}" if self.number else str(self.title)

    @property
    def cited(self) -> str:
        """How the certificate titles and cites the section: its label, but the title alone for a section that
        continues the number of the one before (procurement inside 2.2 after personnel, as the seed prints it), so
        the body has one «2.2.» and the action plan cites a heading the reader finds."""
        first = next((s for s in SECTIONS if s.number == self.number), self) if self.number else self
        return self.label if first is self else str(self.title)

    @property
    def heading(self) -> str:
        """A table column's heading: the certificate's number, with the title's first word where two sections share
        a number (personnel and procurement are both 2.2, as in the seed) or where there is none."""
        title = str(self.title).split()[0].rstrip(":,.")
        if not self.number:
            return title
        shared = sum(1 for s in SECTIONS if s.number == self.number) > 1
        return f"{self.number} {title}" if shared else self.number

    def warnings(self, data: SectionData) -> list[str]:
        if data.entry is None or data.entry.nothing_to_report:
            return []
        messages = []
        if self.triplet and data.entry.violation_found and not (data.entry.violation_description or "").strip():
            messages.append(str(_l("A violation is marked as found: describe it.")))
        for check in self.checks:
            messages.extend(check(data))
        return messages + date_warnings(data) + duplicate_warnings(data)

    def is_complete(self, data: SectionData) -> bool:
        return data.entry is not None and not self.missing(data)

    def missing(self, data: SectionData) -> list[tuple[str, str]]:
        """What a complete section still needs, as (label in the reader's language, id of the element to go
        to): the triplet's texts and the violation answer, the required figures, the required lists.
        Nothing once the school attested "nothing to report"."""
        from .forms import NarrativeForm

        entry = data.entry
        if entry is not None and entry.nothing_to_report:
            return []
        needed = []
        if self.triplet:
            for name in self.required_texts:
                if not (getattr(entry, name, None) or "").strip():
                    needed.append((field_label(NarrativeForm, name), name))
            if entry is None or entry.violation_found is None:
                needed.append((field_label(NarrativeForm, "violation_found"), "violation_found-0"))
        if self.required_facts:
            needed += [(field_label(self.facts_form, name), name) for name in self.required_facts
                       if data.facts.get(name) in (None, "")]
        for name in self.required_rows:
            if not data.rows.get(name):
                needed.append((str(self.row_list(name).title), f"add-{name}"))
        return needed

    def state(self, data: SectionData) -> str:
        """missing / nothing / filled / errors: what the progress list and the dashboard show."""
        if data.entry is None:
            return "missing"
        if data.entry.nothing_to_report:
            return "nothing"
        if self.warnings(data) and not (data.entry.warnings_explanation or "").strip():
            return "errors"
        return "filled" if self.is_complete(data) else "missing"


def date_warnings(data: SectionData) -> list[str]:
    """Dates outside the analysed half-year where they belong inside it (or after its end where they cannot
    come later): saved as typed, but named here, so the clerk fixes a slip or explains a real exception."""
    entry = data.entry
    period = entry.submission.period if entry is not None and entry.submission is not None else None
    if period is None:
        return []
    from ..i18n import short_date

    def check(label, value, rule) -> str | None:
        shown = None
        if isinstance(value, str):  # a MonthOrDateField's month ("2024-02") stands for its first day
            shown = month_or_date_text(value) if len(value) <= 7 else None
            value = date.fromisoformat(value if len(value) > 7 else f"{value}-01")
        if value is None or rule is None:
            return None
        if rule == "inside" and not period.starts_on <= value <= period.ends_on:
            return str(_l("%(field)s: %(date)s is outside the analysed half-year (%(start)s–%(end)s).",
                          field=label, date=shown or short_date(value), start=short_date(period.starts_on),
                          end=short_date(period.ends_on)))
        if rule == "not_after" and value > period.ends_on:
            return str(_l("%(field)s: %(date)s is after the analysed half-year ends (%(end)s).",
                          field=label, date=shown or short_date(value), end=short_date(period.ends_on)))
        return None

    found = []
    if data.section.facts_form is not None:
        for name, label, rule in date_fields(data.section.facts_form):
            found.append(check(label, data.fact(name), rule))
    for row_list in data.section.row_lists:
        for name, label, rule in date_fields(row_list.form):
            for row in data.rows.get(row_list.name, []):
                found.append(check(f"{row_list.title} · {label}", getattr(row, name, None), rule))
    return [message for message in found if message]


def duplicate_warnings(data: SectionData) -> list[str]:
    """Rows entered twice with every value the same (a double click, a retry, a copy): named, so the clerk
    removes the copy; rows that differ in anything, or lists where repeats are normal, are left alone."""
    found = []
    for row_list in data.section.row_lists:
        rows = data.rows.get(row_list.name, [])
        names = [name for name, _field_class in _row_field_names(row_list)]
        seen: dict[tuple, list] = {}
        for row in rows:
            seen.setdefault(tuple(_comparable(getattr(row, name, None)) for name in names), []).append(row)
        for copies in seen.values():
            if len(copies) > 1:
                values = [_shown(getattr(copies[0], name, None)) for name in names]
                found.append(str(_ln("%(list)s: the same row is entered %(num)d time (%(row)s).",
                                     "%(list)s: the same row is entered %(num)d times (%(row)s). Remove the "
                                     "copies, or explain why they are separate.", len(copies),
                                     list=row_list.title, row=" · ".join(v for v in values if v) or "—")))
    return found


def _shown(value) -> str:
    from ..i18n import number, short_date

    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, int | Decimal):
        return number(value)
    return str(value)


def _row_field_names(row_list: RowList) -> list[tuple[str, type]]:
    return [(name, unbound.field_class) for name, unbound in unbound_fields(row_list.form)
            if name in row_list.model.__table__.c]


def _comparable(value):
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return value


@cache
def _unbound_by_name(form_class) -> dict:
    return dict(unbound_fields(form_class))


def field_label(form_class, name: str) -> str:
    """A field's label in the current language (its name when it has none), read without building the form;
    only the labels asked for are translated (a status panel names two or three of a form's forty)."""
    unbound = _unbound_by_name(form_class).get(name)
    label = unbound_label(unbound) if unbound is not None else None
    return str(label) if label is not None else name


SECTIONS: list[Section] = []


def register(section: Section) -> Section:
    """Add a section to the registry, which stays in certificate order whatever order packages are imported in."""
    from ..blueprints import SECTION_PACKAGES

    if any(s.code == section.code for s in SECTIONS):
        raise ValueError(f"section {section.code!r} registered twice")
    SECTIONS.append(section)
    order = {code: position for position, code in enumerate(SECTION_PACKAGES)}
    SECTIONS.sort(key=lambda s: order.get(s.code, len(order)))
    return section


def section_by_code(code: str) -> Section | None:
    return next((s for s in SECTIONS if s.code == code), None)


def display_value(field, value) -> str:
    """A stored value as text: numbers grouped, sums in tenge, dates as 10.06.2025, choices by label."""
    from ..i18n import money, number, short_date

    if value is None or value == "":
        return ""
    if isinstance(field, MoneyField):
        return money(Decimal(str(value)))
    if isinstance(field, DecimalNumberField):
        return number(Decimal(str(value)))
    if isinstance(field, ReportDateField):
        return short_date(date.fromisoformat(value) if isinstance(value, str) else value)
    if isinstance(field, MonthOrDateField):
        return month_or_date_text(value)
    if isinstance(field, BooleanField):
        return str(_l("yes") if value else _l("no"))
    if isinstance(field, SelectField | RadioField):
        labels = {str(getattr(c, "value", None) if hasattr(c, "value") else c[0]): getattr(c, "label", None) or c[1]
                  for c in field.choices}
        return str(labels.get(str(value), value))
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    return str(value)


# --- Turning form data into stored facts and back ------------------------------------------------

def facts_from_form(form: FlaskForm) -> dict:
    """JSON-safe figures: whole numbers stay numbers, sums keep their exact decimals as text."""
    facts = {}
    for f in form:
        if f.type in ("CSRFTokenField", "HiddenField", "SubmitField"):
            continue
        value = f.data
        if isinstance(value, Decimal):
            value = str(value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, str):
            value = value.strip() or None
        facts[f.name] = value
    return facts


def form_data_from_facts(form_class: type[FlaskForm], facts: dict) -> dict:
    """The stored figures as the values a facts form starts from."""
    data = {}
    fields = form_class(meta={"csrf": False})
    for f in fields:
        value = facts.get(f.name)
        if value is None:
            continue
        if isinstance(f, ReportDateField):
            value = date.fromisoformat(value)
        elif isinstance(f, DecimalNumberField):
            value = Decimal(value)
        data[f.name] = value
    return data
