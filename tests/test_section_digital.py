"""2.3 Digitalisation and document flow: personal-data consents and the orders behind record keeping."""

import pytest
from support_org_sections import assert_fragment, entry_of, full_page, start, url


@pytest.fixture
def school(as_user):
    return start(as_user)


SEED = {"personal_data_consents": "128", "documents_basis_order_number": "130",
        "documents_basis_order_date": "06.04.2020",
        "data_protection_order": "білім бөлімінің 2021 жылғы 14 сәуірдегі №431 бұйрығы"}


def test_figures_save_and_show_back(school, app):
    response = school.post(url("digital", "facts"), data=SEED)
    assert 'id="facts-saved"' in assert_fragment(response)
    assert entry_of(app, "digital").facts == {
        "personal_data_consents": 128, "documents_basis_order_number": "130",
        "documents_basis_order_date": "2020-04-06", "data_protection_order": SEED["data_protection_order"],
        "data_protection_order__tr": None,  # the Russian version not written yet (issue 11)
        # The order's title, issuer and registration are optional (issue 11): not typed here.
        "documents_basis_order_title": None, "documents_basis_order_title__tr": None,
        "documents_basis_order_issuer": None, "documents_basis_order_issuer__tr": None,
        "documents_basis_order_registration_number": None, "documents_basis_order_registration_date": None}
    html = full_page(school, "digital").get_data(as_text=True)
    assert 'value="128"' in html and 'value="06.04.2020"' in html and "№431" in html
    assert 'id="narrative"' in html  # the triplet comes with the section


@pytest.mark.parametrize("field, typed", [("documents_basis_order_date", "01.01.1999"),
                                          ("documents_basis_order_date", "06/04/2020"),
                                          ("personal_data_consents", "-1")])
def test_invalid_figure_is_refused_with_values_kept(school, app, field, typed):
    response = school.post(url("digital", "facts"), data={**SEED, field: typed})
    html = assert_fragment(response, 422)
    assert response.headers["HX-Retarget"] == "#facts"
    assert f'id="{field}-error"' in html and f'value="{typed}"' in html and "№431" in html
    assert entry_of(app, "digital").facts.get(field) is None  # refused; the valid ones beside it are saved (issue 9)


def test_script_is_shown_escaped(school):
    school.post(url("digital", "facts"), data={"data_protection_order": "<script>x()</script>"})
    html = full_page(school, "digital").get_data(as_text=True)
    assert "<script>x()</script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html


def test_the_orders_carry_over_but_the_consent_count_does_not(app, as_user):
    client = as_user("rudny-7", htmx=True)
    client.post("/schools/rudny-7/2026-H1/start", data={})
    client.post("/schools/rudny-7/2026-H1/digital/facts", data=SEED)
    client.post("/schools/rudny-7/2026-H2/start", data={"carry_over": "y"})
    entry = entry_of(app, "digital")
    assert entry.carried_over is True
    assert entry.facts == {"documents_basis_order_number": "130", "documents_basis_order_date": "2020-04-06",
                           "data_protection_order": SEED["data_protection_order"]}


def test_another_school_gets_404(school, as_user):
    intruder = as_user("rudny-1", htmx=True)
    assert intruder.get(url("digital")).status_code == 404
    assert intruder.post(url("digital", "facts"), data=SEED).status_code == 404
