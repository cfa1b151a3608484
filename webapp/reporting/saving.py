"""Saving without losing anything: field-level saves, conflicts, and writes that may arrive twice.

The section page's script (static/js/saving.js) sends only the fields the clerk changed (`_fields`), and for
each the value(s) it last knew the server to hold (`_base-<name>`; more than one when an earlier request's
answer was lost). A field is written when the server still holds one of those values; when someone else
saved a different value meanwhile it is a conflict, answered with their value so the clerk can choose.
A plain form post (no script) sends the whole form with the entry's `_version`; from an older version, every
field whose stored value differs from the one posted is a conflict.

Writes that create something (the section entry, a row) are safe to repeat and to race: the database's
unique constraints decide, and the loser of a race finds the winner's record and treats it as its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.datastructures import MultiDict

from ..extensions import db
from .models import SectionEntry, Submission

SKIPPED_TYPES = ("CSRFTokenField", "HiddenField", "SubmitField")
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")


def stored_value(form_field) -> Any:
    """A validated field's value as it is stored: sums as exact decimal text, dates as ISO, blank text as None."""
    value = form_field.data
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip() or None
    return value


def input_value(form_field) -> str:
    """A field's value as its input holds it, so the page can show and send it back (checkbox: "y" or "")."""
    if form_field.type == "BooleanField":
        return "y" if form_field.data else ""
    if form_field.type == "RadioField":
        return {True: "yes", False: "no"}.get(form_field.data, "")
    if form_field.type == "SelectField":
        return "" if form_field.data is None else str(form_field.data)
    return form_field._value() or ""


def input_values(form) -> dict[str, str]:
    """Each data field's value as its input holds it, by field name (a row edit form's `_bases`)."""
    return {f.name: input_value(f) for f in form if f.type not in SKIPPED_TYPES}


def same_value(a: Any, b: Any) -> bool:
    """Two stored values mean the same (None and "" alike; "1.50" and "1.5" alike for numbers)."""
    a = None if a == "" else a
    b = None if b == "" else b
    if a == b:
        return True
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return False
    if _PLAIN_NUMBER.fullmatch(str(a)) and _PLAIN_NUMBER.fullmatch(str(b)):
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except InvalidOperation:
            return False
    return False


@dataclass
class FieldSave:
    """The outcome of one field-level save: what was written, refused as invalid, or left for the clerk to choose."""

    saved: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    conflicts: dict[str, Any] = field(default_factory=dict)  # field name -> the value someone else saved
    unchanged: dict[str, Any] = field(default_factory=dict)  # valid fields sent with the value already stored

    @property
    def status(self) -> int:
        """409 when the clerk must choose, 422 when a field was refused, 200 when everything was saved."""
        return 409 if self.conflicts else 422 if self.errors else 200


def chosen_fields(form) -> list:
    """The form's fields this request saves: those listed in `_fields`, or every field for a plain form post."""
    fields = [f for f in form if f.type not in SKIPPED_TYPES]
    names = request.form.getlist("_fields")
    if not names:
        return fields
    wanted = set(names)
    return [f for f in fields if f.name in wanted]


def save_fields(form, entry: SectionEntry | None, read: Callable[[SectionEntry, str], Any],
                parse: Callable[[str, str], Any]) -> tuple[FieldSave, dict[str, Any]]:
    """Decide field by field what a save writes.

    form: the bound, validated form; entry: the section entry (None before the first save);
    read(entry, name): the stored value; parse(name, text): a base value as typed into the form, as stored.
    Returns the outcome and {name: value} to write. Errors in fields not being saved are ignored.
    """
    outcome, writes = FieldSave(), {}
    version = request.form.get("_version", type=int)
    stale = entry is not None and version is not None and version != entry.version
    for form_field in chosen_fields(form):
        name = form_field.name
        if form_field.errors:
            outcome.errors[name] = [str(message) for message in form_field.errors]
            continue
        new = stored_value(form_field)
        current = read(entry, name) if entry is not None else None
        unticked_as_before = new is False and current is None and form_field.type == "BooleanField"
        if same_value(new, current) or unticked_as_before:
            outcome.saved.append(name)  # both sides typed the same: nothing to write, nothing lost
            outcome.unchanged[name] = new
            continue
        bases = request.form.getlist(f"_base-{name}")
        if bases:
            unchanged_elsewhere = any(same_value(parse(name, base), current) for base in bases)
        else:
            unchanged_elsewhere = not stale
        if unchanged_elsewhere:
            writes[name] = new
            outcome.saved.append(name)
        else:
            outcome.conflicts[name] = current
    return outcome, writes


def parse_with(make_form: Callable[[MultiDict], Any]) -> Callable[[str, str], Any]:
    """parse(name, text) for save_fields: the text run through the field's own parsing, as it would be stored."""

    def parse(name: str, text: str) -> Any:
        form = make_form(MultiDict([(name, text)]))
        form_field = form[name]
        if form_field.process_errors:
            return text  # not a value the server would have stored: it matches nothing stored
        return stored_value(form_field)

    return parse


def entry_for(submission: Submission, section_code: str) -> SectionEntry:
    """The submission's entry for a section, created if missing; two first saves at once end with one entry."""
    entry = submission.entry(section_code)
    if entry is not None:
        return entry
    try:
        with db.session.begin_nested():
            db.session.add(SectionEntry(submission_id=submission.id, section=section_code, facts={}))
    except IntegrityError:
        pass  # another request created it a moment ago (uq_section_entry_submission_section): use that one
    db.session.expire(submission, ["entries"])
    return submission.entry(section_code)


def row_by_request_key(model, key: str | None):
    """The row an earlier copy of the same add request created, if any."""
    if not key:
        return None
    return db.session.execute(select(model).where(model.request_key == key)).scalar_one_or_none()


def add_row_once(row, key: str | None):
    """Insert `row` (carrying request key `key`); if a twin request already inserted it, return that row instead."""
    row.request_key = key
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        existing = row_by_request_key(type(row), key)
        if existing is None:
            raise
        return existing
    return row


def commit_keeping_loaded() -> None:
    """Commit without expiring what the request has loaded, so its answer is rendered from the state it has just
    committed (the entry as written, its version) rather than from every object read again, one query each
    (the user, the school, the half-year, the submission: four of an autosave's 18 queries)."""
    session = db.session()
    expire = session.expire_on_commit
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire


def commit_or_retry(write: Callable[[], Any]) -> Any:
    """Run `write()` and commit (keeping what is loaded); if another request changed a versioned record in
    between (StaleDataError), roll back and run it once more, now against the fresh state (where it finds the
    conflict itself)."""
    try:
        result = write()
        commit_keeping_loaded()
        return result
    except StaleDataError:
        db.session.rollback()
    result = write()
    commit_keeping_loaded()
    return result
