"""2.4 Appeals: each appeal with its dates (or totals), answered on time within 15 working days."""
import re
from datetime import date
from types import SimpleNamespace

import pytest
from support import text_of
from support_org_sections import assert_fragment, assert_refused, entry_of, full_page, rows_of, start, url, warnings_of

from webapp.blueprints.appeals import answer_deadline, timeliness
from webapp.blueprints.appeals.models import Appeal


@pytest.fixture
def school(as_user):
    return start(as_user)


def add_appeal(client, **overrides):
    data = {"appeals-channel": "e_otinish", "appeals-received_on": "06.07.2026", "appeals-answered_on": "20.07.2026",
            "appeals-subject": "Оқушыны ауыстыру", **overrides}
    return client.post(url("appeals", "rows/appeals"), data=data)


def appeal(received: date, answered: date | None = None):
    return SimpleNamespace(received_on=received, answered_on=answered)


# --- The timeliness rule ---------------------------------------------------------------------------

@pytest.mark.parametrize("received, deadline", [
    (date(2026, 7, 6), date(2026, 7, 27)),   # Monday: three weeks later
    (date(2026, 7, 10), date(2026, 7, 31)),  # Friday: the weekend does not count
    (date(2026, 7, 11), date(2026, 7, 31)),  # Saturday: counting starts on Monday
])
def test_deadline_is_15_working_days_after_receipt(received, deadline):
    assert answer_deadline(received) == deadline


def test_timeliness_counts_on_time_overdue_and_unanswered():
    rows = [appeal(date(2026, 7, 6), date(2026, 7, 27)),   # last day: on time
            appeal(date(2026, 7, 6), date(2026, 7, 28)),   # a day late
            appeal(date(2026, 7, 6), date(2026, 7, 6)),    # same day
            appeal(date(2026, 12, 28))]                    # not answered yet
    assert timeliness(rows) == (4, 2, 1, 1)
    assert timeliness([]) == (0, 0, 0, 0)


# --- Page, rows, figures ---------------------------------------------------------------------------

def test_page_has_the_totals_and_the_list(school):
    html = full_page(school, "appeals").get_data(as_text=True)
    for element in ('id="facts"', 'name="received_count"', 'id="rows-appeals"', 'name="appeals-received_on"',
                    'value="e_otinish"'):
        assert element in html
    assert "15" in text_of(full_page(school, "appeals"))  # the hint states the term


def test_appeals_are_listed_in_date_order(school, app):
    assert_fragment(add_appeal(school, **{"appeals-received_on": "01.10.2026", "appeals-answered_on": ""}))
    html = assert_fragment(add_appeal(school))
    assert html.lstrip().startswith('<tr id="row-appeals-') and "06.07.2026" in html and "20.07.2026" in html
    page = text_of(full_page(school, "appeals"))
    assert page.index("06.07.2026") < page.index("01.10.2026")
    first, second = rows_of(app, Appeal)
    assert second.received_on == date(2026, 7, 6) and first.answered_on is None


@pytest.mark.parametrize("overrides, field, kept", [
    ({"appeals-received_on": ""}, "received_on", "20.07.2026"),
    ({"appeals-received_on": "32.07.2026"}, "received_on", "32.07.2026"),
    ({"appeals-answered_on": "05.01.1999"}, "answered_on", "05.01.1999"),  # before 2000
    ({"appeals-received_on": "1999-01-05"}, "received_on", "1999-01-05"),
    ({"appeals-channel": "fax"}, "channel", "06.07.2026"),
])
def test_invalid_appeal_is_refused_with_values_kept(school, app, overrides, field, kept):
    assert_refused(add_appeal(school, **overrides), "appeals", field, kept, "Оқушыны ауыстыру")
    assert rows_of(app, Appeal) == []


def test_script_in_the_subject_is_shown_escaped(school):
    html = assert_fragment(add_appeal(school, **{"appeals-subject": "<script>x()</script>"}))
    assert "<script>x()</script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html


def test_totals_save_and_show_back(school, app):
    assert_fragment(school.post(url("appeals", "facts"), data={
        "received_count": "3", "answered_on_time_count": "3", "overdue_count": "0"}))
    # The figures typed are stored as typed (issue 10 added the applicants' kinds beside them).
    assert entry_of(app, "appeals").facts.items() >= {"received_count": 3, "answered_on_time_count": 3,
                                                       "overdue_count": 0}.items()
    html = full_page(school, "appeals").get_data(as_text=True)
    assert 'value="3"' in html and 'value="0"' in html
    bad = school.post(url("appeals", "facts"), data={"received_count": "три", "overdue_count": "0"})
    assert 'id="received_count-error"' in assert_fragment(bad, 422) and 'value="три"' in bad.get_data(as_text=True)
    assert entry_of(app, "appeals").facts["received_count"] == 3


# --- Cross-field checks ----------------------------------------------------------------------------

def test_answered_cannot_exceed_received(school):
    school.post(url("appeals", "facts"), data={"received_count": "3", "answered_on_time_count": "2",
                                               "overdue_count": "1"})
    assert warnings_of(school, "appeals") == []  # equal is fine
    school.post(url("appeals", "facts"), data={"received_count": "3", "answered_on_time_count": "3",
                                               "overdue_count": "1"})
    warnings = warnings_of(school, "appeals")
    assert len(warnings) == 1 and "4" in warnings[0] and "3" in warnings[0]


def test_totals_must_agree_with_the_list(school):
    for day in ("06.07.2026", "07.07.2026", "08.07.2026"):  # the seed: 3 via e-Otinish, all on time
        add_appeal(school, **{"appeals-received_on": day})
    school.post(url("appeals", "facts"), data={"received_count": "3", "answered_on_time_count": "3"})
    assert warnings_of(school, "appeals") == []
    school.post(url("appeals", "facts"), data={"received_count": "5", "answered_on_time_count": "3",
                                               "overdue_count": "1"})
    warnings = warnings_of(school, "appeals")
    assert len(warnings) == 2  # received 5 vs 3 listed; late 1 vs 0 listed; on time agrees
    assert "5" in warnings[0] and "3" in warnings[0] and "1" in warnings[1] and "0" in warnings[1]


def test_list_without_totals_is_no_warning(school):
    add_appeal(school, **{"appeals-answered_on": "31.08.2026"})  # late, but nothing to disagree with
    assert warnings_of(school, "appeals") == []


def test_answer_before_receipt_is_a_warning(school, app):
    add_appeal(school, **{"appeals-answered_on": "06.07.2026"})  # the same day is fine
    assert warnings_of(school, "appeals") == []
    add_appeal(school, **{"appeals-answered_on": "03.07.2026"})
    warnings = warnings_of(school, "appeals")
    assert len(warnings) == 1 and "06.07.2026" in warnings[0] and "03.07.2026" in warnings[0]
    assert 'class="badge state-errors"' in full_page(school, "appeals").get_data(as_text=True)


def test_another_school_gets_404(school, app, as_user):
    add_appeal(school)
    row = rows_of(app, Appeal)[0]
    intruder = as_user("rudny-1", htmx=True)
    assert intruder.get(url("appeals", f"rows/appeals/{row.id}")).status_code == 404
    intruder.post("/schools/rudny-1/2026-H2/start", data={})
    own = f"/schools/rudny-1/2026-H2/appeals/rows/appeals/{row.id}"
    assert intruder.get(own).status_code == 404 and intruder.post(own + "/delete").status_code == 404
    assert len(rows_of(app, Appeal)) == 1


def test_the_page_shows_timeliness_computed_from_the_dates(app, as_user):
    client = as_user("rudny-7", htmx=True)
    client.post("/schools/rudny-7/2026-H2/start", data={})
    for received, answered in (("2026-09-01", "2026-09-10"), ("2026-09-01", "2026-10-30"), ("2026-11-02", "")):
        client.post("/schools/rudny-7/2026-H2/appeals/rows/appeals",
                    data={"appeals-channel": "e_otinish", "appeals-received_on": received,
                          "appeals-answered_on": answered, "appeals-subject": "x"})
    page = client.get("/schools/rudny-7/2026-H2/appeals/", headers={"HX-Request": ""}).get_data(as_text=True)
    summary = page.split('<ul class="summary">')[1].split("</ul>")[0]
    assert [int(n) for n in re.findall(r"\d+", summary)] == [3, 1, 1, 1]
