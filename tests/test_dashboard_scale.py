"""The dashboard's pages issue the same number of SQL queries for a city of 20 schools as for one of 65: every
view aggregates the stored figures in SQL instead of reading each school's sections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from support import count_queries

from webapp.blueprints.dashboard.models import FlagThreshold, Reminder
from webapp.demo.analyses import load_analyses
from webapp.demo.writer import AnalysisWriter
from webapp.extensions import db
from webapp.models import OrgKind, OrgUnit, Period, User
from webapp.reporting.figures import SubmissionFigures, rebuild_figures
from webapp.reporting.models import Status, Submission

STATUSES = [Status.ACCEPTED, Status.SUBMITTED, Status.RETURNED, Status.DRAFT, None]  # None: not started


def _content(n: int) -> dict:
    """Figures that vary from school to school, so some cross flag thresholds and some stand out."""
    return {
        "personnel": {"facts": {"administrative_total": 5 + n % 3, "teachers_total": 40 + n,
                                "support_staff_total": 10, "teachers_higher_education": 25 + n % 15},
                      "rows": {"movements": [{"year": 2026, "month": 2, "direction": "hired",
                                              "staff_category": "teacher",
                                              "count": 1 + n % 4}]}},
        "procurement": {"rows": {"methods": [{"method": "price_request", "amount": str(100000 + 1000 * n)},
                                             {"method": "single_source", "amount": str(5000 * (n % 9))}]}},
        "control": {"narrative": {"nothing_to_report": True}},
    }


def add_schools(app, how_many: int, batch: str) -> str:
    """`how_many` more Rudny schools, each with 2025-H2 and 2026-H1 analyses in every state, their figures,
    and reminders for the ones behind; returns the last school's code."""
    with app.app_context():
        rudny = db.session.execute(select(OrgUnit).filter_by(code="rudny")).scalar_one()
        periods = db.session.scalars(select(Period).where(Period.code.in_(["2025-H2", "2026-H1"]))).all()
        sender = db.session.execute(select(User).filter_by(username="rudny")).scalar_one()
        schools = []
        for n in range(how_many):
            school = OrgUnit(kind=OrgKind.SCHOOL, code=f"rudny-{batch}{n}", name_kk=f"Сынақ мектебі {batch}{n}",
                             name_ru=f"Тестовая школа {batch}{n}")
            school.place_under(rudny)
            db.session.add(school)
            schools.append(school)
        db.session.flush()
        submissions = []
        for n, school in enumerate(schools):
            status = STATUSES[n % len(STATUSES)]
            for period in periods:
                if status is None:
                    db.session.add(Reminder(school_id=school.id, period_id=period.id, sent_by_id=sender.id))
                    continue
                sent = status in (Status.SUBMITTED, Status.ACCEPTED)
                submission = Submission(school_id=school.id, period_id=period.id, status=status,
                                        on_time=(n % 3 != 0) if sent else None,
                                        submitted_at=datetime(2026, 6, 1, tzinfo=UTC) + timedelta(days=n % 30)
                                        if sent else None)
                db.session.add(submission)
                submissions.append((submission, period, n))
        db.session.flush()
        writer = AnalysisWriter()
        for submission, period, n in submissions:
            writer.add(submission.id, _content(n), period=period, updated_at=datetime(2026, 6, 1, tzinfo=UTC))
        writer.execute()
        rebuild_figures([submission.id for submission, _period, _n in submissions])
        db.session.commit()
        assert db.session.query(SubmissionFigures).count() >= len(submissions)
        return schools[-1].code


@pytest.fixture
def city(app):
    """rudny-7's own analyses (so its drill-down has values) and Rudny's own single-source threshold."""
    with app.app_context():
        load_analyses(["rudny-7"])
        rudny = db.session.execute(select(OrgUnit).filter_by(code="rudny")).scalar_one()
        db.session.add(FlagThreshold(org_unit_id=rudny.id, rule="single_source", threshold=15))
        db.session.commit()
    return app


PAGES = [
    ("rudny", "/units/rudny/dashboard/?period=2026-H1", True),
    ("rudny", "/units/rudny/dashboard/?period=2026-H1&indicator=turnover", True),
    ("rudny", "/units/rudny/dashboard/", True),  # the default half-year
    ("kostanay", "/units/kostanay/dashboard/?period=2026-H1", False),
    ("admin", "/dashboard/?period=2026-H1", False),
    ("rudny", "/units/rudny/dashboard/compare?period=2026-H1", True),
    ("rudny", "/units/rudny/dashboard/compare?period=2026-H1&sort=single_source_pct&desc=1&flagged=1", False),
    ("kostanay", "/units/kostanay/dashboard/compare?period=2026-H1&level=schools", True),
    ("rudny", "/units/rudny/dashboard/completeness?period=2026-H1", True),
    ("rudny", "/units/rudny/dashboard/risks?period=2026-H1", True),
    ("rudny-7", "/units/rudny-7/dashboard/?period=2026-H1", False),
    ("rudny", "/units/rudny-7/dashboard/?period=2026-H1", False),
    ("rudny", "/units/rudny/dashboard/compare.xlsx?period=2026-H1", False),
    ("rudny", "/units/rudny/dashboard/completeness.csv?period=2026-H1", False),
]


@pytest.mark.parametrize("user, url, lists_schools", PAGES)
def test_dashboard_pages_issue_the_same_number_of_queries_for_5_or_50_more_schools(city, as_user, user, url,
                                                                                   lists_schools):
    client = as_user(user)
    counts = []
    for batch, extra in (("a", 5), ("b", 45)):
        last = add_schools(city, extra, batch)
        with count_queries(city) as statements:
            response = client.get(url)
        assert response.status_code == 200, response.get_data(as_text=True)[-2000:]
        if lists_schools:
            assert f"Сынақ мектебі {last.removeprefix('rudny-')}" in response.get_data(as_text=True)
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 25, counts


@pytest.mark.parametrize("user, url", [
    ("rudny", "/units/rudny/dashboard/?period=2026-H1&indicator=teachers"),
    ("kostanay", "/units/kostanay/dashboard/?period=2026-H1&indicator=teachers"),
    ("rudny-7", "/units/rudny-7/dashboard/?period=2026-H1&indicator=teachers"),
])
def test_the_indicator_block_issues_the_same_number_of_queries(city, as_user, user, url):
    client = as_user(user)
    counts = []
    for batch, extra in (("a", 5), ("b", 45)):
        add_schools(city, extra, batch)
        with count_queries(city) as statements:
            response = client.get(url, headers={"HX-Request": "true", "HX-Target": "indicator-view"})
        assert response.status_code == 200, response.get_data(as_text=True)[-2000:]
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


def test_comparison_fragment_issues_the_same_number_of_queries(city, as_user):
    client = as_user("rudny", htmx=True)
    counts = []
    for batch, extra in (("a", 5), ("b", 45)):
        add_schools(city, extra, batch)
        with count_queries(city) as statements:
            response = client.get("/units/rudny/dashboard/compare?period=2026-H1&sort=turnover&desc=1")
        assert response.status_code == 200, response.get_data(as_text=True)[-2000:]
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
