"""issue 11 review: a text's version in the other language may be outdated once the first one changed

One row per text version marked «may be outdated» (reporting.models.OutdatedVersion); none exist before, so
every existing text starts unmarked.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outdated_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=30), nullable=False),
    sa.Column('list_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('version', sa.String(length=5), nullable=False),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_outdated_version_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outdated_version')),
    sa.UniqueConstraint('submission_id', 'section', 'list_name', 'row_id', 'name', name='uq_outdated_version_text')
    )
    with op.batch_alter_table('outdated_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outdated_version_submission_id'), ['submission_id'], unique=False)


def downgrade():
    with op.batch_alter_table('outdated_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outdated_version_submission_id'))
    op.drop_table('outdated_version')
