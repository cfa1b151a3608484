"""A school's half-year analysis as a whole: progress by section, submit, review (return / accept), history."""

import json

from flask import Blueprint, abort, current_app, flash, make_response, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ...certificate.batch import prerender_accepted
from ...extensions import db
from ...jobs import enqueue
from ...models import AuditEvent, User
from ...rendering import render, see_other
from ...reporting import transfer, workflow
from ...reporting.history import plain_history
from ...reporting.models import Status
from ...reporting.queries import place_or_404, progress, section_data
from ...reporting.sections import SECTIONS
from ...reporting.texts import LANGUAGES, typed_texts
from ..units.queries import ancestors, deadlines_for
from .forms import ImportForm, ReopenForm, StartForm, TextLanguageForm

bp = Blueprint("submissions", __name__, url_prefix="/schools/<school>/<period>")


def _overview(place, status=200, **forms):
    data = section_data(place.submission)
    context = {
        "place": place,
        "data": data,
        "states": progress(data),
        "blockers": workflow.blockers(place.submission) if place.submission else [],
        "deadline": deadlines_for(place.school, [place.period])[0],
        "breadcrumbs": ancestors(place.school) + [place.school],
        "sections": SECTIONS,
        "start_form": forms.get("start_form") or StartForm(),
        "reopen_form": forms.get("reopen_form") or ReopenForm(formdata=None),
        "text_lang_form": forms.get("text_lang_form") or TextLanguageForm(
            formdata=None, data={"text_lang": place.submission.text_lang if place.submission else "kk"}),
        "previous": workflow.previous_submission(place.school, place.period),
        "review_errors": forms.get("review_errors", {}),
        "typed_reasons": forms.get("typed_reasons", {}),
        "import_form": forms.get("import_form") or ImportForm(formdata=None),
        "import_errors": forms.get("import_errors", []),
    }
    return render("submissions/show.html", status=status, **context)


def _back(place, message=None, category="success"):
    if message:
        flash(message, category)
    return see_other(url_for("submissions.show", school=place.school.code, period=place.period.code))


def _form_step(place, form, form_name: str, step, done: str):
    """Validate `form`, then run the workflow `step` and commit once; or show why not, with nothing half-done."""
    if not form.validate_on_submit():
        return _overview(place, status=422, **{form_name: form})
    try:
        step()
    except workflow.WorkflowError as error:
        db.session.rollback()
        return _back(place, str(error), "error")
    db.session.commit()
    return _back(place, done)


@bp.get("/")
@login_required
def show(school: str, period: str):
    """The half-year at a glance: each section's state, what blocks submitting, and the review."""
    return _overview(place_or_404(school, period))


@bp.post("/start")
@login_required
def start(school: str, period: str):
    """The school opens its analysis for the half-year, optionally carrying over the last one."""
    place = place_or_404(school, period)
    if not place.is_school_user:
        abort(404)
    opened = _("The half-year's analysis is open. Fill in each section.")
    if place.submission is not None:  # the same click sent twice: already done
        return _back(place, opened)
    form = StartForm()
    try:
        return _form_step(place, form, "start_form",
                          lambda: workflow.start(place.school, place.period, carry_over=form.carry_over.data), opened)
    except IntegrityError:  # started by a twin request at the same instant (uq_submission_school_period)
        db.session.rollback()
        return _back(place, opened)


@bp.post("/text-language")
@login_required
def text_language(school: str, period: str):
    """Say which language the texts were typed in first: what was typed stays where it is and is read as that
    language; the other language's versions become the other ones (a relabelling, not a translation)."""
    place = place_or_404(school, period)
    if not place.can_edit():
        abort(404 if place.submission is None else 409)
    form = TextLanguageForm()
    if not form.validate_on_submit():
        return _overview(place, status=422, text_lang_form=form)
    if form.text_lang.data == place.submission.text_lang:
        return _back(place)  # the language it already was: nothing to change, nothing to ask
    if form.confirmed.data != "1":
        # Every text typed so far changes the language it is read in: say so and ask first (a dialog under the
        # choice with htmx, this page without script); nothing is changed until confirmed (issue 11 review).
        main, other = typed_texts(section_data(place.submission))
        return render("submissions/text_language.html", block="language_confirm", place=place, form=form,
                      old=LANGUAGES[place.submission.text_lang], new=LANGUAGES[form.text_lang.data], main=main,
                      other=other, breadcrumbs=ancestors(place.school) + [place.school])
    place.submission.text_lang = form.text_lang.data
    db.session.commit()
    return _back(place, _("Saved."))


@bp.post("/submit")
@login_required
def submit(school: str, period: str):
    """Send the analysis to the department; refused with the reasons while sections are not ready."""
    place = place_or_404(school, period)
    if not place.is_school_user or place.submission is None:
        abort(404)
    if place.submission.status is Status.SUBMITTED:  # the same click sent twice: already done
        return _back(place, _("Submitted to the department."))
    try:
        workflow.submit(place.submission)
    except workflow.WorkflowError as error:
        db.session.rollback()
        flash(str(error), "error")
        return _overview(place_or_404(school, period), status=409)
    db.session.commit()
    return _back(place, _("Submitted to the department."))


@bp.post("/review")
@login_required
def review(school: str, period: str):
    """The department returns sections with a reason each, or accepts the whole analysis."""
    place = place_or_404(school, period)
    if not place.can_review or place.submission is None:
        abort(404)
    reasons = {s.code: request.form.get(f"reason-{s.code}", "") for s in SECTIONS}
    decision = request.form.get("decision")
    typed = sum(1 for text in reasons.values() if text and text.strip())
    if decision == "accept" and typed and place.submission.status is Status.SUBMITTED:
        # A reason typed and then "accept" clicked: never drop the department's words silently. Ask.
        return _overview(place, status=422, typed_reasons=reasons, review_errors={"accept_with_reasons": ngettext(
            "You wrote a reason to return %(num)d section. Return it to the school, or accept the analysis "
            "and discard the reason?",
            "You wrote reasons to return %(num)d sections. Return them to the school, or accept the analysis "
            "and discard the reasons?", typed)})
    if decision == "accept_anyway":  # the department saw its typed reasons and chose to accept
        decision = "accept"
    if _already_reviewed(place.submission, decision, reasons):
        accepted = place.submission.status is Status.ACCEPTED
        return _back(place, _("Accepted.") if accepted else _("Returned to the school."))
    try:
        if decision == "accept":
            workflow.accept(place.submission)
            message = _("Accepted.")
        else:
            workflow.return_sections(place.submission, reasons)
            message = _("Returned to the school.")
    except workflow.WorkflowError as error:
        db.session.rollback()
        place = place_or_404(school, period)
        return _overview(place, status=422, review_errors={"decision": str(error)}, typed_reasons=reasons)
    db.session.commit()
    if place.submission.status is Status.ACCEPTED:
        enqueue(prerender_accepted.__name__, place.submission.id)  # its PDF and DOCX ready before anyone asks
    return _back(place, message)


def _already_reviewed(submission, decision: str | None, reasons: dict[str, str]) -> bool:
    """The same review sent twice (a double click, a retry): the first one already did it."""
    if decision == "accept":
        return submission.status is Status.ACCEPTED
    given = {code: text.strip() for code, text in reasons.items() if text and text.strip()}
    returned = {e.section: e.return_reason for e in submission.entries if e.review is not None
                and e.review.value == "returned"}
    return submission.status is Status.RETURNED and bool(given) and given == returned


@bp.post("/reopen")
@login_required
def reopen(school: str, period: str):
    """The department opens a submitted or accepted analysis for changes again, saying why."""
    place = place_or_404(school, period)
    if not place.can_review or place.submission is None:
        abort(404)
    form = ReopenForm()
    return _form_step(place, form, "reopen_form", lambda: workflow.reopen(place.submission, form.reason.data),
                      _("Reopened for the school."))


@bp.get("/history")
@login_required
def history(school: str, period: str):
    """Every change to this analysis: who, when, which section, old → new. `?since=return` narrows it."""
    place = place_or_404(school, period)
    if place.submission is None:
        abort(404)
    query = select(AuditEvent).where(AuditEvent.submission_id == place.submission.id)
    since_return = request.args.get("since") == "return" and place.submission.returned_at is not None
    if since_return:  # what the school's own accounts changed after the department returned it
        school_accounts = select(User.id).where(User.org_unit_id == place.school.id)
        query = query.where(AuditEvent.at > place.submission.returned_at, AuditEvent.user_id.in_(school_accounts))
    events = db.session.scalars(query.order_by(AuditEvent.id.desc())).all()
    titles = {s.code: s.label for s in SECTIONS}
    return render("submissions/history.html", place=place, lines=plain_history(events), titles=titles,
                  since_return=since_return, breadcrumbs=ancestors(place.school) + [place.school],
                  Status=Status)


@bp.get("/export.json")
@login_required
def export(school: str, period: str):
    """The half-year's analysis as one JSON document (docs/submission-format.md), to keep or to move."""
    place = place_or_404(school, period)
    if place.submission is None:
        abort(404)
    body = json.dumps(transfer.export_submission(place.submission), ensure_ascii=False, indent=1)
    response = make_response(body)
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = f'attachment; filename="{school}_{period}.json"'
    return response


@bp.post("/import")
@login_required
def import_document(school: str, period: str):
    """The department fills a school's not-started half-year from a JSON document: all of it, or nothing with
    every problem listed."""
    place = place_or_404(school, period)
    if not place.can_review:
        abort(404)
    if place.submission is not None:  # started (or handed in) since the page was opened: the page has no upload
        return _back(place, _("Nothing was imported: the school has already started this half-year, and an import "
                              "never overwrites its work."), "error")
    form = ImportForm()
    if not form.validate_on_submit():
        return _overview(place, status=422, import_form=form)
    try:  # utf-8-sig: a byte order mark, as some Windows editors write one, is no reason to refuse the file
        document = json.loads(form.document.data.read().decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: arrays nested a million deep
        form.document.errors = [_("The file is not a JSON document.")]
        return _overview(place, status=422, import_form=form)
    try:
        transfer.import_submission(document, place.school, place.period)
    except transfer.SubmissionImportError as error:
        db.session.rollback()
        return _overview(place, status=422, import_form=form, import_errors=[str(e) for e in error.errors])
    db.session.commit()
    note = transfer.period_note(document, place.period)
    return _back(place, _("The analysis is imported.") + (f" {note}" if note else ""))


@bp.errorhandler(413)
def file_too_large(error):
    """An upload above the app's request limit: the half-year page again with the limit by the file field (the
    app-wide 413 page speaks of shortening a text, and leaves the page). Other pages keep the app's answer."""
    if request.endpoint != "submissions.import_document":
        return next(iter(current_app.error_handler_spec[None][413].values()))(error)
    place = place_or_404(request.view_args["school"], request.view_args["period"])
    if not place.can_review:
        abort(404)
    message = _("The file is too large: at most %(size)s MB. Nothing was imported.",
                size=current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024))
    if place.submission is not None:
        return _back(place, message, "error")
    form = ImportForm(formdata=None)
    form.document.errors = [message]
    return _overview(place, status=413, import_form=form, start_form=StartForm(formdata=None))  # the body is unread
