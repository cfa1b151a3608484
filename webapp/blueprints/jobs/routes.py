"""A background job's page (progress while it runs, failures, the download when ready) and its file."""

from flask import Blueprint, abort
from flask_login import current_user, login_required

from ... import audit
from ...extensions import db
from ...jobs.models import Job, JobFile, JobStatus
from ...rendering import render

bp = Blueprint("jobs", __name__, url_prefix="/jobs")


def visible_job_or_404(job_id: int) -> Job:
    """The job if its org unit lies in the current user's subtree; 404 otherwise."""
    job = db.session.get(Job, job_id)
    if job is None or not current_user.can_see(job.org_unit):
        abort(404)
    return job


@bp.get("/<int:job_id>/")
@login_required
def show(job_id: int):
    """How far the job got («12 of 37»), refreshed by htmx every second until it ends; then the download."""
    job = visible_job_or_404(job_id)
    return render("jobs/show.html", block="progress", job=job, JobStatus=JobStatus)


@bp.get("/<int:job_id>/download")
@login_required
def download(job_id: int):
    """The finished job's file; 404 while it runs, 410 once its time is over."""
    job = visible_job_or_404(job_id)
    if job.status is not JobStatus.DONE or job.file_name is None:
        abort(404)
    content = db.session.scalar(db.select(JobFile.content).where(JobFile.job_id == job.id))
    if content is None or job.expired():
        return render("jobs/show.html", job=job, JobStatus=JobStatus, status=410)  # says the file is gone
    audit.record_download(db.session, job.org_unit, job.file_name)
    return content, 200, {
        "Content-Type": "application/zip",
        "Content-Disposition": f'attachment; filename="{job.file_name}"',
    }
