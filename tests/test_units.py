"""The org-unit pages: who sees which unit, what each page lists, and deadlines set in place with htmx."""

from datetime import date

import pytest
from support import count_queries, text_of

from webapp.extensions import db
from webapp.models import OrgKind, OrgUnit, PeriodDeadline


def test_each_role_starts_at_its_own_unit(as_user):
    assert as_user("rudny-7").get("/").location.endswith("/units/rudny-7")
    assert as_user("rudny").get("/").location.endswith("/units/rudny")
    assert as_user("kostanay").get("/").location.endswith("/units/kostanay")
    assert as_user("admin").get("/").location.endswith("/units/")


def test_department_sees_its_schools(as_user):
    page = as_user("rudny").get("/units/rudny")
    assert page.status_code == 200
    text = text_of(page)
    assert "Б.Майлин атындағы №7 мектеп-гимназиясы" in text
    html = page.get_data(as_text=True)
    rudny_links = {code for code in (f"rudny-{n}" for n in range(1, 20)) if f'href="/units/{code}"' in html}
    assert len(rudny_links) >= 13  # the seed school and at least 12 more
    assert "lisakovsk-1" not in html
    # Natural order: No. 2 before No. 10.
    assert html.index('href="/units/rudny-2"') < html.index('href="/units/rudny-10"')


def test_department_sees_the_half_years_with_deadlines(as_user):
    text = text_of(as_user("rudny").get("/units/rudny"))
    for code in ("2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2"):
        assert code in text
    assert "2026 ж. 15 желтоқсан" in text  # Rudny's own deadline for 2026-H2


def test_region_sees_its_cities_with_school_counts(as_user):
    page = as_user("kostanay").get("/units/kostanay")
    html = page.get_data(as_text=True)
    assert 'href="/units/rudny"' in html and 'href="/units/lisakovsk"' in html
    assert "Рудный қаласы білім бөлімі" in text_of(page)
    assert 'href="/units/rudny-7"' not in html  # schools are one level further down


def test_admin_sees_every_region(as_user):
    html = as_user("admin").get("/units/").get_data(as_text=True)
    assert 'href="/units/kostanay"' in html


def test_school_home_shows_its_details_and_periods(as_user):
    page = as_user("rudny-7").get("/units/rudny-7")
    text = text_of(page)
    assert "«Рудный қаласы білім бөлімінің Б.Майлин атындағы №7 мектеп-гимназиясы» КММ" in text
    assert "Бірманова Қ.И." in text
    assert "Қостанай облысы әкімдігі білім басқармасының" in text
    html = page.get_data(as_text=True)
    for code in ("2024-H2", "2025-H1", "2026-H2"):
        assert f'id="period-{code}"' in html


@pytest.mark.parametrize("user, foreign", [
    ("rudny-7", "/units/rudny-1"),
    ("rudny-7", "/units/rudny"),
    ("rudny-7", "/units/kostanay"),
    ("rudny-7", "/units/"),
    ("rudny", "/units/lisakovsk"),
    ("rudny", "/units/lisakovsk-1"),
    ("rudny", "/units/kostanay"),
    ("lisakovsk", "/units/rudny-7"),
    ("kostanay", "/units/"),
    ("rudny", "/units/no-such-unit"),
])
def test_other_units_answer_404(as_user, user, foreign):
    assert as_user(user).get(foreign).status_code == 404


@pytest.mark.parametrize("user, inside", [
    ("rudny", "/units/rudny-7"), ("kostanay", "/units/rudny"), ("kostanay", "/units/lisakovsk-2"),
    ("admin", "/units/lisakovsk-3"),
])
def test_units_inside_the_subtree_are_visible(as_user, user, inside):
    assert as_user(user).get(inside).status_code == 200


def test_breadcrumbs_link_only_to_what_the_user_may_see(as_user):
    rudny_view = as_user("rudny").get("/units/rudny-7").get_data(as_text=True)
    assert 'href="/units/rudny"' in rudny_view and 'href="/units/kostanay"' not in rudny_view
    region_view = as_user("kostanay").get("/units/rudny-7").get_data(as_text=True)
    assert 'href="/units/kostanay"' in region_view


# --- Deadlines ------------------------------------------------------------------------------------

def _deadline_of(app, unit_code, period_code):
    with app.app_context():
        unit = db.session.execute(db.select(OrgUnit).filter_by(code=unit_code)).scalar_one()
        row = db.session.execute(
            db.select(PeriodDeadline).join(PeriodDeadline.period)
            .where(PeriodDeadline.org_unit_id == unit.id).filter_by(code=period_code)
        ).scalar_one_or_none()
        return row.deadline if row else None


def test_school_sees_the_nearest_deadline_above_it(as_user):
    assert "2026 ж. 15 желтоқсан" in text_of(as_user("rudny-7").get("/units/rudny-7"))  # Rudny's
    assert "2026 ж. 18 желтоқсан" in text_of(as_user("lisakovsk-1").get("/units/lisakovsk-1"))  # the region's
    assert "2025 ж. 20 желтоқсан" in text_of(as_user("lisakovsk-1").get("/units/lisakovsk-1"))  # the default


def test_department_edits_a_deadline_in_place_with_htmx(app, as_user):
    hx = as_user("rudny", htmx=True)
    form = hx.get("/units/rudny/deadlines/2026-H1")
    assert form.status_code == 200
    html = form.get_data(as_text=True)
    assert "<html" not in html and 'id="deadline-2026-H1"' in html and 'name="deadline"' in html
    assert "HX-Request" in form.headers["Vary"]

    saved = hx.post("/units/rudny/deadlines/2026-H1", data={"deadline": "2026-07-05"})
    assert saved.status_code == 200
    html = saved.get_data(as_text=True)
    assert "<html" not in html and "2026 ж. 5 шілде" in text_of(saved)
    assert _deadline_of(app, "rudny", "2026-H1") == date(2026, 7, 5)
    # …and every Rudny school now sees it.
    assert "2026 ж. 5 шілде" in text_of(as_user("rudny-7").get("/units/rudny-7"))


def test_deadline_edit_works_without_javascript(app, as_user):
    client = as_user("rudny")
    page = client.get("/units/rudny/deadlines/2026-H1")
    assert page.status_code == 200 and "<html" in page.get_data(as_text=True)
    response = client.post("/units/rudny/deadlines/2026-H1", data={"deadline": "2026-07-06"})
    assert response.status_code == 303 and response.location.endswith("/units/rudny")
    assert _deadline_of(app, "rudny", "2026-H1") == date(2026, 7, 6)


@pytest.mark.parametrize("typed", ["2026-13-40", "tomorrow", "", "2025-12-31"])
def test_invalid_deadline_comes_back_with_the_error_and_nothing_saved(app, as_user, typed):
    hx = as_user("rudny", htmx=True)
    response = hx.post("/units/rudny/deadlines/2026-H1", data={"deadline": typed})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "<html" not in html
    assert 'class="error"' in html and 'aria-invalid="true"' in html
    assert f'value="{typed}"' in html  # what was typed is kept
    assert _deadline_of(app, "rudny", "2026-H1") is None


def test_region_sets_a_deadline_that_its_departments_inherit(app, as_user):
    hx = as_user("kostanay", htmx=True)
    assert hx.post("/units/kostanay/deadlines/2026-H1", data={"deadline": "2026-07-01"}).status_code == 200
    assert "2026 ж. 1 шілде" in text_of(as_user("lisakovsk-2").get("/units/lisakovsk-2"))


@pytest.mark.parametrize("user, url", [
    ("rudny-7", "/units/rudny-7/deadlines/2026-H2"),  # schools do not set deadlines
    ("rudny-7", "/units/rudny/deadlines/2026-H2"),
    ("rudny", "/units/lisakovsk/deadlines/2026-H2"),  # not its department
    ("rudny", "/units/kostanay/deadlines/2026-H2"),  # its region sets the region's
    ("rudny", "/units/rudny-7/deadlines/2026-H2"),
    ("rudny", "/units/rudny/deadlines/2031-H1"),  # no such period
])
def test_deadlines_outside_ones_own_unit_answer_404(as_user, user, url):
    client = as_user(user)
    assert client.get(url).status_code == 404
    assert client.post(url, data={"deadline": "2026-12-01"}).status_code == 404


def test_deadline_changes_are_audited(app, as_user):
    from webapp.models import AuditEvent

    as_user("rudny", htmx=True).post("/units/rudny/deadlines/2026-H2", data={"deadline": "2026-12-12"})
    with app.app_context():
        event = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.object_type == "period_deadline")
            .order_by(AuditEvent.id.desc())
        ).first()
        assert event.actor == "rudny" and event.action == "update"
        assert event.changes["deadline"] == ["2026-12-15", "2026-12-12"]


def test_cancel_returns_the_displayed_row(as_user):
    hx = as_user("rudny", htmx=True)
    row = hx.get("/units/rudny/deadlines/2026-H2/row")
    html = row.get_data(as_text=True)
    assert row.status_code == 200 and 'id="deadline-2026-H2"' in html and 'name="deadline"' not in html


# --- Bounded queries ---------------------------------------------------------------------------

def _add_schools(app, department_code: str, how_many: int, batch: str) -> None:
    with app.app_context():
        department = db.session.execute(db.select(OrgUnit).filter_by(code=department_code)).scalar_one()
        for n in range(how_many):
            school = OrgUnit(kind=OrgKind.SCHOOL, code=f"{department_code}-{batch}{n}", name_kk=f"Мектеп {n}",
                             name_ru=f"Школа {n}")
            school.place_under(department)
            db.session.add(school)
        db.session.commit()


@pytest.mark.parametrize("user, url", [("rudny", "/units/rudny"), ("kostanay", "/units/kostanay"),
                                       ("admin", "/units/"), ("rudny-7", "/units/rudny-7")])
def test_pages_issue_the_same_number_of_queries_for_5_or_50_more_schools(app, as_user, user, url):
    client = as_user(user)
    counts = []
    for batch, extra in (("a", 5), ("b", 45)):
        _add_schools(app, "rudny", extra, batch)
        with count_queries(app) as statements:
            assert client.get(url).status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
