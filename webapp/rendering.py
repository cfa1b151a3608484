"""The one seam between views and htmx: a page or one of its named blocks, and redirects htmx can follow."""

from flask import make_response, redirect, render_template, request
from jinja2_fragments.flask import render_block
from markupsafe import Markup


def is_fragment_request() -> bool:
    """htmx asked for part of a page (a boosted navigation still wants the whole page)."""
    return bool(request.htmx) and not request.htmx.boosted


def wants_json() -> bool:
    """The page's own script is asking (it sends Accept: application/json) and reads a JSON answer."""
    return request.accept_mimetypes.best == "application/json"


def render(template: str, *, block: str | None = None, blocks: list[str] | None = None, status: int = 200,
           **context):
    """Render the whole page, or only `block` (or several `blocks`, e.g. one plus out-of-band ones) for htmx."""
    names = blocks or ([block] if block else [])
    if names and is_fragment_request():
        # Blocks after the first are out-of-band; a <template> wrapper keeps them intact whatever the first
        # one is (after a <tr> the HTML parser would otherwise empty a <form>), and htmx unwraps it.
        rendered = [render_block(template, name, **context) for name in names]
        body = rendered[0] + "".join(f"<template>{part}</template>" for part in rendered[1:])
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def see_other(url: str):
    """After a write: 303 for browsers; for htmx an HX-Location so the swap lands on a whole page."""
    if request.htmx:
        response = make_response("", 204)
        response.headers["HX-Location"] = url
        return response
    return redirect(url, 303)


def hidden_fields(form) -> Markup:
    """A form's hidden fields (the CSRF token among them) without id attributes, unlike WTForms' hidden_tag():
    a page with two forms would otherwise repeat id="csrf_token", which HTML forbids."""
    return Markup("").join(field(id=False) for field in form
                            if field.type in ("HiddenField", "CSRFTokenField"))
