"""A background job as users see it: what was asked, how far it got, what failed, and its result file."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import JSON, DateTime, ForeignKey, LargeBinary, String, false, or_, update
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from ..extensions import db
from ..models import OrgUnit, User, enum_column, utcnow

# How long a finished job's file stays downloadable.
KEEP_FILES_FOR = timedelta(hours=24)


class JobStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Job(db.Model):
    """One request for long work (e.g. every certificate of a city as one zip), run by the worker.

    `done` of `total` is the progress bar; `failures` names each item that failed ([code, message]) while
    the others go on; the zip lives in `JobFile` until `expires_at`. Only starting a job is audited: the
    worker's progress updates are not writes anybody made.
    """

    __tablename__ = "background_job"
    __audited__ = True
    __audit_exclude__ = frozenset({"status", "total", "done", "failures", "started_at", "progressed_at",
                                   "finished_at", "expires_at", "file_name", "file_size", "stalled"})

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # None: the whole country (the morning's deadline reminders), seen by admins only.
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[JobStatus] = mapped_column(enum_column(JobStatus), default=JobStatus.QUEUED)
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    failures: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    progressed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # the worker's last step
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    file_name: Mapped[str | None] = mapped_column(String(200))
    file_size: Mapped[int | None]
    stalled: Mapped[bool] = mapped_column(default=False, server_default=false())  # failed: its worker stopped

    org_unit: Mapped[OrgUnit | None] = relationship()
    user: Mapped[User | None] = relationship()

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def audit_label(self) -> str:
        return " ".join([self.kind, *(str(v) for v in self.params.values())])[:200]

    def start(self, total: int) -> None:
        self.status, self.total, self.done = JobStatus.RUNNING, total, 0
        self.started_at = self.progressed_at = utcnow()

    def advance(self, failures: list) -> None:
        """One more item done (the worker commits after each): the count, the failures so far, and when."""
        self.done += 1
        self.failures = list(failures)
        self.progressed_at = utcnow()

    @property
    def looks_stalled(self) -> bool:
        """Running, but its last step is older than the worker could take (JOBS_STALLED_MINUTES)."""
        last = self.progressed_at or self.started_at
        return self.status is JobStatus.RUNNING and last is not None and utcnow() - _aware(last) > stalled_after()

    def expired(self, now: datetime | None = None) -> bool:
        """True once the result file is gone or past its time (SQLite hands back naive UTC datetimes)."""
        if self.expires_at is None:
            return False
        return (now or utcnow()) >= _aware(self.expires_at)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes."""
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


class JobFile(db.Model):
    """A finished job's file (kept in the database, so every app server can serve it)."""

    __tablename__ = "background_job_file"

    job_id: Mapped[int] = mapped_column(ForeignKey("background_job.id", ondelete="CASCADE"), primary_key=True)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))


def stalled_after() -> timedelta:
    """How long a running job may go without a step before it counts as lost: no step of a job (one certificate,
    one school's e-mails) takes more than a minute or two, even on a busy machine."""
    return timedelta(minutes=float(current_app.config["JOBS_STALLED_MINUTES"]))


def sweep_stalled_jobs() -> int:
    """Mark failed every running job that has not moved for JOBS_STALLED_MINUTES (its worker died, was killed or
    its machine restarted); returns how many. The job page then says so instead of a bar that never moves.
    Run by the worker as it starts and every minute, and by the job page (with no worker left, nothing else
    would notice)."""
    now = utcnow()
    before = now - stalled_after()
    result = db.session.execute(
        update(Job).where(Job.status == JobStatus.RUNNING,
                          or_(Job.progressed_at < before, Job.progressed_at.is_(None) & (Job.started_at < before)))
        .values(status=JobStatus.FAILED, stalled=True, finished_at=now)
        .execution_options(synchronize_session=False)  # the caller refreshes what it holds
    )
    db.session.commit()
    return result.rowcount or 0
