"""Writes of the public cycle. Each changes the models (the audit hook records them); the view commits."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from ...blueprints.units.queries import today
from ...extensions import db
from ...models import utcnow
from .models import Cycle, Proposal, ProposalState, ProtocolItem


class CycleError(Exception):
    """A step not allowed now; the message says why in the user's language."""


def announce(cycle: Cycle, form) -> None:
    """Save the announcement; the first save publishes it (dated today) and opens proposals."""
    form.populate_obj(cycle)
    if cycle.announced_on is None:
        cycle.announced_on = today()
        cycle.proposals_open = True


def receive(cycle: Cycle, form) -> Proposal:
    """A citizen's proposal into the moderation queue (name and contact only with consent)."""
    consent = bool(form.consent.data)
    proposal = Proposal(cycle_id=cycle.id, text=form.text.data.strip(), consent=consent,
                        author_name=(form.author_name.data or None) if consent else None,
                        contact=(form.contact.data or None) if consent else None)
    db.session.add(proposal)
    return proposal


def consider(proposal: Proposal, form) -> None:
    """How the working group considered a proposal: accepted into a section, not accepted (why), or spam."""
    proposal.state = ProposalState(form.decision.data)
    proposal.section = form.section.data or None
    proposal.reason = (form.reason.data or "").strip() or None
    proposal.considered_at = utcnow()


def proposals_closed_reason(cycle: Cycle) -> str | None:
    """Why the public form takes no proposal now, or None when it does."""
    if not cycle.announced or not cycle.proposals_open:
        return _("This school is not taking proposals for this analysis now.")
    if cycle.proposals_until is not None and today() > cycle.proposals_until:
        return _("Proposals were taken until %(date)s.", date=cycle.proposals_until.strftime("%d.%m.%Y"))
    return None


def plan_from_recommendations(cycle: Cycle, submission) -> int:
    """Fill an empty action plan from the analysis: one measure per section whose triplet names risks and
    recommendations (risk and section from it), then one per recommendation of the working group (its
    deadline and responsible person kept). Returns how many measures were added; a plan that already has
    measures is left alone (returns 0)."""
    from ...reporting.queries import section_data
    from ...reporting.sections import SECTIONS
    from .models import PlanMeasure

    if cycle.id is not None and db.session.query(PlanMeasure.id).filter_by(cycle_id=cycle.id).first():
        return 0
    data = section_data(submission)
    default_form = _("Information to the head of the school")
    default_responsible = cycle.approver_name or cycle.school.head_name or _("Head of the school")
    measures = []
    for section in SECTIONS:
        entry = data[section.code].entry
        if entry is None or entry.nothing_to_report or not (entry.recommendations or "").strip():
            continue
        measures.append(dict(section=section.code, risk=(entry.risks or str(section.label))[:1000],
                             measure=entry.recommendations.strip()[:2000], completion_form=default_form,
                             responsible=default_responsible, deadline=None))
    for row in data["conclusion"].rows.get("recommendations", []):
        measures.append(dict(section=row.section, risk=(row.risk or _("General"))[:1000], measure=row.text[:2000],
                             completion_form=default_form, responsible=(row.responsible or default_responsible),
                             deadline=row.deadline_date if row.deadline_kind == "date" else None))
    if cycle.id is None:
        db.session.flush()
    for position, values in enumerate(measures, start=1):
        db.session.add(PlanMeasure(cycle_id=cycle.id, position=position, **values))
    return len(measures)


def add_protocol_item(cycle: Cycle, heard: str, decision: str) -> ProtocolItem:
    """Append an item to the protocol, numbered after the last one."""
    last = db.session.scalar(select(func.max(ProtocolItem.position)).where(ProtocolItem.cycle_id == cycle.id))
    item = ProtocolItem(cycle_id=cycle.id, position=(last or 0) + 1, heard=heard[:2000], decision=decision[:2000])
    db.session.add(item)
    return item


def protocol_items_from_proposals(cycle: Cycle) -> int:
    """Every accepted or rejected proposal not yet in the protocol, as an item with its decision; returns how
    many were added. A citizen's name never goes into the protocol."""
    from ...reporting.sections import section_by_code

    existing = set(db.session.scalars(select(ProtocolItem.heard).where(ProtocolItem.cycle_id == cycle.id)))
    added = 0
    for proposal in db.session.scalars(
        select(Proposal).where(Proposal.cycle_id == cycle.id,
                               Proposal.state.in_([ProposalState.ACCEPTED, ProposalState.REJECTED]))
        .order_by(Proposal.received_at, Proposal.id)
    ):
        heard = _("Citizen's proposal: %(text)s", text=proposal.text)[:2000]
        if heard in existing:
            continue
        if proposal.state is ProposalState.ACCEPTED:
            section = section_by_code(proposal.section) if proposal.section else None
            decision = (_("Accepted into the section «%(section)s».", section=section.label) if section
                        else _("Accepted."))
        else:
            decision = _("Not accepted.")
        if proposal.reason:
            decision = f"{decision} {proposal.reason}"
        add_protocol_item(cycle, heard, decision)
        db.session.flush()
        added += 1
    return added


def approve(cycle: Cycle, form, measures: list) -> None:
    """The head's approval (order №, date) makes the certificate and the plan final; refused without a plan."""
    if not measures:
        raise CycleError(_("Add the plan's measures before it is approved."))
    if cycle.published_at is not None:  # the public page shows this approval: it changes only once taken down
        raise CycleError(_("The analysis is published: take the publication down before the approval changes."))
    form.populate_obj(cycle)


def report(measure, quarter: str, form, file=None):
    """A quarter's report on a measure, replacing that quarter's earlier one (the audit log keeps both)."""
    from .models import MeasureReport, MeasureState

    existing = next((r for r in measure.reports if r.quarter == quarter), None)
    target = existing or MeasureReport(measure=measure, quarter=quarter)
    target.state = MeasureState(form.state.data)
    target.note = (form.note.data or "").strip() or None
    if file is not None:
        target.file = file
    if existing is None:
        db.session.add(target)
    return target


def publish(cycle: Cycle, submission) -> None:
    """Put the certificate and the plan on the public page: only once the department accepted the analysis and
    the head approved it."""
    from ...reporting.models import Status

    if submission is None or submission.status is not Status.ACCEPTED:
        raise CycleError(_("Only an analysis the department has accepted can be published."))
    if not cycle.approved:
        raise CycleError(_("Record the head's approval first."))
    if cycle.published_at is None:  # published again by a second click: the first date stands
        cycle.published_at = utcnow()
    cycle.draft_public = False  # the approved version replaces the draft put up for discussion


def unpublish(cycle: Cycle) -> None:
    """Take the certificate and the plan down; nothing of the analysis stays public (the draft neither)."""
    cycle.published_at = None
    cycle.draft_public = False


def store_file(cycle: Cycle, upload):
    """Check an uploaded file and keep it for the school; raises files.FileRejected with the reason."""
    from . import files
    from .models import StoredFile

    checked = files.check(upload.filename, upload.read(files.MAX_FILE_BYTES + 1))
    stored = StoredFile(school_id=cycle.school_id, key=files.new_key(), filename=checked.filename,
                        content_type=checked.content_type, size=len(checked.content))
    files.store().save(stored.key, checked.content)
    db.session.add(stored)
    return stored


FOLLOWUP_STATUS = {"done": "done", "in_progress": "in_progress", "overdue": "not_done"}


def plan_followups(submission) -> list[dict] | None:
    """The last half-year's approved action plan as this half-year's follow-up rows, each with the state and
    note of its latest quarterly report (done / in progress / not done); None when that half-year has no
    approved plan, so the recommendations are carried instead. Two queries."""
    from ...models import Period
    from .models import PlanMeasure

    period = submission.period
    year, half = (period.year, 1) if period.half == 2 else (period.year - 1, 2)
    cycle = db.session.scalar(select(Cycle).join(Cycle.period).where(
        Cycle.school_id == submission.school_id, Period.year == year, Period.half == half,
        Cycle.approval_order_number.is_not(None)))
    if cycle is None:
        return None
    from sqlalchemy.orm import selectinload

    measures = db.session.scalars(select(PlanMeasure).where(PlanMeasure.cycle_id == cycle.id)
                                  .order_by(PlanMeasure.position, PlanMeasure.id)
                                  .options(selectinload(PlanMeasure.reports))).all()
    if not measures:
        return None
    rows = []
    for measure in measures:
        latest = measure.reports[-1] if measure.reports else None
        rows.append({"text": measure.measure[:2000],
                     "deadline_kind": "date" if measure.deadline else "permanent",
                     "deadline_date": measure.deadline,
                     "status": FOLLOWUP_STATUS.get(latest.state.value) if latest else None,
                     "comment": (latest.note or "")[:1000] or None if latest else None})
    return rows
