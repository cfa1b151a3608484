"""The benchmark's national data set, generated at a tiny scale: the tree, the analyses by status, the section
rows and every submission's figures."""

from collections import Counter

import pytest
from sqlalchemy import func, select
from support import app_config, drop_everything, login

from webapp import create_app
from webapp.blueprints.acts.models import Order
from webapp.blueprints.conclusion.models import FollowUp, Recommendation
from webapp.blueprints.personnel.models import AdministrativeStaff, StaffMovement
from webapp.blueprints.positions.models import ExposedPosition
from webapp.blueprints.procurement.models import ProcurementMethod
from webapp.blueprints.services.models import ServiceProvided
from webapp.demo.national import PASSWORD, Scale, generate_national
from webapp.extensions import db, limiter
from webapp.models import OrgKind, OrgUnit, Period, User
from webapp.reporting.figures import SubmissionFigures
from webapp.reporting.models import SectionEntry, Status, Submission
from webapp.reporting.sections import SECTIONS

TINY = Scale(regions=2, departments_per_region=2, schools=12, periods=("2025-H2", "2026-H1", "2026-H2"))
COMPLETE = (Status.SUBMITTED, Status.RETURNED, Status.ACCEPTED)


@pytest.fixture
def national(tmp_path):
    app = create_app(app_config(), instance_path=str(tmp_path / "instance"))
    with app.app_context():
        drop_everything()
        db.create_all()
        stats, accounts = generate_national(TINY)
    limiter.reset()
    yield app, stats, accounts
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_full_scale_spreads_schools_evenly():
    scale = Scale()
    per_department = [scale.schools_in(i) for i in range(scale.regions * scale.departments_per_region)]
    assert sum(per_department) == 7500 and set(per_department) == {37, 38}
    per_region = [sum(per_department[i:i + 10]) for i in range(0, 200, 10)]
    assert set(per_region) == {375}
    assert scale.periods == ("2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2")


def test_tree_and_accounts(national):
    app, stats, accounts = national
    with app.app_context():
        kinds = Counter(db.session.scalars(select(OrgUnit.kind)))
        assert kinds == {OrgKind.REGION: 2, OrgKind.DEPARTMENT: 4, OrgKind.SCHOOL: 12}
        assert (stats.regions, stats.departments, stats.schools) == (2, 4, 12)
        units = {u.id: u for u in db.session.scalars(select(OrgUnit))}
        for unit in units.values():
            parent = units.get(unit.parent_id)
            assert unit.kind.parent_kind is (parent.kind if parent else None)
            assert unit.path == f"{parent.path if parent else '/'}{unit.code}/"
        per_department = Counter(u.parent_id for u in units.values() if u.kind is OrgKind.SCHOOL)
        assert sorted(per_department.values()) == [3, 3, 3, 3]
        assert all(u.legal_name_kk and u.head_name for u in units.values() if u.kind is OrgKind.SCHOOL)
        assert {p.code for p in db.session.scalars(select(Period))} == set(TINY.periods)
        users = {u.username: u for u in db.session.scalars(select(User))}
        assert set(users) == {accounts.admin, accounts.region, accounts.department, accounts.school}
        assert users[accounts.school].org_unit.parent.code == accounts.department
        assert users[accounts.department].org_unit.parent.code == accounts.region
    client = app.test_client()
    assert login(client, accounts.department, PASSWORD).status_code == 303


def test_analyses_by_status(national):
    app, stats, accounts = national
    with app.app_context():
        rows = db.session.execute(
            select(OrgUnit.code, Period.code, Submission.status).select_from(Submission)
            .join(OrgUnit, OrgUnit.id == Submission.school_id).join(Period, Period.id == Submission.period_id)
        ).all()
        assert len(rows) == stats.submissions
        by_period = {period: Counter(status for _, p, status in rows if p == period) for period in TINY.periods}
        # Closed: every school, accepted. Being written (2026-H2): drafts only. Under review: at most one each.
        assert by_period["2025-H2"] == {Status.ACCEPTED: 12}
        assert set(by_period["2026-H2"]) <= {Status.DRAFT} and by_period["2026-H2"].total() >= 1
        assert by_period["2026-H1"].total() <= 12
        assert (accounts.school, "2026-H2", Status.DRAFT) in rows  # where the benchmark saves
        assert len({(school, period) for school, period, _ in rows}) == len(rows)


def test_sections_and_rows(national):
    app, stats, _accounts = national
    with app.app_context():
        complete = db.session.scalars(select(Submission.id).where(Submission.status.in_(COMPLETE))).all()
        assert len(complete) >= 12
        entries = Counter(db.session.scalars(select(SectionEntry.submission_id)
                                             .where(SectionEntry.submission_id.in_(complete))))
        assert set(entries.values()) == {len(SECTIONS)}
        assert stats.section_entries == db.session.scalar(select(func.count()).select_from(SectionEntry))

        def per_submission(model) -> Counter:
            return Counter(db.session.scalars(select(model.submission_id).where(model.submission_id.in_(complete))))

        for model, least in ((Order, 10), (ServiceProvided, 2), (AdministrativeStaff, 2), (StaffMovement, 1),
                             (ProcurementMethod, 2), (Recommendation, 4), (ExposedPosition, 2)):
            counts = per_submission(model)
            assert len(counts) == len(complete) and min(counts.values()) >= least, model.__tablename__
        # 2026-H1 reports on 2025-H2's recommendations, every school having accepted 2025-H2.
        later = db.session.scalars(select(Submission.id).join(Period).where(
            Period.code == "2026-H1", Submission.status.in_(COMPLETE))).all()
        assert set(per_submission(FollowUp)) >= set(later)
        row_models = {r.model for s in SECTIONS for r in s.row_lists}  # every section is registered by now
        total = sum(db.session.scalar(select(func.count()).select_from(m)) for m in row_models)
        assert total == stats.rows and sum(stats.rows_by_table.values()) == stats.rows


def test_every_submission_has_its_figures(national):
    app, _stats, _accounts = national
    with app.app_context():
        pairs = db.session.execute(select(Submission, SubmissionFigures).outerjoin(
            SubmissionFigures, SubmissionFigures.submission_id == Submission.id)).all()
        assert pairs
        for submission, figures in pairs:
            assert figures is not None, submission.id
            assert (figures.school_id, figures.period_id) == (submission.school_id, submission.period_id)
            assert set(figures.section_states) == {s.code for s in SECTIONS}
            if submission.status in COMPLETE:
                assert figures.teachers > 0 and figures.staff > figures.teachers
                assert 0 < figures.higher_education <= figures.teachers
                assert figures.procurement_total > 0
                assert figures.proc_price_request > 0
                assert figures.service_recipients > 0 and figures.exposed_positions >= 2
                assert figures.appeals_on_time <= figures.appeals_received
            if submission.status is Status.ACCEPTED:
                assert figures.sections_ready == len(SECTIONS) and figures.sections_returned == 0
            if submission.status is Status.RETURNED:
                assert figures.sections_returned >= 1
