"""The authorization matrix, generated from app.url_map: every route × every role × an object of one's own and
one of another unit. Nothing of another unit is ever shown (404), nothing but the login page and public files
answers an anonymous visitor, and a route with a URL argument this matrix cannot fill fails the test, so a new
route cannot ship without being checked here. Test client only: a few seconds for ~180 routes."""

from __future__ import annotations

import re

import pytest
from support import with_demo_analyses

from webapp.extensions import db
from webapp.models import OrgUnit, User
from webapp.reporting.models import Status, Submission
from webapp.reporting.sections import SECTIONS

PERIOD = "2026-H1"  # made a draft for both schools below, so writes reach the object lookup
# Open to anyone, on purpose (each holds nothing of a school's): a route added here is a decision, not a default.
PUBLIC = {"static", "vendor", "healthz", "auth.login", "auth.set_language", "auth.csrf_token",
          "public.city"}  # a city's published analyses; the other public.* pages answer 404 until published
# Accounts, their own unit and a unit of someone else's (rudny-7's city is rudny, its region kostanay).
ACCOUNTS = {
    "rudny-7": {"own": "rudny-7", "foreign": "lisakovsk-1"},
    "rudny": {"own": "rudny-7", "foreign": "lisakovsk-1"},
    "lisakovsk": {"own": "lisakovsk-1", "foreign": "rudny-7"},
}
GROUP_OF = {"rudny-7": "rudny-7", "rudny": "rudny", "lisakovsk": "lisakovsk"}
FOREIGN_GROUP = {"rudny-7": "lisakovsk", "rudny": "lisakovsk", "lisakovsk": "rudny"}


@pytest.fixture
def matrix_data(app):
    """Demo analyses, with one row id per row list and school, and a job, a user and a unit id for admin pages."""
    with_demo_analyses(app)
    with app.app_context():
        rows = {}
        for code in ("rudny-7", "lisakovsk-1"):
            school = db.session.execute(db.select(OrgUnit).filter_by(code=code)).scalar_one()
            submission = db.session.execute(db.select(Submission).join(Submission.period)
                                            .where(Submission.school_id == school.id)
                                            .filter_by(code=PERIOD)).scalar_one()
            submission.status = Status.DRAFT  # editable: a write is refused for whose row it is, not for its state
            for section in SECTIONS:
                for row_list in section.row_lists:
                    row_id = db.session.scalar(db.select(row_list.model.id).filter_by(submission_id=submission.id)
                                               .limit(1))
                    rows[(code, section.code, row_list.name)] = row_id
        db.session.commit()
        return {"rows": rows, "user_id": db.session.scalar(db.select(User.id).filter_by(username="rudny-7")),
                "unit_id": db.session.scalar(db.select(OrgUnit.id).filter_by(code="rudny-7"))}


def fill(rule, school: str, group: str, data: dict) -> str:
    """The rule's URL for this school (or group unit); AssertionError naming any argument it cannot fill."""
    section = next((s.code for s in SECTIONS if f"/{s.code}/" in rule.rule), None)
    values = {"school": school, "code": group if "school" not in rule.arguments else school, "period": PERIOD,
              "period_code": PERIOD, "file_format": "csv", "filename": "app.css", "job_id": 1,
              "user_id": data["user_id"], "unit_id": data["unit_id"],
              # the public cycle's rows (tests/test_cycle*.py check another school's rows one by one)
              "proposal_id": 1, "item_id": 1, "measure_id": 1, "file_id": 1}
    if "list_name" in rule.arguments:
        lists = next(s for s in SECTIONS if s.code == section).row_lists
        name = lists[0].name if lists else "no-such-list"  # a section without lists still has the routes
        values["list_name"] = name
        values["row_id"] = data["rows"].get((school, section, name)) or 999_999  # none: a row that never was
    unknown = set(rule.arguments) - set(values)
    assert not unknown, f"{rule.rule}: add {unknown} to the authorization matrix"
    return rule.build({name: values[name] for name in rule.arguments})[1]


def foreign_row_exists(rule, school: str, data: dict) -> bool:
    """Whether the other school has a row in this route's list (else there is nothing of theirs to reach)."""
    return 999_999 != int(fill(rule, school, school, data).split("/rows/", 1)[1].split("/")[1])


def routes(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint not in PUBLIC]


def test_an_anonymous_visitor_gets_nothing_but_the_login_page(app, client, matrix_data):
    for rule in routes(app):
        url = fill(rule, "rudny-7", "rudny", matrix_data)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method)
            assert response.status_code in (302, 401, 404, 405), (method, url, response.status_code)
            if response.status_code == 302:
                assert "/login" in response.headers["Location"], (method, url)


@pytest.mark.parametrize("account", ACCOUNTS)
def test_no_route_shows_or_changes_another_units_objects(app, as_user, matrix_data, account):
    client = as_user(account)
    own, foreign = ACCOUNTS[account]["own"], ACCOUNTS[account]["foreign"]
    leaks = []
    for rule in routes(app):
        # Another school's URL, and (for row routes) another school's row inside one's own school's URL.
        urls = {fill(rule, foreign, FOREIGN_GROUP[account], matrix_data)}
        if "row_id" in rule.arguments and foreign_row_exists(rule, foreign, matrix_data):
            own_url = fill(rule, own, GROUP_OF[account], matrix_data)
            foreign_row = fill(rule, foreign, FOREIGN_GROUP[account], matrix_data).rsplit("/rows/", 1)[1]
            urls.add(own_url.rsplit("/rows/", 1)[0] + "/rows/" + foreign_row)
        if rule.endpoint.startswith(("admin.", "dashboard.national", "units.national", "jobs.")) \
                or not {"school", "code", "row_id"} & set(rule.arguments):
            continue  # role-gated or the account's own pages: the role test below
        for url in urls:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                status = client.open(url, method=method, data={}).status_code
                # 404: not yours; 405: no such method; 409: the section is read-only for this account (a
                # department, or a section under review), refused before any row is looked up: nothing learnt
                if status not in (404, 405, 409):
                    leaks.append((method, url, status))
    assert leaks == [], leaks


@pytest.mark.parametrize("account", ["rudny-7", "rudny", "kostanay"])
def test_admin_and_national_pages_are_for_the_administrator_only(app, as_user, matrix_data, account):
    client = as_user(account)
    answered = []
    for rule in routes(app):
        if not rule.endpoint.startswith(("admin.", "dashboard.national", "units.national")):
            continue
        url = fill(rule, "rudny-7", "rudny", matrix_data)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            status = client.open(url, method=method, data={}).status_code
            if status != 404:
                answered.append((method, url, status))
    assert answered == []


def test_the_administrator_sees_every_units_pages(app, as_user, matrix_data):
    admin = as_user("admin")
    for url in ("/units/rudny-7", "/units/lisakovsk", f"/schools/lisakovsk-1/{PERIOD}/",
                "/units/lisakovsk/dashboard/", "/admin/users"):
        assert admin.get(url).status_code == 200, url
    assert re.search("rudny-7", admin.get(f"/admin/users/{matrix_data['user_id']}").get_data(as_text=True))
