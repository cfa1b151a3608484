"""Administration: org units, accounts, reporting periods and the audit log."""

from flask import Blueprint, abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user
from sqlalchemy.orm import selectinload

from ... import audit as audit_log
from ...access import roles_required
from ...extensions import db
from ...models import AuditEvent, OrgKind, OrgUnit, Period, Role, User
from ...rendering import is_fragment_request, render, see_other
from .forms import KIND_LABELS, MAX_ID, ROLE_LABELS, PeriodForm, UnitForm, UserForm, optional_id

bp = Blueprint("admin", __name__, url_prefix="/admin")
AUDIT_PAGE_SIZE = 100
ID = f"int(max={MAX_ID})"  # a larger id in a link is a 404, not a database error


@bp.before_request
@roles_required(Role.ADMIN)
def admins_only():
    """Every admin page is for administrators only (others get 404)."""


def _form_page(form, title: str, back: str, save, **context):
    """Show `form`; when valid, let `save` apply it, commit once and go back to the list."""
    if form.validate_on_submit():
        with db.session.no_autoflush:  # one flush at the commit, so one edit leaves one audit event
            save()
        db.session.commit()
        flash(_("Saved."), "success")
        return see_other(back)
    return render("admin/form.html", block="form", form=form, title=title, back=back,
                  status=422 if form.errors else 200, **context)


@bp.get("/")
@bp.get("/units")
def units():
    """All org units in tree order."""
    rows = db.session.scalars(db.select(OrgUnit).order_by(OrgUnit.path)).all()
    return render("admin/units.html", units=rows, kind_labels=KIND_LABELS)


@bp.route("/units/new", methods=["GET", "POST"])
def new_unit():
    parent_id = request.args.get("parent", type=optional_id)
    parent = db.session.get(OrgUnit, parent_id) if parent_id else None
    # "Add below" a region offers a department, below a department a school.
    child_kind = next((kind for kind in OrgKind if parent and kind.parent_kind is parent.kind), None)
    form = UnitForm(parent_id=parent_id if child_kind else None, kind=child_kind.value if child_kind else None)

    def save():
        unit = OrgUnit()
        form.populate_obj(unit)
        unit.kind = OrgKind(form.kind.data)
        unit.place_under(db.session.get(OrgUnit, form.parent_id.data) if form.parent_id.data else None)
        db.session.add(unit)

    return _form_page(form, _l("New org unit"), url_for(".units"), save)


@bp.route(f"/units/<{ID}:unit_id>", methods=["GET", "POST"])
def edit_unit(unit_id: int):
    unit = db.get_or_404(OrgUnit, unit_id)
    form = UnitForm(obj=unit, unit=unit)

    def save():
        form.populate_obj(unit)
        unit.place_under(db.session.get(OrgUnit, form.parent_id.data) if form.parent_id.data else None)

    return _form_page(form, f"{unit.name} ({unit.code})", url_for(".units"), save)


@bp.get("/users")
def users():
    rows = db.session.scalars(db.select(User).options(selectinload(User.org_unit)).order_by(User.username)).all()
    return render("admin/users.html", users=rows, role_labels=ROLE_LABELS)


@bp.route("/users/new", methods=["GET", "POST"])
def new_user():
    form = UserForm()

    def save():
        user = User()
        password = form.password.data
        del form.password  # only its hash is stored
        form.populate_obj(user)
        user.role = Role(form.role.data)
        user.set_password(password)
        db.session.add(user)

    return _form_page(form, _l("New user"), url_for(".users"), save)


@bp.route(f"/users/<{ID}:user_id>", methods=["GET", "POST"])
def edit_user(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserForm(obj=user, user=user, role=user.role.value, own=user.id == current_user.id)

    def save():
        password = form.password.data
        del form.password  # never copied as is: hashed below, only when a new one was typed
        form.populate_obj(user)
        user.role = form.chosen_role
        if password:
            user.set_password(password)

    return _form_page(form, user.username, url_for(".users"), save,
                      sign_out_url=url_for(".sign_out_user", user_id=user.id))


@bp.post(f"/users/<{ID}:user_id>/sign-out")
def sign_out_user(user_id: int):
    """«Sign out everywhere»: every session of the account ends, on every server (a stolen cookie too)."""
    user = db.get_or_404(User, user_id)
    user.end_sessions()
    audit_log.record(db.session, "sign_out_all", user)
    db.session.commit()
    if user.id == current_user.id:
        logout_user()
        return see_other(url_for("auth.login"))
    flash(_("%(user)s is signed out on every device.", user=user.username), "success")
    return see_other(url_for(".edit_user", user_id=user.id))


@bp.get("/periods")
def periods():
    rows = db.session.scalars(db.select(Period).order_by(Period.year.desc(), Period.half.desc())).all()
    return render("admin/periods.html", periods=rows)


@bp.route("/periods/new", methods=["GET", "POST"])
def new_period():
    form = PeriodForm()

    def save():
        period = Period(code=Period.code_for(form.year.data, form.half.data))
        form.populate_obj(period)
        db.session.add(period)

    return _form_page(form, _l("New half-year"), url_for(".periods"), save)


@bp.route("/periods/<code>", methods=["GET", "POST"])
def edit_period(code: str):
    period = db.first_or_404(db.select(Period).filter_by(code=code))
    form = PeriodForm(obj=period, period=period)
    return _form_page(form, period.code, url_for(".periods"), lambda: form.populate_obj(period))


@bp.post("/periods/<code>/open")
def toggle_period(code: str):
    """Open or close a half-year for submissions, in place in the list."""
    period = db.first_or_404(db.select(Period).filter_by(code=code))
    period.is_open = request.form.get("open") == "1"
    db.session.commit()
    if not is_fragment_request():
        return see_other(url_for(".periods"))
    return render("admin/periods.html", block="period_row", period=period, saved=True)


@bp.get("/audit")
def audit():
    """The newest writes first; older pages by the id to continue before."""
    query = db.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(AUDIT_PAGE_SIZE)
    before = request.args.get("before", type=optional_id)
    if before:
        query = query.where(AuditEvent.id < before)
    object_type = request.args.get("type")
    if object_type:
        query = query.where(AuditEvent.object_type == object_type)
    events = db.session.scalars(query).all()
    if before and not events:
        abort(404)
    return render("admin/audit.html", events=events, page_size=AUDIT_PAGE_SIZE, object_type=object_type)
