"""2.12 Monitoring of media and other sources: negative publications and the responses to them."""

import re

import pytest
from support import text_of

BASE = "/schools/rudny-7/2026-H2"
URL = f"{BASE}/media"


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    client.post(f"{BASE}/start", data={"carry_over": ""})
    return client


def warnings_of(client) -> str:
    found = re.search(r'<div class="warnings".*?</ul>', client.get(f"{URL}/").get_data(as_text=True), re.S)
    return found.group(0) if found else ""


def test_figures_saved_and_shown_back(as_user, school):
    saved = school.post(f"{URL}/facts", data={"negative_publications": "1 234", "responses_given": "3",
                                              "description": "Күн сайын БАҚ пен әлеуметтік желілерге мониторинг"})
    assert saved.status_code == 200 and "<html" not in saved.get_data(as_text=True)
    page = as_user("rudny-7").get(f"{URL}/")
    html = page.get_data(as_text=True)
    assert "<html" in html and "2.12." in text_of(page)
    assert 'value="1234"' in html and 'value="3"' in html
    assert "Күн сайын БАҚ пен әлеуметтік желілерге мониторинг" in html


def test_invalid_figure_is_refused_with_typed_value_kept(school):
    school.post(f"{URL}/facts", data={"negative_publications": "2", "responses_given": "1"})
    response = school.post(f"{URL}/facts", data={"negative_publications": "-1", "responses_given": "бір"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="negative_publications-error"' in html and 'id="responses_given-error"' in html
    assert 'value="-1"' in html and 'value="бір"' in html
    assert 'value="2"' in school.get(f"{URL}/").get_data(as_text=True)  # the saved figure is untouched


def test_script_is_shown_as_text(school):
    school.post(f"{URL}/facts", data={"description": "<script>x()</script>"})
    html = school.get(f"{URL}/").get_data(as_text=True)
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html


@pytest.mark.parametrize("negative, responses, warned", [
    ("2", "", True), ("2", "0", True), ("2", "1", False), ("1", "5", False), ("0", "", False), ("", "", False),
])
def test_negative_publications_need_a_response(school, negative, responses, warned):
    school.post(f"{URL}/facts", data={"negative_publications": negative, "responses_given": responses})
    warnings = warnings_of(school)
    assert bool(warnings) is warned
    if warned:
        assert negative in warnings
