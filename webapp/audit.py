"""Every write to an audited model leaves an AuditEvent, written in the same transaction.

Models opt in with `__audited__ = True` (and may hide noisy columns with `__audit_exclude__`).
Recording happens in one session hook, so no view can forget it.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from flask import g, has_app_context, has_request_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from .models import AuditEvent, OrgUnit

SECRET_COLUMNS = {"password_hash"}


def current_actor() -> tuple[int | None, str]:
    """The logged-in user, or the name a CLI command set in g.audit_actor."""
    if has_request_context():
        from flask_login import current_user

        if current_user and current_user.is_authenticated:
            return current_user.id, current_user.username
    if has_app_context() and g.get("audit_actor"):
        return None, g.audit_actor
    return None, "system"


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _column_changes(obj, *, only_modified: bool) -> dict[str, list]:
    state = inspect(obj)
    excluded = getattr(obj, "__audit_exclude__", frozenset())
    changes = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in excluded or key == "id":
            continue
        history = state.attrs[key].history
        if only_modified and not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else getattr(obj, key)
        if only_modified and _plain(old) == _plain(new):
            continue
        if key in SECRET_COLUMNS:
            old, new = ("•••" if old else None), "•••"
        if isinstance(old, dict) or isinstance(new, dict):  # JSON facts: one change per figure
            old, new = old or {}, new or {}
            for name in sorted(set(old) | set(new)):
                if old.get(name) != new.get(name):
                    changes[f"{key}.{name}"] = [_plain(old.get(name)), _plain(new.get(name))]
            continue
        changes[key] = [_plain(old), _plain(new)]
    return changes


def _scope(obj) -> tuple[int | None, str | None, int | None]:
    """(submission, section, org unit) an object's changes belong to."""
    if isinstance(obj, OrgUnit):
        return None, None, obj.id
    if hasattr(obj, "audit_scope"):
        return obj.audit_scope
    return None, None, getattr(obj, "org_unit_id", None)


def _label(obj) -> str | None:
    if obj is None:
        return None
    for attribute in ("code", "username", "audit_label"):
        value = getattr(obj, attribute, None)
        if value:
            return str(value)[:200]
    return None


def record(session: Session, action: str, obj=None, *, object_type: str | None = None,
           object_id=None, label: str | None = None, changes: dict | None = None,
           org_unit_id: int | None = None) -> AuditEvent:
    """Add an explicit audit event (logins, workflow steps) to the current transaction."""
    user_id, actor = current_actor()
    submission_id, section, scope_unit_id = _scope(obj) if obj is not None else (None, None, None)
    audit_event = AuditEvent(
        user_id=user_id,
        actor=actor,
        action=action,
        object_type=object_type or (obj.__tablename__ if obj is not None else "-"),
        object_id=str(object_id if object_id is not None else getattr(obj, "id", "")) or None,
        object_label=label or _label(obj),
        org_unit_id=org_unit_id if org_unit_id is not None else scope_unit_id,
        submission_id=submission_id,
        section=section,
        changes=changes or {},
    )
    session.add(audit_event)
    return audit_event


@event.listens_for(Session, "after_flush")
def _audit_flush(session: Session, flush_context) -> None:
    for obj in list(session.new):
        if getattr(obj, "__audited__", False):
            record(session, "create", obj, changes=_column_changes(obj, only_modified=False))
    for obj in list(session.dirty):
        if getattr(obj, "__audited__", False) and session.is_modified(obj, include_collections=False):
            changes = _column_changes(obj, only_modified=True)
            if changes:
                record(session, "update", obj, changes=changes)
    for obj in list(session.deleted):
        if getattr(obj, "__audited__", False):
            snapshot = {attr.key: [_plain(getattr(obj, attr.key)), None]
                        for attr in inspect(obj).mapper.column_attrs
                        if attr.key not in SECRET_COLUMNS and attr.key != "id"}
            record(session, "delete", obj, changes=snapshot)
