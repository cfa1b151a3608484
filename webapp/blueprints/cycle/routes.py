"""The working group's side of the public cycle (the school writes; its department and region read):
announcement, proposals to consider, discussion and protocol, approval and plan, quarterly follow-up,
publication; and a department's list of overdue measures across its schools."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required

from ...access import visible_unit_or_404
from ...blueprints.units.queries import ancestors, today
from ...extensions import db
from ...i18n import current_language
from ...models import OrgKind
from ...rendering import render, see_other
from ...reporting.queries import place_or_404
from ...reporting.sections import SECTIONS
from . import documents, queries, services
from .forms import AnnouncementForm, ConsiderForm, DiscussionForm, ProtocolForm, ProtocolItemForm
from .models import Proposal, ProposalState, ProtocolItem

bp = Blueprint("cycle", __name__)
PREFIX = "/schools/<school>/<period>/cycle"
# The stages' tabs, in the order of the process.
TABS = [("cycle.announcement", _l("Announcement")), ("cycle.proposals", _l("Proposals")),
        ("cycle.discussion", _l("Public discussion")), ("cycle.plan", _l("Approval and action plan")),
        ("cycle.followup", _l("Quarterly follow-up")), ("cycle.publication", _l("Publication"))]


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
    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None or stage.cycle.id is None or proposal.cycle_id != stage.cycle.id:
        abort(404)
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
    return render("cycle/overdue.html", unit=unit, items=items, breadcrumbs=ancestors(unit))


def _discussion_page(stage: Stage, status: int = 200, block: str | None = None, **forms):
    cycle = stage.cycle
    context = {
        "discussion_form": forms.get("discussion_form") or DiscussionForm(formdata=None, obj=cycle),
        "protocol_form": forms.get("protocol_form") or ProtocolForm(formdata=None, obj=cycle),
        "item_form": forms.get("item_form") or ProtocolItemForm(formdata=None),
        "items": queries.protocol_items(cycle),
        "considered": [p for p in queries.proposals(cycle) if p.state in (ProposalState.ACCEPTED,
                                                                           ProposalState.REJECTED)],
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
    if request.htmx:
        return _discussion_page(stage, block="items")
    return see_other(stage.url("cycle.discussion") + "#items")


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
    item = db.session.get(ProtocolItem, item_id)
    if item is None or item.cycle_id != stage.cycle.id:
        abort(404)
    db.session.delete(item)
    db.session.commit()
    if request.htmx:
        return _discussion_page(stage, block="items")
    return see_other(stage.url("cycle.discussion") + "#items")


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
