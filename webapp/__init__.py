"""Adal: internal analysis of corruption risks for schools. create_app() is the only place things are wired."""

from pathlib import Path

from flask import Flask, abort, flash, jsonify, redirect, render_template, request, send_from_directory, url_for
from flask_babel import lazy_gettext as _l
from flask_login import login_url
from flask_wtf.csrf import CSRFError
from werkzeug.middleware.proxy_fix import ProxyFix

from . import (
    audit,
    data_version,
    i18n,
    ratelimit_storage,  # noqa: F401  (registers the adal-sqlite:// rate-limit storage)
    reporting,
    security,
)
from .config import load_config
from .extensions import babel, csrf, db, htmx, limiter, login_manager, migrate
from .rendering import wants_json

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Front-end packages installed from package.json and served as they are (never committed).
VENDOR_FILES = {
    "htmx.min.js": PROJECT_ROOT / "node_modules" / "htmx.org" / "dist",
}


def create_app(test_config: dict | None = None, instance_path: str | None = None) -> Flask:
    app = Flask(__name__, instance_path=instance_path or str(PROJECT_ROOT / "instance"),
                instance_relative_config=True)
    load_config(app, test_config)
    if app.config["PROXY_FIX_X_FOR"] or app.config["PROXY_FIX_X_PROTO"]:
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"], x_proto=app.config["PROXY_FIX_X_PROTO"]
        )

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    htmx.init_app(app)
    security.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, default_translation_directories="translations")
    i18n.register(app)
    reporting.register(app)
    app.before_request(reporting.fields.clean_request_text)  # no NUL or control character reaches a form
    audit.register()  # after reporting: its commit hook must run after the figures' one
    data_version.register()  # after audit: the version's row is locked only for the commit's last step

    from .models import User

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to open this page.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(session_id: str):
        """The session's account while its key is current and the login younger than the session lifetime;
        otherwise None, which Flask-Login treats exactly like a signed-out visitor."""
        user_id, _, session_key = session_id.partition(".")
        if not user_id.isdigit() or not security.session_within_lifetime(app):
            return None
        user = db.session.get(User, int(user_id))
        return user if user is not None and user.holds_session(session_key) else None

    @login_manager.unauthorized_handler
    def signed_out():
        """Signed out (another tab, an expired session): a page's script is told so and keeps the page;
        a browser is sent to the login page, which comes back here (or to the page a POST belongs to)."""
        if request.htmx or wants_json():
            return jsonify(error="signed_out", login=url_for("auth.login")), 401
        flash(login_manager.login_message, login_manager.login_message_category)
        return redirect(login_url(login_manager.login_view, request.url))

    from .blueprints import register_blueprints

    register_blueprints(app)

    from . import jobs
    from .certificate import batch, kept  # noqa: F401  (its background task; forgetting changed renders)

    jobs.init_app(app)

    from . import notifications

    notifications.init_app(app)

    from .cli import register_commands

    register_commands(app)
    _register_error_pages(app)

    @app.get("/healthz")
    def healthz():
        """"ok" without touching the database: for a load balancer, and the benchmark's trivial route."""
        return "ok", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}

    @app.get("/vendor/<path:filename>")
    def vendor(filename: str):
        """Third-party scripts from node_modules (see package.json)."""
        if filename not in VENDOR_FILES:
            abort(404)
        return send_from_directory(VENDOR_FILES[filename], filename, max_age=86400)

    return app


def _register_error_pages(app: Flask) -> None:
    def error_page(status: int, title, message):
        return render_template("errors/error.html", status=status, title=title, message=message), status

    @app.errorhandler(404)
    def not_found(error):
        return error_page(404, _l("Page not found"), _l("There is no such page, or it is not yours to see."))

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        if request.htmx or wants_json():
            # Never reload the page (typed work would go): its script fetches a fresh token and sends again.
            return jsonify(error="csrf"), 403, {"X-Auth-Problem": "csrf"}
        return error_page(400, _l("The form has expired"),
                          _l("The page was open too long or came from elsewhere. Go back, reload it and try again."))

    @app.errorhandler(409)
    def conflict(error):
        """A write that the submission's state does not allow: say why, in place for htmx."""
        if wants_json():
            return jsonify(error="read_only", message=error.description), 409
        if request.htmx:
            body = render_template("errors/message.html", message=error.description)
            return body, 409, {"HX-Retarget": "#messages", "HX-Reswap": "innerHTML"}
        return error_page(409, _l("This cannot be changed now"), error.description)

    @app.errorhandler(429)
    def too_many_requests(error):
        return error_page(429, _l("Too many attempts"),
                          _l("Too many failed attempts. Wait a few minutes and try again."))
