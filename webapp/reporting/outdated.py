"""Versions of a typed text that may be outdated: when one language's version of a text is changed and the other
language's is not, the other may no longer say the same (issue 11 review: a changed risk kept its old Russian
version silently). It is marked (models.OutdatedVersion) beside the text and in the section's list of versions
to write, until it is edited too or the clerk confirms it still holds.

A version written where there was none is a translation being added, not a change: it marks nothing. A version
emptied, or both changed in one save, leaves nothing to compare: any mark goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import g
from sqlalchemy import delete, select

from ..extensions import db
from .fields import TRANSLATION_SUFFIX
from .forms import NarrativeForm
from .models import OutdatedVersion
from .texts import NARRATIVE, label, other_language

MAIN, OTHER = "main", "other"


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def note_changes(submission_id: int, section_code: str, before: dict[str, tuple], after: dict[str, tuple],
                 list_name: str = "", row_id: int = 0) -> None:
    """Mark or unmark the versions of one owner's texts after a save (added to the session, the caller commits).
    `before` and `after`: {text name: (version in the first language, version in the other)} around the save."""
    changed = {name: (b, after[name]) for name, b in before.items()
               if (_text(b[0]), _text(b[1])) != (_text(after[name][0]), _text(after[name][1]))}
    # A mark lives only while both versions are written (one emptied takes it away): a text in one language
    # before and after the save has none to keep or clear, and costs no query (most saves, tests/
    # test_autosave_figures.py).
    changed = {name: pair for name, pair in changed.items() if _both(pair[0]) or _both(pair[1])}
    if not changed:
        return
    marks = {mark.name: mark for mark in db.session.scalars(select(OutdatedVersion).where(
        OutdatedVersion.submission_id == submission_id, OutdatedVersion.section == section_code,
        OutdatedVersion.list_name == list_name, OutdatedVersion.row_id == row_id,
        OutdatedVersion.name.in_(list(changed))))}
    for name, ((main_was, other_was), (main, other)) in changed.items():
        main_changed, other_changed = _text(main_was) != _text(main), _text(other_was) != _text(other)
        mark = marks.get(name)
        edited = MAIN if main_changed else OTHER
        kept = (main_changed != other_changed and _text(main) and _text(other)
                and _text(main_was if main_changed else other_was))  # a version rewritten, the other untouched
        if not kept or (mark is not None and mark.version == edited):
            if mark is not None:  # nothing to compare, or the outdated version brought up to date
                db.session.delete(mark)
        elif mark is None:
            db.session.add(OutdatedVersion(submission_id=submission_id, section=section_code, list_name=list_name,
                                           row_id=row_id, name=name, version=OTHER if main_changed else MAIN))


def _both(pair: tuple) -> bool:
    return bool(_text(pair[0]) and _text(pair[1]))


def _bilingual(data) -> bool:
    """Some text of the section has a version in the other language: only then can one be marked."""
    entry = data.entry
    return bool(entry is not None and (entry.translations or any(
        name.endswith(TRANSLATION_SUFFIX) and value for name, value in (entry.facts or {}).items()))
        or any(row.translations for rows in data.rows.values() for row in rows))


def versions(read, names) -> dict[str, tuple]:
    """{name: (first-language version, other version)} of an owner's texts, `read(name)` giving a stored field
    ("risks", "risks__tr")."""
    return {name: (read(name), read(name + TRANSLATION_SUFFIX)) for name in names}


def row_versions(row, names) -> dict[str, tuple]:
    return {name: (getattr(row, name, None), (row.translations or {}).get(name)) for name in names}


def forget_row(submission_id: int, section_code: str, list_name: str, row_id: int) -> None:
    """A removed row's marks go with it."""
    db.session.execute(delete(OutdatedVersion).where(
        OutdatedVersion.submission_id == submission_id, OutdatedVersion.section == section_code,
        OutdatedVersion.list_name == list_name, OutdatedVersion.row_id == row_id))


def confirm(submission_id: int, section_code: str, list_name: str, row_id: int, name: str) -> None:
    """The clerk says the marked version still holds: the mark goes."""
    db.session.execute(delete(OutdatedVersion).where(
        OutdatedVersion.submission_id == submission_id, OutdatedVersion.section == section_code,
        OutdatedVersion.list_name == list_name, OutdatedVersion.row_id == row_id, OutdatedVersion.name == name))


@dataclass(frozen=True)
class Outdated:
    """A version marked «may be outdated», for the section page: which text, in which language, where."""

    label: Any
    lang: str
    list_name: str
    row_id: int
    name: str
    row: int | None = None  # 1-based place of the row in its list
    list_title: Any = None
    field: str = ""  # the form field showing this version ("risks__tr", "inspections-12-subject")
    section: Any = None  # the Section, where the list spans several sections (a certificate's page)


def outdated_versions(section, data, submission) -> list[Outdated]:
    """The section's versions marked «may be outdated» (one query), in the section's own order; the form fields
    that show them are kept for the page's forms (`outdated_fields`)."""
    if submission is None or not _bilingual(data):  # nothing could be marked: no query
        g.outdated_fields = frozenset()
        return []
    marks = db.session.scalars(select(OutdatedVersion).where(
        OutdatedVersion.submission_id == submission.id, OutdatedVersion.section == section.code)
        .order_by(OutdatedVersion.id)).all()
    found = []
    for mark in marks:
        lang = submission.text_lang if mark.version == MAIN else other_language(submission.text_lang)
        suffix = TRANSLATION_SUFFIX if mark.version == OTHER else ""
        if not mark.list_name:
            form = NarrativeForm if mark.name in NARRATIVE else section.facts_form
            if form is None:
                continue
            found.append(Outdated(label(form, mark.name), lang, "", 0, mark.name, field=mark.name + suffix))
            continue
        row_list = section.row_list(mark.list_name)
        rows = data.rows.get(mark.list_name, []) if row_list is not None else []
        number = next((i for i, row in enumerate(rows, start=1) if row.id == mark.row_id), None)
        if number is None:
            continue
        found.append(Outdated(label(row_list.form, mark.name), lang, mark.list_name, mark.row_id, mark.name, number,
                              row_list.title, f"{mark.list_name}-{mark.row_id}-{mark.name}{suffix}"))
    g.outdated_fields = frozenset(item.field for item in found)
    return found


def outdated_fields() -> frozenset[str]:
    """The names of the form fields on this page whose version may be outdated (a Jinja global for the forms'
    macro, filled by `outdated_versions`)."""
    return g.get("outdated_fields", frozenset())


def outdated_in(submissions, lang: str) -> list[Outdated]:
    """The versions in `lang` marked «may be outdated» among `submissions` (a certificate's half-years; one
    query): what its page lists beside the texts not yet written in its language."""
    from .sections import section_by_code

    by_id = {s.id: s for s in submissions}
    if not by_id:
        return []
    found = []
    for mark in db.session.scalars(select(OutdatedVersion).where(OutdatedVersion.submission_id.in_(list(by_id)))
                                   .order_by(OutdatedVersion.id)):
        main = by_id[mark.submission_id].text_lang or "kk"
        if (main if mark.version == MAIN else other_language(main)) != lang:
            continue
        section = section_by_code(mark.section)
        if section is None:
            continue
        row_list = section.row_list(mark.list_name) if mark.list_name else None
        form = row_list.form if row_list else NarrativeForm if mark.name in NARRATIVE else section.facts_form
        if form is None:
            continue
        found.append(Outdated(label(form, mark.name), lang, mark.list_name, mark.row_id, mark.name,
                              list_title=row_list.title if row_list else None, section=section))
    return found
