"""A region's or department's own wording of the certificate's fixed texts, in Kazakh and Russian."""

import json
import string

from flask import Blueprint, abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from ...access import visible_unit_or_404
from ...certificate.boilerplate import DEFAULTS, inherited_texts
from ...certificate.models import CertificateText
from ...extensions import db
from ...models import OrgKind, Role
from ...rendering import render, see_other
from ...reporting.fields import MAX_TEXT

texts_bp = Blueprint("certificate_texts", __name__, url_prefix="/units/<code>/certificate-texts")

PLACEHOLDERS = {"school", "order", "period"}
TITLES = {"legal_basis": _l("Legal basis"), "object": _l("Object of the analysis"), "order": _l("The head's order"),
          "method": _l("Methodological basis"), "period": _l("Period analysed"), "goal": _l("Goal"),
          "task": _l("Task"), "sources_intro": _l("Information sources: introduction")}


def _known_placeholders(form, field):
    names = {name for _text, name, _spec, _conv in string.Formatter().parse(field.data or "") if name is not None}
    unknown = names - PLACEHOLDERS
    if unknown:
        raise ValidationError(_l("Unknown placeholder %(names)s; use {school}, {order} or {period}.",
                                 names=", ".join("{" + n + "}" for n in sorted(unknown))))


class TextsForm(FlaskForm):
    """One textarea per text and language, named <key>_<lang>."""


LANGUAGE_LABELS = {"kk": _l("In Kazakh"), "ru": _l("In Russian")}  # the fieldset's legend names the text

for _key in DEFAULTS:
    for _lang in ("kk", "ru"):
        setattr(TextsForm, f"{_key}_{_lang}", TextAreaField(
            LANGUAGE_LABELS[_lang], validators=[Optional(), Length(max=MAX_TEXT), _known_placeholders],
            render_kw={"rows": 4}))


def _editable_unit_or_404(code: str):
    unit = visible_unit_or_404(code)
    own_unit = current_user.role is Role.DEPARTMENT and current_user.org_unit_id == unit.id
    allowed = current_user.role is Role.ADMIN or own_unit
    if unit.kind is OrgKind.SCHOOL or not allowed:
        abort(404)
    return unit


def _same(a: str | None, b: str | None) -> bool:
    """Two texts alike as saved (a browser sends a textarea's line breaks as CRLF; a text is saved stripped)."""
    return (a or "").replace("\r\n", "\n").strip() == (b or "").replace("\r\n", "\n").strip()


def _bases() -> dict[str, str] | None:
    """The texts as the page that sent this save showed them (`_bases`), or None when it sent none."""
    try:
        values = json.loads(request.form.get("_bases") or "null")
    except ValueError:
        return None
    return {k: v for k, v in values.items() if isinstance(v, str)} if isinstance(values, dict) else None


def _merge(form, shown: dict[str, str], bases: dict[str, str] | None):
    """Field by field, as a section's texts are saved: (the names to write, the names both changed -> the text
    saved meanwhile). A text the page did not change is left as stored, also when another tab changed it."""
    if bases is None:  # a page from before `_bases`: the whole form, as it was
        return list(shown), {}
    theirs = set(request.form.get("_theirs", "").split())
    changed, conflicts = [], {}
    for name, now in shown.items():
        typed, base = form[name].data, bases.get(name, now)
        if name in theirs or _same(typed, base):
            continue
        if _same(typed, now) or _same(base, now):
            changed.append(name)
        else:
            conflicts[name] = now
    return changed, conflicts


@texts_bp.route("/", methods=["GET", "POST"])
@login_required
def edit(code: str):
    """Edit the fixed texts for every school below this unit; an emptied text goes back to the one above.

    The page sends the texts as it showed them (`_bases`): only those the department changed are written, so a
    second tab saving leaves the first one's texts alone; a text both changed is refused with 409, marked with the
    text saved meanwhile, and nothing is written until the department keeps theirs or takes the other."""
    unit = _editable_unit_or_404(code)
    own = {(t.key, t.lang): t for t in db.session.scalars(select(CertificateText).filter_by(org_unit_id=unit.id))}
    above = {lang: inherited_texts(unit, lang) for lang in ("kk", "ru")}
    shown = {f"{k}_{lang}": (own[(k, lang)].text if (k, lang) in own else above[lang][k])
             for k in DEFAULTS for lang in ("kk", "ru")}
    form = TextsForm(data=shown)
    conflicts: dict[str, str] = {}
    if form.validate_on_submit():
        changed, conflicts = _merge(form, shown, _bases())
        if not conflicts:
            for name in changed:
                key, lang = name.rsplit("_", 1)
                typed = (form[name].data or "").strip()
                current = own.get((key, lang))
                if not typed or typed == above[lang][key]:
                    if current is not None:
                        db.session.delete(current)
                elif current is None:
                    db.session.add(CertificateText(org_unit_id=unit.id, key=key, lang=lang, text=typed))
                elif current.text != typed:
                    current.text = typed
            db.session.commit()
            flash(_("Saved. The certificates of every school below use these texts."), "success")
            return see_other(url_for("certificate_texts.edit", code=unit.code))
        for name in shown:
            if name in conflicts:
                form[name].errors = [_("Someone else saved this field meanwhile: «%(theirs)s». Save again to keep "
                                       "yours.", theirs=conflicts[name] or "—")]
            elif _same(form[name].data, (_bases() or {}).get(name, shown[name])):
                form[name].data = shown[name]  # not changed here: what is stored now, another tab's text included
    status = 409 if conflicts else 422 if form.errors else 200
    # Only a refused save answers with the form alone: the page itself, also when htmx asks for it after a save
    # (HX-Location), comes whole, with its «saved» message.
    return render("certificates/texts.html", block="form" if request.method == "POST" else None, unit=unit,
                  form=form, keys=list(DEFAULTS), titles=TITLES, own=own, bases=shown, conflicts=list(conflicts),
                  status=status)
