"""issue 11: every typed text may carry a version in the other official language

`submission.text_lang` names the language a school types in first (every existing analysis: Kazakh);
`section_entry.translations` and each row table's `translations` hold the other language's versions
(every existing row starts with none: `{}`).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 18:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

ROW_TABLES = ("acts_order", "appeals_appeal", "conclusion_followup", "conclusion_recommendation", "courts_case",
              "fiscal_inspection", "general_working_group", "inspections_inspection", "interactions_interaction",
              "monitoring_event", "personnel_admin_staff", "personnel_disciplinary", "personnel_movement",
              "positions_position", "procurement_method", "services_service")


def upgrade():
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_lang', sa.String(length=2), server_default='kk', nullable=False))
    for table in ("section_entry", *ROW_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('translations', sa.JSON(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET translations = '{{}}'"))


def downgrade():
    for table in reversed(("section_entry", *ROW_TABLES)):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('translations')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_column('text_lang')
