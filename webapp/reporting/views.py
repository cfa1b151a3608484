"""The generic section pages: every section's blueprint is made here from its Section descriptor.

URL shape: /schools/<school>/<period>/<section>/  plus /narrative, /facts, /rows/<list>[/<id>[/delete]],
/explanation and /confirm. A page and its fragments share a template; htmx swaps the named blocks.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from flask import Blueprint, abort, flash, jsonify, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from jinja2_fragments.flask import render_block
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.datastructures import MultiDict

from ..blueprints.units.queries import ancestors
from ..extensions import db
from ..rendering import is_fragment_request, render, see_other, wants_json
from . import now_hm, outdated
from .fields import TRANSLATION_SUFFIX, CountField, DecimalNumberField
from .figures import FigureOutOfRange, committed_section_data
from .forms import ExplanationForm, NarrativeForm, translatable_names
from .models import SectionEntry
from .outdated import outdated_versions
from .plan import violation_note
from .queries import Place, place_or_404, section_data
from .saving import (
    SKIPPED_TYPES,
    FieldSave,
    add_row_once,
    chosen_fields,
    commit_or_retry,
    entry_for,
    input_value,
    parse_with,
    row_by_request_key,
    same_value,
    save_fields,
    stored_value,
)
from .sections import RowList, Section, SectionData, display_value, form_data_from_facts

PAGE = "sections/page.html"
ROWS = "sections/rows.html"


def make_blueprint(section: Section, import_name: str) -> Blueprint:
    bp = Blueprint(section.code, import_name, url_prefix=f"/schools/<school>/<period>/{section.code}")
    bp.add_url_rule("/", "show", _bind(show, section), methods=["GET"])
    bp.add_url_rule("/narrative", "narrative", _bind(save_narrative, section), methods=["POST"])
    bp.add_url_rule("/facts", "facts", _bind(save_facts, section), methods=["POST"])
    bp.add_url_rule("/explanation", "explanation", _bind(save_explanation, section), methods=["POST"])
    bp.add_url_rule("/confirm", "confirm", _bind(confirm_carried_over, section), methods=["POST"])
    bp.add_url_rule("/outdated", "confirm_version", _bind(confirm_version, section), methods=["POST"])
    bp.add_url_rule("/rows/<list_name>", "add_row", _bind(add_row, section), methods=["POST"])
    bp.add_url_rule("/rows/<list_name>/<int:row_id>", "row", _bind(edit_row, section), methods=["GET", "POST"])
    bp.add_url_rule("/rows/<list_name>/<int:row_id>/delete", "delete_row", _bind(delete_row, section),
                    methods=["POST"])
    return bp


def _bind(view, section: Section):
    def bound(**kwargs):
        return view(section, **kwargs)

    bound.__name__ = bound.__qualname__ = f"{section.code}_{view.__name__}"
    bound.__doc__ = view.__doc__
    return login_required(bound)


# --- Shared pieces --------------------------------------------------------------------------------

def _entry(place: Place, section: Section) -> SectionEntry:
    return entry_for(place.submission, section.code)


def _editable_place(section: Section, school: str, period: str) -> Place:
    place = place_or_404(school, period)
    if not place.can_edit(section.code):
        abort(409, description=place.read_only_reason())
    return place


def _status_context(section: Section, place: Place, data: SectionData, **overrides) -> dict:
    """What the section's status panel, its «saved» indicators and the violation note render from: all a save's
    answer shows. The page's other forms (text, figures, every list's add form) and the breadcrumbs are left
    out: building them cost about a third of an autosave, for a fragment that never shows them."""
    editable = place.can_edit(section.code)
    entry = data.entry
    context = {
        "section": section,
        "place": place,
        "data": data,
        "entry": entry,
        "editable": editable,
        "state": section.state(data),
        "warnings": section.warnings(data),
        "explanation_form": ExplanationForm(obj=entry, formdata=None),
        "read_only_reason": None if editable else place.read_only_reason(),
        "violation_note": violation_note(data) if entry is not None else None,
        # Versions that may no longer match the other language's (reporting.outdated); the page's forms mark them.
        "outdated": outdated_versions(section, data, place.submission),
    }
    context.update(overrides)
    return context


def _page_context(section: Section, place: Place, data: SectionData, **overrides) -> dict:
    """Everything the section page and its blocks render from."""
    context = _status_context(section, place, data)
    context.update({
        "breadcrumbs": ancestors(place.school) + [place.school],
        "narrative_form": _stored_form(section, place, data, "narrative"),
        "facts_form": _stored_form(section, place, data, "facts"),
        "add_forms": {r.name: row_form(r, place, formdata=None) for r in section.row_lists},
    })
    context.update(overrides)
    return context


def _stored_form(section: Section, place: Place, data: SectionData, block: str):
    """The section's "narrative", "facts" or "explanation" form showing what is stored (None: the section has
    no such form)."""
    if block == "narrative":
        return (NarrativeForm(obj=data.entry, period=place.period, formdata=None)
                if section.triplet or section.may_be_empty else None)
    if block == "facts":
        return _facts_form(section, place, data.facts) if section.facts_form else None
    return ExplanationForm(obj=data.entry, formdata=None)


def _facts_form(section: Section, place: Place, facts: dict, **kwargs):
    return section.facts_form(data=form_data_from_facts(section.facts_form, facts), period=place.period,
                              formdata=None, **kwargs)


def row_form(row_list: RowList, place: Place, row=None, **kwargs):
    """A row form whose field names carry the list (and row) name, so many forms share one page."""
    prefix = f"{row_list.name}-{row.id}" if row is not None else row_list.name
    return row_list.form(prefix=prefix, period=place.period, **kwargs)


def _refresh(section: Section, place: Place) -> SectionData:
    return section_data(place.submission, [section])[section.code]


def _saved_blocks(section: Section, place: Place, data: SectionData, main_block: str | None, *extra: str):
    """A successful in-place save: the main block (if any) plus the section status out of band."""
    context = _status_context(section, place, data, saved=True)
    return render(PAGE, blocks=([main_block] if main_block else []) + ["status_oob", *extra], **context)


def _invalid(section: Section, place: Place, block: str, target: str, template: str = PAGE, **forms):
    """The same form back with its errors and every typed value, as 422; htmx swaps it over the form."""
    data = _refresh(section, place)
    response = render(template, block=block, status=422, **_page_context(section, place, data, **forms))
    if is_fragment_request():
        response.headers["HX-Retarget"] = target
        response.headers["HX-Reswap"] = "outerHTML"
    return response


def _saved_headers(response):
    """Tell the page's script when the write was saved, in the school's time (for "saved at 14:32")."""
    response.headers["X-Saved-At"] = now_hm()
    return response


def _too_large(form, error: FigureOutOfRange) -> str:
    """After a save refused at commit because a figure summed from the section outgrew its column: the
    rollback, and the message next to the form's figure of that kind the clerk most likely just typed.
    Returns that field's name."""
    db.session.rollback()
    kind = DecimalNumberField if isinstance(error.maximum, Decimal) else CountField
    fields = [f for f in chosen_fields(form) if isinstance(f, kind)] or chosen_fields(form)
    target = next((f for f in fields if f.data), fields[0])
    target.errors = [*target.errors, _("Together with the rest of the section this comes to more than "
                                       "%(maximum)s, which cannot be stored. Check the figures.",
                                       maximum=display_value(target, error.maximum))]
    return target.name


def _back_to_page(section: Section, place: Place, message: str | None = None):
    if message:
        flash(message, "success")
    return see_other(url_for(f"{section.code}.show", school=place.school.code, period=place.period.code))


# --- Views ----------------------------------------------------------------------------------------

def show(section: Section, school: str, period: str):
    """One section of a school's half-year analysis: its text, figures and lists."""
    place = place_or_404(school, period)
    if place.submission is None:
        if place.is_school_user:
            return redirect(url_for("submissions.show", school=school, period=period))
        data = section_data(None, [section])[section.code]
    else:
        data = _refresh(section, place)
    return render(PAGE, **_page_context(section, place, data))


@dataclass(frozen=True)
class Autosave:
    """One of a section page's self-saving forms: how its fields are read from and written to the entry."""

    block: str  # "narrative", "facts", "explanation": the form's id and the template block
    form: Callable  # (section, place, formdata) -> the bound form
    read: Callable  # (entry, name) -> the stored value
    write: Callable  # (entry, {name: value}) -> None


def _read_attribute(entry, name: str):
    """An entry's column, or a text's version in the other language ("risks__tr") from its translations."""
    base = name.removesuffix(TRANSLATION_SUFFIX)
    return (entry.translations or {}).get(base) if base != name else getattr(entry, name)


def _set_attributes(entry, values: dict) -> None:
    translations = dict(entry.translations or {})
    for name, value in values.items():
        base = name.removesuffix(TRANSLATION_SUFFIX)
        if base == name:
            setattr(entry, name, value)
        elif value:
            translations[base] = value
        else:
            translations.pop(base, None)
    if translations != (entry.translations or {}):
        entry.translations = translations  # a new dict, so the JSON column is written


def _set_facts(entry, values: dict) -> None:
    entry.facts = {**(entry.facts or {}), **values}


NARRATIVE = Autosave("narrative", lambda section, place, formdata: NarrativeForm(formdata, period=place.period),
                     _read_attribute, _set_attributes)
FACTS = Autosave("facts", lambda section, place, formdata: section.facts_form(formdata, period=place.period),
                 lambda entry, name: (entry.facts or {}).get(name), _set_facts)
EXPLANATION = Autosave("explanation",
                       lambda section, place, formdata: ExplanationForm(formdata, period=place.period),
                       _read_attribute, _set_attributes)


def _save_in_place(section: Section, place: Place, spec: Autosave):
    """Save the fields the clerk changed; answer the page's script in JSON, a plain form post with a page.

    Valid fields are saved even when another field of the form is refused; a field someone else changed
    meanwhile is not overwritten but answered as a conflict with their value (see saving.save_fields).
    """
    def make_form(formdata):
        return spec.form(section, place, formdata)

    parse = parse_with(lambda formdata: spec.form(section, place, formdata))
    whole_form = not request.form.getlist("_fields")

    def write():
        form = make_form(request.form)
        form.validate()
        outcome, values = save_fields(form, place.submission.entry(section.code), spec.read, parse)
        if values or (whole_form and not outcome.errors and not outcome.conflicts):
            entry = _entry(place, section)
            texts = {name.removesuffix(TRANSLATION_SUFFIX) for name in values
                     if name.removesuffix(TRANSLATION_SUFFIX) + TRANSLATION_SUFFIX in form._fields}
            before = outdated.versions(lambda name: spec.read(entry, name), texts)
            # A whole form (no script) is stored whole, as it always was: every field it holds, blanks too.
            spec.write(entry, {**outcome.unchanged, **values} if whole_form else values)
            entry.carried_over = False
            outdated.note_changes(place.submission.id, section.code, before,
                                  outdated.versions(lambda name: spec.read(entry, name), texts))
        return form, outcome

    try:
        form, outcome = commit_or_retry(write)
    except FigureOutOfRange as error:
        form = make_form(request.form)
        form.validate()
        name = _too_large(form, error)
        outcome = FieldSave(errors={name: [str(message) for message in form[name].errors]})
    data = committed_section_data(place.submission, section.code) or _refresh(section, place)
    if wants_json():
        return _autosave_json(section, place, data, spec, outcome)
    if outcome.status == 200:
        if is_fragment_request():  # only the indicator, never the text being typed
            return _saved_blocks(section, place, data,
                                 f"{spec.block}_saved_oob" if spec is not EXPLANATION else None,
                                 *(["violation_note_oob"] if spec is NARRATIVE and section.triplet else []))
        return _back_to_page(section, place, _("Saved."))
    for name, theirs in outcome.conflicts.items():
        form[name].errors = [_("Someone else saved this field meanwhile: «%(theirs)s». Save again to keep yours.",
                               theirs=display_value(form[name], theirs) or "—")]
    block, target = ("status", "#section-status") if spec is EXPLANATION else (spec.block, f"#{spec.block}")
    response = render(PAGE, block=block, status=outcome.status,
                      **_page_context(section, place, data, **{f"{spec.block}_form": form}))
    if is_fragment_request():
        response.headers["HX-Retarget"] = target
        response.headers["HX-Reswap"] = "outerHTML"
    return response


def _autosave_json(section: Section, place: Place, data: SectionData, spec: Autosave, outcome):
    """What the page's script needs after a save: each field's fate, the entry's version, the new status."""
    context = _status_context(section, place, data)
    conflicts = {}
    if outcome.conflicts:
        current = _stored_form(section, place, data, spec.block)
        conflicts = {name: {"theirs": input_value(current[name]),
                            "text": display_value(current[name], theirs) or "—"}
                     for name, theirs in outcome.conflicts.items()}
    body = {
        "saved": outcome.saved,
        "errors": outcome.errors,
        "conflicts": conflicts,
        "version": data.entry.version if data.entry else 0,
        "saved_at": now_hm(),
        "status_html": render_block(PAGE, "status", **context),
        # Notes shown beside a field, by element id: the page's script puts each in place.
        "fragments": ({"violation-note": render_block(PAGE, "violation_note", **context)}
                      if spec is NARRATIVE and section.triplet else {}),
    }
    return _saved_headers(make_response(jsonify(body), outcome.status))


def save_narrative(section: Section, school: str, period: str):
    """Save the risks / basis / recommendations text, the violation finding and "nothing to report"."""
    place = _editable_place(section, school, period)
    if not (section.triplet or section.may_be_empty):
        abort(404)
    return _save_in_place(section, place, NARRATIVE)


def save_facts(section: Section, school: str, period: str):
    """Save the section's figures that were sent (a plain form post sends them all)."""
    place = _editable_place(section, school, period)
    if section.facts_form is None:
        abort(404)
    return _save_in_place(section, place, FACTS)


def save_explanation(section: Section, school: str, period: str):
    """Keep figures that trigger a warning, with the school's explanation why they are right."""
    place = _editable_place(section, school, period)
    return _save_in_place(section, place, EXPLANATION)


def confirm_carried_over(section: Section, school: str, period: str):
    """The school checked what was copied from the last half-year and keeps it."""
    place = _editable_place(section, school, period)
    data = _refresh(section, place)
    if data.entry is not None:
        data.entry.carried_over = False
    for rows in data.rows.values():
        for row in rows:
            row.carried_over = False
    db.session.commit()
    return _back_to_page(section, place, _("Confirmed."))


def confirm_version(section: Section, school: str, period: str):
    """The clerk says a version marked «may be outdated» still holds (form fields `list_name`, `row_id`,
    `name`): the mark goes; nothing else changes."""
    place = _editable_place(section, school, period)
    if place.submission is None:
        abort(404)
    outdated.confirm(place.submission.id, section.code, request.form.get("list_name", ""),
                     request.form.get("row_id", 0, type=int), request.form.get("name", ""))
    db.session.commit()
    return _back_to_page(section, place, _("Confirmed."))


def _row_list_or_404(section: Section, list_name: str) -> RowList:
    row_list = section.row_list(list_name)
    if row_list is None:
        abort(404)
    return row_list


def _own_row_or_404(place: Place, row_list: RowList, row_id: int):
    """A row of this very submission; another school's row id answers 404."""
    if place.submission is None:
        abort(404)
    row = db.session.execute(
        select(row_list.model).where(row_list.model.id == row_id,
                                     row_list.model.submission_id == place.submission.id)
    ).scalar_one_or_none()
    if row is None:
        abort(404)
    return row


def _row_context(section: Section, place: Place, row_list: RowList, row, **overrides) -> dict:
    return _page_context(section, place, _refresh(section, place), row_list=row_list, row=row, **overrides)


def add_row(section: Section, school: str, period: str, list_name: str):
    """Add a row to one of the section's lists; the new row is appended to its table.

    The page's script sends a key it made for this add (`_request_key`): the same add arriving twice (a retry
    after a lost answer, two clicks) answers with the row the first one made instead of adding another.
    """
    place = _editable_place(section, school, period)
    row_list = _row_list_or_404(section, list_name)
    model = row_list.model
    key = (request.form.get("_request_key") or "").strip()[:40] or None
    row = row_by_request_key(model, key)
    if row is None:
        form = row_form(row_list, place)

        def refused():
            add_forms = {r.name: row_form(r, place, formdata=None) for r in section.row_lists}
            add_forms[list_name] = form
            return _invalid(section, place, "add_form", f"#add-{list_name}", template=ROWS,
                            add_forms=add_forms, row_list=row_list)

        if not form.validate_on_submit():
            return refused()
        last = db.session.scalar(select(db.func.max(model.position)).where(model.submission_id == place.submission.id))
        row = model(submission_id=place.submission.id, position=(last or 0) + 1)
        form.populate_obj(row)
        try:  # the figures are summed at commit (and when add_row_once releases its savepoint)
            row = add_row_once(row, key)
            _entry(place, section)
            db.session.commit()
        except FigureOutOfRange as error:
            _too_large(form, error)
            return refused()
    if row.submission_id != place.submission.id:
        abort(404)
    if not is_fragment_request():
        return _back_to_page(section, place, _("Row added."))
    context = _row_context(section, place, row_list, row)
    return _saved_headers(render(ROWS, blocks=["new_row", "add_form_oob", "status_oob"], **context))


def _stale(row) -> bool:
    """The page that sent this edit or removal showed an older version of the row."""
    version = request.form.get("_version", type=int)
    return version is not None and version != row.version


def _row_bases(row_list: RowList, place: Place, row):
    """The row as the page that sent this edit showed it (`_bases`: {field name: value as the input held it},
    read by the row's own form), or None when the page sent none: then the row's version decides."""
    try:
        values = json.loads(request.form.get("_bases") or "null")
    except ValueError:
        values = None
    if not isinstance(values, dict):
        return None
    pairs = [(name, value) for name, value in values.items() if isinstance(value, str)]
    return row_form(row_list, place, row, formdata=MultiDict(pairs), meta={"csrf": False})


@dataclass
class RowMerge:
    """What an edit of a row writes, field by field (short field names)."""

    changed: list[str]  # the clerk changed them and nobody else did: written
    conflicts: dict  # someone else changed them too since the page showed the row: name -> their stored value
    untouched: list[str]  # left as they were (or left to the other by «take theirs»): what is stored stays


def _merge_row(form, now, bases) -> RowMerge:
    """Decide field by field, as section texts are saved, from the form sent, the row as stored `now` and the
    row as the page showed it (`bases`)."""
    theirs = set(request.form.get("_theirs", "").split())
    merge = RowMerge([], {}, [])
    for f in form:
        if f.type in SKIPPED_TYPES:
            continue
        new, current, base = (stored_value(x[f.short_name]) for x in (form, now, bases))
        if same_value(new, base) or f.name in theirs:
            merge.untouched.append(f.short_name)
        elif same_value(new, current) or same_value(base, current):
            merge.changed.append(f.short_name)
        else:
            merge.conflicts[f.short_name] = current
    return merge


def _row_conflict(section: Section, place: Place, row_list: RowList, row, form, now, merge: RowMerge):
    """409: the form again with the clerk's changes, the stored values where the clerk changed nothing, and
    each field both changed marked with the value saved meanwhile; saving it keeps the clerk's."""
    untouched = MultiDict(request.form)
    for name in merge.untouched:
        untouched.setlist(form[name].name, [input_value(now[name])])
    shown = row_form(row_list, place, row, formdata=untouched)
    for name, value in merge.conflicts.items():
        shown[name].errors = [_("Someone else saved this field meanwhile: «%(theirs)s». Save again to keep yours.",
                                theirs=display_value(shown[name], value) or "—")]
    return render(ROWS, block="row_form", status=409,
                  **_row_context(section, place, row_list, row, row_form=shown, row_bases=now, conflict=True,
                                 conflicts=[shown[name].name for name in merge.conflicts]))


def edit_row(section: Section, school: str, period: str, list_name: str, row_id: int):
    """A row in edit mode (GET) or saved (POST), in place in its table.

    The page sends the row as it showed it (`_bases`): the fields the clerk changed are written, the
    others keep what is stored, also when someone else changed them meanwhile. A field both changed is refused
    with 409: the editor comes back marked, to choose. A page that sends no bases is refused as soon as the
    row's version moved on, with the row as it is now beside the clerk's values.
    """
    row_list = _row_list_or_404(section, list_name)
    place = place_or_404(school, period)
    row = _own_row_or_404(place, row_list, row_id)
    if request.method == "GET":
        if request.args.get("view") or not place.can_edit(section.code):
            return render(ROWS, block="row", **_row_context(section, place, row_list, row))
        form = row_form(row_list, place, row, obj=row, formdata=None)
        return render(ROWS, block="row_form", **_row_context(section, place, row_list, row, row_form=form))
    place = _editable_place(section, school, period)
    form = row_form(row_list, place, row)
    bases = _row_bases(row_list, place, row)
    if bases is None and _stale(row):
        return render(ROWS, block="row_form", status=409,
                      **_row_context(section, place, row_list, row, row_form=form, conflict=True))
    if not form.validate_on_submit():
        return render(ROWS, block="row_form", status=422,
                      **_row_context(section, place, row_list, row, row_form=form, row_bases=bases))
    texts = translatable_names(row_list.form)
    for attempt in range(2):
        before = outdated.row_versions(row, texts)
        if bases is None:
            form.populate_obj(row)
        else:
            now = row_form(row_list, place, row, obj=row, formdata=None)
            merge = _merge_row(form, now, bases)
            if merge.conflicts:
                return _row_conflict(section, place, row_list, row, form, now, merge)
            for name in merge.changed:
                form.populate_field(row, name)
        row.carried_over = False
        outdated.note_changes(place.submission.id, section.code, before, outdated.row_versions(row, texts),
                              row_list.name, row.id)
        try:
            db.session.commit()
            break
        except StaleDataError:  # changed by another request between our read and our write
            db.session.rollback()
            row = _own_row_or_404(place, row_list, row_id)
            if bases is None or attempt:
                return render(ROWS, block="row_form", status=409,
                              **_row_context(section, place, row_list, row, row_form=form, conflict=True))
        except FigureOutOfRange as error:
            _too_large(form, error)
            row = _own_row_or_404(place, row_list, row_id)
            return render(ROWS, block="row_form", status=422,
                          **_row_context(section, place, row_list, row, row_form=form, row_bases=bases))
    if not is_fragment_request():
        return _back_to_page(section, place, _("Saved."))
    context = _row_context(section, place, row_list, row, saved=True)
    return _saved_headers(render(ROWS, blocks=["row", "status_oob"], **context))


def delete_row(section: Section, school: str, period: str, list_name: str, row_id: int):
    """Remove a row; htmx drops it from the table. Removing a row already removed is done, not an error;
    removing a row someone changed since the page showed it asks first (409, the row as it is now)."""
    row_list = _row_list_or_404(section, list_name)
    place = _editable_place(section, school, period)
    if place.submission is None:
        abort(404)
    row = db.session.get(row_list.model, row_id)
    if row is not None and row.submission_id != place.submission.id:
        abort(404)
    if row is not None:
        if _stale(row):
            return render(ROWS, block="row", status=409,
                          **_row_context(section, place, row_list, row, conflict=True))
        db.session.delete(row)
        outdated.forget_row(place.submission.id, section.code, row_list.name, row.id)
        try:
            db.session.commit()
        except StaleDataError:
            db.session.rollback()
            row = db.session.get(row_list.model, row_id)
            if row is not None:
                return render(ROWS, block="row", status=409,
                              **_row_context(section, place, row_list, row, conflict=True))
    if not is_fragment_request():
        return _back_to_page(section, place, _("Row removed."))
    response = render(PAGE, blocks=["status_oob"], **_status_context(section, place, _refresh(section, place)))
    return _saved_headers(response)
