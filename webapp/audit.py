"""Every write to an audited model leaves an AuditEvent, written in the same transaction.

Models opt in with `__audited__ = True` (and may hide noisy columns with `__audit_exclude__`).
Recording happens in one session hook, so no view can forget it.

The log is a hash chain: each event carries `seq` (1, 2, 3, … with no gaps), the previous event's hash and
its own, SHA-256 over the previous hash and its content. Changing, deleting or reordering any stored event
breaks the chain from there on, and `flask --app wsgi audit verify` names the first broken link. The head of
the chain (the last seq and hash) is one row of `audit_chain`, locked by the transaction that appends, so
concurrent writers on any number of servers append one after another.
"""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal

from flask import g, has_app_context, has_request_context
from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from .models import AuditEvent, OrgUnit, utcnow

SECRET_COLUMNS = {"password_hash", "session_key"}


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


def record_download(session: Session, unit: OrgUnit, filename: str) -> None:
    """Note who downloaded which file of which unit, and when (certificates, zips, exports), and commit it."""
    record(session, "download", unit, label=filename, changes={"file": [None, filename]})
    session.commit()


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


# --- The hash chain ---------------------------------------------------------------------------------------

HASHED_FIELDS = ("at", "user_id", "actor", "action", "object_type", "object_id", "object_label", "org_unit_id",
                 "submission_id", "section", "changes")


def _canonical_time(value: datetime | None) -> str | None:
    """UTC, microseconds, no offset: the same text whether the database gave it back aware or naive."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


def event_hash(seq: int, prev_hash: str, fields: dict) -> str:
    """SHA-256 (hex) of an event: its place in the chain, the previous event's hash and its content.

    `fields` maps HASHED_FIELDS to the values as stored (a missing one counts as empty)."""
    content = {name: fields.get(name) for name in HASHED_FIELDS}
    content["at"] = _canonical_time(content["at"])
    content["changes"] = content["changes"] or {}
    payload = json.dumps([seq, prev_hash, content], sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                         default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


PENDING = "audit_events_to_chain"  # session.info key: events inserted in this transaction, not chained yet


def _lock_chain_head(connection) -> list:
    """[seq, hash] of the chain's head, read under its row's lock: an UPDATE takes the row lock on PostgreSQL
    and the write lock on SQLite, so no other transaction appends until ours ends."""
    row = connection.execute(text("UPDATE audit_chain SET seq = seq WHERE id = 1 RETURNING seq, hash")).first()
    if row is None:
        connection.execute(text("INSERT INTO audit_chain (id, seq, hash) VALUES (1, 0, '')"))
        return [0, ""]
    return [row[0], row[1]]


def _store_chain_head(connection, head: list) -> None:
    connection.execute(text("UPDATE audit_chain SET seq = :seq, hash = :hash WHERE id = 1"),
                       {"seq": head[0], "hash": head[1]})


def _link(head: list, fields: dict) -> dict:
    """The chain columns of the next event after `head`."""
    seq = head[0] + 1
    return {"seq": seq, "prev_hash": head[1], "hash": event_hash(seq, head[1], fields)}


@event.listens_for(AuditEvent, "before_insert")
def _note_event(mapper, connection, target: AuditEvent) -> None:
    from sqlalchemy.orm import object_session

    if target.at is None:
        target.at = utcnow()
    if target.changes is None:
        target.changes = {}
    object_session(target).info.setdefault(PENDING, []).append(target)


def chain_pending_events(session: Session) -> None:
    """Chain the events this transaction inserted, at commit (registered by create_app to run after every
    other before_commit hook, so no event inserted at commit escapes). The head's lock is taken last and
    held only until the commit, so appending never waits in a cycle with other row locks."""
    session.flush()
    pending = session.info.pop(PENDING, None)
    if not pending:
        return
    connection = session.connection()
    head = _lock_chain_head(connection)
    table = AuditEvent.__table__
    for audit_event in sorted(pending, key=lambda e: e.id):
        link = _link(head, {name: getattr(audit_event, name) for name in HASHED_FIELDS})
        result = connection.execute(table.update().where(table.c.id == audit_event.id).values(**link))
        if result.rowcount != 1:  # rolled back with a savepoint: not in the log
            continue
        for name, value in link.items():
            set_committed_value(audit_event, name, value)
        head = [link["seq"], link["hash"]]
    _store_chain_head(connection, head)


def insert_audit_rows(session: Session, rows: list[dict]) -> None:
    """Bulk-insert audit events (demo and benchmark loaders), chained like those the session adds."""
    if not rows:
        return
    connection = session.connection()
    head = _lock_chain_head(connection)
    chained = []
    for row in rows:
        link = _link(head, row)
        chained.append({**row, "changes": row.get("changes") or {}, **link})
        head = [link["seq"], link["hash"]]
    session.execute(insert(AuditEvent), chained)
    _store_chain_head(connection, head)


def register() -> None:
    """Chain each transaction's audit events at its commit (once per process, whatever the number of apps)."""
    if not event.contains(Session, "before_commit", chain_pending_events):
        event.listen(Session, "before_commit", chain_pending_events)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(PENDING, None)


def verify_chain(session: Session) -> tuple[int, str | None]:
    """Walk the whole log in chain order: (events checked, None) when intact, else (events checked before the
    first broken link, a sentence naming it and what is wrong)."""
    query = select(AuditEvent.id, AuditEvent.seq, AuditEvent.prev_hash, AuditEvent.hash,
                   *(getattr(AuditEvent, name) for name in HASHED_FIELDS)).order_by(AuditEvent.seq, AuditEvent.id)
    expected_seq, prev_hash, checked = 1, "", 0
    for row in session.execute(query.execution_options(yield_per=2000)):
        where = f"audit event id {row.id} (seq {row.seq})"
        if row.seq is None:
            return checked, f"{where}: not part of the chain (no sequence number)"
        if row.seq != expected_seq:
            return checked, f"{where}: expected seq {expected_seq}; events were deleted or renumbered"
        if row.prev_hash != prev_hash:
            return checked, f"{where}: does not link to the event before it (previous hash differs)"
        if event_hash(row.seq, row.prev_hash, row._mapping) != row.hash:
            return checked, f"{where}: its content was changed after it was written (hash differs)"
        expected_seq, prev_hash, checked = expected_seq + 1, row.hash, checked + 1
    head = session.execute(text("SELECT seq, hash FROM audit_chain WHERE id = 1")).first()
    if checked and (head is None or head[0] != checked or head[1] != prev_hash):
        return checked, f"the chain's head names event {head[0] if head else '-'} but the log ends at {checked}: " \
                        "events were deleted from the end"
    return checked, None
