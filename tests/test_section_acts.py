"""1.1 Normative legal and internal acts: the internal rules' approval and the list of orders."""

import re

import pytest
from support import text_of

from webapp.blueprints.acts.models import Order
from webapp.extensions import db
from webapp.reporting.models import SectionEntry

BASE = "/schools/rudny-7/2026-H2"
ACTS = f"{BASE}/acts"
FRAGMENT = {"HX-Request": ""}


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def order_count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Order))


def add_order(client, **overrides):
    data = {"orders-number": "174", "orders-date": "02.09.2026",
            "orders-title": "Ыстық тамақпен қамтамасыз ету туралы", **overrides}
    return client.post(f"{ACTS}/rows/orders", data=data)


def test_page_has_the_triplet_the_rules_figures_and_the_orders(school):
    response = school.get(ACTS + "/", headers=FRAGMENT)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in html
    for element in ('id="narrative"', 'id="facts"', 'name="rules_protocol_number"', 'id="rows-orders"',
                    'id="add-orders"', 'name="orders-title"'):
        assert element in html
    assert "1.1" in text_of(response)


def test_rules_approval_saves_and_shows_back(school, app, as_user):
    response = school.post(ACTS + "/facts", data={
        "rules_body": "Педагогикалық кеңес", "rules_protocol_number": "1", "rules_protocol_date": "29.08.2024",
        "rules_order_number": "153", "rules_order_date": "2024-09-02"})
    assert response.status_code == 200 and "<html" not in response.get_data(as_text=True)
    with app.app_context():
        facts = db.session.scalar(db.select(SectionEntry.facts).filter_by(section="acts"))
    assert facts["rules_protocol_date"] == "2024-08-29" and facts["rules_order_number"] == "153"
    shown = text_of(as_user("rudny").get(ACTS + "/"))
    assert "Педагогикалық кеңес" in shown and "29.08.2024" in shown and "02.09.2024" in shown


def test_rules_date_before_2000_is_refused(school):
    response = school.post(ACTS + "/facts", data={"rules_body": "Педагогикалық кеңес",
                                                  "rules_protocol_date": "05.01.1999"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="rules_protocol_date-error"' in html
    assert 'value="05.01.1999"' in html and 'value="Педагогикалық кеңес"' in html


def test_orders_are_added_and_listed_by_date(school, app):
    response = add_order(school, **{"orders-title": "<script>alert(1)</script> Сыйақы беру туралы",
                                    "orders-number": "355", "orders-date": "19.12.2026"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<tr id="row-orders-')
    assert "19.12.2026" in html and "&lt;script&gt;alert(1)&lt;/script&gt; Сыйақы беру туралы" in html
    assert "<script>alert" not in html
    add_order(school)  # 02.09.2026
    # An order from before the half-year (the seed's inventory order of 01.11.2023) still counts.
    assert add_order(school, **{"orders-number": "268", "orders-date": "01.11.2023",
                                "orders-title": "Жыл сайынғы түгендеуді жүргізу туралы"}).status_code == 200
    page = text_of(school.get(ACTS + "/", headers=FRAGMENT))
    assert page.index("01.11.2023") < page.index("02.09.2026") < page.index("19.12.2026")
    assert order_count(app) == 3


@pytest.mark.parametrize("overrides, field", [
    ({"orders-date": "01.01.1999"}, "orders-date"),  # before 2000
    ({"orders-date": ""}, "orders-date"),
    ({"orders-number": ""}, "orders-number"),
    ({"orders-title": ""}, "orders-title"),
    ({"orders-title": "ә" * 1001}, "orders-title"),
])
def test_invalid_order_is_refused_with_values_kept(school, app, overrides, field):
    response = add_order(school, **overrides)
    assert response.status_code == 422 and response.headers["HX-Retarget"] == "#add-orders"
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html
    kept = {"orders-number": "174", "orders-date": "02.09.2026"}
    kept.update({k: v for k, v in overrides.items() if k != "orders-title"})
    for name, value in kept.items():
        assert re.search(f'<input[^>]*name="{name}"[^>]*value="{value}"', html)
    assert order_count(app) == 0


def test_last_day_of_the_half_year_is_accepted(school, app):
    assert add_order(school, **{"orders-date": "31.12.2026"}).status_code == 200
    assert order_count(app) == 1


def test_section_is_complete_with_the_triplet_and_at_least_one_order(school):
    narrative = school.post(ACTS + "/narrative", data={
        "risks": "Заңнаманы толық меңгермеуі", "basis": "Локальды актілер қаралды",
        "recommendations": "Бұзушылықтар анықталған жоқ", "violation_found": "no"})
    assert 'class="badge state-missing"' in narrative.get_data(as_text=True)  # no orders listed yet
    assert 'class="badge state-filled"' in add_order(school).get_data(as_text=True)


def test_another_school_gets_404_on_the_orders(school, app, as_user):
    add_order(school)
    with app.app_context():
        row_id = db.session.scalar(db.select(Order.id))
    intruder = as_user("rudny-1", htmx=True)
    assert intruder.get(f"{ACTS}/rows/orders/{row_id}").status_code == 404
    assert intruder.post(f"{ACTS}/rows/orders/{row_id}/delete").status_code == 404
    intruder.post("/schools/rudny-1/2026-H2/start", data={})
    assert intruder.post(f"/schools/rudny-1/2026-H2/acts/rows/orders/{row_id}/delete").status_code == 404
    assert order_count(app) == 1


def test_orders_do_not_carry_over(app, as_user):
    client = as_user("rudny-7", htmx=True)
    client.post("/schools/rudny-7/2026-H1/start", data={})
    client.post("/schools/rudny-7/2026-H1/acts/rows/orders", data={
        "orders-number": "2", "orders-date": "05.01.2026", "orders-title": "Сатып алу жоспарын бекіту туралы"})
    client.post(f"{BASE}/start", data={"carry_over": "y"})
    assert "Сатып алу жоспарын бекіту туралы" not in text_of(client.get(ACTS + "/", headers=FRAGMENT))
    assert order_count(app) == 1
