"""issue 11: an inspection says what kind of document gave its result (act, reference, representation,
prescription), so the certificate can write «…№2-0904-25-01180 ұсыным бойынша» / «(представление №…)»

`result_kind` on both inspection tables (2.9 supervisory, 2.10 fiscal); existing rows name none and are
written as «құжат» / «документ», as before.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 01:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('inspections_inspection', 'fiscal_inspection'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('result_kind', sa.String(length=20), nullable=True))


def downgrade():
    for table in ('inspections_inspection', 'fiscal_inspection'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('result_kind')
