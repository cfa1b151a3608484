"""Pages anyone may open without an account: a school's announcement with the proposal form, the draft up
for public discussion, the published certificate and plan, and a city's list of published analyses.

Nothing a citizen wrote is ever shown here. The proposal form resists floods (a limit per address), bots
(a hidden honeypot field), oversize posts (a cap on the request body and on the text) and forged posts
(the CSRF token).
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from ...extensions import db, limiter
from ...i18n import current_language
from ...rendering import render, see_other
from ..general.models import WorkingGroupMember
from . import documents, publicdoc, queries, services
from .forms import ProposalForm
from .models import Cycle
from .names import initials

public_bp = Blueprint("public", __name__, url_prefix="/open")

PROPOSAL_RATE_LIMIT = "5 per hour;20 per day"  # per address; FLASK_PROPOSAL_RATE_LIMIT overrides
# 3,000 characters of the longest kind (an emoji: 4 bytes, 12 once form-encoded) are 36 KB, with the name and
# contact under 64 KB: whatever a citizen may type within the limits is read, and refused at most with a 422.
MAX_POST_BYTES = 64 * 1024


@public_bp.url_value_preprocessor
def cap_body(endpoint, values):
    """Refuse oversize posts before anything reads them (413), whatever the global limit. A URL value
    preprocessor, because those run before every before_request function (the app's reads the form)."""
    if request.method == "POST":
        request.max_content_length = MAX_POST_BYTES


def working_group(cycle: Cycle) -> list[tuple[str, str, str]]:
    """(initials, position, role) of the working group the school entered in its analysis (one query)."""
    submission = queries.submission_of(cycle)
    if submission is None:
        return []
    rows = db.session.scalars(select(WorkingGroupMember).where(WorkingGroupMember.submission_id == submission.id)
                              .order_by(WorkingGroupMember.position, WorkingGroupMember.id)).all()
    return [(initials(r.name), r.position_title, r.role) for r in rows]


def _page(cycle: Cycle, form: ProposalForm, status: int = 200, notice: str | None = None):
    return render("public/announcement.html", block="proposal", status=status, cycle=cycle, form=form,
                  closed=services.proposals_closed_reason(cycle), members=working_group(cycle), notice=notice)


def _rate_limit() -> str:
    return current_app.config.get("PROPOSAL_RATE_LIMIT", PROPOSAL_RATE_LIMIT)


@public_bp.route("/<school>/<period>/", methods=["GET", "POST"])
@limiter.limit(_rate_limit, methods=["POST"])
def announcement(school: str, period: str):
    """The school's announcement of its analysis, with the form to send a proposal while proposals are open."""
    cycle = queries.public_cycle_or_404(school, period)
    if not cycle.announced:  # a draft up for discussion or a published analysis without an announcement
        return see_other(url_for("public.draft", school=school, period=period) if cycle.draft_public
                         else url_for("public.published", school=school, period=period))
    form = ProposalForm()
    if request.method == "GET":
        return _page(cycle, form)
    if services.proposals_closed_reason(cycle):
        return _page(cycle, form, status=409)
    if form.website.data:  # only a bot fills the hidden field: answer as if all went well, keep nothing
        return see_other(url_for("public.sent", school=school, period=period))
    if not form.validate():
        return _page(cycle, form, status=422)
    services.receive(cycle, form)
    db.session.commit()
    return see_other(url_for("public.sent", school=school, period=period))


@public_bp.get("/<school>/<period>/sent")
def sent(school: str, period: str):
    """Thanks: the proposal is with the working group, which considers it; nothing of it is published."""
    cycle = queries.public_cycle_or_404(school, period)
    return render("public/sent.html", cycle=cycle)


def _language() -> str:
    lang = request.args.get("lang")
    return lang if lang in ("kk", "ru") else current_language()


@public_bp.get("/<school>/<period>/draft")
def draft(school: str, period: str):
    """The draft certificate put up for public discussion, names reduced to initials (`?lang=kk|ru`)."""
    cycle = queries.public_cycle_or_404(school, period)
    if not cycle.draft_public:
        abort(404)
    certificate = publicdoc.public_certificate(cycle.school, cycle.period, _language())
    return render("public/draft.html", cycle=cycle, c=certificate)


def _refused(status: int, title: str, notice: str, form_data=None):
    """The announcement again with `notice` (a 429 or 413 of the proposal form); where the school or half-year
    has no public page, the plain error page with the same status (a 404 raised in here would be a 500)."""
    try:
        cycle = queries.public_cycle_or_404(request.view_args["school"], request.view_args["period"])
    except NotFound:
        return render_template("errors/error.html", status=status, title=title, message=notice), status
    return _page(cycle, ProposalForm(formdata=form_data), status=status, notice=notice)


@public_bp.errorhandler(429)
def flooded(error):
    """Too many proposals from one address: the page again, saying when to come back, nothing kept."""
    return _refused(429, _("Too many attempts"), _("Too many proposals from your address. Please try again later."),
                    form_data=request.form)


@public_bp.errorhandler(413)
def oversize(error):
    return _refused(413, _("Too large"), _("The proposal is too long. Please shorten it to 3,000 characters."))


def _published_or_404(school: str, period: str) -> Cycle:
    cycle = queries.public_cycle_or_404(school, period)
    # Reopened by the department, the analysis is being changed: the public never reads unaccepted text.
    if cycle.published_at is None or not queries.accepted(queries.submission_of(cycle)):
        abort(404)
    return cycle


@public_bp.get("/<school>/<period>/published")
def published(school: str, period: str):
    """The published certificate and action plan of a school's half-year: names reduced to initials,
    disciplined employees unnamed (`?lang=kk|ru`, `&format=pdf` for the certificate as a PDF)."""
    cycle = _published_or_404(school, period)
    lang = _language()
    certificate = publicdoc.published_certificate(cycle, lang)
    if request.args.get("format") == "pdf":
        from ...certificate import render as certificate_render

        return certificate_render.pdf(certificate), 200, {
            "Content-Type": "application/pdf",
            "Content-Disposition": f'attachment; filename="{certificate.filename}.pdf"'}
    plan = documents.plan(cycle, queries.plan(cycle), lang, public=True)
    return render("public/published.html", cycle=cycle, c=certificate, plan=plan, lang=lang)


@public_bp.get("/<school>/<period>/plan")
def plan_document(school: str, period: str):
    """The published action plan as its own printable document (`?lang=kk|ru&format=html|pdf`)."""
    cycle = _published_or_404(school, period)
    measures = queries.plan(cycle)
    if not measures:
        abort(404)
    doc = documents.plan(cycle, measures, _language(), public=True)
    kind = request.args.get("format", "html")
    if kind == "docx":
        abort(404)
    return documents.respond(doc, kind, hide_docx=True,
                             toolbar=url_for("public.published", school=school, period=period))


@public_bp.get("/city/<code>/")
def city(code: str):
    """A city's (or region's) published analyses, school by school, and a summary of the chosen half-year's
    indicators over the schools that published it, with any count of fewer than 5 people suppressed."""
    unit = queries.public_unit_or_404(code)
    cycles = queries.published_in(unit)
    periods = sorted({c.period for c in cycles}, key=lambda p: (p.year, p.half), reverse=True)
    chosen = next((p for p in periods if p.code == request.args.get("period")), periods[0] if periods else None)
    summary = queries.published_summary(unit, chosen) if chosen else None
    return render("public/city.html", unit=unit, cycles=cycles, periods=periods, chosen=chosen, summary=summary)
