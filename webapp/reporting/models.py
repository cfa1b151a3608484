"""What every report section shares: the submission (school × half-year), one entry per section with the
risks / basis / recommendations triplet, and the base of the typed row tables sections add to."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from ..extensions import db
from ..models import OrgUnit, Period, enum_column, utcnow


class Status(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


class Review(enum.StrEnum):
    RETURNED = "returned"
    ACCEPTED = "accepted"


class Submission(db.Model):
    """One school's analysis for one half-year, moving draft → submitted → returned/accepted."""

    __tablename__ = "submission"
    __audited__ = True
    __audit_exclude__ = frozenset({"updated_at"})

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"), index=True)
    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.DRAFT)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    on_time: Mapped[bool | None]
    returned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    # The official language the school types its texts in first ("kk" or "ru"); each text may carry a version
    # in the other language in its owner's `translations`.
    text_lang: Mapped[str] = mapped_column(String(2), default="kk", server_default="kk")

    school: Mapped[OrgUnit] = relationship()
    period: Mapped[Period] = relationship()
    entries: Mapped[list[SectionEntry]] = relationship(back_populates="submission", cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("school_id", "period_id", name="uq_submission_school_period"),)

    @property
    def audit_scope(self) -> tuple[int, str | None, int]:
        return self.id, None, self.school_id

    def entry(self, section_code: str) -> SectionEntry | None:
        return next((e for e in self.entries if e.section == section_code), None)


class SectionEntry(db.Model):
    """A section of one submission: the seed's triplet, the violation finding, scalar facts and review state.

    `nothing_to_report` is an explicit attestation, distinct from a section nobody filled in.
    """

    __tablename__ = "section_entry"
    __audited__ = True
    __audit_exclude__ = frozenset({"updated_at", "version"})

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(30))
    risks: Mapped[str | None] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)
    violation_found: Mapped[bool | None]
    violation_description: Mapped[str | None] = mapped_column(Text)
    nothing_to_report: Mapped[bool] = mapped_column(default=False)
    # The section's scalar figures (counts, order numbers, dates as ISO text), shaped by its facts form.
    facts: Mapped[dict] = mapped_column(JSON, default=dict)
    # The school's explanation for cross-field warnings it keeps (e.g. a teacher counted twice).
    warnings_explanation: Mapped[str | None] = mapped_column(Text)
    review: Mapped[Review | None] = mapped_column(enum_column(Review))
    return_reason: Mapped[str | None] = mapped_column(Text)
    carried_over: Mapped[bool] = mapped_column(default=False)  # copied from last half-year, not yet confirmed
    # The texts in the language other than the submission's `text_lang`: {"risks": "…", …} (facts keep theirs
    # beside the figure as "<name>__tr").
    translations: Mapped[dict | None] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # Optimistic concurrency: every UPDATE checks and bumps it, so a save made from an older page is caught.
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))

    submission: Mapped[Submission] = relationship(back_populates="entries")

    __mapper_args__ = {"version_id_col": version}

    __table_args__ = (UniqueConstraint("submission_id", "section", name="uq_section_entry_submission_section"),)

    @property
    def audit_scope(self) -> tuple[int, str | None, int | None]:
        return self.submission_id, self.section, None


class SectionRow:
    """Base of every typed row table a section adds (orders, staff movements, court cases, …).

    `version` is checked and bumped by every UPDATE and DELETE (an edit made from an older page is refused);
    `request_key` is the key the browser generated for the request that added the row, so the same add sent
    twice (a retry after a lost answer, a double click) finds its row instead of adding another.
    """

    __audited__ = True
    __audit_exclude__ = frozenset({"version", "request_key"})
    section_code: str  # set by each row model: which section its rows belong to

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(default=0)  # the order the school entered them in
    carried_over: Mapped[bool] = mapped_column(default=False)
    # The row's texts in the language other than the submission's `text_lang`: {"title": "…"}.
    translations: Mapped[dict | None] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    request_key: Mapped[str | None] = mapped_column(String(40), unique=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}

    @declared_attr
    def submission_id(cls) -> Mapped[int]:  # noqa: N805
        return mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)

    @property
    def audit_scope(self) -> tuple[int, str | None, int | None]:
        return self.submission_id, self.section_code, None


class OutdatedVersion(db.Model):
    """A typed text's version that may no longer say what the other one says: the other language's version was
    changed after it and it was not (issue 11 review). Shown beside the text and in the list of missing
    versions until this version is edited too or the clerk confirms it still holds; the certificate prints it
    as it is. No row: both versions agree as far as anyone knows.

    The text is its owner's field `name`: the section's entry (narrative and facts, `list_name` "") or a row of
    one of its lists (`list_name`, `row_id`). `version` is the stored place of the outdated one: "main" (the
    submission's `text_lang`) or "other" (the companion in `translations` or "<name>__tr"), so switching the
    first language (a relabelling) leaves the mark on the same text."""

    __tablename__ = "outdated_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(30))
    list_name: Mapped[str] = mapped_column(String(40), default="")
    row_id: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(80))
    version: Mapped[str] = mapped_column(String(5))
    marked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (UniqueConstraint("submission_id", "section", "list_name", "row_id", "name",
                                       name="uq_outdated_version_text"),)
