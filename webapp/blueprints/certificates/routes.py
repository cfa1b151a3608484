"""A school's certificate for one half-year or a span of them, as print HTML, PDF or DOCX; and every school's
certificate under a region or department in one zip, built by the background worker."""

from flask import Blueprint, abort, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ... import audit
from ...access import visible_unit_or_404
from ...certificate import assemble, batch, render
from ...certificate.span import academic_year_span
from ...extensions import db
from ...i18n import current_language
from ...jobs import enqueue
from ...jobs.models import KEEP_FILES_FOR, Job, JobStatus
from ...models import OrgKind, Period, utcnow
from ...rendering import render as render_page
from ...rendering import see_other
from ...reporting.models import Submission
from ...reporting.outdated import outdated_in

bp = Blueprint("certificates", __name__, url_prefix="/schools/<school>/certificate")

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def span_or_404(to_code: str | None, from_code: str | None) -> tuple[list[Period], list[Period]]:
    """(all periods, the consecutive span asked for); by default the academic year ending with `to`."""
    periods = db.session.scalars(select(Period).order_by(Period.year, Period.half)).all()
    if not periods:
        abort(404)
    by_code = {p.code: p for p in periods}
    last = by_code.get(to_code) if to_code else periods[-1]
    if last is None:
        abort(404)
    if not from_code:
        return periods, academic_year_span(periods, last)
    first = by_code.get(from_code)
    if first is None or (first.year, first.half) > (last.year, last.half):
        abort(404)
    return periods, [p for p in periods if (first.year, first.half) <= (p.year, p.half) <= (last.year, last.half)]


@bp.get("/")
@login_required
def show(school: str):
    """The certificate: `?to=2025-H1&from=2024-H2&lang=kk&format=html|pdf|docx`."""
    unit = visible_unit_or_404(school)
    if unit.kind is not OrgKind.SCHOOL:
        abort(404)
    periods, span = span_or_404(request.args.get("to"), request.args.get("from"))
    lang = request.args.get("lang") if request.args.get("lang") in ("kk", "ru") else current_language()
    kind = request.args.get("format", "html")
    if kind == "html":
        span_args = {"from": span[0].code, "to": span[-1].code, "lang": lang}
        downloads = {f: url_for("certificates.show", school=unit.code, format=f, **span_args) for f in FORMATS}
        submissions = db.session.scalars(select(Submission).where(
            Submission.school_id == unit.id, Submission.period_id.in_([p.id for p in span]))).all()
        return render.html(assemble(unit, span, lang), periods=periods, downloads=downloads,
                           outdated=outdated_in(submissions, lang))
    if kind not in FORMATS:
        abort(404)
    name, content, _draft = render.certificate_file(unit, span, lang, kind)  # an accepted one is kept
    audit.record_download(db.session, unit, name)
    return content, 200, {
        "Content-Type": FORMATS[kind],
        "Content-Disposition": f'attachment; filename="{name}"',
    }


batch_bp = Blueprint("certificate_batch", __name__, url_prefix="/units/<code>/certificates")


@batch_bp.post("/")
@login_required
def start(code: str):
    """Start building every school's certificate under a region or department as one zip (form fields
    `from`, `to`, `lang`, `format`); the answer is the job's page, which shows the progress."""
    unit = visible_unit_or_404(code)
    if unit.kind is OrgKind.SCHOOL:
        abort(404)
    _periods, span = span_or_404(request.form.get("to"), request.form.get("from"))
    lang = request.form.get("lang") if request.form.get("lang") in ("kk", "ru") else current_language()
    kind = request.form.get("format", "pdf")
    if kind not in render.FORMATS:
        abort(404)
    params = batch.batch_params(span, lang, kind)
    waiting = db.session.scalars(select(Job).where(Job.org_unit_id == unit.id, Job.kind == batch.KIND,
                                                   Job.status.in_((JobStatus.QUEUED, JobStatus.RUNNING)))).all()
    same = next((job for job in waiting if job.params == params), None)
    if same is not None:  # a double click, a retry or a flood: the zip already on its way, not another one
        return see_other(url_for("jobs.show", job_id=same.id))
    job = batch.new_batch_job(unit, span, lang, kind, current_user)
    db.session.commit()
    enqueue(batch.certificate_batch.__name__, job.id)
    return see_other(url_for("jobs.show", job_id=job.id))


# GET from htmx (the form's fields without its token); POST from the form's no-script button, which sends the
# whole form: a GET would carry the CSRF token into the address bar, the history and the server's access log.
@batch_bp.route("/check", methods=("GET", "POST"))
@login_required
def check(code: str):
    """Before the zip is started: per school, the texts its certificate in the chosen language would print in
    the other language (`from`, `to`, `lang` as the zip form sends them); a fragment under the form, or a page
    with the form's start button when there is no script."""
    unit = visible_unit_or_404(code)
    if unit.kind is OrgKind.SCHOOL:
        abort(404)
    asked = request.values
    _periods, span = span_or_404(asked.get("to"), asked.get("from"))
    lang = asked.get("lang") if asked.get("lang") in ("kk", "ru") else current_language()
    kind = asked.get("format") if asked.get("format") in render.FORMATS else "pdf"
    return render_page("units/batch_check.html", block="batch_check", unit=unit, span=span, lang=lang, kind=kind,
                       missing=batch.missing_by_school(unit, span, lang))


@batch_bp.get("/")
@login_required
def recent(code: str):
    """The batches started for this unit in the last day, newest first (a fragment for its page)."""
    unit = visible_unit_or_404(code)
    if unit.kind is OrgKind.SCHOOL:
        abort(404)
    jobs = db.session.scalars(
        select(Job).where(Job.org_unit_id == unit.id, Job.kind == batch.KIND,
                          Job.created_at >= utcnow() - KEEP_FILES_FOR)
        .order_by(Job.id.desc()).limit(10)
    ).all()
    return render_page("jobs/recent.html", block="recent", unit=unit, jobs=jobs)
