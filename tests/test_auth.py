"""Logging in and out, the generic error, rate limiting, CSRF and the session cookie."""

import pytest
from support import app_config, login, reset_database, text_of

from webapp import create_app
from webapp.extensions import db
from webapp.models import AuditEvent, User


def test_login_page_has_the_named_fields(client):
    page = client.get("/login")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'name="username"' in html and 'name="password"' in html


def test_school_logs_in_and_lands_on_its_home(client):
    response = login(client, "rudny-7")
    assert response.status_code == 303
    home = client.get("/", follow_redirects=True)
    assert home.request.path == "/units/rudny-7"
    assert "Б.Майлин атындағы №7 мектеп-гимназиясы" in text_of(home)


def test_username_is_case_and_space_insensitive(client):
    assert login(client, "  Rudny-7 ").status_code == 303


@pytest.mark.parametrize("username, password", [("rudny-7", "wrong"), ("nobody", "demo"), ("rudny-7", "")])
def test_wrong_credentials_get_one_generic_message(client, username, password):
    response = login(client, username, password)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'value="' + username.strip() + '"' in html or not username  # typed username kept
    assert client.get("/units/rudny-7").status_code == 302  # still not logged in


def test_unknown_user_and_wrong_password_read_the_same(client):
    wrong_password = text_of(login(client, "rudny-7", "nope"))
    unknown_user = text_of(login(client, "ghost", "nope"))
    assert wrong_password.replace("rudny-7", "ghost") == unknown_user


def test_inactive_account_cannot_log_in(app, client):
    with app.app_context():
        db.session.execute(db.update(User).where(User.username == "rudny-1").values(active=False))
        db.session.commit()
    assert login(client, "rudny-1").status_code == 422


def test_repeated_failures_are_rate_limited_with_a_clear_message(client):
    for _ in range(5):
        assert login(client, "rudny-7", "bad").status_code == 422
    blocked = login(client, "rudny-7", "demo")  # even the right password waits now
    assert blocked.status_code == 429
    assert 'name="username"' in blocked.get_data(as_text=True)
    assert "Retry-After" in blocked.headers
    # Another account from the same address is not locked by these failures.
    assert login(client, "rudny-1", "demo").status_code == 303


def test_successful_logins_do_not_count_towards_the_limit(app):
    for _ in range(8):
        client = app.test_client()
        assert login(client, "rudny-7").status_code == 303


def test_logout_ends_the_session(as_user):
    client = as_user("rudny-7")
    assert client.get("/units/rudny-7").status_code == 200
    response = client.post("/logout")
    assert response.status_code == 303 and response.location.endswith("/login")
    assert client.get("/units/rudny-7").status_code == 302


def test_logout_needs_post(as_user):
    assert as_user("rudny-7").get("/logout").status_code == 405


def test_next_parameter_only_allows_local_paths(client):
    ok = client.post("/login?next=/units/rudny-7", data={"username": "rudny-7", "password": "demo",
                                                          "next": "/units/rudny-7"})
    assert ok.location.endswith("/units/rudny-7")
    client.post("/logout")
    evil = client.post("/login", data={"username": "rudny-7", "password": "demo", "next": "//evil.example/x"})
    assert evil.location.endswith("/")
    assert "evil" not in evil.location


def test_anonymous_pages_redirect_to_login(client):
    response = client.get("/units/rudny-7")
    assert response.status_code == 302 and "/login" in response.location


def test_login_and_logout_are_audited(app, as_user):
    client = as_user("rudny-7")
    client.post("/logout")
    with app.app_context():
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.actor == "rudny-7").order_by(AuditEvent.id)
        ).all()
    assert actions == ["login", "logout"]


def test_passwords_are_stored_as_scrypt_hashes(app):
    with app.app_context():
        user = db.session.execute(db.select(User).filter_by(username="rudny-7")).scalar_one()
        assert user.password_hash.startswith("scrypt:")
        assert "demo" not in user.password_hash


def test_session_cookie_is_httponly_lax_and_secure(client):
    response = login(client, "rudny-7")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


@pytest.fixture
def csrf_app(tmp_path):
    app = create_app(app_config(WTF_CSRF_ENABLED=True), instance_path=str(tmp_path))
    reset_database(app)
    return app


def test_post_without_csrf_token_is_rejected(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/login", data={"username": "rudny-7", "password": "demo"})
    assert response.status_code == 400


def test_csrf_token_in_form_or_htmx_header_is_accepted(csrf_app):
    import re

    client = csrf_app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      client.get("/login").get_data(as_text=True)).group(1)
    response = client.post("/login", data={"username": "rudny", "password": "demo", "csrf_token": token})
    assert response.status_code == 303
    # htmx sends the token as a header (hx-headers on <body>), also for requests without a form body.
    page = client.get("/units/rudny").get_data(as_text=True)
    header_token = re.search(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', page).group(1)
    rejected = client.post("/units/rudny/deadlines/2026-H2", data={"deadline": "2026-12-10"},
                           headers={"HX-Request": "true"})
    # Never a page reload (typed work would go): the page's script is told to fetch a fresh token.
    assert rejected.status_code == 403 and rejected.headers.get("X-Auth-Problem") == "csrf"
    assert "HX-Refresh" not in rejected.headers
    accepted = client.post("/units/rudny/deadlines/2026-H2", data={"deadline": "2026-12-10"},
                           headers={"HX-Request": "true", "X-CSRFToken": header_token})
    assert accepted.status_code == 200


def test_non_debug_apps_mark_cookies_secure_and_debug_apps_do_not(tmp_path, monkeypatch):
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    assert create_app(instance_path=str(tmp_path)).config["SESSION_COOKIE_SECURE"] is True
    monkeypatch.setenv("FLASK_DEBUG", "1")
    assert create_app(instance_path=str(tmp_path)).config["SESSION_COOKIE_SECURE"] is False


def test_the_sign_in_dialog_says_which_account_signed_in_and_can_take_the_session_to_another(as_user):
    """A page's dialog learns the account signed in (a page opened as rudny-7 tells the clerk rudny-3 cannot save
    there); signed in as rudny-3 in another tab, the dialog signs in as the page's account instead of answering
    «ok» for rudny-3 (the save then said «Not saved: 404»)."""
    client = as_user("rudny-3")
    json = {"Accept": "application/json"}
    same = client.post("/login", data={"username": "rudny-3", "password": "demo"}, headers=json)
    assert same.status_code == 200 and same.get_json()["username"] == "rudny-3"
    other = client.post("/login", data={"username": "rudny-7", "password": "demo"}, headers=json)
    assert other.status_code == 200 and other.get_json()["username"] == "rudny-7"
    assert client.get("/units/rudny-7").status_code == 200
    wrong = client.post("/login", data={"username": "rudny-3", "password": "nope"}, headers=json)
    assert wrong.status_code == 422 and wrong.get_json()["ok"] is False
