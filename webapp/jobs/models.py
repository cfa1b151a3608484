"""A background job as users see it: what was asked, how far it got, what failed, and its result file."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from sqlalchemy import JSON, DateTime, ForeignKey, LargeBinary, String
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
    __audit_exclude__ = frozenset({"status", "total", "done", "failures", "started_at", "finished_at",
                                   "expires_at", "file_name", "file_size"})

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[JobStatus] = mapped_column(enum_column(JobStatus), default=JobStatus.QUEUED)
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    failures: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    file_name: Mapped[str | None] = mapped_column(String(200))
    file_size: Mapped[int | None]

    org_unit: Mapped[OrgUnit] = relationship()
    user: Mapped[User | None] = relationship()

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def audit_label(self) -> str:
        return " ".join([self.kind, *(str(v) for v in self.params.values())])[:200]

    def expired(self, now: datetime | None = None) -> bool:
        """True once the result file is gone or past its time (SQLite hands back naive UTC datetimes)."""
        if self.expires_at is None:
            return False
        expires = self.expires_at if self.expires_at.tzinfo else self.expires_at.replace(tzinfo=utcnow().tzinfo)
        return (now or utcnow()) >= expires


class JobFile(db.Model):
    """A finished job's file (kept in the database, so every app server can serve it)."""

    __tablename__ = "background_job_file"

    job_id: Mapped[int] = mapped_column(ForeignKey("background_job.id", ondelete="CASCADE"), primary_key=True)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
