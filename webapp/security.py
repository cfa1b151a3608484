"""What every response shares for safety: security headers, no caching of signed-in pages, the request size limit.

Sources: OWASP ASVS 4.0.3 V14.4 (HTTP security headers), V8.2.1 (no caching of sensitive data), V13.1.5
(request size); Content-Security-Policy Level 3 (W3C) for the policy's syntax.
"""

from __future__ import annotations

import secrets
import time

from flask import Flask, g, render_template, request, session
from werkzeug.routing import IntegerConverter, UnicodeConverter, ValidationError

# Scripts only from our own files (htmx is configured with allowEval false, so it needs no 'unsafe-eval');
# styles from our own files, plus a <style> carrying this response's nonce (the certificate's print layout).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'{style_nonce}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"
# Files that are the same for everyone and may be cached by the browser (everything else is no-store).
PUBLIC_ENDPOINTS = frozenset({"static", "vendor"})


def csp_nonce() -> str:
    """A random nonce for this response, for a <style> element of our own; the policy then names it."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def security_headers(response):
    """Headers on every response (pages, fragments, files, errors): CSP, no framing, no sniffing, no caching
    of anything but the public static files, and HSTS outside debug mode."""
    nonce = g.get("csp_nonce")
    headers = response.headers
    headers.setdefault("Content-Security-Policy",
                       CONTENT_SECURITY_POLICY.format(style_nonce=f" 'nonce-{nonce}'" if nonce else ""))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")  # for browsers that predate frame-ancestors
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
    if not _app_debug():
        headers.setdefault("Strict-Transport-Security", HSTS)
    if request.endpoint not in PUBLIC_ENDPOINTS:
        # Pupils' and staff data must not stay in a shared school computer's cache or the back button.
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
    return response


def _app_debug() -> bool:
    from flask import current_app

    return current_app.debug


LOGIN_TIME_KEY = "login_at"


def start_session() -> None:
    """Before logging someone in: a fresh session (a new CSRF secret; nothing carried over from before the
    login but the chosen language) stamped with the login time, which bounds its life."""
    language = session.get("lang")
    session.clear()
    g.pop("csrf_token", None)  # Flask-WTF caches the request's token here
    if language:
        session["lang"] = language
    session[LOGIN_TIME_KEY] = int(time.time())
    session.permanent = True


def session_within_lifetime(app: Flask) -> bool:
    """True while the session's login is younger than PERMANENT_SESSION_LIFETIME (renewing the cookie on each
    request does not extend it: the limit is absolute)."""
    logged_in_at = session.get(LOGIN_TIME_KEY)
    lifetime = app.permanent_session_lifetime.total_seconds()
    return isinstance(logged_in_at, int) and 0 <= time.time() - logged_in_at < lifetime


class IdConverter(IntegerConverter):
    """`<int:…>` in a URL: at most 2³¹ − 1, what an id column holds on PostgreSQL (and SQLite's driver takes);
    a larger number is an unknown page (404), never a database error."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False):  # noqa: A002 (werkzeug's names)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class TextConverter(UnicodeConverter):
    """A code in a URL (`<school>`, `<period>`…): one with a control character matches no page (404), so a NUL
    never reaches PostgreSQL, which refuses it in text with an error."""

    def to_python(self, value: str) -> str:
        from .reporting.fields import clean_text

        if clean_text(value) != value:
            raise ValidationError()
        return value


def init_app(app: Flask) -> None:
    """Wire the URL converters (before any route is added), the headers, the nonce helper for templates and
    the 413 page."""
    app.url_map.converters.update(int=IdConverter, default=TextConverter, string=TextConverter)
    app.after_request(security_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    from .rendering import hidden_fields

    app.jinja_env.globals["hidden_fields"] = hidden_fields

    @app.errorhandler(413)
    def request_too_large(error):
        from flask_babel import gettext as _

        message = _("The request is too large (at most %(size)s MB). Shorten the text and try again.",
                    size=app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024))
        if getattr(request, "htmx", False):
            body = render_template("errors/message.html", message=message)
            return body, 413, {"HX-Retarget": "#messages", "HX-Reswap": "innerHTML"}
        return render_template("errors/error.html", status=413, title=_("Too large"), message=message), 413
