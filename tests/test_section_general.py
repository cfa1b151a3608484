"""The general part: the launching order, signatures, public steps, the 14 information sources in the
user's language and the working group with exactly one head."""

import re

import pytest
from support import text_of

from webapp.blueprints.general.forms import INFORMATION_SOURCES
from webapp.blueprints.general.models import WorkingGroupMember
from webapp.extensions import db
from webapp.reporting.models import SectionEntry

BASE = "/schools/rudny-7/2026-H2"
GENERAL = f"{BASE}/general"
FRAGMENT = {"HX-Request": ""}  # a plain page request from the htmx client


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def facts_of(app, period="2026-H2"):
    with app.app_context():
        entry = db.session.execute(
            db.select(SectionEntry).join(SectionEntry.submission).where(SectionEntry.section == "general")
            .order_by(SectionEntry.id.desc())
        ).scalars().first()
        return None if entry is None else dict(entry.facts)


def member_count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(WorkingGroupMember))


def add_member(client, base=GENERAL, **overrides):
    data = {"working_group-name": "Бірманова Қ.И.", "working_group-position_title": "директор",
            "working_group-role": "head", **overrides}
    return client.post(f"{base}/rows/working_group", data=data)


SEED_FACTS = {"order_number": "234", "order_date": "02.09.2024", "certificate_date": "10.06.2025",
              "signatory_name": "Бірманова Қ.И.", "signatory_position": "Мектеп басшысы"}


def test_page_lists_the_14_sources_in_kazakh_then_russian(school):
    response = school.get(GENERAL + "/", headers=FRAGMENT)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in html
    assert 'id="narrative"' not in html  # no risks/basis/recommendations triplet here
    assert 'id="facts"' in html and 'id="rows-working_group"' in html
    for number, source in enumerate(INFORMATION_SOURCES, start=1):
        assert f'name="source_{number}"' in html and source["kk"] in text_of(response)
    school.post("/language", data={"lang": "ru"})
    russian = text_of(school.get(GENERAL + "/", headers=FRAGMENT))
    assert INFORMATION_SOURCES[0]["ru"] in russian and INFORMATION_SOURCES[13]["ru"] in russian
    assert INFORMATION_SOURCES[0]["kk"] not in russian


def test_facts_and_sources_save_in_place_and_show_back(school, app, as_user):
    response = school.post(GENERAL + "/facts", data={**SEED_FACTS, "source_1": "y", "source_14": "y"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html and 'id="facts-saved"' in html
    assert "HX-Request" in response.headers["Vary"]
    facts = facts_of(app)
    assert facts["order_number"] == "234" and facts["order_date"] == "2024-09-02"
    assert facts["certificate_date"] == "2025-06-10"
    assert facts["source_1"] is True and facts["source_2"] is False and facts["source_14"] is True
    assert 'value="234"' in school.get(GENERAL + "/", headers=FRAGMENT).get_data(as_text=True)
    # The department reads the same figures, formatted, with the sources' wording.
    shown = text_of(as_user("rudny").get(GENERAL + "/"))
    assert "02.09.2024" in shown and "10.06.2025" in shown and "Бірманова Қ.И." in shown
    assert INFORMATION_SOURCES[13]["kk"] in shown


def test_required_facts_make_the_section_complete(school):
    partial = school.post(GENERAL + "/facts", data={"order_number": "234"})
    assert 'class="badge state-missing"' in partial.get_data(as_text=True)
    complete = school.post(GENERAL + "/facts", data=SEED_FACTS)
    assert 'class="badge state-filled"' in complete.get_data(as_text=True)


@pytest.mark.parametrize("field, typed", [("certificate_date", "10.01.1999"),  # before 2000
                                          ("order_date", "31.02.2026"),
                                          ("signatory_name", "Ә" * 201)])
def test_invalid_fact_comes_back_with_the_error_and_the_valid_ones_are_saved(school, app, field, typed):
    school.post(GENERAL + "/facts", data={"order_number": "234"})
    response = school.post(GENERAL + "/facts", data={**SEED_FACTS, field: typed})
    assert response.status_code == 422 and response.headers["HX-Retarget"] == "#facts"
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html and f'value="{typed}"' in html and 'value="Мектеп басшысы"' in html
    facts = facts_of(app)
    assert facts.get(field) is None and facts["signatory_position"] == "Мектеп басшысы"  # issue 9: valid ones saved


def test_working_group_member_is_added_as_a_row(school, app):
    response = add_member(school, **{"working_group-name": "<script>alert(1)</script> Хасенова Н.С."})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<tr id="row-working_group-')
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Хасенова Н.С." in html and "<script>alert" not in html
    assert 'id="add-working_group"' in html and 'hx-swap-oob="true"' in html


@pytest.mark.parametrize("overrides, field", [({"working_group-name": ""}, "working_group-name"),
                                              ({"working_group-role": "boss"}, "working_group-role")])
def test_invalid_member_is_refused_with_values_kept(school, app, overrides, field):
    response = add_member(school, **overrides)
    assert response.status_code == 422 and response.headers["HX-Retarget"] == "#add-working_group"
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html and 'value="директор"' in html
    assert member_count(app) == 0


def warnings_on(client) -> str:
    """The text of the section's warnings list, "" when there is none."""
    html = client.get(GENERAL + "/", headers=FRAGMENT).get_data(as_text=True)
    match = re.search(r'<div class="warnings".*?<ul>(.*?)</ul>', html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def test_working_group_needs_exactly_one_head(school, app):
    assert warnings_on(school) == ""  # no working group listed: nothing to check
    add_member(school, **{"working_group-name": "Исаева А.Ж.", "working_group-role": "member"})
    assert warnings_on(school)  # members but no head
    add_member(school)
    assert warnings_on(school) == ""  # exactly one head
    add_member(school, **{"working_group-name": "Жұмабаева Г.Т."})
    assert "2" in warnings_on(school)  # two heads, and the warning says how many
    with app.app_context():
        row_id = db.session.scalar(db.select(WorkingGroupMember.id).filter_by(name="Жұмабаева Г.Т."))
    school.post(f"{GENERAL}/rows/working_group/{row_id}", data={
        f"working_group-{row_id}-name": "Жұмабаева Г.Т.", f"working_group-{row_id}-position_title": "мүше",
        f"working_group-{row_id}-role": "secretary"})
    assert warnings_on(school) == ""


def test_another_school_gets_404_on_the_rows(school, app, as_user):
    add_member(school)
    with app.app_context():
        row_id = db.session.scalar(db.select(WorkingGroupMember.id))
    intruder = as_user("rudny-1", htmx=True)
    assert intruder.get(f"{GENERAL}/rows/working_group/{row_id}").status_code == 404
    assert intruder.post(f"{GENERAL}/rows/working_group/{row_id}/delete").status_code == 404
    intruder.post("/schools/rudny-1/2026-H2/start", data={})
    assert intruder.get(f"/schools/rudny-1/2026-H2/general/rows/working_group/{row_id}").status_code == 404
    assert member_count(app) == 1


def test_signatures_and_working_group_carry_over_but_not_the_order(app, as_user):
    client = as_user("rudny-7", htmx=True)
    client.post("/schools/rudny-7/2026-H1/start", data={})
    client.post("/schools/rudny-7/2026-H1/general/facts",
                data={**SEED_FACTS, "approver_name": "Бірманова Қ.И.", "approver_position": "директор"})
    add_member(client, base="/schools/rudny-7/2026-H1/general")
    client.post(f"{BASE}/start", data={"carry_over": "y"})
    facts = facts_of(app)
    assert facts == {"signatory_name": "Бірманова Қ.И.", "signatory_position": "Мектеп басшысы",
                     "approver_name": "Бірманова Қ.И.", "approver_position": "директор"}
    page = client.get(GENERAL + "/", headers=FRAGMENT).get_data(as_text=True)
    assert 'class="row carried"' in page and "Бірманова Қ.И." in page
