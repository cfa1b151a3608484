"""The admin pages: org units, accounts, half-years and the audit log, as an administrator uses them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from support import login, text_of

from webapp.extensions import db
from webapp.models import AuditEvent, OrgKind, OrgUnit, Period, User

# --- Helpers ----------------------------------------------------------------------------------------


def find(app, model, **by):
    """One row, detached with its columns loaded (enough for assertions)."""
    with app.app_context():
        return db.session.execute(db.select(model).filter_by(**by)).scalar_one_or_none()


def unit_id(app, code: str) -> int:
    return find(app, OrgUnit, code=code).id


def user_id(app, username: str) -> int:
    return find(app, User, username=username).id


def login_as(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 303
    return client


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def audit_events(app, **by) -> list[AuditEvent]:
    with app.app_context():
        return db.session.scalars(db.select(AuditEvent).filter_by(**by).order_by(AuditEvent.id)).all()


class _FormValues(HTMLParser):
    """What the browser would submit from the admin form: inputs, selected options, textareas, checkboxes."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, object] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox":
            self.values[attrs["name"]] = "checked" in attrs
        elif tag == "input" and attrs.get("type") not in ("hidden", "submit"):
            self.values[attrs["name"]] = attrs.get("value") or ""
        elif tag == "select":
            self._select = attrs["name"]
            self.values[self._select] = None
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs["value"]
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.values[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def form_values(response) -> dict[str, object]:
    html = response.get_data(as_text=True)
    form = re.search(r'<form id="form".*?</form>', html, flags=re.S)
    assert form, html
    parser = _FormValues()
    parser.feed(form.group(0))
    return {name: value.lstrip("\r\n") if isinstance(value, str) else value for name, value in parser.values.items()}


def field_errors(response) -> dict[str, str]:
    """Each error the `field` macro printed, by the field it sits next to."""
    html = response.get_data(as_text=True)
    return dict(re.findall(r'<p class="error" id="([\w-]+)-error">(.*?)</p>', html, flags=re.S))


def submit(client, url: str, **changes):
    """Open the form, change some fields as a user would, and send it (unchecked boxes are not sent)."""
    values = {**form_values(client.get(url)), **changes}
    data = {name: ("y" if value is True else value) for name, value in values.items()
            if value not in (None, False)}
    return client.post(url, data=data)


def assert_form_answer(response, *, htmx: bool, errors: set[str]):
    """422 with the errors next to exactly these fields, as a whole page or as the form fragment for htmx."""
    assert response.status_code == 422, response.get_data(as_text=True)
    assert set(field_errors(response)) == errors
    html = response.get_data(as_text=True)
    assert 'id="form"' in html and 'role="alert"' in html
    assert ("<html" in html) is not htmx
    assert "HX-Request" in response.headers.get("Vary", "")


def assert_kept(response, data: dict):
    """The form shows back what was typed (a password excepted: it is never sent back)."""
    shown = form_values(response)
    for name, value in data.items():
        if name != "password":
            assert shown[name] == str(value), name


@pytest.fixture
def admin(as_user):
    return as_user("admin")


@pytest.fixture
def admin_htmx(as_user):
    return as_user("admin", htmx=True)


# --- Who may open the admin pages ---------------------------------------------------------------------

ADMIN_GETS = ["/admin/", "/admin/units", "/admin/units/new", "/admin/units/{rudny}", "/admin/users",
              "/admin/users/new", "/admin/users/{rudny_user}", "/admin/periods", "/admin/periods/new",
              "/admin/periods/2026-H1", "/admin/audit", "/admin/audit?type=period"]
ADMIN_POSTS = ["/admin/units/new", "/admin/units/{rudny}", "/admin/users/new", "/admin/users/{rudny_user}",
               "/admin/periods/new", "/admin/periods/2026-H1", "/admin/periods/2026-H1/open"]


@pytest.fixture
def ids(app):
    return {"rudny": unit_id(app, "rudny"), "rudny_user": user_id(app, "rudny")}


@pytest.mark.parametrize("username", ["rudny", "rudny-7", "kostanay"])
def test_admin_pages_do_not_exist_for_other_roles(app, as_user, ids, username):
    client = as_user(username)
    for path in ADMIN_GETS:
        assert client.get(path.format(**ids)).status_code == 404, path
    for path in ADMIN_POSTS:
        response = client.post(path.format(**ids), data={"open": "0", "name_kk": "X", "password": "hijacked1"})
        assert response.status_code == 404, path
    assert find(app, Period, code="2026-H1").is_open  # nothing was changed on the way
    assert find(app, OrgUnit, code="rudny").name_kk == "Рудный қаласы білім бөлімі"
    assert login(app.test_client(), "rudny").status_code == 303


def test_admin_pages_send_anonymous_visitors_to_login(client, ids):
    for path in ADMIN_GETS:
        response = client.get(path.format(**ids))
        assert response.status_code == 302 and "/login" in response.location, path
    for path in ADMIN_POSTS:
        response = client.post(path.format(**ids), data={"open": "0"})
        assert response.status_code == 302 and "/login" in response.location, path


def test_admin_sees_every_admin_page_and_the_menu(admin, ids):
    for path in ADMIN_GETS:
        assert admin.get(path.format(**ids)).status_code == 200, path
    html = admin.get("/admin/units").get_data(as_text=True)
    for link in ("/admin/units", "/admin/users", "/admin/periods", "/admin/audit"):
        assert f'href="{link}"' in html


def test_unknown_records_answer_404(admin):
    for path in ("/admin/units/99999", "/admin/users/99999", "/admin/units/99999999999", "/admin/users/99999999999"):
        assert admin.get(path).status_code == 404, path
    assert admin.get("/admin/audit?before=99999999999").status_code == 200  # ids past PostgreSQL's integer
    assert admin.get("/admin/periods/2099-H1").status_code == 404
    assert admin.post("/admin/periods/2099-H1/open", data={"open": "1"}).status_code == 404


# --- Org units --------------------------------------------------------------------------------------


def test_unit_list_shows_the_tree_in_order(admin):
    text = text_of(admin.get("/admin/units"))
    positions = [text.index(code) for code in ("kostanay", "lisakovsk", "lisakovsk-1", "rudny", "rudny-7")]
    assert positions == sorted(positions)
    assert "Б.Майлин атындағы №7 мектеп-гимназиясы" in text


def school_form(app, **overrides) -> dict:
    return {"kind": "school", "code": "rudny-20", "parent_id": unit_id(app, "rudny"),
            "name_kk": "№20 мектеп", "name_ru": "Школа №20", "head_name": "Серікова А.Б.",
            "bin": "123456789012", **overrides}


def test_admin_creates_a_school_under_a_department(app, admin):
    response = admin.post("/admin/units/new", data=school_form(app))
    assert response.status_code == 303 and response.location == "/admin/units"
    listing = admin.get("/admin/units")
    assert "Сақталды." in text_of(listing)  # the flash after the redirect
    assert "rudny-20" in text_of(listing) and "№20 мектеп" in text_of(listing)
    department = text_of(admin.get("/units/rudny"))
    assert "№20 мектеп" in department and "Серікова А.Б." in department
    school = find(app, OrgUnit, code="rudny-20")
    assert school.kind is OrgKind.SCHOOL and school.path == "/kostanay/rudny/rudny-20/"
    assert school.bin == "123456789012" and school.legal_name_kk is None  # left empty: no value, not ""
    # The department's own account now sees the school, the neighbouring city's does not.
    assert "№20 мектеп" in text_of(login_as(app, "rudny").get("/units/rudny-20"))
    assert login_as(app, "lisakovsk").get("/units/rudny-20").status_code == 404


def test_htmx_create_answers_204_with_the_list_to_go_to(app, admin_htmx):
    response = admin_htmx.post("/admin/units/new", data=school_form(app))
    assert response.status_code == 204 and response.headers["HX-Location"] == "/admin/units"
    assert find(app, OrgUnit, code="rudny-20") is not None


def test_admin_creates_a_region_and_a_department_in_it(app, admin):
    region = {"kind": "region", "code": "akmola", "parent_id": "", "name_kk": "Ақмола облысы",
              "name_ru": "Акмолинская область"}
    assert admin.post("/admin/units/new", data=region).status_code == 303
    department = {"kind": "department", "code": "kokshetau", "parent_id": unit_id(app, "akmola"),
                  "name_kk": "Көкшетау қаласы білім бөлімі", "name_ru": "Отдел образования города Кокшетау"}
    assert admin.post("/admin/units/new", data=department).status_code == 303
    assert find(app, OrgUnit, code="akmola").path == "/akmola/"
    assert find(app, OrgUnit, code="kokshetau").path == "/akmola/kokshetau/"
    assert "Көкшетау қаласы білім бөлімі" in text_of(admin.get("/units/akmola"))
    assert "Ақмола облысы" in text_of(admin.get("/units/"))


@pytest.mark.parametrize("parent, kind", [("kostanay", "department"), ("rudny", "school")])
def test_add_below_preselects_the_parent_and_the_kind_that_fits(app, admin, parent, kind):
    values = form_values(admin.get(f"/admin/units/new?parent={unit_id(app, parent)}"))
    assert values["parent_id"] == str(unit_id(app, parent)) and values["kind"] == kind


INVALID_UNITS = [
    pytest.param({"code": "Rudny 20"}, {"code"}, id="code-pattern"),
    pytest.param({"code": "rudny--20"}, {"code"}, id="code-double-hyphen"),
    pytest.param({"code": "rudny-7"}, {"code"}, id="code-taken"),
    pytest.param({"parent_id": "kostanay"}, {"parent_id"}, id="school-under-region"),
    pytest.param({"parent_id": ""}, {"parent_id"}, id="school-without-parent"),
    pytest.param({"kind": "region", "parent_id": "kostanay"}, {"parent_id"}, id="region-with-parent"),
    pytest.param({"kind": "department", "parent_id": "rudny"}, {"parent_id"}, id="department-under-department"),
    pytest.param({"bin": "12345"}, {"bin"}, id="bin-too-short"),
    pytest.param({"bin": "12345678901x"}, {"bin"}, id="bin-not-digits"),
    pytest.param({"name_kk": ""}, {"name_kk"}, id="name-missing"),
    pytest.param({"kind": "galaxy"}, {"kind"}, id="unknown-kind"),
]


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("overrides, errors", INVALID_UNITS)
def test_invalid_unit_is_refused_next_to_the_field_with_the_input_kept(app, as_user, overrides, errors, htmx):
    overrides = {key: unit_id(app, value) if key == "parent_id" and value else value
                 for key, value in overrides.items()}
    data = school_form(app, **overrides)
    units_before = count(app, OrgUnit)
    response = as_user("admin", htmx=htmx).post("/admin/units/new", data=data)
    assert_form_answer(response, htmx=htmx, errors=errors)
    assert_kept(response, {key: value for key, value in data.items() if key != "kind" or value != "galaxy"})
    assert count(app, OrgUnit) == units_before
    assert find(app, OrgUnit, code="rudny-7").name_kk == "Б.Майлин атындағы №7 мектеп-гимназиясы"


def test_an_impossible_parent_id_is_refused_not_crashed_on(app, admin):
    assert admin.get("/admin/units/new?parent=99999999999").status_code == 200
    response = admin.post("/admin/units/new", data=school_form(app, parent_id="99999999999"))
    assert_form_answer(response, htmx=False, errors={"parent_id"})


def test_spaces_and_line_breaks_around_values_are_dropped(app, admin):
    data = school_form(app, code=" rudny-20\n", name_kk=" №20 мектеп ", bin="123456789012\n", city_kk="  ")
    assert admin.post("/admin/units/new", data=data).status_code == 303
    school = find(app, OrgUnit, code="rudny-20")
    assert (school.path, school.name_kk, school.bin, school.city_kk) == (
        "/kostanay/rudny/rudny-20/", "№20 мектеп", "123456789012", None)


def test_edit_form_shows_the_unit_without_code_and_kind(app, admin):
    values = form_values(admin.get(f"/admin/units/{unit_id(app, 'rudny-7')}"))
    assert values["name_kk"] == "Б.Майлин атындағы №7 мектеп-гимназиясы"
    assert values["parent_id"] == str(unit_id(app, "rudny"))
    assert "code" not in values and "kind" not in values


def test_editing_a_unit_saves_the_changes(app, admin_htmx):
    url = f"/admin/units/{unit_id(app, 'rudny-7')}"
    response = submit(admin_htmx, url, name_ru="Гимназия №7", head_name="Жаңа директор")
    assert response.status_code == 204 and response.headers["HX-Location"] == "/admin/units"
    school = find(app, OrgUnit, code="rudny-7")
    assert (school.name_ru, school.head_name) == ("Гимназия №7", "Жаңа директор")
    assert "Жаңа директор" in text_of(admin_htmx.get("/units/rudny"))


def test_code_and_kind_cannot_be_changed(app, admin):
    url = f"/admin/units/{unit_id(app, 'rudny-7')}"
    assert submit(admin, url, code="hacked", kind="region").status_code == 303
    school = find(app, OrgUnit, code="rudny-7")
    assert school.kind is OrgKind.SCHOOL and school.path == "/kostanay/rudny/rudny-7/"
    assert find(app, OrgUnit, code="hacked") is None


def test_moving_a_school_to_another_department_updates_its_path(app, admin):
    url = f"/admin/units/{unit_id(app, 'rudny-7')}"
    assert submit(admin, url, parent_id=str(unit_id(app, "lisakovsk"))).status_code == 303
    assert find(app, OrgUnit, code="rudny-7").path == "/kostanay/lisakovsk/rudny-7/"
    assert "Б.Майлин" in text_of(admin.get("/units/lisakovsk"))
    assert "Б.Майлин" not in text_of(admin.get("/units/rudny"))
    assert login_as(app, "rudny").get("/units/rudny-7").status_code == 404  # no longer in Rudny's subtree
    assert login_as(app, "lisakovsk").get("/units/rudny-7").status_code == 200


def test_moving_a_department_moves_its_schools(app, admin):
    region = {"kind": "region", "code": "akmola", "name_kk": "Ақмола облысы", "name_ru": "Акмолинская область"}
    assert admin.post("/admin/units/new", data=region).status_code == 303
    url = f"/admin/units/{unit_id(app, 'rudny')}"
    assert submit(admin, url, parent_id=str(unit_id(app, "akmola"))).status_code == 303
    assert find(app, OrgUnit, code="rudny").path == "/akmola/rudny/"
    assert find(app, OrgUnit, code="rudny-7").path == "/akmola/rudny/rudny-7/"
    assert find(app, OrgUnit, code="rudny-16").path == "/akmola/rudny/rudny-16/"
    assert find(app, OrgUnit, code="lisakovsk-1").path == "/kostanay/lisakovsk/lisakovsk-1/"
    assert login_as(app, "kostanay").get("/units/rudny-7").status_code == 404
    assert "Рудный қаласы білім бөлімі" in text_of(admin.get("/units/akmola"))


@pytest.mark.parametrize("code, parent", [("rudny-7", "kostanay"), ("rudny-7", ""), ("rudny", "lisakovsk"),
                                          ("kostanay", "rudny")])
def test_a_unit_cannot_be_moved_where_its_kind_does_not_belong(app, admin, code, parent):
    response = submit(admin, f"/admin/units/{unit_id(app, code)}",
                      parent_id=str(unit_id(app, parent)) if parent else "")
    assert_form_answer(response, htmx=False, errors={"parent_id"})
    assert find(app, OrgUnit, code=code).path.endswith(f"/{code}/")
    assert find(app, OrgUnit, code="rudny-7").path == "/kostanay/rudny/rudny-7/"


# --- Users ------------------------------------------------------------------------------------------


def user_form(app, **overrides) -> dict:
    return {"username": "rudny-7-deputy", "full_name": "Әлиева Д.", "role": "school",
            "org_unit_id": unit_id(app, "rudny-7"), "active": "y", "password": "correct horse", **overrides}


def test_user_list_shows_accounts_with_role_and_unit(admin):
    text = text_of(admin.get("/admin/users"))
    assert "rudny-7" in text and "admin" in text and "Б.Майлин атындағы №7 мектеп-гимназиясы" in text


def test_admin_creates_a_school_account_that_can_log_in(app, admin):
    response = admin.post("/admin/users/new", data=user_form(app))
    assert response.status_code == 303 and response.location == "/admin/users"
    assert "rudny-7-deputy" in text_of(admin.get("/admin/users"))
    client = app.test_client()
    assert login(client, "rudny-7-deputy", "correct horse").status_code == 303
    assert client.get("/", follow_redirects=True).request.path == "/units/rudny-7"
    assert client.get("/units/rudny-1").status_code == 404  # only its own school


def test_admin_creates_a_department_account_on_a_region_and_another_admin(app, admin_htmx):
    response = admin_htmx.post("/admin/users/new", data=user_form(
        app, username="kostanay-2", role="department", org_unit_id=unit_id(app, "kostanay")))
    assert response.status_code == 204 and response.headers["HX-Location"] == "/admin/users"
    response = admin_htmx.post("/admin/users/new", data=user_form(app, username="admin2", role="admin",
                                                                   org_unit_id=""))
    assert response.status_code == 204
    second_admin = app.test_client()
    assert login(second_admin, "admin2", "correct horse").status_code == 303
    assert second_admin.get("/admin/users").status_code == 200


INVALID_USERS = [
    pytest.param({"role": "admin"}, {"org_unit_id"}, id="admin-with-unit"),
    pytest.param({"org_unit_id": "rudny"}, {"org_unit_id"}, id="school-role-on-department"),
    pytest.param({"role": "department"}, {"org_unit_id"}, id="department-role-on-school"),
    pytest.param({"org_unit_id": ""}, {"org_unit_id"}, id="school-role-without-unit"),
    pytest.param({"password": "short12"}, {"password"}, id="password-too-short"),
    pytest.param({"password": ""}, {"password"}, id="password-missing"),
    pytest.param({"username": "rudny-7"}, {"username"}, id="username-taken"),
    pytest.param({"username": "Rudny 7"}, {"username"}, id="username-pattern"),
    pytest.param({"role": "superuser"}, {"role"}, id="unknown-role"),
]


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("overrides, errors", INVALID_USERS)
def test_invalid_user_is_refused_next_to_the_field_with_the_input_kept(app, as_user, overrides, errors, htmx):
    overrides = {key: unit_id(app, value) if key == "org_unit_id" and value else value
                 for key, value in overrides.items()}
    data = user_form(app, **overrides)
    users_before = count(app, User)
    response = as_user("admin", htmx=htmx).post("/admin/users/new", data=data)
    assert_form_answer(response, htmx=htmx, errors=errors)
    assert_kept(response, {key: value for key, value in data.items() if key != "active" and value != "superuser"})
    assert form_values(response)["active"] is True
    if data["password"]:
        assert data["password"] not in response.get_data(as_text=True)  # a password is never sent back
    assert count(app, User) == users_before


def test_empty_password_keeps_the_old_one_and_a_new_one_replaces_it(app, admin):
    url = f"/admin/users/{user_id(app, 'rudny-7')}"
    assert form_values(admin.get(url))["password"] == ""
    assert submit(admin, url, full_name="Бірманова Қ.И.", password="").status_code == 303
    assert find(app, User, username="rudny-7").full_name == "Бірманова Қ.И."
    assert login(app.test_client(), "rudny-7", "demo").status_code == 303

    assert submit(admin, url, password="brand-new-secret").status_code == 303
    assert login(app.test_client(), "rudny-7", "demo").status_code == 422
    assert login(app.test_client(), "rudny-7", "brand-new-secret").status_code == 303


def test_a_new_password_must_be_long_enough_when_editing(app, admin):
    response = submit(admin, f"/admin/users/{user_id(app, 'rudny-7')}", password="short")
    assert_form_answer(response, htmx=False, errors={"password"})
    assert login(app.test_client(), "rudny-7", "demo").status_code == 303


def test_username_is_not_editable(app, admin):
    url = f"/admin/users/{user_id(app, 'rudny-7')}"
    assert "username" not in form_values(admin.get(url))
    assert submit(admin, url, username="renamed").status_code == 303
    assert find(app, User, username="renamed") is None and find(app, User, username="rudny-7") is not None


def test_a_role_unit_mismatch_is_refused_when_editing(app, admin):
    response = submit(admin, f"/admin/users/{user_id(app, 'rudny-7')}", role="department")
    assert_form_answer(response, htmx=False, errors={"org_unit_id"})
    assert find(app, User, username="rudny-7").role.value == "school"


def test_deactivating_a_user_blocks_login_and_ends_their_session(app, as_user, admin):
    session = as_user("rudny-7")
    assert submit(admin, f"/admin/users/{user_id(app, 'rudny-7')}", active=False).status_code == 303
    assert find(app, User, username="rudny-7").active is False
    assert '<tr class="inactive">' in admin.get("/admin/users").get_data(as_text=True)
    assert login(app.test_client(), "rudny-7").status_code == 422
    response = session.get("/units/rudny-7")
    assert response.status_code == 302 and "/login" in response.location

    assert submit(admin, f"/admin/users/{user_id(app, 'rudny-7')}", active=True).status_code == 303
    assert login(app.test_client(), "rudny-7").status_code == 303


def test_an_admin_cannot_demote_or_deactivate_their_own_account(app, admin):
    url = f"/admin/users/{user_id(app, 'admin')}"
    values = form_values(admin.get(url))
    assert "role" not in values and "active" not in values
    assert submit(admin, url, role="school", org_unit_id=str(unit_id(app, "rudny-7")),
                  full_name="Бас әкімші").status_code == 422  # an admin has no unit
    assert submit(admin, url, role="school", full_name="Бас әкімші").status_code == 303
    me = find(app, User, username="admin")
    assert (me.role.value, me.active, me.full_name) == ("admin", True, "Бас әкімші")
    assert admin.get("/admin/users").status_code == 200


# --- Half-years -------------------------------------------------------------------------------------


def test_period_list_shows_the_newest_half_year_first(admin):
    text = text_of(admin.get("/admin/periods"))
    assert text.index("2026-H2") < text.index("2026-H1") < text.index("2024-H1")


def test_admin_creates_a_half_year(app, admin):
    response = admin.post("/admin/periods/new",
                          data={"year": "2027", "half": "1", "deadline": "2027-06-20", "is_open": "y"})
    assert response.status_code == 303 and response.location == "/admin/periods"
    period = find(app, Period, code="2027-H1")
    assert (period.year, period.half, period.deadline.isoformat(), period.is_open) == (2027, 1, "2027-06-20", True)
    listing = admin.get("/admin/periods").get_data(as_text=True)
    assert 'id="period-2027-H1"' in listing
    assert "2027-H1" in text_of(admin.get("/units/rudny"))  # the schools' deadline tables list it


INVALID_PERIODS = [
    pytest.param({"year": "2026", "half": "1"}, {"half"}, id="half-year-exists"),
    pytest.param({"half": "2", "deadline": "2027-06-30"}, {"deadline"}, id="deadline-before-start"),
    pytest.param({"deadline": "2026-12-31"}, {"deadline"}, id="deadline-in-the-year-before"),
    pytest.param({"deadline": "31.06.2027"}, {"deadline"}, id="deadline-not-a-date"),
    pytest.param({"year": "99999"}, {"year"}, id="year-out-of-range"),
    pytest.param({"year": "-5"}, {"year"}, id="year-negative"),
    pytest.param({"year": "next"}, {"year"}, id="year-not-a-number"),
    pytest.param({"half": "3"}, {"half"}, id="no-third-half"),
]


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("overrides, errors", INVALID_PERIODS)
def test_invalid_half_year_is_refused_with_the_input_kept(app, as_user, overrides, errors, htmx):
    data = {"year": "2027", "half": "1", "deadline": "2027-06-20", "is_open": "y", **overrides}
    response = as_user("admin", htmx=htmx).post("/admin/periods/new", data=data)
    assert_form_answer(response, htmx=htmx, errors=errors)
    kept = {key: value for key, value in data.items() if key != "is_open" and value != "3"}
    assert_kept(response, kept)
    assert count(app, Period) == 6


def test_editing_a_half_year_changes_its_deadline_only_within_the_half(app, admin):
    url = "/admin/periods/2026-H2"
    values = form_values(admin.get(url))
    assert values["deadline"] == "2026-12-20" and "year" not in values and "half" not in values
    response = submit(admin, url, deadline="2026-06-30")
    assert_form_answer(response, htmx=False, errors={"deadline"})
    assert submit(admin, url, deadline="2026-12-25", year="2030").status_code == 303
    period = find(app, Period, code="2026-H2")
    assert (period.year, period.deadline.isoformat(), period.is_open) == (2026, "2026-12-25", True)


def test_toggling_a_half_year_with_htmx_answers_its_row(app, admin_htmx):
    response = admin_htmx.post("/admin/periods/2026-H1/open", data={"open": "0"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" not in html and html.strip().startswith('<tr id="period-2026-H1">')
    assert 'name="open" value="1"' in html and 'role="status"' in html  # now offers to reopen
    assert "period-2026-H2" not in html
    assert find(app, Period, code="2026-H1").is_open is False

    html = admin_htmx.post("/admin/periods/2026-H1/open", data={"open": "1"}).get_data(as_text=True)
    assert 'name="open" value="0"' in html
    assert find(app, Period, code="2026-H1").is_open is True


def test_toggling_a_half_year_without_htmx_redirects_to_the_list(app, admin):
    response = admin.post("/admin/periods/2024-H1/open", data={"open": "1"})
    assert response.status_code == 303 and response.location == "/admin/periods"
    assert find(app, Period, code="2024-H1").is_open is True
    row = re.search(r'<tr id="period-2024-H1">.*?</tr>', admin.get("/admin/periods").get_data(as_text=True), re.S)
    assert 'name="open" value="0"' in row.group(0)
    assert admin.post("/admin/periods/2024-H1/open", data={"open": "0"}).status_code == 303
    assert find(app, Period, code="2024-H1").is_open is False


# --- Audit log --------------------------------------------------------------------------------------


def test_creating_and_editing_a_unit_is_audited_with_old_and_new_values(app, admin):
    assert admin.post("/admin/units/new", data=school_form(app)).status_code == 303
    school_id = unit_id(app, "rudny-20")
    (created,) = audit_events(app, object_type="org_unit", object_id=str(school_id))
    assert (created.actor, created.action, created.object_label) == ("admin", "create", "rudny-20")
    assert created.user_id == user_id(app, "admin") and created.org_unit_id == school_id
    assert created.changes["code"] == [None, "rudny-20"]
    assert created.changes["path"] == [None, "/kostanay/rudny/rudny-20/"]

    old_name = "Б.Майлин атындағы №7 мектеп-гимназиясы"
    assert submit(admin, f"/admin/units/{unit_id(app, 'rudny-7')}", name_kk="№7 гимназия").status_code == 303
    (updated,) = audit_events(app, object_type="org_unit", action="update")
    assert (updated.actor, updated.object_label) == ("admin", "rudny-7")
    assert updated.changes == {"name_kk": [old_name, "№7 гимназия"]}  # only what changed, no "" for NULL

    text = text_of(admin.get("/admin/audit"))
    assert f"name_kk : {old_name} → №7 гимназия" in text


def test_moving_a_school_is_audited_as_a_parent_and_path_change(app, admin):
    assert submit(admin, f"/admin/units/{unit_id(app, 'rudny-7')}",
                  parent_id=str(unit_id(app, "lisakovsk"))).status_code == 303
    (moved,) = audit_events(app, object_type="org_unit", action="update")
    assert moved.changes == {"parent_id": [unit_id(app, "rudny"), unit_id(app, "lisakovsk")],
                             "path": ["/kostanay/rudny/rudny-7/", "/kostanay/lisakovsk/rudny-7/"]}


def test_user_changes_are_audited_with_passwords_masked(app, admin):
    assert admin.post("/admin/users/new", data=user_form(app)).status_code == 303
    (created,) = audit_events(app, object_type="user_account", action="create", actor="admin")
    assert created.actor == "admin" and created.object_label == "rudny-7-deputy"
    assert created.changes["password_hash"] == [None, "•••"]
    assert created.changes["role"] == [None, "school"]

    url = f"/admin/users/{user_id(app, 'rudny-7-deputy')}"
    assert submit(admin, url, password="another secret").status_code == 303
    assert submit(admin, url, full_name="Әлиева Д.Н.").status_code == 303
    password_change, rename = audit_events(app, object_type="user_account", action="update", actor="admin")
    assert password_change.changes == {"password_hash": ["•••", "•••"]}
    assert rename.changes == {"full_name": ["Әлиева Д.", "Әлиева Д.Н."]}

    page = admin.get("/admin/audit").get_data(as_text=True)
    assert "•••" in page and "rudny-7-deputy" in page
    assert "scrypt" not in page and "another secret" not in page and "correct horse" not in page
    with app.app_context():
        every_change = str(db.session.scalars(db.select(AuditEvent.changes)).all())
    assert "scrypt" not in every_change


def test_toggling_a_period_is_audited(app, admin):
    admin.post("/admin/periods/2026-H1/open", data={"open": "0"})
    (event,) = audit_events(app, object_type="period", action="update")
    assert (event.actor, event.object_label, event.changes) == ("admin", "2026-H1", {"is_open": [True, False]})


def test_audit_log_lists_the_newest_first_and_filters_by_type(app, admin):
    admin.post("/admin/periods/2026-H1/open", data={"open": "0"})
    submit(admin, f"/admin/units/{unit_id(app, 'rudny')}", head_name="Жаңа басшы")
    page = admin.get("/admin/audit")
    text = text_of(page)
    assert text.index("Жаңа басшы") < text.index("is_open")  # newest first
    assert "?type=org_unit" in page.get_data(as_text=True)

    filtered = admin.get("/admin/audit?type=period")
    html = filtered.get_data(as_text=True)
    assert "2026-H1" in html and "is_open" in html
    links = set(re.findall(r'href="/admin/audit\?type=([\w-]+)"', html))
    assert links == {"period"}
    assert "Жаңа басшы" not in html


def test_audit_log_pages_through_older_entries(app, admin):
    with app.app_context():
        db.session.add_all(AuditEvent(actor="load-test", action="update", object_type="period",
                                      object_label=f"event-{n}", changes={}) for n in range(150))
        db.session.commit()
        total = db.session.scalar(db.select(db.func.count(AuditEvent.id)).where(AuditEvent.object_type == "period"))
    first = admin.get("/admin/audit?type=period").get_data(as_text=True)
    assert first.count("<tr>") == 101  # the header row and a full page
    assert "event-149" in first and "event-40" not in first
    older = re.search(r'href="(/admin/audit\?before=\d+&amp;type=period)"', first).group(1).replace("&amp;", "&")
    second = admin.get(older).get_data(as_text=True)
    assert second.count("<tr>") == 1 + total - 100
    assert "event-40" in second and "event-149" not in second
    assert 'href="/admin/audit?before=' not in second  # nothing older
