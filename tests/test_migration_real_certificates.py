"""Issue 10's migrations on a populated database: existing data carried over, nothing lost.

The database is brought to the schema before issue 10 (revision 0003), filled with plain SQL as that schema
held it, then upgraded to the head; the figures and rows must read as the new model means them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from flask_migrate import upgrade
from sqlalchemy import text
from support import TEST_DATABASE_URL, drop_everything

from webapp import create_app
from webapp.extensions import db

NOW = datetime(2025, 6, 1, tzinfo=UTC)


@pytest.fixture
def old_database(tmp_path):
    """An app whose database stands at revision 0003 with one school's 2025-H1 analysis in it."""
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'old.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"}, instance_path=str(tmp_path))
    with app.app_context():
        drop_everything()
        upgrade(revision="0003")
        run = db.session.execute
        run(text("INSERT INTO org_unit (id, kind, code, path, name_kk, name_ru) "
                 "VALUES (1, 'school', 's1', '/s1/', 'Мектеп', 'Школа')"))
        for pid, code, year, half in ((1, "2025-H1", 2025, 1), (2, "2024-H2", 2024, 2)):
            run(text("INSERT INTO period (id, code, year, half, deadline, is_open) "
                     "VALUES (:id, :code, :year, :half, :d, true)"),
                {"id": pid, "code": code, "year": year, "half": half, "d": date(year, 6 * half, 20)})
        for sid in (1, 2):  # submission 1: 2025-H1, submission 2: 2024-H2
            run(text("INSERT INTO submission (id, school_id, period_id, status, created_at, updated_at) "
                     "VALUES (:id, 1, :id, 'draft', :now, :now)"), {"id": sid, "now": NOW})
        # Staff movements stored with a month only: March of 2025-H1, October of 2024-H2.
        for sid, month, direction in ((1, 3, "dismissed"), (1, 1, "hired"), (2, 10, "dismissed")):
            run(text("INSERT INTO personnel_movement (submission_id, position, carried_over, month, direction, "
                     "staff_category, count) VALUES (:sid, 1, false, :m, :d, 'teacher', 2)"),
                {"sid": sid, "m": month, "d": direction})
        run(text("INSERT INTO general_working_group (submission_id, position, carried_over, name, position_title, "
                 "role) VALUES (1, 1, false, 'Туйебаев А. Е.', 'заместитель', 'head')"))
        methods = [(1, "price_request", 57, "22266028.65", None), (1, "single_source", 3, "150000", None),
                   (1, "other", 1, "12000", "Тауар биржасы арқылы"), (2, "e_shop", None, "41440", None)]
        for position, (sid, method, contracts, amount, note) in enumerate(methods, start=1):
            run(text("INSERT INTO procurement_method (submission_id, position, carried_over, method, contracts, "
                     "amount, note) VALUES (:sid, :p, false, :m, :c, :a, :n)"),
                {"sid": sid, "p": position, "m": method, "c": contracts, "a": amount, "n": note})
        # Submission 1 saved its appeals counts blank (stored as 0 received); submission 2 typed 0.
        run(text("INSERT INTO section_entry (submission_id, section, nothing_to_report, facts, carried_over, "
                 "updated_at) VALUES (1, 'appeals', false, :f, false, :now)"),
            {"f": '{"received_count": null, "answered_on_time_count": null, "overdue_count": null}', "now": NOW})
        run(text("INSERT INTO section_entry (submission_id, section, nothing_to_report, facts, carried_over, "
                 "updated_at) VALUES (2, 'appeals', false, :f, false, :now)"),
            {"f": '{"received_count": 0, "answered_on_time_count": null, "overdue_count": null}', "now": NOW})
        for sid, total in ((1, "22428028.65"), (2, "41440")):
            run(text("INSERT INTO submission_figures (submission_id, school_id, period_id, procurement_total, "
                     "appeals_received, appeals_on_time, staff_moves, sections_ready, sections_nothing, "
                     "sections_returned, sections_violation, updated_at) "
                     "VALUES (:sid, 1, :sid, :t, 0, 0, 4, 0, 0, 0, 0, :now)"),
                {"sid": sid, "t": total, "now": NOW})
        db.session.commit()
        yield app
        db.session.remove()
        drop_everything()


def test_upgrade_carries_procurement_and_appeals_over(old_database):
    with old_database.app_context():
        upgrade()
        run = db.session.execute
        rows = run(text("SELECT method, other_name, note, contracts, amount FROM procurement_method "
                        "ORDER BY position")).all()
        assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
            ("price_request", None, None, 57), ("single_source", None, None, 3),
            ("other", "Тауар биржасы арқылы", None, 1), ("e_shop", None, None, None)]
        assert [Decimal(str(r[4])) for r in rows] == [Decimal("22266028.65"), Decimal(150000), Decimal(12000),
                                                      Decimal(41440)]  # amounts stay
        figures = {r[0]: r[1:] for r in run(text(
            "SELECT submission_id, contracts_total, contracts_single_source, appeals_received "
            "FROM submission_figures"))}
        # 61 contracts, 3 by single source; the e-shop line without a count leaves submission 2's total unknown.
        assert figures[1] == (61, 3, None)  # appeals saved blank: not given, no longer 0
        assert figures[2] == (None, 0, 0)  # no single-source row: 0 of an unknown total; a typed 0 stays 0


def test_upgrade_dates_movements_by_their_half_years_year_and_counts_only_dismissals(old_database):
    with old_database.app_context():
        upgrade()
        run = db.session.execute
        moves = run(text("SELECT submission_id, year, month FROM personnel_movement ORDER BY submission_id, month"))
        assert [tuple(r) for r in moves] == [(1, 2025, 1), (1, 2025, 3), (2, 2024, 10)]
        turnover = dict(run(text("SELECT submission_id, staff_moves FROM submission_figures")).all())
        assert turnover == {1: 2, 2: 2}  # hires are not turnover
        assert run(text("SELECT role FROM general_working_group")).scalar_one() == "head"
        # Roles and recipients may now be left unstated.
        run(text("UPDATE general_working_group SET role = NULL"))
        db.session.commit()
