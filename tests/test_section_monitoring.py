"""2.6 Anti-corruption and public monitoring: dated events, and a finding that agrees with them."""

from datetime import date

import pytest
from support import text_of
from support_org_sections import assert_fragment, assert_refused, full_page, rows_of, start, url, warnings_of

from webapp.blueprints.monitoring.models import MonitoringEvent


@pytest.fixture
def school(as_user):
    return start(as_user)


def add_event(client, **overrides):
    data = {"events-held_on": "13.05.2024", "events-kind": "Асхананы қоғамдық мониторинг",
            "events-held_by": "қалалық білім бөлімінің бас маманымен бірлесіп",
            "events-result": "бұзушылықтар анықталған жоқ", **overrides}
    return client.post(url("monitoring", "rows/events"), data=data)


def narrative(client, violation_found: str):
    data = {"risks": "r", "basis": "b", "recommendations": "x", "violation_found": violation_found,
            "violation_description": "асхана" if violation_found == "yes" else ""}
    assert client.post(url("monitoring", "narrative"), data=data).status_code == 200


def test_page_has_the_events_table_and_no_figures(school):
    html = full_page(school, "monitoring").get_data(as_text=True)
    assert 'id="narrative"' in html and 'id="rows-events"' in html and 'name="events-violations_found"' in html
    assert 'id="facts"' not in html


def test_seed_event_before_the_half_year_is_accepted(school, app):
    html = assert_fragment(add_event(school))
    assert html.lstrip().startswith('<tr id="row-events-') and "13.05.2024" in html
    event = rows_of(app, MonitoringEvent)[0]
    assert event.held_on == date(2024, 5, 13) and event.violations_found is False


def test_events_are_listed_in_date_order(school):
    add_event(school, **{"events-held_on": "20.11.2026", "events-kind": "Кеңес"})
    add_event(school)
    page = text_of(full_page(school, "monitoring"))
    assert page.index("13.05.2024") < page.index("20.11.2026")


@pytest.mark.parametrize("overrides, field, kept", [
    ({"events-held_on": ""}, "held_on", "бұзушылықтар анықталған жоқ"),
    ({"events-held_on": "01.01.1999"}, "held_on", "01.01.1999"),  # before 2000
    ({"events-kind": ""}, "kind", "13.05.2024"),
])
def test_invalid_event_is_refused_with_values_kept(school, app, overrides, field, kept):
    assert_refused(add_event(school, **overrides), "events", field, kept)
    assert rows_of(app, MonitoringEvent) == []


def test_script_in_the_result_is_shown_escaped(school):
    html = assert_fragment(add_event(school, **{"events-result": "<script>x()</script>"}))
    assert "<script>x()</script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html


def test_an_event_with_violations_needs_the_section_to_say_so(school, app):
    narrative(school, "no")
    add_event(school)
    assert warnings_of(school, "monitoring") == []  # no violations anywhere
    add_event(school, **{"events-held_on": "15.10.2026", "events-violations_found": "y"})
    warnings = warnings_of(school, "monitoring")
    assert len(warnings) == 1 and "15.10.2026" in warnings[0]
    narrative(school, "yes")
    assert warnings_of(school, "monitoring") == []


def test_an_unanswered_finding_with_violating_event_warns_too(school):
    add_event(school, **{"events-violations_found": "y"})
    assert len(warnings_of(school, "monitoring")) == 1


def test_another_school_gets_404(school, app, as_user):
    add_event(school)
    row = rows_of(app, MonitoringEvent)[0]
    intruder = as_user("rudny-1", htmx=True)
    assert intruder.post(url("monitoring", f"rows/events/{row.id}/delete")).status_code == 404
    intruder.post("/schools/rudny-1/2026-H2/start", data={})
    own = f"/schools/rudny-1/2026-H2/monitoring/rows/events/{row.id}"
    assert intruder.get(own).status_code == 404 and intruder.post(own + "/delete").status_code == 404
    assert len(rows_of(app, MonitoringEvent)) == 1
