"""Logging in and out, and choosing the interface language."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

from ... import audit
from ...extensions import db, limiter
from ...i18n import LANGUAGE_COOKIE, LANGUAGE_COOKIE_AGE
from ...models import User, utcnow
from ...passwords import burn_password_check
from ...rendering import wants_json
from ...security import start_session
from .forms import LanguageForm, LoginForm, PasswordChangeForm

bp = Blueprint("auth", __name__)


def _failed_login(response) -> bool:
    """Only failed attempts count towards the limit, so a busy school is never locked out by success."""
    return response.status_code == 422


def _address_and_username_key() -> str:
    """Failures are counted per address and username: a stranger elsewhere cannot lock the owner out."""
    return f"login:{get_remote_address()}:{request.form.get('username', '').strip().lower()[:80]}"


def _account_key() -> str:
    """Wrong current passwords are counted per account: a session left open or stolen cannot be used to guess
    the password (and then change it), whatever the number of addresses it is used from."""
    return f"password:{current_user.id if current_user.is_authenticated else get_remote_address()}"


def _wrong_current_password(response) -> bool:
    return bool(g.get("wrong_current_password"))


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths, so a crafted link cannot send a user elsewhere after logging in; a path that
    only takes POST (…/submit, …/rows/x) becomes the page it belongs to, so logging in never ends in a 405."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return _page_for(target)
    return None


def _page_for(target: str) -> str:
    """`target` if it can be opened (GET); otherwise the nearest page above it, e.g. …/2026-H2/submit → …/2026-H2/."""
    adapter = current_app.url_map.bind("localhost")
    try:
        adapter.match(urlsplit(target).path, method="GET")
        return target
    except (RequestRedirect, NotFound):
        return target  # a redirect or an honest 404 page, never a 405
    except MethodNotAllowed:
        pass
    path = urlsplit(target).path.rstrip("/")
    while "/" in path:
        path = path.rsplit("/", 1)[0]
        for candidate in (path + "/", path):
            try:
                adapter.match(candidate or "/", method="GET")
                return candidate or "/"
            except RequestRedirect as redirect_to:
                return urlsplit(redirect_to.new_url).path
            except (NotFound, MethodNotAllowed):
                continue
    return url_for("units.home")


@bp.get("/csrf-token")
@limiter.exempt
def csrf_token():
    """A fresh form token for this session, for a page left open long or signed in again from a dialog; and
    whether anyone is signed in, so a page sends a plain form only once they are (else its dialog asks first)."""
    return jsonify(token=generate_csrf(), signed_in=current_user.is_authenticated), 200, {"Cache-Control": "no-store"}


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], key_func=_address_and_username_key,
               methods=["POST"], deduct_when=_failed_login)
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_PER_ADDRESS"],
               methods=["POST"], deduct_when=_failed_login)
def login():
    """The login form; one generic message, in the same time, for any wrong username or password.

    A page's sign-in dialog posts here asking for JSON: it gets {"ok": true, "token": …, "username": …} and stays
    where it is; the page tells by the username whether the account signed in can save what waits on it. The
    dialog signing in as another account than the one this browser has now (signed in in another tab) is a
    sign-in like any: the page's account can take the session back there.
    """
    if current_user.is_authenticated:
        other = request.method == "POST" and wants_json() and \
            (request.form.get("username") or "").strip().lower() not in ("", current_user.username)
        if wants_json() and not other:
            return jsonify(ok=True, token=generate_csrf(), username=current_user.username)
        if not other:
            return redirect(url_for("units.home"))
    form = LoginForm(next=request.args.get("next"))
    if form.validate_on_submit():
        username = form.username.data.strip().lower()
        user = db.session.execute(db.select(User).filter_by(username=username)).scalar_one_or_none()
        if user is None:
            burn_password_check(form.password.data)
        elif user.check_password(form.password.data) and user.active:
            start_session()
            login_user(user)
            user.last_login_at = utcnow()
            audit.record(db.session, "login", user)
            db.session.commit()
            if wants_json():
                return jsonify(ok=True, token=generate_csrf(), username=user.username)
            return redirect(_safe_next(form.next.data) or url_for("units.home"), 303)
        # A name no account has is often a password typed into the wrong box: the log keeps only its start.
        label = username if user is not None else f"{username[:2]}… ({len(username)})"
        audit.record(db.session, "login_failed", user, object_type="user_account", label=label,
                     changes={"address": [None, get_remote_address()]})
        db.session.commit()
        form.password.errors.append(_("Wrong username or password."))
    if wants_json():
        return jsonify(ok=False, error=" ".join(str(e) for errors in form.errors.values() for e in errors)), 422
    return render_template("auth/login.html", form=form), 422 if form.errors else 200


@bp.errorhandler(429)
def login_limited(error):
    """Too many failed logins (or wrong current passwords): the same page, with the reason and no form errors
    to guess from."""
    if request.endpoint == "auth.change_password":
        form = PasswordChangeForm(formdata=None, user=current_user)
        return render_template("auth/password.html", form=form, limited=True), 429
    if wants_json():
        return jsonify(ok=False, error=_("Too many failed attempts. Wait a few minutes and try again.")), 429
    form = LoginForm(next=request.args.get("next"))
    form.username.data = request.form.get("username", "")
    return render_template("auth/login.html", form=form, limited=True), 429


@bp.post("/logout")
@login_required
def logout():
    """Log out: every session of the account ends, on this browser and any other (a copied cookie too)."""
    user = current_user._get_current_object()
    user.end_sessions()
    audit.record(db.session, "logout", user)
    db.session.commit()
    language = session.get("lang") or user.locale
    logout_user()
    session.clear()
    if language:
        session["lang"] = language
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"), 303)


@bp.route("/account/password", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], key_func=_account_key, methods=["POST"],
               deduct_when=_wrong_current_password)
@login_required
def change_password():
    """One's own password: a new one ends every other session of the account (other browsers, copied cookies).
    Wrong current passwords count like failed logins (and are audited like them)."""
    user = current_user._get_current_object()
    form = PasswordChangeForm(user=user)
    valid = form.validate_on_submit()
    if form.current.data and form.current.errors:
        g.wrong_current_password = True
        audit.record(db.session, "password_failed", user,
                     changes={"address": [None, get_remote_address()]})
        db.session.commit()
    if valid:
        user.set_password(form.new.data)  # a new session key with it: every session ends…
        db.session.commit()
        start_session()
        login_user(user)  # …but this one, which starts again under the new key
        flash(_("Password changed. Every other session of your account has ended."), "success")
        return redirect(url_for("units.home"), 303)
    return render_template("auth/password.html", form=form), 422 if form.errors else 200


@bp.post("/language")
def set_language():
    """Switch the interface language; remembered on the account, for this browser session and on this browser."""
    form = LanguageForm()
    response = redirect(_safe_next(form.next.data) or url_for("units.home"), 303)
    if form.validate_on_submit():
        session["lang"] = form.lang.data
        response.set_cookie(LANGUAGE_COOKIE, form.lang.data, max_age=LANGUAGE_COOKIE_AGE, httponly=True,
                            samesite="Lax", secure=bool(current_app.config["SESSION_COOKIE_SECURE"]))
        if current_user.is_authenticated and current_user.locale != form.lang.data:
            current_user.locale = form.lang.data
            db.session.commit()
    return response
