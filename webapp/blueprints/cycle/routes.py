"""The working group's side of the public cycle (the school writes; its department and region read):
announcement, proposals to consider, discussion and protocol, approval and plan, quarterly follow-up,
publication; and a department's list of overdue measures across its schools."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from flask import Blueprint, abort, current_app, flash, make_response, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required

from ...access import visible_unit_or_404
from ...blueprints.dashboard.columns import SchoolColumn, register_column
from ...blueprints.units.queries import ancestors, today
from ...extensions import db
from ...i18n import current_language
from ...models import OrgKind
from ...rendering import render, see_other
from ...reporting.queries import place_or_404
from ...reporting.sections import SECTIONS
from . import documents, files, queries, services
from .forms import (
    AnnouncementForm,
    ApprovalForm,
    ConsiderForm,
    DiscussionForm,
    MeasureForm,
    ProtocolForm,
    ProtocolItemForm,
    ReportForm,
)
from .models import PlanMeasure, Proposal, ProposalState, ProtocolItem, StoredFile

bp = Blueprint("cycle", __name__)
# The department's comparison of schools shows each school's overdue measures, with a filter on them.
register_column(SchoolColumn(
    key="overdue", label=_l("Overdue plan measures"), filter_label=_l("only schools with overdue plan measures"),
    counts=lambda scope: queries.overdue_counts(scope, today()),
    link=lambda unit, school: url_for("cycle.overdue", code=unit, school=school)))
PREFIX = "/schools/<school>/<period>/cycle"
# The stages' tabs, in the order of the process.
TABS = [("cycle.announcement", _l("Announcement")), ("cycle.proposals", _l("Proposals")),
        ("cycle.discussion", _l("Public discussion")), ("cycle.plan", _l("Approval and action plan")),
        ("cycle.followup", _l("Quarterly follow-up")), ("cycle.publication", _l("Publication"))]


@bp.url_value_preprocessor
def allow_evidence_files(endpoint, values):
    """A quarterly report may carry an evidence file of up to 10 MB, above the app's 2 MB request limit (the
    reverse proxy must let these through: nginx `client_max_body_size 11m` for …/cycle/followup/…). Set before
    anything reads the body (URL value preprocessors run before the app's before_request functions)."""
    if endpoint in ("cycle.report", "cycle.protocol_scan") and request.method == "POST":
        request.max_content_length = files.MAX_FILE_BYTES + 256 * 1024


class Stage:
    """Where a request stands: the school's half-year (404 outside the user's subtree) and its cycle."""

    def __init__(self, school: str, period: str, write: bool = False):
        self.place = place_or_404(school, period)
        if write and not self.place.is_school_user:
            abort(404)  # the department reads; only the school's own working group writes
        self.cycle = queries.cycle_of(self.place.school, self.place.period, create=write)

    @property
    def context(self) -> dict:
        place = self.place
        return {"place": place, "cycle": self.cycle, "can_write": place.is_school_user,
                "here": {"school": place.school.code, "period": place.period.code},
                "breadcrumbs": ancestors(place.school) + [place.school],
                "section_labels": {s.code: s.label for s in SECTIONS},
                "tabs": [(endpoint, label) for endpoint, label in TABS if endpoint in current_app.view_functions]}

    def url(self, endpoint: str, **values) -> str:
        return url_for(endpoint, school=self.place.school.code, period=self.place.period.code, **values)

    def own(self, model, row_id: int):
        """A row (proposal, protocol item, measure) of this cycle; 404 for another school's or none."""
        row = db.session.get(model, row_id)
        if row is None or self.cycle is None or self.cycle.id is None or row.cycle_id != self.cycle.id:
            abort(404)
        return row


def _list_changed(stage: Stage, page, endpoint: str, block: str):
    """After adding or removing a row: the list's block for htmx, the page at the list for a browser."""
    if request.htmx:
        return page(stage, block=block)
    return see_other(stage.url(endpoint) + f"#{block}")


@bp.route(f"{PREFIX}/", methods=["GET", "POST"])
@login_required
def announcement(school: str, period: str):
    """The announcement of the analysis: dates, order, scope, contacts; publishing it opens the public page."""
    stage = Stage(school, period, write=request.method == "POST")
    form = AnnouncementForm(obj=stage.cycle)
    if request.method == "POST":
        if not form.validate():
            return render("cycle/announcement.html", block="form", status=422, form=form, **stage.context)
        services.announce(stage.cycle, form)
        db.session.commit()
        flash(_("The announcement is published and proposals are open."), "success")
        return see_other(stage.url("cycle.announcement"))
    return render("cycle/announcement.html", form=form, **stage.context)


@bp.post(f"{PREFIX}/proposals/open")
@login_required
def toggle_proposals(school: str, period: str):
    """Stop or resume taking proposals on the public page."""
    stage = Stage(school, period, write=True)
    if not stage.cycle.announced:
        abort(404)
    stage.cycle.proposals_open = request.form.get("open") == "1"
    db.session.commit()
    flash(_("Proposals are open.") if stage.cycle.proposals_open else _("Proposals are closed."), "success")
    return see_other(stage.url("cycle.announcement"))


@bp.get(f"{PREFIX}/proposals")
@login_required
def proposals(school: str, period: str):
    """The moderation queue: every proposal received, the new ones first, and how each was considered."""
    stage = Stage(school, period)
    items = queries.proposals(stage.cycle)
    forms = {p.id: ConsiderForm(formdata=None, prefix=f"p{p.id}", decision=_decision(p), section=p.section,
                                reason=p.reason) for p in items}
    return render("cycle/proposals.html", items=items, forms=forms, counts=queries.proposal_counts(stage.cycle),
                  **stage.context)


def _decision(proposal: Proposal) -> str | None:
    return None if proposal.state is ProposalState.NEW else proposal.state.value


@bp.post(f"{PREFIX}/proposals/<int:proposal_id>")
@login_required
def consider(school: str, period: str, proposal_id: int):
    """Record how the working group considered one proposal (htmx: the proposal's card comes back)."""
    stage = Stage(school, period, write=True)
    proposal = stage.own(Proposal, proposal_id)
    form = ConsiderForm(prefix=f"p{proposal.id}")
    status = 200
    if form.validate():
        services.consider(proposal, form)
        db.session.commit()
        if not request.htmx:
            flash(_("Saved."), "success")
            return see_other(stage.url("cycle.proposals") + f"#proposal-{proposal.id}")
    else:
        status = 422
        if not request.htmx:
            items = queries.proposals(stage.cycle)
            forms = {p.id: ConsiderForm(formdata=None, prefix=f"p{p.id}", decision=_decision(p), section=p.section,
                                        reason=p.reason) for p in items}
            forms[proposal.id] = form
            return render("cycle/proposals.html", status=422, items=items, forms=forms,
                          counts=queries.proposal_counts(stage.cycle), **stage.context)
    return render("cycle/_proposal.html", status=status, p=proposal, form=form, **stage.context)


@bp.get("/units/<code>/overdue-measures")
@login_required
def overdue(code: str):
    """A department's (or region's) overdue action-plan measures across its schools."""
    unit = visible_unit_or_404(code)
    if unit.kind is OrgKind.SCHOOL:
        abort(404)
    items = queries.overdue_measures(unit, today())
    counts = Counter(item.school.code for item in items)
    schools = sorted({item.school for item in items}, key=lambda school: school.code)
    chosen = request.args.get("school")
    if chosen in counts:  # the filter: one school's overdue measures
        items = [item for item in items if item.school.code == chosen]
    return render("cycle/overdue.html", block="overdue", unit=unit, items=items, counts=counts, schools=schools,
                  chosen=chosen if chosen in counts else "", breadcrumbs=ancestors(unit))


def _discussion_page(stage: Stage, status: int = 200, block: str | None = None, **forms):
    cycle = stage.cycle
    context = {
        "discussion_form": forms.get("discussion_form") or DiscussionForm(formdata=None, obj=cycle),
        "protocol_form": forms.get("protocol_form") or ProtocolForm(formdata=None, obj=cycle),
        "item_form": forms.get("item_form") or ProtocolItemForm(formdata=None),
        "items": queries.protocol_items(cycle),
        "considered": [p for p in queries.proposals(cycle) if p.state in (ProposalState.ACCEPTED,
                                                                           ProposalState.REJECTED)],
        "scan_error": forms.get("scan_error"),
    }
    return render("cycle/discussion.html", block=block, status=status, **context, **stage.context)


@bp.route(f"{PREFIX}/discussion", methods=["GET", "POST"])
@login_required
def discussion(school: str, period: str):
    """The public discussion: when and where, whether the draft is on the public page, and its protocol."""
    stage = Stage(school, period, write=request.method == "POST")
    if request.method == "GET":
        return _discussion_page(stage)
    which = request.form.get("form")
    form = ProtocolForm() if which == "protocol" else DiscussionForm()
    name = "protocol_form" if which == "protocol" else "discussion_form"
    if not form.validate():
        return _discussion_page(stage, status=422, block=name.removesuffix("_form"), **{name: form})
    form.populate_obj(stage.cycle)
    db.session.commit()
    flash(_("Saved."), "success")
    return see_other(stage.url("cycle.discussion"))


@bp.post(f"{PREFIX}/discussion/items")
@login_required
def add_item(school: str, period: str):
    """Add a proposal heard at the discussion and the decision on it to the protocol."""
    stage = Stage(school, period, write=True)
    form = ProtocolItemForm()
    if not form.validate():
        return _discussion_page(stage, status=422, block="items", item_form=form)
    services.add_protocol_item(stage.cycle, form.heard.data.strip(), form.decision.data.strip())
    db.session.commit()
    return _list_changed(stage, _discussion_page, "cycle.discussion", "items")


@bp.post(f"{PREFIX}/discussion/items/from-proposals")
@login_required
def items_from_proposals(school: str, period: str):
    """Put every considered citizen's proposal into the protocol, with how it was considered."""
    stage = Stage(school, period, write=True)
    added = services.protocol_items_from_proposals(stage.cycle)
    db.session.commit()
    flash(_("Proposals added to the protocol: %(count)s.", count=added), "success")
    return see_other(stage.url("cycle.discussion") + "#items")


@bp.post(f"{PREFIX}/discussion/items/<int:item_id>/delete")
@login_required
def delete_item(school: str, period: str, item_id: int):
    """Remove an item from the protocol."""
    stage = Stage(school, period, write=True)
    db.session.delete(stage.own(ProtocolItem, item_id))
    db.session.commit()
    return _list_changed(stage, _discussion_page, "cycle.discussion", "items")


@bp.post(f"{PREFIX}/discussion/signed")
@login_required
def protocol_scan(school: str, period: str):
    """Attach the signed protocol, scanned (PDF, PNG, JPEG or DOCX up to 10 MB), replacing an earlier scan."""
    stage = Stage(school, period, write=True)
    if not stage.cycle.protocol_recorded_on:
        abort(404)
    upload = request.files.get("file")
    try:
        if not (upload and upload.filename):
            raise files.FileRejected(_("Choose the file of the signed protocol."))
        stage.cycle.protocol_file = services.store_file(stage.cycle, upload)
    except files.FileRejected as error:
        db.session.rollback()
        return _discussion_page(Stage(school, period), status=422, block="scan", scan_error=str(error))
    db.session.commit()
    flash(_("The signed protocol is attached."), "success")
    return see_other(stage.url("cycle.discussion") + "#scan")


@bp.get(f"{PREFIX}/discussion/protocol")
@login_required
def protocol(school: str, period: str):
    """The protocol of the public discussion as an A4 document, in Kazakh or Russian (`?lang=`, `&format=pdf`)."""
    stage = Stage(school, period)
    cycle = stage.cycle
    if cycle is None or not cycle.protocol_recorded_on:
        abort(404)
    lang = document_language()
    doc = documents.protocol(cycle, queries.protocol_items(cycle), lang, order=queries.order_of(cycle))
    return documents.respond(doc, request.args.get("format", "html"), toolbar=stage.url("cycle.discussion"))


def document_language() -> str:
    lang = request.args.get("lang")
    return lang if lang in ("kk", "ru") else current_language()


# --- Approval and action plan ---------------------------------------------------------------------------------

def _plan_page(stage: Stage, status: int = 200, block: str | None = None, **forms):
    measures = queries.plan(stage.cycle)
    context = {
        "approval_form": forms.get("approval_form") or ApprovalForm(formdata=None, obj=stage.cycle),
        "measure_form": forms.get("measure_form") or MeasureForm(formdata=None),
        "measures": measures, "submission": queries.submission_of_place(stage.place),
        "errors": forms.get("errors", {}),
    }
    return render("cycle/plan.html", block=block, status=status, **context, **stage.context)


def _editable_plan(stage: Stage) -> None:
    if stage.cycle.approved:
        abort(409, _("The plan has been approved; its measures no longer change."))


@bp.route(f"{PREFIX}/plan", methods=["GET", "POST"])
@login_required
def plan(school: str, period: str):
    """The action plan (risk, measure, form of completion, responsible, deadline) and the head's approval."""
    stage = Stage(school, period, write=request.method == "POST")
    if request.method == "GET":
        return _plan_page(stage)
    form = ApprovalForm()
    if not form.validate():
        return _plan_page(stage, status=422, block="approval", approval_form=form)
    try:
        services.approve(stage.cycle, form, queries.plan(stage.cycle))
    except services.CycleError as error:
        db.session.rollback()
        return _plan_page(Stage(school, period), status=422, block="approval", approval_form=form,
                          errors={"approval": str(error)})
    db.session.commit()
    flash(_("The certificate and the action plan are approved."), "success")
    return see_other(stage.url("cycle.plan"))


@bp.post(f"{PREFIX}/plan/measures")
@login_required
def add_measure(school: str, period: str):
    """Add a measure to the plan (htmx: the measures' table comes back)."""
    stage = Stage(school, period, write=True)
    _editable_plan(stage)
    form = MeasureForm()
    if not form.validate():
        return _plan_page(stage, status=422, block="measures", measure_form=form)
    if stage.cycle.id is None:
        db.session.flush()
    measure = PlanMeasure(cycle_id=stage.cycle.id, position=len(queries.plan(stage.cycle)) + 1)
    form.populate_obj(measure)
    measure.section = measure.section or None
    db.session.add(measure)
    db.session.commit()
    return _list_changed(stage, _plan_page, "cycle.plan", "measures")


@bp.post(f"{PREFIX}/plan/measures/<int:measure_id>/delete")
@login_required
def delete_measure(school: str, period: str, measure_id: int):
    """Remove a measure from a plan not yet approved."""
    stage = Stage(school, period, write=True)
    _editable_plan(stage)
    db.session.delete(stage.own(PlanMeasure, measure_id))
    db.session.commit()
    return _list_changed(stage, _plan_page, "cycle.plan", "measures")


@bp.post(f"{PREFIX}/plan/from-analysis")
@login_required
def plan_from_analysis(school: str, period: str):
    """Fill an empty plan from the analysis's risks and recommendations."""
    stage = Stage(school, period, write=True)
    _editable_plan(stage)
    submission = queries.submission_of_place(stage.place)
    if submission is None:
        abort(404)
    added = services.plan_from_recommendations(stage.cycle, submission)
    db.session.commit()
    flash(_("Measures taken from the analysis: %(count)s.", count=added), "success")
    return see_other(stage.url("cycle.plan") + "#measures")


@bp.get(f"{PREFIX}/plan/document")
@login_required
def plan_document(school: str, period: str):
    """The action plan as its own A4 document (`?lang=kk|ru&format=html|pdf|docx`)."""
    stage = Stage(school, period)
    if stage.cycle is None:
        abort(404)
    measures = queries.plan(stage.cycle)
    if not measures:
        abort(404)
    doc = documents.plan(stage.cycle, measures, document_language())
    return documents.respond(doc, request.args.get("format", "html"), toolbar=stage.url("cycle.plan"))


# --- Quarterly follow-up ----------------------------------------------------------------------------------------

def _quarter(stage: Stage) -> tuple[str, list[str]]:
    """The quarter asked for (`?quarter=2026-Q3`) among those since the plan's approval; 404 for another."""
    quarters = queries.quarters_since(stage.cycle.approval_order_date, today())
    asked = request.args.get("quarter") or (quarters[-1] if quarters else None)
    if asked not in quarters:
        abort(404)
    return asked, quarters


@bp.get(f"{PREFIX}/followup")
@login_required
def followup(school: str, period: str):
    """Each quarter the school reports each measure: done (evidence), in progress, or overdue (the reason)."""
    stage = Stage(school, period)
    if stage.cycle is None or not stage.cycle.approved:
        return render("cycle/followup.html", measures=[], quarter=None, quarters=[], forms={}, **stage.context)
    quarter, quarters = _quarter(stage)
    measures = queries.plan(stage.cycle)
    forms = {m.id: _report_form(m, quarter) for m in measures}
    return render("cycle/followup.html", measures=measures, quarter=quarter, quarters=quarters, forms=forms,
                  today=today(), **stage.context)


def _report_form(measure, quarter: str, formdata=None):
    existing = next((r for r in measure.reports if r.quarter == quarter), None)
    if formdata is not None:
        return ReportForm(formdata=formdata, prefix=f"m{measure.id}")
    return ReportForm(formdata=None, prefix=f"m{measure.id}", state=existing.state.value if existing else None,
                      note=existing.note if existing else None)


@bp.post(f"{PREFIX}/followup/<int:measure_id>")
@login_required
def report(school: str, period: str, measure_id: int):
    """Save one measure's report for the quarter, with an evidence file if attached."""
    stage = Stage(school, period, write=True)
    if not stage.cycle.approved:
        abort(404)
    quarter, quarters = _quarter(stage)
    measure = stage.own(PlanMeasure, measure_id)
    form = _report_form(measure, quarter, formdata=request.form)
    upload = request.files.get(f"m{measure.id}-file")
    stored = None
    form.has_file = bool(upload and upload.filename)
    valid = form.validate()
    if valid and form.has_file:
        try:
            stored = services.store_file(stage.cycle, upload)
        except files.FileRejected as error:
            form.note.errors = [*form.note.errors, str(error)]
            valid = False
    if not valid:
        db.session.rollback()
        measures = queries.plan(stage.cycle)
        forms = {m.id: _report_form(m, quarter) for m in measures}
        forms[measure.id] = form
        return render("cycle/followup.html", status=422, measures=measures, quarter=quarter, quarters=quarters,
                      forms=forms, today=today(), **stage.context)
    services.report(measure, quarter, form, stored)
    db.session.commit()
    flash(_("Saved."), "success")
    return see_other(stage.url("cycle.followup", quarter=quarter) + f"#measure-{measure.id}")


@bp.get("/schools/<school>/files/<int:file_id>")
@login_required
def download(school: str, file_id: int):
    """An evidence file, only for those who see the school; always a download, never rendered in the page."""
    unit = visible_unit_or_404(school)
    stored = db.session.get(StoredFile, file_id)
    if stored is None or stored.school_id != unit.id:
        abort(404)
    response = make_response(files.store().load(stored.key))
    response.headers.update({"Content-Type": stored.content_type, "X-Content-Type-Options": "nosniff",
                             "Content-Disposition": f"attachment; filename*=UTF-8''{quote(stored.filename)}",
                             "Content-Security-Policy": "default-src 'none'; sandbox"})
    return response


# --- Publication --------------------------------------------------------------------------------------------

@bp.route(f"{PREFIX}/publication", methods=["GET", "POST"])
@login_required
def publication(school: str, period: str):
    """Publish the accepted, approved certificate and plan at a stable public URL, or take them down."""
    stage = Stage(school, period, write=request.method == "POST")
    submission = queries.submission_of_place(stage.place)
    if request.method == "POST":
        try:
            if request.form.get("publish") == "1":
                services.publish(stage.cycle, submission)
                message = _("Published.")
            else:
                if stage.cycle.published_at is None:
                    abort(404)
                services.unpublish(stage.cycle)
                message = _("Taken down from the public page.")
        except services.CycleError as error:
            db.session.rollback()
            flash(str(error), "error")
            stage = Stage(school, period)
            return render("cycle/publication.html", status=409, submission=submission, **stage.context)
        db.session.commit()
        flash(message, "success")
        return see_other(stage.url("cycle.publication"))
    return render("cycle/publication.html", submission=submission, **stage.context)
