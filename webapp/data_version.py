"""The figures' data version, and the dashboard's aggregates kept per version.

One row in `data_version` counts the committed writes that can change a dashboard figure: a submission (its
status, lateness), its figures, an org unit, a half-year. Every such transaction adds one at its commit, in the
same transaction, so every app server sharing the database sees the new number as soon as the new figures.
`remember(key, compute)` keeps a result per app process under (database token, version, key): a repeated view
of unchanged data reads one number instead of aggregating 7,500 schools again, and the first view after any
save computes afresh. The token is new whenever the row is created or a backup restored, so a cache can never
mistake another database's version 12 for this one's.

Writes are noticed in one place: ORM flushes (`before_flush`) and ORM bulk statements through the session
(`do_orm_execute`: the demo and national loaders' inserts). `rebuild-figures`, `load-demo` and the migrations'
fill all go through one of these; `bump()` is there for anything else.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app
from sqlalchemy import BigInteger, String, event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from .extensions import db

PENDING = "data_version_pending"
SEEN = "data_version_seen"  # the version read in this transaction (a page asks for several kept results)
CAPACITY = 64  # results kept per process (a national page keeps three; each half-year, unit and indicator more)


class DataVersion(db.Model):
    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32))
    n: Mapped[int] = mapped_column(BigInteger, default=0)


@event.listens_for(DataVersion.__table__, "after_create")
def _first_row(table, connection, **kwargs) -> None:
    """`create_all` (tests, the bench's data set) starts the count as migration 0014 does."""
    connection.execute(table.insert().values(id=1, token=uuid.uuid4().hex, n=1))


def _watched() -> tuple[type, ...]:
    from .models import OrgUnit, Period
    from .reporting.figures import SubmissionFigures, SubmissionSections
    from .reporting.models import Submission

    return OrgUnit, Period, Submission, SubmissionFigures, SubmissionSections


def bump(session: Session) -> None:
    """The current transaction changes figures: the version goes up at its commit."""
    session.info[PENDING] = True


def _note_flush(session: Session, flush_context, instances) -> None:
    if session.info.get(PENDING):
        return
    watched = _watched()
    if any(isinstance(obj, watched) for obj in (*session.new, *session.dirty, *session.deleted)):
        bump(session)


def _note_bulk(state) -> None:
    if not (state.is_insert or state.is_update or state.is_delete) or state.session.info.get(PENDING):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, _watched()):
        bump(state.session)


def _bump_at_commit(session: Session) -> None:
    """After the figures' refresh and the audit chain (registered later), so the lock is held only to the end."""
    if not session.info.get(PENDING):
        session.flush()  # the figures' refresh may have just changed figures: their flush notes it
        if not session.info.get(PENDING):
            return
    session.info.pop(PENDING, None)
    connection = session.connection()
    if connection.execute(update(DataVersion).where(DataVersion.id == 1).values(n=DataVersion.n + 1)).rowcount == 0:
        connection.execute(DataVersion.__table__.insert().values(id=1, token=uuid.uuid4().hex, n=1))


def _forget(session: Session, *args) -> None:
    session.info.pop(PENDING, None)


def _transaction_ended(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(SEEN, None)


def register() -> None:
    """Once per process, whatever the number of apps; after `audit.register()`."""
    for name, listener in (("before_flush", _note_flush), ("do_orm_execute", _note_bulk),
                           ("before_commit", _bump_at_commit), ("after_rollback", _forget),
                           ("after_transaction_end", _transaction_ended)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def current(session: Session) -> tuple[str, int] | None:
    """(token, version) as this transaction sees it (read once a transaction); None when it has uncommitted
    figure changes of its own.

    Read before the figures it labels, in the same transaction: those are at least as new as the version (on
    SQLite the same snapshot; on PostgreSQL each later statement sees at least what an earlier one saw), so a
    result is never kept under a version newer than its data."""
    if session.info.get(PENDING) or any(isinstance(obj, _watched()) for obj in (*session.new, *session.dirty,
                                                                                *session.deleted)):
        return None
    if SEEN not in session.info:
        row = session.execute(select(DataVersion.token, DataVersion.n).where(DataVersion.id == 1)).first()
        session.info[SEEN] = (row.token, row.n) if row else None
    return session.info[SEEN]


def renew_token(connection) -> None:
    """A database replaced wholesale (a restored backup): nothing kept from before may be served again."""
    token = uuid.uuid4().hex
    if connection.execute(update(DataVersion).where(DataVersion.id == 1).values(token=token, n=DataVersion.n + 1)
                          ).rowcount == 0:
        connection.execute(DataVersion.__table__.insert().values(id=1, token=token, n=1))


class _Kept:
    def __init__(self, capacity: int) -> None:
        self.capacity, self.items, self.lock = capacity, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return True, self.items[key]
        return False, None

    def put(self, key, value) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.capacity:
                self.items.popitem(last=False)


def remember(key: Hashable, compute: Callable[[], object]):
    """compute()'s result, kept under the data's current version (computed afresh after any figure change).
    The result is shared between requests: give back immutable things (tuples of plain values)."""
    if not current_app.config.get("DASHBOARD_CACHE", True):
        return compute()
    version = current(db.session)
    if version is None:
        return compute()
    kept = current_app.extensions.setdefault("dashboard_kept", _Kept(CAPACITY))
    found, value = kept.get((version, key))
    if found:
        return value
    value = compute()
    kept.put((version, key), value)
    return value
