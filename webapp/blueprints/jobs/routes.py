"""A background job's page (progress while it runs, failures, the download when ready) and its file."""

from flask import Blueprint, abort
from flask_login import current_user, login_required

from ... import audit
from ...extensions import db
from ...jobs.models import Job, JobFile, JobStatus, sweep_stalled_jobs
from ...models import Role
from ...notifications import REMINDERS
from ...rendering import render

bp = Blueprint("jobs", __name__, url_prefix="/jobs")


def visible_job_or_404(job_id: int) -> Job:
    """The job if its org unit lies in the current user's subtree; 404 otherwise."""
    job = db.session.get(Job, job_id)
    if job is None or not (current_user.can_see(job.org_unit) if job.org_unit else current_user.role is Role.ADMIN):
        abort(404)
    return job


@bp.get("/<int:job_id>/")
@login_required
def show(job_id: int):
    """How far the job got («12 of 37»), refreshed by htmx every second until it ends; then the download."""
    job = visible_job_or_404(job_id)
    if job.looks_stalled:  # no worker may be left to notice
        sweep_stalled_jobs()
        db.session.refresh(job)
    return render("jobs/show.html", block="progress", job=job, JobStatus=JobStatus, reminders=job.kind == REMINDERS)


@bp.get("/<int:job_id>/download")
@login_required
def download(job_id: int):
    """The finished job's file; 404 while it runs, 410 once its time is over."""
    job = visible_job_or_404(job_id)
    if job.status is not JobStatus.DONE or job.file_name is None:
        abort(404)
    content = db.session.scalar(db.select(JobFile.content).where(JobFile.job_id == job.id))
    if content is None or job.expired():
        # The page says the file is gone.
        return render("jobs/show.html", job=job, JobStatus=JobStatus, reminders=False, status=410)
    audit.record_download(db.session, job.org_unit, job.file_name)
    return content, 200, {
        "Content-Type": "application/zip",
        "Content-Disposition": f'attachment; filename="{job.file_name}"',
    }
