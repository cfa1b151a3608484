"""background jobs: when the worker last made progress, whether it was given up on as stalled; national jobs

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 21:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('background_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('progressed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('stalled', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.alter_column('org_unit_id', existing_type=sa.Integer(), nullable=True)


def downgrade():
    with op.batch_alter_table('background_job', schema=None) as batch_op:
        batch_op.execute("DELETE FROM background_job WHERE org_unit_id IS NULL")
        batch_op.alter_column('org_unit_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('stalled')
        batch_op.drop_column('progressed_at')
