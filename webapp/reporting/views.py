"""The generic section pages: every section's blueprint is made here from its Section descriptor.

URL shape: /schools/<school>/<period>/<section>/  plus /narrative, /facts, /rows/<list>[/<id>[/delete]],
/explanation and /confirm. A page and its fragments share a template; htmx swaps the named blocks.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from ..blueprints.units.queries import ancestors
from ..extensions import db
from ..rendering import is_fragment_request, render, see_other
from .forms import ExplanationForm, NarrativeForm
from .models import SectionEntry
from .queries import Place, place_or_404, section_data
from .sections import RowList, Section, SectionData, facts_from_form, form_data_from_facts

PAGE = "sections/page.html"
ROWS = "sections/rows.html"


def make_blueprint(section: Section, import_name: str) -> Blueprint:
    bp = Blueprint(section.code, import_name, url_prefix=f"/schools/<school>/<period>/{section.code}")
    bp.add_url_rule("/", "show", _bind(show, section), methods=["GET"])
    bp.add_url_rule("/narrative", "narrative", _bind(save_narrative, section), methods=["POST"])
    bp.add_url_rule("/facts", "facts", _bind(save_facts, section), methods=["POST"])
    bp.add_url_rule("/explanation", "explanation", _bind(save_explanation, section), methods=["POST"])
    bp.add_url_rule("/confirm", "confirm", _bind(confirm_carried_over, section), methods=["POST"])
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
    entry = place.submission.entry(section.code)
    if entry is None:
        entry = SectionEntry(submission=place.submission, section=section.code, facts={})
        db.session.add(entry)
    return entry


def _editable_place(section: Section, school: str, period: str) -> Place:
    place = place_or_404(school, period)
    if not place.can_edit(section.code):
        abort(409, description=place.read_only_reason())
    return place


def _page_context(section: Section, place: Place, data: SectionData, **overrides) -> dict:
    """Everything the section page and its blocks render from."""
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
        "breadcrumbs": ancestors(place.school) + [place.school],
        "narrative_form": NarrativeForm(obj=entry, period=place.period, formdata=None) if section.triplet else None,
        "facts_form": (section.facts_form(data=form_data_from_facts(section.facts_form, data.facts),
                                          period=place.period, formdata=None)
                       if section.facts_form else None),
        "explanation_form": ExplanationForm(obj=entry, formdata=None),
        "add_forms": {r.name: row_form(r, place, formdata=None) for r in section.row_lists},
        "read_only_reason": None if editable else place.read_only_reason(),
    }
    context.update(overrides)
    return context


def row_form(row_list: RowList, place: Place, row=None, **kwargs):
    """A row form whose field names carry the list (and row) name, so many forms share one page."""
    prefix = f"{row_list.name}-{row.id}" if row is not None else row_list.name
    return row_list.form(prefix=prefix, period=place.period, **kwargs)


def _refresh(section: Section, place: Place) -> SectionData:
    return section_data(place.submission, [section])[section.code]


def _saved_blocks(section: Section, place: Place, main_block: str | None):
    """A successful in-place save: the main block (if any) plus the section status out of band."""
    context = _page_context(section, place, _refresh(section, place), saved=True)
    return render(PAGE, blocks=([main_block] if main_block else []) + ["status_oob"], **context)


def _invalid(section: Section, place: Place, block: str, target: str, template: str = PAGE, **forms):
    """The same form back with its errors and every typed value, as 422; htmx swaps it over the form."""
    data = _refresh(section, place)
    response = render(template, block=block, status=422, **_page_context(section, place, data, **forms))
    if is_fragment_request():
        response.headers["HX-Retarget"] = target
        response.headers["HX-Reswap"] = "outerHTML"
    return response


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


def _save_in_place(section: Section, place: Place, form, block: str, apply):
    """Validate `form`; if valid let `apply(entry)` change the section entry, commit, and answer for htmx."""
    if not form.validate_on_submit():
        return _invalid(section, place, block, f"#{block}", **{f"{block}_form": form})
    entry = _entry(place, section)
    apply(entry)
    entry.carried_over = False
    db.session.commit()
    if not is_fragment_request():
        return _back_to_page(section, place, _("Saved."))
    # A form that showed errors is swapped whole; otherwise only the indicator, never the text being typed.
    return _saved_blocks(section, place, block if request.form.get("had_errors") else f"{block}_saved_oob")


def save_narrative(section: Section, school: str, period: str):
    """Save the risks / basis / recommendations text, the violation finding and "nothing to report"."""
    place = _editable_place(section, school, period)
    if not section.triplet:
        abort(404)
    form = NarrativeForm(period=place.period)
    return _save_in_place(section, place, form, "narrative", form.populate_obj)


def save_facts(section: Section, school: str, period: str):
    """Save the section's figures (the whole figures form: a field left out is cleared)."""
    place = _editable_place(section, school, period)
    if section.facts_form is None:
        abort(404)
    form = section.facts_form(period=place.period)

    def apply(entry):
        entry.facts = {**(entry.facts or {}), **facts_from_form(form)}

    return _save_in_place(section, place, form, "facts", apply)


def save_explanation(section: Section, school: str, period: str):
    """Keep figures that trigger a warning, with the school's explanation why they are right."""
    place = _editable_place(section, school, period)
    form = ExplanationForm(period=place.period)
    if not form.validate_on_submit():
        return _invalid(section, place, "status", "#section-status", explanation_form=form)
    entry = _entry(place, section)
    entry.warnings_explanation = (form.warnings_explanation.data or "").strip() or None
    db.session.commit()
    if not is_fragment_request():
        return _back_to_page(section, place, _("Saved."))
    return _saved_blocks(section, place, None)


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


def add_row(section: Section, school: str, period: str, list_name: str):
    """Add a row to one of the section's lists; the new row is appended to its table."""
    place = _editable_place(section, school, period)
    row_list = _row_list_or_404(section, list_name)
    form = row_form(row_list, place)
    if not form.validate_on_submit():
        add_forms = {r.name: row_form(r, place, formdata=None) for r in section.row_lists}
        add_forms[list_name] = form
        return _invalid(section, place, "add_form", f"#add-{list_name}", template=ROWS,
                        add_forms=add_forms, row_list=row_list)
    model = row_list.model
    last = db.session.scalar(select(db.func.max(model.position)).where(model.submission_id == place.submission.id))
    row = model(submission_id=place.submission.id, position=(last or 0) + 1)
    form.populate_obj(row)
    db.session.add(row)
    _entry(place, section)
    db.session.commit()
    if not is_fragment_request():
        return _back_to_page(section, place, _("Row added."))
    data = _refresh(section, place)
    context = _page_context(section, place, data, row_list=row_list, row=row)
    return render(ROWS, blocks=["new_row", "add_form_oob", "status_oob"], **context)


def edit_row(section: Section, school: str, period: str, list_name: str, row_id: int):
    """A row in edit mode (GET) or saved (POST), in place in its table."""
    row_list = _row_list_or_404(section, list_name)
    place = place_or_404(school, period)
    row = _own_row_or_404(place, row_list, row_id)
    if request.method == "GET":
        if request.args.get("view") or not place.can_edit(section.code):
            return render(ROWS, block="row", **_page_context(section, place, _refresh(section, place),
                                                            row_list=row_list, row=row))
        form = row_form(row_list, place, row, obj=row, formdata=None)
        return render(ROWS, block="row_form", **_page_context(section, place, _refresh(section, place),
                                                             row_list=row_list, row=row, row_form=form))
    place = _editable_place(section, school, period)
    form = row_form(row_list, place, row)
    if not form.validate_on_submit():
        context = _page_context(section, place, _refresh(section, place), row_list=row_list, row=row, row_form=form)
        return render(ROWS, block="row_form", status=422, **context)
    form.populate_obj(row)
    row.carried_over = False
    db.session.commit()
    if not is_fragment_request():
        return _back_to_page(section, place, _("Saved."))
    context = _page_context(section, place, _refresh(section, place), row_list=row_list, row=row, saved=True)
    return render(ROWS, blocks=["row", "status_oob"], **context)


def delete_row(section: Section, school: str, period: str, list_name: str, row_id: int):
    """Remove a row; htmx drops it from the table."""
    row_list = _row_list_or_404(section, list_name)
    place = _editable_place(section, school, period)
    row = _own_row_or_404(place, row_list, row_id)
    db.session.delete(row)
    db.session.commit()
    if not is_fragment_request():
        return _back_to_page(section, place, _("Row removed."))
    return render(PAGE, blocks=["status_oob"], **_page_context(section, place, _refresh(section, place)))
