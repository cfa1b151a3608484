"""issue 11: a measure of the action plan names the section whose risk it answers

`conclusion_recommendation.section` holds that section's code. Existing measures name none: those with a risk
in words keep it; those with neither are listed before the analysis can be submitted again.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 22:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('conclusion_recommendation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('section', sa.String(length=30), nullable=True))


def downgrade():
    with op.batch_alter_table('conclusion_recommendation', schema=None) as batch_op:
        batch_op.drop_column('section')
