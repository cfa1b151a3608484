"""Every school's certificate under a region or department as one zip, built by the background worker.

A city's 37 PDFs take about 40 s and a region's 375 several minutes, far beyond any request: the web starts a
`Job`, the worker fills the zip school by school (committing the count after each, which the job page shows
as «12 of 37»), and a school whose certificate fails is named in the job's failures while the rest go on.
"""

from __future__ import annotations

import io
import logging
import zipfile

from sqlalchemy import delete, select

from ..extensions import db
from ..jobs import background_task
from ..jobs.models import KEEP_FILES_FOR, Job, JobFile, JobStatus
from ..models import OrgKind, OrgUnit, Period, utcnow
from .render import certificate_file

log = logging.getLogger(__name__)

KIND = "certificates"


def schools_under(unit: OrgUnit) -> list[OrgUnit]:
    """The schools of a region or department, by code."""
    return db.session.scalars(
        select(OrgUnit).where(OrgUnit.kind == OrgKind.SCHOOL, OrgUnit.path.startswith(unit.path))
        .order_by(OrgUnit.code)
    ).all()


def missing_by_school(unit: OrgUnit, span: list[Period], lang: str) -> list[tuple[OrgUnit, list]]:
    """(school, the typed texts its certificate over `span` would print in the other language) for each school
    under `unit` that has any, by code: what the zip in `lang` holds untranslated, listed before it is built.
    Bounded queries whatever the number of schools: the schools, their submissions, the section data of all
    of them at once (reporting.queries.section_data_many); the rest is the certificate's own merge."""
    from ..reporting.models import Submission
    from ..reporting.queries import section_data_many
    from ..reporting.sections import SECTIONS
    from .span import merge

    schools = schools_under(unit)
    periods = {p.id: p for p in span}
    submissions = db.session.scalars(
        select(Submission).join(OrgUnit, Submission.school_id == OrgUnit.id)
        .where(OrgUnit.kind == OrgKind.SCHOOL, OrgUnit.path.startswith(unit.path),
               Submission.period_id.in_(list(periods)))
    ).all()
    data = section_data_many([s.id for s in submissions])
    by_school: dict[int, dict[int, object]] = {}
    for submission in submissions:
        by_school.setdefault(submission.school_id, {})[submission.period_id] = submission
    result = []
    for school in schools:
        own = by_school.get(school.id, {})
        ordered = [own[p.id] for p in span if p.id in own]  # oldest first, as the certificate reads them
        if not ordered:
            continue
        text_langs = [s.text_lang or "kk" for s in ordered]
        halves = [(periods[s.period_id].year, periods[s.period_id].half) for s in ordered]
        missing = [m for section in SECTIONS
                   for m in merge(section, [data[s.id][section.code] for s in ordered], lang, text_langs,
                                  halves).missing]
        if missing:
            result.append((school, missing))
    return result


def batch_file_name(unit: OrgUnit, span: list[Period], lang: str, kind: str) -> str:
    """«rudny_2024-H2_2025-H1_kk_pdf.zip»."""
    span_code = span[0].code if len(span) == 1 else f"{span[0].code}_{span[-1].code}"
    return f"{unit.code}_{span_code}_{lang}_{kind}.zip"


def batch_params(span: list[Period], lang: str, kind: str) -> dict:
    """What a batch job is asked for: the same params are the same zip."""
    return {"from": span[0].code, "to": span[-1].code, "lang": lang, "format": kind}


def new_batch_job(unit: OrgUnit, span: list[Period], lang: str, kind: str, user) -> Job:
    """A queued job for `unit`'s certificates over `span` (added to the session; the caller commits)."""
    job = Job(kind=KIND, org_unit=unit, user_id=getattr(user, "id", None), status=JobStatus.QUEUED,
              params=batch_params(span, lang, kind),
              total=len(schools_under(unit)))
    db.session.add(job)
    return job


def purge_expired_files() -> int:
    """Drop the files of jobs past their time; returns how many went."""
    expired = select(Job.id).where(Job.expires_at.is_not(None), Job.expires_at < utcnow())
    result = db.session.execute(delete(JobFile).where(JobFile.job_id.in_(expired)))
    db.session.commit()
    return result.rowcount or 0


@background_task
def certificate_batch(job_id: int) -> None:
    """Run job `job_id`: each school's certificate into the zip, progress committed after every school."""
    purge_expired_files()
    job = db.session.get(Job, job_id)
    if job is None or job.status is not JobStatus.QUEUED:
        return  # already run (a queue may deliver twice) or deleted
    try:
        _run(job)
    except Exception as error:  # the job page must say it failed rather than spin forever
        log.exception("certificate batch %s failed", job_id)
        db.session.rollback()
        job = db.session.get(Job, job_id)
        job.status, job.finished_at = JobStatus.FAILED, utcnow()
        job.failures = [*job.failures, ["—", str(error)[:300]]]
        db.session.commit()


def _run(job: Job) -> None:
    params = job.params
    periods = db.session.scalars(select(Period).order_by(Period.year, Period.half)).all()
    codes = [p.code for p in periods]
    span = periods[codes.index(params["from"]):codes.index(params["to"]) + 1]
    schools = schools_under(job.org_unit)
    job.start(len(schools))
    db.session.commit()
    failures = []
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for school in schools:
            code = school.code
            try:
                name, content, _draft = certificate_file(school, span, params["lang"], params["format"])
                archive.writestr(name, content)
            except Exception as error:  # one school's broken data must not cost the city its zip
                log.exception("certificate of %s failed", code)
                db.session.rollback()
                failures.append([code, str(error)[:300] or type(error).__name__])
            job = db.session.get(Job, job.id)
            if job.status is not JobStatus.RUNNING:
                return  # given up on as stalled meanwhile (this worker was stopped, not dead): leave it so
            job.advance(failures)
            db.session.commit()
    content = archive_bytes.getvalue()
    db.session.add(JobFile(job_id=job.id, content=content))
    now = utcnow()
    job.file_name = batch_file_name(job.org_unit, span, params["lang"], params["format"])
    job.file_size = len(content)
    job.status = JobStatus.FAILED if schools and len(failures) == len(schools) else JobStatus.DONE
    job.finished_at, job.expires_at = now, now + KEEP_FILES_FOR
    db.session.commit()


@background_task
def prerender_accepted(submission_id: int) -> None:
    """Render and keep the PDF and DOCX, in both languages, of each academic year the accepted half-year
    belongs to whose every half-year is accepted, so later downloads and zips need no rendering."""
    from ..reporting.models import Status, Submission
    from .span import academic_year_span

    submission = db.session.get(Submission, submission_id)
    if submission is None or submission.status is not Status.ACCEPTED:
        return
    periods = db.session.scalars(select(Period).order_by(Period.year, Period.half)).all()
    ends = [submission.period]
    if submission.period.half == 2:  # 2024-H2 also opens the year that 2025-H1 ends
        ends += [p for p in periods if (p.year, p.half) == (submission.period.year + 1, 1)]
    accepted = set(db.session.scalars(select(Submission.period_id).where(
        Submission.school_id == submission.school_id, Submission.status == Status.ACCEPTED)))
    for last in ends:
        span = academic_year_span(periods, last)
        if not all(p.id in accepted for p in span):
            continue
        for lang in ("kk", "ru"):
            for kind in ("pdf", "docx"):
                certificate_file(submission.school, span, lang, kind)
