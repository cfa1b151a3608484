"""issue 11: an inspection says when it took place, to the day or to the month («2024 жылғы ақпанда … тексеру
жүргізді» / «В феврале 2024 года … провела проверку»)

`held_on` on both inspection tables (2.9 supervisory, 2.10 fiscal), ISO text "2024-02-23" or "2024-02";
existing rows keep every value and say no date (NULL), which the certificate leaves out as before.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 05:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('inspections_inspection', 'fiscal_inspection'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('held_on', sa.String(length=10), nullable=True))


def downgrade():
    for table in ('inspections_inspection', 'fiscal_inspection'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('held_on')
