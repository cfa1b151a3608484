"""The organisation tree, accounts, reporting periods and the audit log."""

from __future__ import annotations

import enum
import hmac
import secrets
from datetime import UTC, date, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class OrgKind(enum.StrEnum):
    REGION = "region"  # облыс
    DEPARTMENT = "department"  # қала/аудан білім бөлімі
    SCHOOL = "school"

    @property
    def parent_kind(self) -> OrgKind | None:
        return {OrgKind.DEPARTMENT: OrgKind.REGION, OrgKind.SCHOOL: OrgKind.DEPARTMENT}.get(self)


class Role(enum.StrEnum):
    ADMIN = "admin"  # everything
    DEPARTMENT = "department"  # reads and reviews its region's or city's subtree
    SCHOOL = "school"  # its own school only

    def accepts(self, unit: OrgUnit | None) -> bool:
        """An admin has no unit; a department account sits on a region or department; a school on a school."""
        if self is Role.ADMIN:
            return unit is None
        if unit is None:
            return False
        return (unit.kind is OrgKind.SCHOOL) == (self is Role.SCHOOL)


def enum_column(enum_class):
    """Store an enum by its value as a plain string column (portable, readable in SQL)."""
    return db.Enum(enum_class, native_enum=False, length=12, values_callable=lambda e: [m.value for m in e],
                   validate_strings=True)


class Localized:
    """Models with `<field>_kk` / `<field>_ru` columns pick the one of the current language."""

    def localized(self, field: str, lang: str | None = None) -> str:
        from .i18n import current_language

        lang = lang or current_language()
        return getattr(self, f"{field}_{lang}") or getattr(self, f"{field}_kk") or ""


class OrgUnit(Localized, db.Model):
    """A region, a city/district education department or a school.

    `path` is the materialised chain of codes from the root ("/kostanay/rudny/rudny-7/"), so a
    whole subtree is one indexed prefix filter whatever its depth.
    """

    __tablename__ = "org_unit"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[OrgKind] = mapped_column(enum_column(OrgKind))
    code: Mapped[str] = mapped_column(String(40), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    path: Mapped[str] = mapped_column(String(400), index=True)
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    # Schools only: what the certificate header needs.
    legal_name_kk: Mapped[str | None] = mapped_column(Text)
    legal_name_ru: Mapped[str | None] = mapped_column(Text)
    parent_body_kk: Mapped[str | None] = mapped_column(String(500))
    parent_body_ru: Mapped[str | None] = mapped_column(String(500))
    city_kk: Mapped[str | None] = mapped_column(String(120))
    city_ru: Mapped[str | None] = mapped_column(String(120))
    head_name: Mapped[str | None] = mapped_column(String(200))
    bin: Mapped[str | None] = mapped_column(String(12))

    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[OrgUnit]] = relationship(back_populates="parent", order_by="OrgUnit.code")

    def place_under(self, parent: OrgUnit | None) -> None:
        """Attach to `parent` and recompute the materialised paths of this unit and its subtree."""
        with db.session.no_autoflush:  # one write with parent and path together, not two
            old_path = self.path
            self.parent = parent
            self.path = f"{parent.path if parent else '/'}{self.code}/"
            if old_path and old_path != self.path:
                for unit in OrgUnit.query.filter(OrgUnit.path.startswith(old_path), OrgUnit.id != self.id):
                    unit.path = self.path + unit.path[len(old_path):]

    def contains(self, other: OrgUnit) -> bool:
        """True if `other` is this unit or lies anywhere below it."""
        return other.path.startswith(self.path)

    @property
    def ancestor_codes(self) -> list[str]:
        """Codes from the root down to this unit, itself included."""
        return [code for code in self.path.split("/") if code]

    @property
    def name(self) -> str:
        return self.localized("name")

    def __repr__(self) -> str:
        return f"<OrgUnit {self.code}>"


def new_session_key() -> str:
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    """An account. Its sessions carry `session_key`; a new key ends every session of the account at once."""

    __tablename__ = "user_account"
    __audited__ = True
    __audit_exclude__ = frozenset({"last_login_at", "session_key"})

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role))
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    email: Mapped[str | None] = mapped_column(String(254))  # reminders and review results (webapp/notifications.py)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    session_key: Mapped[str] = mapped_column(String(40), default=new_session_key)

    org_unit: Mapped[OrgUnit | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def get_id(self) -> str:
        """What the session cookie names: the account and its current session key (Flask-Login)."""
        if not self.session_key:
            self.session_key = new_session_key()
        return f"{self.id}.{self.session_key}"

    def holds_session(self, session_key: str) -> bool:
        """True while a session made with `session_key` is still valid for this account."""
        return self.active and bool(self.session_key) and hmac.compare_digest(self.session_key, session_key)

    def end_sessions(self) -> None:
        """Sign the account out everywhere: every session cookie issued so far stops working."""
        self.session_key = new_session_key()

    @validates("password_hash", "active")
    def _end_sessions_on_change(self, key, value):
        """A new password or a deactivation ends the account's sessions on every server."""
        if self.id is not None and (key == "password_hash" or not value):
            self.end_sessions()
        return value

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)  # scrypt

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def can_see(self, unit: OrgUnit) -> bool:
        """Admins see everything; everyone else sees their own unit's subtree."""
        if self.role is Role.ADMIN:
            return True
        return self.org_unit is not None and self.org_unit.contains(unit)

    def __repr__(self) -> str:
        return f"<User {self.username}>"


class Period(db.Model):
    """A reporting half-year such as 2025-H1, with the deadline that applies where no unit set its own."""

    __tablename__ = "period"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(7), unique=True)  # "2025-H1"
    year: Mapped[int]
    half: Mapped[int]  # 1 = January-June, 2 = July-December
    deadline: Mapped[date] = mapped_column(Date)
    is_open: Mapped[bool] = mapped_column(default=True)

    deadlines: Mapped[list[PeriodDeadline]] = relationship(
        back_populates="period", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("year", "half", name="uq_period_year_half"),)

    @staticmethod
    def code_for(year: int, half: int) -> str:
        return f"{year}-H{half}"

    @property
    def starts_on(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def ends_on(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def label(self) -> str:
        from .i18n import period_label

        return period_label(self.year, self.half)

    def __repr__(self) -> str:
        return f"<Period {self.code}>"


class PeriodDeadline(db.Model):
    """A deadline a region or department set for its own subtree, overriding the period's default."""

    __tablename__ = "period_deadline"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"))
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    deadline: Mapped[date] = mapped_column(Date)

    period: Mapped[Period] = relationship(back_populates="deadlines")
    org_unit: Mapped[OrgUnit] = relationship()

    __table_args__ = (UniqueConstraint("period_id", "org_unit_id", name="uq_period_deadline_unit"),)


class AuditChain(db.Model):
    """The head of the audit log's hash chain: one row (id 1), locked by each transaction that appends."""

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditEvent(db.Model):
    """One append-only record per write: who, when, what object, and each field's old → new value."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(80))  # username kept even if the account goes
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete / login / logout
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(40))
    object_label: Mapped[str | None] = mapped_column(String(200))
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="SET NULL"), index=True)
    # Writes to a school's half-year analysis: which submission and section (rows outlive nothing: no FK).
    submission_id: Mapped[int | None] = mapped_column(index=True)
    section: Mapped[str | None] = mapped_column(String(30))
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    # The hash chain (see audit.py): position, the previous event's hash, this event's hash.
    seq: Mapped[int | None] = mapped_column(unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"<AuditEvent {self.action} {self.object_type}:{self.object_id}>"
