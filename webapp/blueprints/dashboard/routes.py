"""The dashboard: the country (admin), a region (its cities), a city (its schools) and a school's drill-down.

Every view reads the half-year from ?period= and keeps its state in the URL (search, filter, sort,
indicator), so any view can be bookmarked or sent to a colleague; htmx swaps named blocks of the same
templates.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

from flask import Blueprint, abort, current_app, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy import select

from ... import audit
from ...access import visible_unit_or_404
from ...data_version import remember
from ...extensions import db
from ...i18n import current_language
from ...jobs import enqueue
from ...models import OrgKind, OrgUnit, Period, Role
from ...notifications import messages_by_school, queue_reminders
from ...rendering import is_fragment_request, render, see_other
from ...reporting.fields import NumberError, parse_number
from ...reporting.sections import SECTIONS
from ..units.queries import ancestors, today
from . import queries
from .charts_data import group_bars, school_bars, trend_series
from .columns import SCHOOL_COLUMNS
from .comparison import STATES, compare, refine
from .exports import FORMATS, comparison_sheet, completeness_sheet, render_sheet, risks_sheet, status_label
from .flags import FLAG_RULES, own_thresholds, set_threshold, thresholds_for
from .heatmap import HEAT_STATES, heat_map
from .indicators import BY_KEY, INDICATORS, formatter
from .models import Reminder

bp = Blueprint("dashboard", __name__)

DEFAULT_INDICATOR = "single_source_pct"


# --- Where a request stands ------------------------------------------------------------------------

def _unit(code: str | None) -> OrgUnit | None:
    """The unit asked about; None is the whole country, for the admin only."""
    if code is None:
        if current_user.role is not Role.ADMIN:
            abort(404)
        return None
    return visible_unit_or_404(code)


def _group_unit(code: str) -> OrgUnit:
    """A region or department: the pages that compare schools have nothing to compare under one school."""
    unit = _unit(code)
    if unit.kind is OrgKind.SCHOOL:
        abort(404)
    return unit


def _periods() -> list[Period]:
    return db.session.scalars(select(Period).order_by(Period.year, Period.half)).all()


def _period(periods: list[Period]) -> Period:
    """?period=2025-H1, else the latest half-year whose deadline has passed (the one to chase and compare)."""
    code = request.args.get("period") or request.form.get("period")
    if code:
        period = next((p for p in periods if p.code == code), None)
        if period is None:
            abort(404)
        return period
    if not periods:
        abort(404)
    passed = [p for p in periods if p.deadline < today()]
    return (passed or periods)[-1]


def _indicator():
    return BY_KEY.get(request.args.get("indicator") or DEFAULT_INDICATOR, BY_KEY[DEFAULT_INDICATOR])


def _trail(unit: OrgUnit | None) -> list[tuple[str, str]]:
    """Breadcrumbs from the top the user may see down to `unit`, each to its dashboard for the same half-year."""
    period = request.args.get("period")
    items = []
    if current_user.role is Role.ADMIN:
        items.append((_("Kazakhstan"), url_for("dashboard.national", period=period)))
    # Only units above `unit` that the user may see are read: none for a department's own page (one query less).
    own = current_user.org_unit
    if unit is not None and (current_user.role is Role.ADMIN or (own is not None and own.path != unit.path)):
        for above in ancestors(unit):
            if current_user.can_see(above):
                items.append((above.name, url_for("dashboard.show", code=above.code, period=period)))
    return items


def _context(unit: OrgUnit | None, **extra) -> dict:
    periods = _periods()
    period = _period(periods)
    return {"unit": unit, "periods": periods, "period": period, "trail": _trail(unit), "indicators": INDICATORS,
            "indicator": _indicator(), "indicators_by_key": BY_KEY, "format_value": formatter(current_language()),
            "sections": SECTIONS, "today": today(), "school_columns": SCHOOL_COLUMNS,
            # One url_for for every school's link on the page (each costs tens of microseconds; a city lists
            # dozens): SCHOOL is replaced by the school's code, which needs no quoting in a path.
            "school_href": url_for("dashboard.show", code="SCHOOL", period=period.code), **extra}


# --- Pages -----------------------------------------------------------------------------------------

@bp.get("/dashboard/")
@login_required
def national():
    """The admin compares the regions."""
    return _groups(_unit(None))


@bp.get("/units/<code>/dashboard/")
@login_required
def show(code: str):
    """A region compares its cities; a department sees its schools; a school sees itself against the city."""
    unit = _unit(code)
    if unit.kind is OrgKind.SCHOOL:
        return _school(unit)
    if unit.kind is OrgKind.REGION:
        return _groups(unit)
    return _department(unit)


def _groups(unit: OrgUnit | None):
    context = _context(unit)
    period, indicator = context["period"], context["indicator"]
    rows = queries.child_rows(unit, period, indicator)
    totals = queries.Totals.combine([row.totals for row in rows])
    history = _history(context["periods"], context["period"])
    trend = queries.trend(unit, history, [indicator])
    context.update(rows=rows, totals=totals,
                   bars=group_bars(rows, indicator, context["format_value"]),
                   trend_chart=trend_series(history, [(unit.name if unit else _("Kazakhstan"), trend)], indicator,
                                            context["format_value"]))
    return render("dashboard/groups.html", block=_block("indicator_view"), **context)


def _history(periods: list[Period], period: Period, count: int = 6) -> list[Period]:
    """The `count` half-years up to `period`, oldest first (trends and the completeness grid)."""
    return [p for p in periods if (p.year, p.half) <= (period.year, period.half)][-count:]


def _block(name: str) -> str | None:
    """The named block when htmx targets its element (id = the name with dashes), else the whole page."""
    return name if request.headers.get("HX-Target") == name.replace("_", "-") else None


def _department(unit: OrgUnit, remind_error: str | None = None):
    context = _context(unit, remind_error=remind_error)
    period, indicator = context["period"], context["indicator"]
    comparison = compare(unit, period, current_language(), with_columns=False)
    deadlines = queries.deadlines_by_department(unit, period)
    reminders = queries.latest_reminders(unit, period)
    messages = messages_by_school(queries.in_scope(unit), period)
    for row in comparison.rows:
        row.deadline = deadlines.get(row.department_id, period.deadline)
        row.reminded_at = reminders.get(row.id)
        row.messages = messages.get(row.id, [])
    history = _history(context["periods"], context["period"])

    def charts() -> tuple:
        return (school_bars(comparison, indicator),
                trend_series(history, [(unit.name, queries.trend(unit, history, [indicator]))], indicator,
                             context["format_value"]))

    # The two charts (SVG) are made of figures, the thresholds in force and the language only, all in the
    # comparison's `kept_as`: kept under the data version with it, made afresh after any save.
    bars, trend_chart = remember(("department_charts", *comparison.kept_as, indicator.key,
                                  tuple(p.id for p in history)), charts)
    context.update(comparison=comparison, totals=comparison.totals,
                   behind=[row for row in comparison.rows if row.is_behind], bars=bars, trend_chart=trend_chart)
    return render("dashboard/department.html", block=_block("indicator_view"), status=422 if remind_error else 200,
                  **context)


def _school(school: OrgUnit):
    """The school against its city: value, median and middle half, for every indicator; no other names."""
    context = _context(school)
    period, indicator = context["period"], context["indicator"]
    department = db.session.get(OrgUnit, school.parent_id)
    comparison = compare(department, period, current_language(), with_columns=False)
    own = next((row for row in comparison.rows if row.id == school.id), None)
    if own is None:
        abort(404)
    history = _history(context["periods"], context["period"])
    own_trend = queries.school_trend(school, history)
    city_trend = queries.trend(department, history, [indicator])
    may_see_messages = current_user.role is not Role.SCHOOL
    context.update(
        messages=messages_by_school(OrgUnit.id == school.id, period).get(school.id, []) if may_see_messages else [],
        school=school, department=department, own=own, comparison=comparison,
        deadline=queries.deadlines_by_department(department, period).get(department.id, period.deadline),
        trend_chart=trend_series(history, [(school.name, own_trend),
                                           (_("%(city)s, all schools together", city=department.name), city_trend)],
                                 indicator,
                                 context["format_value"]),
        is_school_user=current_user.role is Role.SCHOOL,
    )
    return render("dashboard/school.html", block=_block("indicator_view"), **context)


@bp.get("/units/<code>/dashboard/compare")
@login_required
def comparison(code: str):
    """Every school as a row, sortable by any column, searchable and filtered by status (htmx, URL state)."""
    unit = _group_unit(code)
    context = _context(unit)
    result = compare(unit, context["period"], current_language())
    args = _table_args()
    refine(result, **args)
    context.update(comparison=result, states=STATES, args=args, sort_href=_sort_href(unit, context["period"], args))
    response = render("dashboard/compare.html", block="table" if is_fragment_request() else None, **context)
    if is_fragment_request() and _is_current_url():
        response.headers["HX-Push-Url"] = "false"  # the same view again: one user action, one history entry
    return response


def _is_current_url() -> bool:
    """htmx asks for the view the browser already shows (same path and query, in any order)."""
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    return current.path == request.path and sorted(parse_qsl(current.query, keep_blank_values=True)) == sorted(
        request.args.items(multi=True))


def _sort_href(unit: OrgUnit, period: Period, args: dict) -> tuple[str, str]:
    """The comparison's URL with this view's search and filters, split where a column header's «sort» and
    «desc» go: (up to "&sort=", from after desc's value). One url_for for the thirty headers of the table."""
    href = url_for("dashboard.comparison", code=unit.code, period=period.code, q=args["search"] or None,
                   status=args["state"] or None, flagged="1" if args["flagged_only"] else None,
                   level=request.args.get("level"), sort="~", desc="~", **dict.fromkeys(args["having"], "1"))
    # Typed text is percent-encoded («&» as %26): only the real parameters can read "&sort=~&desc=~".
    before, after = href.split("&sort=~&desc=~")
    return before + "&sort=", after


def _table_args() -> dict:
    return {"search": request.args.get("q", ""), "state": request.args.get("status", ""),
            "sort": request.args.get("sort", ""), "descending": request.args.get("desc") == "1",
            "flagged_only": request.args.get("flagged") == "1",
            "having": tuple(c.key for c in SCHOOL_COLUMNS if request.args.get(c.key) == "1")}


@bp.get("/units/<code>/dashboard/compare.<any('excel.csv', csv, xlsx):file_format>")
@login_required
def comparison_export(code: str, file_format: str):
    """The comparison as shown (same search, filter and sort) as XLSX, a CSV for Excel or an RFC 4180 CSV."""
    unit = _group_unit(code)
    period = _period(_periods())
    result = compare(unit, period, current_language())
    refine(result, **_table_args())
    return _download(comparison_sheet(result), f"{unit.code}_{period.code}_comparison", file_format, unit)


def _download(sheet, stem: str, file_format: str, unit: OrgUnit):
    """The sheet as a file named for what it holds and for whom: …_comparison.xlsx, …_excel.csv, …_rfc4180.csv;
    the download is noted in the audit log."""
    mimetype, suffix = FORMATS[file_format]
    response = current_app.response_class(render_sheet(sheet, file_format), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{stem}{suffix}"'
    audit.record_download(db.session, unit, f"{stem}{suffix}")
    return response


@bp.get("/units/<code>/dashboard/completeness")
@login_required
def completeness(code: str):
    """Schools × half-years (status, late, days to the deadline) and schools × sections for one half-year."""
    unit = _group_unit(code)
    context = _context(unit)
    period = context["period"]
    history = _history(context["periods"], context["period"])
    rows = queries.school_rows(unit, period, current_language(), with_sections=True)
    deadlines = queries.deadlines_by_department(unit, period)
    for row in rows:
        row.deadline = deadlines.get(row.department_id, period.deadline)
    context.update(rows=rows, history=history, grid=queries.submissions_grid(unit, history),
                   totals=queries.totals(unit, period), section_counts=_section_counts(rows))
    return render("dashboard/completeness.html", **context)


def _section_counts(rows) -> dict[str, dict[str, int]]:
    """section code -> how many schools have it filled / nothing to report / returned / missing."""
    counts = {section.code: dict.fromkeys(("filled", "nothing", "returned", "missing"), 0) for section in SECTIONS}
    for row in rows:
        for section in SECTIONS:
            state = row.states.get(section.code, "missing") if row.submission_id else "missing"
            counts[section.code]["missing" if state == "errors" else state] += 1
    return counts


@bp.get("/units/<code>/dashboard/completeness.<any('excel.csv', csv, xlsx):file_format>")
@login_required
def completeness_export(code: str, file_format: str):
    unit = _group_unit(code)
    periods = _periods()
    period = _period(periods)
    history = _history(periods, period)
    rows = queries.school_rows(unit, period, current_language())
    sheet = completeness_sheet([(r.id, r.code, r.name) for r in rows], history,
                               queries.submissions_grid(unit, history), unit)
    return _download(sheet, f"{unit.code}_{period.code}_completeness", file_format, unit)


@bp.post("/units/<code>/dashboard/reminders")
@login_required
def remind(code: str):
    """Mark the chosen late schools as reminded; each sees the reminder on its home page."""
    unit = _unit(code)
    if unit.kind is not OrgKind.DEPARTMENT or current_user.role not in (Role.DEPARTMENT, Role.ADMIN):
        abort(404)
    period = db.session.scalar(select(Period).filter_by(code=request.form.get("period", "")))
    if period is None:
        abort(404)
    chosen = set(request.form.getlist("school"))
    if not chosen:  # the dashboard back, with the message next to the button
        return _department(unit, remind_error=_("Choose the schools to remind."))
    schools = db.session.scalars(select(OrgUnit).where(OrgUnit.code.in_(chosen), OrgUnit.parent_id == unit.id)).all()
    if len(schools) != len(chosen):
        abort(404)
    deadline = queries.deadlines_by_department(unit, period).get(unit.id, period.deadline)
    for school in schools:  # marked reminded at once (the school sees it at home); the e-mails follow
        db.session.add(Reminder(school_id=school.id, period_id=period.id, sent_by_id=current_user.id))
    job = queue_reminders(schools, period, department=unit, sent_by=current_user, deadline=deadline)
    db.session.commit()
    enqueue("send_reminders", job.id)
    flash(ngettext("%(num)s school reminded; the e-mail is on its way.",
                   "%(num)s schools reminded; the e-mails are on their way.", len(schools)), "success")
    return see_other(url_for("jobs.show", job_id=job.id))


@bp.get("/units/<code>/dashboard/risks")
@login_required
def risks(code: str):
    """Flags per school with their reasons, the heat map of schools × sections, and the thresholds."""
    unit = _group_unit(code)
    context = _context(unit)
    result = compare(unit, context["period"], current_language(), with_sections=True, with_columns=False)
    context.update(comparison=result, heat=heat_map(result, SECTIONS), heat_states=HEAT_STATES, rules=FLAG_RULES,
                   may_edit=_may_edit_thresholds(unit), thresholds=result.thresholds, own=own_thresholds(unit))
    return render("dashboard/risks.html", **context)


@bp.get("/units/<code>/dashboard/risks.<any('excel.csv', csv, xlsx):file_format>")
@login_required
def risks_export(code: str, file_format: str):
    """The heat map as a list (school × section: what the cell shows, the flags, the typed risks) to download."""
    unit = _group_unit(code)
    period = _period(_periods())
    result = compare(unit, period, current_language(), with_sections=True, with_columns=False)
    sheet = risks_sheet(heat_map(result, SECTIONS), queries.section_texts(unit, period, current_language()), unit,
                        period)
    return _download(sheet, f"{unit.code}_{period.code}_risks", file_format, unit)


def _may_edit_thresholds(unit: OrgUnit) -> bool:
    return current_user.role is Role.ADMIN or (current_user.role is Role.DEPARTMENT
                                               and current_user.org_unit_id == unit.id)


@bp.post("/units/<code>/dashboard/thresholds")
@login_required
def thresholds(code: str):
    """Save the unit's own thresholds; an invalid number comes back next to its field, nothing saved."""
    unit = _group_unit(code)
    if not _may_edit_thresholds(unit):
        abort(404)
    own = own_thresholds(unit)
    values, errors = {}, {}
    for rule in FLAG_RULES:
        # Read as every figure is: «24,5», «1 000»; not «٣», «1e3» or a third decimal the column would round away.
        try:
            value = parse_number(request.form.get(rule.key), decimals=2)
        except NumberError:
            value = None
        if value is None or value > 1_000_000:
            errors[rule.key] = _("Enter a number from 0 upwards.")
        else:
            values[rule.key] = value
    context = _context(unit)
    if errors:
        result = compare(unit, context["period"], current_language(), with_sections=True, with_columns=False)
        context.update(comparison=result, heat=heat_map(result, SECTIONS), heat_states=HEAT_STATES, rules=FLAG_RULES,
                       may_edit=True, thresholds=thresholds_for(unit), own=own, errors=errors, typed=request.form)
        return render("dashboard/risks.html", block="thresholds_form", status=422, **context)
    for rule in FLAG_RULES:
        if own.get(rule.key) is None and float(values[rule.key]) == thresholds_for(unit)[rule.key]:
            continue  # unchanged inherited value: no override
        set_threshold(unit, rule, values[rule.key], own.get(rule.key))
    db.session.commit()
    if not is_fragment_request():
        flash(_("Thresholds saved."), "success")
    return see_other(url_for("dashboard.risks", code=unit.code, period=request.form.get("period")))


bp.add_app_template_global(status_label)


@bp.app_template_global()
def days_left(deadline: date | None) -> int | None:
    """Days from today to the deadline (negative once it has passed)."""
    return None if deadline is None else (deadline - today()).days
