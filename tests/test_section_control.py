"""2.7 Control and permit functions: usually "the school performs none"; if it does, which."""

import pytest
from support_org_sections import assert_fragment, entry_of, full_page, start, url, warnings_of


@pytest.fixture
def school(as_user):
    return start(as_user)


def complete_narrative(client):
    basis = "Мектеп-гимназия бақылау және рұқсат беру функцияларын жүзеге асырмайды."
    response = client.post(url("control", "narrative"), data={"risks": "—", "basis": basis, "recommendations": "—",
                                                              "violation_found": "no"})
    assert response.status_code == 200


def test_seed_answer_no_saves_and_completes_the_section(school, app):
    complete_narrative(school)
    # Without the yes/no answer the section is not complete.
    assert 'class="badge state-filled"' not in full_page(school, "control").get_data(as_text=True)
    assert_fragment(school.post(url("control", "facts"), data={"performs_functions": "no"}))
    facts = entry_of(app, "control").facts
    assert facts["performs_functions"] == "no" and facts["functions_description"] is None
    html = full_page(school, "control").get_data(as_text=True)
    assert '<option selected value="no">' in html or 'value="no" selected' in html
    assert 'class="badge state-filled"' in html
    assert warnings_of(school, "control") == []


def test_unanswered_stays_empty_rather_than_no(school, app):
    assert_fragment(school.post(url("control", "facts"), data={"functions_description": "x"}))
    assert entry_of(app, "control").facts["performs_functions"] is None


def test_an_unknown_answer_is_refused(school, app):
    response = school.post(url("control", "facts"), data={"performs_functions": "maybe",
                                                          "functions_description": "рұқсат"})
    html = assert_fragment(response, 422)
    assert 'id="performs_functions-error"' in html and "рұқсат" in html
    facts = entry_of(app, "control").facts  # issue 9: the valid field beside it is saved
    assert facts.get("performs_functions") is None and facts["functions_description"] == "рұқсат"


def test_yes_needs_a_description(school):
    school.post(url("control", "facts"), data={"performs_functions": "yes", "functions_description": "  "})
    assert len(warnings_of(school, "control")) == 1
    school.post(url("control", "facts"), data={"performs_functions": "yes",
                                               "functions_description": "<script>x()</script>"})
    assert warnings_of(school, "control") == []
    html = full_page(school, "control").get_data(as_text=True)
    assert "<script>x()</script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html


def test_the_answer_carries_over(app, as_user):
    client = as_user("rudny-7", htmx=True)
    client.post("/schools/rudny-7/2026-H1/start", data={})
    client.post("/schools/rudny-7/2026-H1/control/facts", data={"performs_functions": "no"})
    client.post("/schools/rudny-7/2026-H2/start", data={"carry_over": "y"})
    entry = entry_of(app, "control")
    assert entry.facts == {"performs_functions": "no"} and entry.carried_over


def test_read_only_for_the_department(school, as_user):
    school.post(url("control", "facts"), data={"performs_functions": "no"})
    department = as_user("rudny")
    assert department.post(url("control", "facts"), data={"performs_functions": "yes"}).status_code == 409
    html = department.get(url("control")).get_data(as_text=True)
    assert '<dl id="facts"' in html and 'name="performs_functions"' not in html
    assert as_user("rudny-1").get(url("control")).status_code == 404
