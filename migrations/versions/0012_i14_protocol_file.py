"""issue 14: the signed protocol of the public discussion, scanned, attached to the school's half-year

`cycle.protocol_file_id` points at the uploaded scan (a `cycle_file`); existing cycles have none.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 22:05:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('protocol_file_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_cycle_protocol_file_id_cycle_file'), 'cycle_file',
                                    ['protocol_file_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('cycle', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_cycle_protocol_file_id_cycle_file'), type_='foreignkey')
        batch_op.drop_column('protocol_file_id')
