"""The department's comparison of schools counts each school's overdue action-plan measures: a column that links
to the list, a filter «only schools with overdue measures», sorting, the exports, and the same number of
queries for 5 or 50 schools with plans."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from sqlalchemy import select
from support import count_queries, text_of
from test_cycle_plan import STAFF, approve_plan, make_analysis, measure_id

from webapp.blueprints.cycle.models import Cycle, PlanMeasure
from webapp.extensions import db
from webapp.models import OrgKind, OrgUnit, Period

COMPARE = "/units/rudny/dashboard/compare?period=2025-H2"



@pytest.fixture
def approved(app, as_user):
    """rudny-7's accepted 2025-H2 analysis with its plan approved; the school's client."""
    with app.app_context():
        make_analysis()
    return approve_plan(as_user)

def overdue_plans(app, how_many: int, batch: str) -> None:
    """`how_many` more Rudny schools, each with an approved 2025-H2 plan: one measure past its deadline, one not."""
    with app.app_context():
        rudny = db.session.execute(select(OrgUnit).filter_by(code="rudny")).scalar_one()
        period = db.session.scalars(select(Period).filter_by(code="2025-H2")).one()
        for n in range(how_many):
            school = OrgUnit(kind=OrgKind.SCHOOL, code=f"rudny-{batch}{n}", name_kk=f"Сынақ мектебі {batch}{n}",
                             name_ru=f"Тестовая школа {batch}{n}")
            school.place_under(rudny)
            cycle = Cycle(school=school, period=period, approval_order_number="1",
                          approval_order_date=date(2025, 12, 1))
            db.session.add_all([school, cycle])
            db.session.flush()
            db.session.add_all([
                PlanMeasure(cycle_id=cycle.id, position=1, risk="R", measure="Өткен", completion_form="F",
                            responsible="X", deadline=date(2026, 1, 31)),
                PlanMeasure(cycle_id=cycle.id, position=2, risk="R", measure="Тұрақты", completion_form="F",
                            responsible="X", deadline=None)])
        db.session.commit()


def _overdue_cell(html: str, school: str) -> str:
    row = html.split(f'id="school-{school}"', 1)[1].split("</tr>", 1)[0]
    return row.split("</td>")[2]  # status, flags, then the overdue column


def test_department_compares_schools_by_overdue_measures(app, approved, as_user):
    mid = measure_id(app)
    approved.post(f"{STAFF}followup/{mid}?quarter=2026-Q1", data={f"m{mid}-state": "overdue",
                                                                  f"m{mid}-note": "Жеткізуші ауысты"})
    department = as_user("rudny")
    page = department.get(COMPARE)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Іс-шаралар жоспарының мерзімі өткен тармақтары" in text_of(page)  # the column's header
    cell = _overdue_cell(html, "rudny-7")
    assert ">1</a>" in cell and "/units/rudny/overdue-measures?school=rudny-7" in cell
    assert _overdue_cell(html, "rudny-1").strip().endswith('<td class="num">')  # none: an empty cell
    # The filter: only rudny-7 is left; as a fragment for htmx, the table alone.
    filtered = department.get(COMPARE + "&overdue=1")
    assert 'id="school-rudny-7"' in filtered.get_data(as_text=True)
    assert 'id="school-rudny-1"' not in filtered.get_data(as_text=True)
    assert 'name="overdue" value="1" checked' in filtered.get_data(as_text=True)
    fragment = as_user("rudny", htmx=True).get(COMPARE + "&overdue=1")
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and 'id="school-rudny-7"' in body and 'id="school-rudny-1"' not in body
    # Sorting by the column keeps the filter in its links.
    assert "overdue=1" in body.split('id="comparison-heading"', 1)[1].split("</thead>", 1)[0]
    ranked = department.get(COMPARE + "&sort=overdue&desc=1").get_data(as_text=True)
    assert ranked.index('id="school-rudny-7"') < ranked.index('id="school-rudny-1"')
    # The exports carry the column and honour the filter.
    exported = department.get("/units/rudny/dashboard/compare.csv?period=2025-H2&overdue=1")
    rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True))))
    header = rows[0]
    column = header.index("Іс-шаралар жоспарының мерзімі өткен тармақтары")
    assert [(r[0], r[column]) for r in rows[1:]] == [("rudny-7", "1")]
    # Another city's department sees no count of Rudny's.
    assert as_user("lisakovsk").get(COMPARE.replace("rudny", "lisakovsk")).status_code == 200


def test_overdue_column_costs_the_same_queries_for_5_or_50_schools(app, as_user):
    department = as_user("rudny")
    counts = []
    for batch, extra in (("a", 5), ("b", 45)):
        overdue_plans(app, extra, batch)
        with count_queries(app) as statements:
            page = department.get(COMPARE + "&overdue=1")
        assert page.status_code == 200
        assert f'id="school-rudny-{batch}{extra - 1}"' in page.get_data(as_text=True)
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 25, counts
    html = department.get(COMPARE).get_data(as_text=True)
    total = html.split('class="total"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">50</td>' in total  # one overdue measure per school
