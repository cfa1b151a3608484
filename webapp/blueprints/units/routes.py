"""The org-unit pages: the country (admin), a region, a city department and a school's home."""

import re

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...access import roles_required, visible_unit_or_404
from ...extensions import db
from ...models import OrgKind, OrgUnit, PeriodDeadline, Role
from ...rendering import is_fragment_request, render, see_other
from ...reporting.queries import awaiting_review, open_return_reasons, submissions_by_period, work_in_progress
from ...reporting.sections import SECTIONS
from . import queries
from .forms import DeadlineForm

bp = Blueprint("units", __name__)


def natural_key(unit: OrgUnit):
    """rudny-2 before rudny-10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", unit.code)]


@bp.get("/")
@login_required
def home():
    """Each user starts at the unit they belong to; the admin at the whole country."""
    if current_user.org_unit is None:
        return redirect(url_for("units.national"))
    return redirect(url_for("units.show", code=current_user.org_unit.code))


@bp.get("/units/")
@roles_required(Role.ADMIN)
def national():
    """Every region with how many departments and schools it holds."""
    rows = queries.children_with_school_counts(None)
    return render("units/national.html", rows=rows)


@bp.get("/units/<code>")
@login_required
def show(code: str):
    """A region (its cities), a department (its schools and deadlines) or a school (its periods)."""
    unit = visible_unit_or_404(code)
    context = {"unit": unit, "breadcrumbs": queries.ancestors(unit)}
    deadlines = queries.deadlines_for(unit, queries.periods())
    context["may_set_deadlines"] = _may_set_deadline(unit)
    context["awaiting_review"] = awaiting_review(unit) if unit.kind is not OrgKind.SCHOOL else []
    if unit.kind is OrgKind.REGION:
        rows = queries.children_with_school_counts(unit)
        return render("units/region.html", rows=rows, deadlines=deadlines, **context)
    if unit.kind is OrgKind.DEPARTMENT:
        schools = sorted(queries.schools_of(unit), key=natural_key)
        return render("units/department.html", schools=schools, deadlines=deadlines, **context)
    submissions = submissions_by_period(unit)
    return render("units/school.html", deadlines=deadlines, submissions=submissions,
                  reminders=queries.open_reminders(unit, submissions),
                  progress=work_in_progress(submissions.values()), total_sections=len(SECTIONS),
                  return_reasons=open_return_reasons(submissions.values()), **context)


def _may_set_deadline(unit: OrgUnit) -> bool:
    """A region or department sets deadlines for its own subtree; the admin for any unit."""
    if unit.kind is OrgKind.SCHOOL:
        return False
    return current_user.role is Role.ADMIN or (
        current_user.role is Role.DEPARTMENT and current_user.org_unit_id == unit.id
    )


@bp.route("/units/<code>/deadlines/<period_code>", methods=["GET", "POST"])
@login_required
def deadline(code: str, period_code: str):
    """Edit one period's deadline for a unit's subtree, in place in the deadlines table."""
    unit = visible_unit_or_404(code)
    if not _may_set_deadline(unit):
        abort(404)
    view = next((d for d in queries.deadlines_for(unit, queries.periods()) if d.period.code == period_code), None)
    if view is None:
        abort(404)
    form = DeadlineForm(deadline=view.deadline)
    if form.validate_on_submit():
        if form.deadline.data < view.period.starts_on:
            form.deadline.errors.append(_("The deadline cannot come before the half-year starts."))
        else:
            override = view.own or PeriodDeadline(period=view.period, org_unit=unit)
            override.deadline = form.deadline.data
            db.session.add(override)
            db.session.commit()
            if not is_fragment_request():
                flash(_("Deadline saved."), "success")
                return see_other(url_for("units.show", code=unit.code))
            view = queries.deadlines_for(unit, [view.period])[0]
            return render("units/deadline.html", block="deadline_row", unit=unit, d=view, saved=True)
    return render("units/deadline.html", block="deadline_row", unit=unit, d=view, form=form,
                  status=422 if form.errors else 200)


@bp.get("/units/<code>/deadlines/<period_code>/row")
@login_required
def deadline_row(code: str, period_code: str):
    """The deadline row as displayed (the "Cancel" of an in-place edit)."""
    unit = visible_unit_or_404(code)
    view = next((d for d in queries.deadlines_for(unit, queries.periods()) if d.period.code == period_code), None)
    if view is None:
        abort(404)
    if not is_fragment_request():
        return redirect(url_for("units.show", code=unit.code))
    return render("units/deadline.html", block="deadline_row", unit=unit, d=view)
