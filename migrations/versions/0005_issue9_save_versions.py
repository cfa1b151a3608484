"""issue 9: versions on section entries and rows (optimistic concurrency), request keys on rows (idempotent adds)

Existing entries and rows start at version 1 (the server default fills them); existing rows have no request key.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 18:06:08.033892

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

ROW_TABLES = (
    "acts_order", "appeals_appeal", "conclusion_followup", "conclusion_recommendation", "courts_case",
    "fiscal_inspection", "general_working_group", "inspections_inspection", "interactions_interaction",
    "monitoring_event", "personnel_admin_staff", "personnel_disciplinary", "personnel_movement",
    "positions_position", "procurement_method", "services_service",
)


def upgrade():
    with op.batch_alter_table("section_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))
    for table in ROW_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))
            batch_op.add_column(sa.Column("request_key", sa.String(length=40), nullable=True))
            batch_op.create_unique_constraint(batch_op.f(f"uq_{table}_request_key"), ["request_key"])


def downgrade():
    for table in reversed(ROW_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"uq_{table}_request_key"), type_="unique")
            batch_op.drop_column("request_key")
            batch_op.drop_column("version")
    with op.batch_alter_table("section_entry", schema=None) as batch_op:
        batch_op.drop_column("version")
