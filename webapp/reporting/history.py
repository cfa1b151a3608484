"""A submission's history in plain words: what the audit log recorded, as a school clerk or a reviewer reads it.

The audit log keeps column names and stored values («update section_entry», «review: returned → ∅»); this
turns each event into the section's title, what happened («row added»), the row named by its first column
(«Procurement by method: single source»), each field's label in the reader's language and its values as the
pages show them (choices by their label, dates as 23.04.2025, sums in tenge, times in Almaty time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..i18n import short_datetime
from .forms import ExplanationForm, NarrativeForm
from .sections import SECTIONS, RowList, Section, display_value

# Bookkeeping columns nobody needs to read about.
HIDDEN = {"id", "submission_id", "section", "school_id", "period_id", "position", "version", "request_key",
          "created_at", "updated_at", "facts"}
STATUS_WORDS = {"draft": _l("draft"), "submitted": _l("submitted"), "returned": _l("returned"),
                "accepted": _l("accepted")}
OTHER_LABELS = {
    "review": _l("Department's decision"),
    "return_reason": _l("Reason to return"),
    "carried_over": _l("Copied from the last half-year"),
    "status": _l("Status"),
    "submitted_at": _l("Submitted"),
    "returned_at": _l("Returned"),
    "accepted_at": _l("Accepted"),
    "on_time": _l("On time"),
    "reopen_reason": _l("Why it is reopened"),
}
TIMES = {"submitted_at", "returned_at", "accepted_at"}


@dataclass
class Change:
    label: str
    old: str | None  # None: the field had no value before (nothing to strike through)
    new: str


@dataclass
class HistoryLine:
    at: datetime
    actor: str
    section: str  # the section's title, or "—" for the analysis as a whole
    action: str  # «changed», «row added», «analysis», …
    row: str | None = None  # «Procurement by method: single source»
    changes: list[Change] = field(default_factory=list)


def _forms_of(section: Section) -> list:
    forms = []
    if section.triplet or section.may_be_empty:
        forms.append(NarrativeForm(meta={"csrf": False}, formdata=None))
    forms.append(ExplanationForm(meta={"csrf": False}, formdata=None))
    if section.facts_form is not None:
        forms.append(section.facts_form(meta={"csrf": False}, formdata=None))
    return forms


class _Reader:
    """Field labels and value formatting for one page view (the forms are built once, in the reader's language)."""

    def __init__(self):
        self.sections = {s.code: s for s in SECTIONS}
        self.row_lists: dict[str, tuple[Section, RowList]] = {
            r.model.__tablename__: (s, r) for s in SECTIONS for r in s.row_lists}
        self._fields: dict[tuple[str, str], dict] = {}

    def fields(self, kind: str, code: str) -> dict:
        """{name: bound field} of a section's own forms ("entry") or of a row list's form ("row")."""
        key = (kind, code)
        if key not in self._fields:
            if kind == "row":
                _section, row_list = self.row_lists[code]
                forms = [row_list.form(meta={"csrf": False}, formdata=None)]
            else:
                section = self.sections.get(code)
                forms = _forms_of(section) if section else []
            self._fields[key] = {f.name: f for form in forms for f in form}
        return self._fields[key]

    def label(self, name: str, fields: dict) -> str:
        if name in fields:
            return str(fields[name].label.text)
        if name in OTHER_LABELS:
            return str(OTHER_LABELS[name])
        return name.replace("_", " ")

    def value(self, name: str, value, fields: dict) -> str:
        if name == "review" and value is None:
            return _("awaiting review")
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if name in ("status", "review"):
            return str(STATUS_WORDS.get(value, value))
        if name in TIMES:
            return short_datetime(datetime.fromisoformat(value))
        if name in fields:
            return display_value(fields[name], value) or "—"
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                return date.fromisoformat(value).strftime("%d.%m.%Y")
            except ValueError:
                return value
        return str(value)


def plain_history(events) -> list[HistoryLine]:
    """The events (newest first, as the page lists them) in plain words. Needs a request context (labels in
    the reader's language). Each row is named by its first column, as it was at that moment."""
    reader = _Reader()
    # Rows are named from what they held: replay each row's values from its events, oldest first.
    known: dict[tuple[str, str | None], dict] = {}
    names: dict[int, str | None] = {}
    for event in sorted(events, key=lambda e: e.id):
        if event.object_type not in reader.row_lists:
            continue
        values = known.setdefault((event.object_type, event.object_id), {})
        for key, (old, new) in (event.changes or {}).items():
            values[key] = old if event.action == "delete" else new
        _section, row_list = reader.row_lists[event.object_type]
        fields = reader.fields("row", event.object_type)
        first = next((name for name in fields if name not in ("csrf_token",) and name in values), None)
        shown = reader.value(first, values.get(first), fields) if first else None
        names[event.id] = f"{row_list.title}: {shown}" if shown and shown != "—" else str(row_list.title)

    lines = []
    for event in events:
        section = reader.sections.get(event.section) if event.section else None
        line = HistoryLine(at=event.at, actor=event.actor, section=section.label if section else "—",
                           action=_action(event, reader))
        if event.object_type in reader.row_lists:
            line.row = names.get(event.id)
            fields = reader.fields("row", event.object_type)
        elif event.object_type == "section_entry":
            fields = reader.fields("entry", event.section or "")
        else:
            fields = {}
        for key, (old, new) in (event.changes or {}).items():
            name = key.split(".", 1)[1] if key.startswith("facts.") else key
            if name in HIDDEN or (event.action == "create" and new in (None, "", False, {})):
                continue
            if event.action == "delete":
                continue  # the row is named; its old values need no list
            line.changes.append(Change(reader.label(name, fields),
                                       None if old in (None, "") else reader.value(name, old, fields),
                                       reader.value(name, new, fields)))
        if line.changes or line.row:  # an entry created empty (a first save of nothing) tells nothing
            lines.append(line)
    return lines


def _action(event, reader: _Reader) -> str:
    if event.object_type in reader.row_lists:
        return {"create": _("row added"), "update": _("row changed"), "delete": _("row removed")}.get(
            event.action, event.action)
    if event.object_type == "submission":
        return _("the analysis")
    if event.object_type == "section_entry":
        return _("changed")
    return {"create": _("added"), "update": _("changed"), "delete": _("removed")}.get(event.action, event.action)
