"""issue 10: real certificates as they are — procurement methods and unknown amounts, staff units, dated movements

- personnel_movement: `year` (the year of the row's half-year for existing rows), so spans over an academic year
  sort October before January; `direction` gains long_leave / returned (no schema change).
- submission_figures: `staff_units` (none given before: stays empty), `staff_moves` now counts dismissals only
  (turnover), recomputed from the rows.
- services_service.recipients and general_working_group.role nullable: a certificate may give only the total of
  recipients, and a working-group order may list members without roles. Existing values stay.

- procurement_method: `other_name` (an «other» method's own name, so far typed into the note), `amount` nullable
  (blank = not published), `method` room for the longer codes.
- submission_figures: `contracts_total`, `contracts_single_source`, filled from the existing rows (None when a
  method's count is not given); appeals counts saved blank lose the 0 they were stored as.

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('procurement_method', schema=None) as batch_op:
        batch_op.alter_column('method', existing_type=sa.String(length=20), type_=sa.String(length=30),
                              existing_nullable=False)
        batch_op.add_column(sa.Column('other_name', sa.String(length=300), nullable=True))
        batch_op.alter_column('amount', existing_type=sa.Numeric(precision=14, scale=2), nullable=True)
    # The note of an «other» row was printed as the method's name: it is the name.
    op.execute("UPDATE procurement_method SET other_name = note, note = NULL "
               "WHERE method = 'other' AND note IS NOT NULL")

    with op.batch_alter_table('submission_figures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contracts_total', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('contracts_single_source', sa.Integer(), nullable=True))
    # A count is known when no row of the submission leaves it blank. Every submission with rows, not only those
    # with a procurement total: a database taken back from this revision keeps contracts whose amounts it could
    # not hold (it stores them as 0 and leaves the total unknown), and coming back they count again.
    op.execute("""
        UPDATE submission_figures SET
          contracts_total = (SELECT CASE WHEN COUNT(*) = COUNT(p.contracts) THEN COALESCE(SUM(p.contracts), 0) END
                             FROM procurement_method p WHERE p.submission_id = submission_figures.submission_id),
          contracts_single_source = (
            SELECT CASE WHEN COUNT(*) = COUNT(p.contracts) THEN COALESCE(SUM(p.contracts), 0) END
            FROM procurement_method p WHERE p.submission_id = submission_figures.submission_id
              AND p.method = 'single_source')
        WHERE EXISTS (SELECT 1 FROM procurement_method p WHERE p.submission_id = submission_figures.submission_id)""")
    # Appeals counts saved blank were stored as 0 received; blank is «not given».
    received = ("json_extract(e.facts, '$.received_count')" if op.get_bind().dialect.name == "sqlite"
                else "(e.facts ->> 'received_count')")
    op.execute(f"""
        UPDATE submission_figures SET appeals_received = NULL, appeals_on_time = NULL
        WHERE appeals_received = 0
          AND NOT EXISTS (SELECT 1 FROM appeals_appeal a WHERE a.submission_id = submission_figures.submission_id)
          AND EXISTS (SELECT 1 FROM section_entry e WHERE e.submission_id = submission_figures.submission_id
                      AND e.section = 'appeals' AND NOT e.nothing_to_report AND {received} IS NULL)""")


    with op.batch_alter_table('personnel_movement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('year', sa.Integer(), nullable=True))
    op.execute("UPDATE personnel_movement SET year = (SELECT p.year FROM submission s JOIN period p "
               "ON p.id = s.period_id WHERE s.id = personnel_movement.submission_id)")
    with op.batch_alter_table('personnel_movement', schema=None) as batch_op:
        batch_op.alter_column('year', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('submission_figures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('staff_units', sa.Numeric(precision=9, scale=2), nullable=True))
    # Staff units typed into the personnel section (its facts) count from now on; none were asked for before
    # this revision, so only a database taken back and forth has any.
    units = ("json_extract(e.facts, '$.staff_units_total')" if op.get_bind().dialect.name == "sqlite"
             else "(e.facts ->> 'staff_units_total')")
    op.execute(f"""
        UPDATE submission_figures SET staff_units = (
          SELECT CAST({units} AS NUMERIC(9, 2)) FROM section_entry e
          WHERE e.submission_id = submission_figures.submission_id AND e.section = 'personnel'
            AND NOT e.nothing_to_report)""")
    op.execute("""
        UPDATE submission_figures SET staff_moves = (
          SELECT COALESCE(SUM(m.count), 0) FROM personnel_movement m
          WHERE m.submission_id = submission_figures.submission_id AND m.direction = 'dismissed')
        WHERE staff_moves IS NOT NULL""")

    with op.batch_alter_table('services_service', schema=None) as batch_op:
        batch_op.alter_column('recipients', existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table('general_working_group', schema=None) as batch_op:
        batch_op.alter_column('role', existing_type=sa.String(length=20), nullable=True)


# Methods added by this revision (and later ones) that an older revision cannot hold, with the name it prints.
LONGER_METHODS = {"prequalification_tender": "Алдын ала біліктілік іріктеу арқылы конкурс",
                  "framework_tender": "Негіздемелік келісімді пайдалана отырып конкурс",
                  "rating_tender": "Рейтингтік-балдық жүйені пайдалана отырып конкурс",
                  "commodity_exchange": "Тауар биржалары арқылы"}


def downgrade():
    op.execute("UPDATE general_working_group SET role = 'member' WHERE role IS NULL")
    with op.batch_alter_table('general_working_group', schema=None) as batch_op:
        batch_op.alter_column('role', existing_type=sa.String(length=20), nullable=False)
    op.execute("UPDATE services_service SET recipients = 0 WHERE recipients IS NULL")
    with op.batch_alter_table('services_service', schema=None) as batch_op:
        batch_op.alter_column('recipients', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('personnel_movement', schema=None) as batch_op:
        batch_op.drop_column('year')
    with op.batch_alter_table('submission_figures', schema=None) as batch_op:
        batch_op.drop_column('staff_units')
    with op.batch_alter_table('submission_figures', schema=None) as batch_op:
        batch_op.drop_column('contracts_single_source')
        batch_op.drop_column('contracts_total')
    op.execute("UPDATE procurement_method SET note = other_name WHERE method = 'other' AND other_name IS NOT NULL")
    # The older revision knows neither these methods nor codes this long (VARCHAR(20)): each becomes «other»
    # under its name, in the note that revision prints as an «other» method's name (its own note kept after it).
    for code, name in LONGER_METHODS.items():
        op.execute(sa.text("UPDATE procurement_method SET method = 'other', "
                           "note = :name || COALESCE(' – ' || note, '') WHERE method = :code")
                   .bindparams(code=code, name=name))
    op.execute("UPDATE procurement_method SET amount = 0 WHERE amount IS NULL")
    with op.batch_alter_table('procurement_method', schema=None) as batch_op:
        batch_op.drop_column('other_name')
        batch_op.alter_column('amount', existing_type=sa.Numeric(precision=14, scale=2), nullable=False)
        batch_op.alter_column('method', existing_type=sa.String(length=30), type_=sa.String(length=20),
                              existing_nullable=False)
