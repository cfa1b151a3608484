"""revocable sessions (a session key per account) and the audit log's hash chain

Every existing account gets its own random session key (sessions made before the upgrade end: everyone logs
in again), and every existing audit event is chained in id order, so `flask --app wsgi audit verify` holds
from the start.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 18:40:00

"""
import secrets

import sqlalchemy as sa
from alembic import op

from webapp.audit import HASHED_FIELDS, event_hash

# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_key', sa.String(length=40), nullable=True))
    bind = op.get_bind()
    accounts = sa.table('user_account', sa.column('id', sa.Integer), sa.column('session_key', sa.String))
    for (account_id,) in bind.execute(sa.select(accounts.c.id)).all():
        bind.execute(accounts.update().where(accounts.c.id == account_id)
                     .values(session_key=secrets.token_urlsafe(24)))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('session_key', existing_type=sa.String(length=40), nullable=False)

    op.create_table('audit_chain',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_audit_event_seq'), ['seq'])

    events = sa.table('audit_event', sa.column('id', sa.Integer), sa.column('seq', sa.Integer),
                      sa.column('prev_hash', sa.String), sa.column('hash', sa.String),
                      sa.column('at', sa.DateTime(timezone=True)), sa.column('changes', sa.JSON),
                      *(sa.column(name) for name in HASHED_FIELDS if name not in ('at', 'changes')))
    seq, prev_hash = 0, ''
    rows = bind.execute(sa.select(events.c.id, *(events.c[name] for name in HASHED_FIELDS))
                        .order_by(events.c.id)).all()
    for row in rows:
        seq += 1
        digest = event_hash(seq, prev_hash, row._mapping)
        bind.execute(events.update().where(events.c.id == row.id).values(seq=seq, prev_hash=prev_hash, hash=digest))
        prev_hash = digest
    bind.execute(sa.table('audit_chain', sa.column('id'), sa.column('seq'), sa.column('hash')).insert()
                 .values(id=1, seq=seq, hash=prev_hash))


def downgrade():
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_event_seq'), type_='unique')
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('seq')
    op.drop_table('audit_chain')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('session_key')
