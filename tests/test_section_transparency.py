"""2.5 Transparency: the school's website, social accounts and publication count."""

import pytest
from support_org_sections import assert_fragment, entry_of, full_page, start, url


@pytest.fixture
def school(as_user):
    return start(as_user)


SEED = {"website": "http://rudnymektep7.edu.kz/", "social_accounts": "https://www.instagram.com/school7_rud/",
        "publications_count": "1 204"}


def test_figures_save_and_show_back(school, app):
    assert 'id="facts-saved"' in assert_fragment(school.post(url("transparency", "facts"), data=SEED))
    assert entry_of(app, "transparency").facts == {
        "website": "http://rudnymektep7.edu.kz/", "social_accounts": "https://www.instagram.com/school7_rud/",
        "publications_count": 1204}
    html = full_page(school, "transparency").get_data(as_text=True)
    assert 'value="http://rudnymektep7.edu.kz/"' in html and 'value="1204"' in html


@pytest.mark.parametrize("website", ["rudnymektep7.edu.kz", "https://rudnymektep7.edu.kz/kk/news?id=5"])
def test_web_address_without_scheme_or_with_a_path_is_accepted(school, app, website):
    assert_fragment(school.post(url("transparency", "facts"), data={**SEED, "website": website}))
    assert entry_of(app, "transparency").facts["website"] == website


@pytest.mark.parametrize("field, typed", [("website", "мектеп сайты"), ("website", "localhost"),
                                          ("publications_count", "many")])
def test_invalid_figure_is_refused_with_values_kept(school, app, field, typed):
    response = school.post(url("transparency", "facts"), data={**SEED, field: typed})
    html = assert_fragment(response, 422)
    assert f'id="{field}-error"' in html and f'value="{typed}"' in html
    assert "https://www.instagram.com/school7_rud/" in html
    assert entry_of(app, "transparency").facts.get(field) is None  # refused; the valid ones are saved (issue 9)


def test_script_is_shown_escaped(school):
    school.post(url("transparency", "facts"), data={"social_accounts": "<script>x()</script>"})
    html = full_page(school, "transparency").get_data(as_text=True)
    assert "<script>x()</script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html


def test_addresses_carry_over_but_the_count_does_not(app, as_user):
    client = as_user("rudny-7", htmx=True)
    client.post("/schools/rudny-7/2026-H1/start", data={})
    client.post("/schools/rudny-7/2026-H1/transparency/facts", data=SEED)
    client.post("/schools/rudny-7/2026-H2/start", data={"carry_over": "y"})
    assert entry_of(app, "transparency").facts == {"website": SEED["website"],
                                                   "social_accounts": SEED["social_accounts"]}


def test_another_school_gets_404(school, as_user):
    assert as_user("rudny-1", htmx=True).post(url("transparency", "facts"), data=SEED).status_code == 404
