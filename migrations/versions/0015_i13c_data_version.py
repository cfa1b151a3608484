"""the figures' data version: one row every write that can change a dashboard figure moves on

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29 23:10:00

"""
import uuid

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'data_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=32), nullable=False),
        sa.Column('n', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_version')),
    )
    op.bulk_insert(table, [{'id': 1, 'token': uuid.uuid4().hex, 'n': 1}])


def downgrade():
    op.drop_table('data_version')
