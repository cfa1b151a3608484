"""Saving never loses or silently overwrites typing (issue 9): field-level saves and conflicts, partial saves
beside an invalid field, row versions, idempotent adds and workflow steps, signed-out and expired-token answers
that keep the page, and races of twin requests against the live server (SQLite and PostgreSQL)."""

import http.cookiejar
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from support import app_config, reset_database
from test_sections import BASE, PERSONNEL, add_disciplinary, entry_of, make_ready, submission_of

from webapp import create_app
from webapp.blueprints.personnel.models import DisciplinaryAction
from webapp.extensions import db
from webapp.reporting.models import SectionEntry, Status

JSON = {"Accept": "application/json"}


@pytest.fixture
def school(as_user):
    client = as_user("rudny-7")
    assert client.post(f"{BASE}/start", data={}).status_code == 303
    return client


def autosave(client, url, **fields):
    """What the page's script sends: only the changed fields, each with the value it last knew as saved."""
    data = {"_fields": list(fields)}
    for name, (value, *bases) in fields.items():
        data[name] = value
        data[f"_base-{name}"] = bases or [""]
    return client.post(url, data=data, headers=JSON)


def test_saving_one_field_never_overwrites_another_saved_elsewhere(school, as_user):
    second_tab = as_user("rudny-7")
    first = autosave(school, PERSONNEL + "/narrative", risks=("Конкурс",))
    assert first.status_code == 200 and first.json["saved"] == ["risks"]
    assert 'id="section-status"' in first.json["status_html"] and re.fullmatch(r"\d\d:\d\d", first.json["saved_at"])
    # The other tab opened the page before that save and types into a different field: both are kept.
    other = autosave(second_tab, PERSONNEL + "/narrative", basis=("Штат",))
    assert other.status_code == 200 and other.json["version"] == first.json["version"] + 1
    entry = entry_of(school.application, "personnel")
    assert (entry.risks, entry.basis, entry.version) == ("Конкурс", "Штат", other.json["version"])


def test_the_same_field_changed_in_two_tabs_is_a_conflict_and_nothing_is_lost(school, as_user, app):
    second_tab = as_user("rudny-7")
    autosave(school, PERSONNEL + "/narrative", risks=("Біріншінің мәтіні",))
    clash = autosave(second_tab, PERSONNEL + "/narrative", risks=("Екіншінің мәтіні",), basis=("Негіздеме",))
    assert clash.status_code == 409
    assert clash.json["conflicts"] == {"risks": {"theirs": "Біріншінің мәтіні", "text": "Біріншінің мәтіні"}}
    assert clash.json["saved"] == ["basis"]  # the untouched field still saves
    assert entry_of(app, "personnel").risks == "Біріншінің мәтіні"
    # The clerk chooses to keep theirs: sent again with the other text as the known base, it is saved.
    kept = autosave(second_tab, PERSONNEL + "/narrative", risks=("Екіншінің мәтіні", "Біріншінің мәтіні"))
    assert kept.status_code == 200 and entry_of(app, "personnel").risks == "Екіншінің мәтіні"
    # A retry after a lost answer sends every value the server may hold: its own earlier one is no conflict.
    retry = autosave(second_tab, PERSONNEL + "/narrative", risks=("Үшінші", "Біріншінің мәтіні", "Екіншінің мәтіні"))
    assert retry.status_code == 200 and entry_of(app, "personnel").risks == "Үшінші"


def test_figures_conflict_by_value_not_by_spelling(school, as_user, app):
    autosave(school, PERSONNEL + "/facts", teachers_total=("1076",))
    same = autosave(school, PERSONNEL + "/facts", teachers_total=("1 080", "1 076"))  # base as the input shows it
    assert same.status_code == 200 and entry_of(app, "personnel").facts["teachers_total"] == 1080
    stale = autosave(as_user("rudny-7"), PERSONNEL + "/facts", teachers_total=("70", "1076"))
    assert stale.status_code == 409 and stale.json["conflicts"]["teachers_total"]["theirs"] == "1080"


def test_an_invalid_field_is_refused_and_the_valid_ones_beside_it_are_saved(school, app):
    response = autosave(school, PERSONNEL + "/facts", teachers_total=("63,5",), support_staff_total=("20",),
                        teachers_higher_education=("55",))
    assert response.status_code == 422
    assert list(response.json["errors"]) == ["teachers_total"]
    assert sorted(response.json["saved"]) == ["support_staff_total", "teachers_higher_education"]
    facts = entry_of(app, "personnel").facts
    assert facts.get("teachers_total") is None and facts["support_staff_total"] == 20
    assert facts["teachers_higher_education"] == 55


def test_a_plain_form_post_from_an_older_page_shows_the_conflict_and_keeps_the_typing(school, as_user, app):
    autosave(school, PERSONNEL + "/narrative", risks=("Жаңа мәтін",))
    response = as_user("rudny-7").post(PERSONNEL + "/narrative", data={"_version": "0", "risks": "Ескі бет"})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    version = entry_of(app, "personnel").version
    assert "Ескі бет</textarea>" in html and "Жаңа мәтін" in html and f'name="_version" value="{version}"' in html
    assert entry_of(app, "personnel").risks == "Жаңа мәтін"


def test_a_row_edited_or_removed_from_an_older_page_is_refused_with_both_versions(school, app):
    school.environ_base["HTTP_HX_REQUEST"] = "true"
    add_disciplinary(school)
    with app.app_context():
        row_id = db.session.scalar(db.select(DisciplinaryAction.id))
    url = f"{PERSONNEL}/rows/disciplinary/{row_id}"
    fields = {f"disciplinary-{row_id}-penalty": "warning", f"disciplinary-{row_id}-order_number": "77",
              f"disciplinary-{row_id}-order_date": "11.10.2026"}
    first = school.post(url, data={**fields, "_version": "1", f"disciplinary-{row_id}-person": "Бірінші"})
    assert first.status_code == 200 and 'name="_version" value="2"' in first.get_data(as_text=True)
    late = school.post(url, data={**fields, "_version": "1", f"disciplinary-{row_id}-person": "Екінші"})
    html = late.get_data(as_text=True)
    assert late.status_code == 409 and "Бірінші" in html and 'value="Екінші"' in html
    assert 'name="_version" value="2"' in html  # saving from here keeps the clerk's values on purpose
    refused = school.post(f"{url}/delete", data={"_version": "1"})
    assert refused.status_code == 409 and "Бірінші" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(DisciplinaryAction, row_id).person == "Бірінші"
    assert school.post(f"{url}/delete", data={"_version": "2"}).status_code == 200
    again = school.post(f"{url}/delete", data={"_version": "2"})  # a retry after a lost answer
    assert again.status_code == 200
    with app.app_context():
        assert db.session.get(DisciplinaryAction, row_id) is None


def bases_of(html: str) -> dict:
    """The row as an edit form showed it: its `_bases` field."""
    return json.loads(re.search(r"name=\"_bases\" value='([^']*)'", html).group(1).replace("&#34;", '"'))


def test_a_row_edit_writes_the_fields_it_changed_and_a_field_both_changed_is_the_one_conflict(school, app):
    """The edit form carries the row as it showed it (`_base-` fields): a plain post and htmx alike write only
    what the clerk changed; another tab's change to another field stays; a field both changed is answered 409."""
    add_disciplinary(school)
    with app.app_context():
        row_id = db.session.scalar(db.select(DisciplinaryAction.id))
    url = f"{PERSONNEL}/rows/disciplinary/{row_id}"
    name = f"disciplinary-{row_id}-".__add__
    shown = {name("person"): "Айназарова Ж", name("penalty"): "warning", name("order_number"): "77",
             name("order_date"): "11.10.2026"}
    form = school.get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert shown.items() <= bases_of(form).items()

    def sent(**values):
        return {"_bases": json.dumps({**shown, **values})}

    bases = sent()

    other_tab = school.post(url, data={**shown, **bases, name("order_number"): "78"})  # no script: a page back
    assert other_tab.status_code == 303
    this_tab = school.post(url, data={**shown, **bases, name("person"): "Бірінші"}, headers={"HX-Request": "true"})
    assert this_tab.status_code == 200 and "<html" not in this_tab.get_data(as_text=True)
    with app.app_context():
        row = db.session.get(DisciplinaryAction, row_id)
        assert (row.person, row.order_number) == ("Бірінші", "78")

    clash = school.post(url, data={**shown, **bases, name("person"): "Екінші", name("penalty"): "reprimand"},
                        headers={"HX-Request": "true"})
    html = clash.get_data(as_text=True)
    assert clash.status_code == 409 and "<html" not in html
    assert "«Бірінші»" in html and 'value="Екінші"' in html  # theirs named beside the clerk's own
    order_number = re.search(rf'<input[^>]*name="{name("order_number")}"[^>]*>', html).group(0)
    assert 'value="78"' in order_number, order_number  # untouched here: theirs stays
    assert bases_of(html)[name("person")] == "Бірінші"
    assert f'name="_theirs" value="{name("person")}"' in html
    with app.app_context():
        assert db.session.get(DisciplinaryAction, row_id).penalty == "warning"  # nothing written yet
    page = school.post(url, data={**shown, **bases, name("person"): "Екінші"})  # the same, as a whole page
    assert page.status_code == 409 and "<html" in page.get_data(as_text=True)

    now = sent(**{name("person"): "Бірінші", name("order_number"): "78"})
    theirs = school.post(url, data={**shown, **now, name("person"): "Екінші", name("penalty"): "reprimand",
                                    name("order_number"): "78", "_theirs": name("person")},
                         headers={"HX-Request": "true"})
    assert theirs.status_code == 200
    with app.app_context():
        row = db.session.get(DisciplinaryAction, row_id)
        assert (row.person, row.penalty, row.order_number) == ("Бірінші", "reprimand", "78")


def test_the_same_row_add_sent_twice_adds_one_row(school, app, as_user):
    school.environ_base["HTTP_HX_REQUEST"] = "true"
    first = add_disciplinary(school, _request_key="k-4f1c2a")
    second = add_disciplinary(school, _request_key="k-4f1c2a")
    assert first.status_code == second.status_code == 200
    row_ids = [re.search(r'id="row-disciplinary-(\d+)"', r.get_data(as_text=True)).group(1) for r in (first, second)]
    assert row_ids[0] == row_ids[1]
    add_disciplinary(school, _request_key="k-other")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(DisciplinaryAction)) == 2
    # Another school replaying the key gets nothing of rudny-7's.
    intruder = as_user("rudny-1", htmx=True)
    intruder.post("/schools/rudny-1/2026-H2/start", data={})
    stolen = intruder.post("/schools/rudny-1/2026-H2/personnel/rows/disciplinary",
                           data={"_request_key": "k-4f1c2a", "disciplinary-person": "X"})
    assert stolen.status_code == 404


def test_twin_workflow_steps_do_the_step_once_and_never_fail(school, app, as_user):
    assert school.post(f"{BASE}/start", data={}).status_code == 303  # started already: the same result
    make_ready(app)
    assert school.post(f"{BASE}/submit").status_code == 303
    assert school.post(f"{BASE}/submit").status_code == 303
    department = as_user("rudny")
    reasons = {"decision": "return", "reason-personnel": "Тексеріңіз."}
    assert department.post(f"{BASE}/review", data=reasons).status_code == 303
    assert department.post(f"{BASE}/review", data=reasons).status_code == 303
    assert submission_of(app).status is Status.RETURNED
    make_ready(app)
    school.post(f"{BASE}/submit")
    assert department.post(f"{BASE}/review", data={"decision": "accept"}).status_code == 303
    assert department.post(f"{BASE}/review", data={"decision": "accept"}).status_code == 303
    assert submission_of(app).status is Status.ACCEPTED


# --- Signed out, expired tokens -------------------------------------------------------------------

def test_a_signed_out_page_is_told_so_and_never_redirected(client, as_user):
    school = as_user("rudny-7")
    school.post(f"{BASE}/start", data={})
    school.post("/logout")
    for headers in ({"HX-Request": "true"}, JSON):
        response = school.post(PERSONNEL + "/facts", data={"teachers_total": "5"}, headers=headers)
        assert response.status_code == 401 and response.json["error"] == "signed_out"
        assert "Location" not in response.headers and "HX-Refresh" not in response.headers
    plain = school.post(f"{BASE}/submit")
    assert plain.status_code == 302 and "/login?next=" in plain.location


def test_logging_in_after_a_post_only_address_lands_on_its_page(client):
    for target, page in [(f"{BASE}/submit", f"{BASE}/"), (f"{PERSONNEL}/rows/disciplinary", f"{PERSONNEL}/"),
                         (f"{PERSONNEL}/rows/disciplinary/7/delete", f"{PERSONNEL}/rows/disciplinary/7"),
                         ("/units/rudny-7", "/units/rudny-7")]:
        response = client.post(f"/login?next={urllib.parse.quote(target)}",
                               data={"username": "rudny-7", "password": "demo", "next": target})
        assert response.status_code == 303 and response.location == page, target
        client.post("/logout")


@pytest.fixture
def csrf_app(tmp_path):
    app = create_app(app_config(WTF_CSRF_ENABLED=True, WTF_CSRF_TIME_LIMIT=1), instance_path=str(tmp_path))
    reset_database(app)
    return app


def test_an_expired_token_is_refreshed_and_the_dialog_signs_in_without_leaving(csrf_app, monkeypatch):
    import time

    client = csrf_app.test_client()
    token = client.get("/csrf-token").json["token"]
    signed_in = client.post("/login", data={"username": "rudny-7", "password": "demo"},
                            headers={**JSON, "X-CSRFToken": token})
    assert signed_in.status_code == 200 and signed_in.json["ok"] and signed_in.json["token"]
    token = signed_in.json["token"]  # the session's token changes at login: the page takes the new one
    again = client.post("/login", data={"username": "rudny-7", "password": "x"}, headers={**JSON, "X-CSRFToken": token})
    assert again.status_code == 200 and again.json["ok"]  # already signed in: nothing to do
    client.post(f"{BASE}/start", data={"csrf_token": token})
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 5)  # the page was left open past the token's life
    expired = client.post(PERSONNEL + "/facts", data={"teachers_total": "5"}, headers={**JSON, "X-CSRFToken": token})
    assert expired.status_code == 403 and expired.headers["X-Auth-Problem"] == "csrf"
    fresh = client.get("/csrf-token")
    assert fresh.headers["Cache-Control"] == "no-store"
    saved = client.post(PERSONNEL + "/facts", data={"teachers_total": "5"},
                        headers={**JSON, "X-CSRFToken": fresh.json["token"]})
    assert saved.status_code == 200 and entry_of(csrf_app, "personnel").facts["teachers_total"] == 5


# --- Twin requests at the same instant, against the live server ------------------------------------

class Browser:
    """A minimal cookie-keeping HTTP client for the live server (urllib; one per simulated browser)."""

    def __init__(self, base: str):
        self.base = base
        # The session cookie is Secure; like Chromium, treat the local server as a secure origin.
        jar = http.cookiejar.CookieJar(LocalIsSecure())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
        self.token = None

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path) as response:
            return response.read().decode()

    def post(self, path: str, data: dict, headers: dict | None = None) -> int:
        request = urllib.request.Request(self.base + path, data=urllib.parse.urlencode(data, doseq=True).encode(),
                                         headers={"X-CSRFToken": self.token or "", **(headers or {})})
        try:
            with self.opener.open(request) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def log_in(self, username: str) -> None:
        self.token = json.loads(self.get("/csrf-token"))["token"]
        assert self.post("/login", {"username": username, "password": "demo"}) == 303
        self.token = json.loads(self.get("/csrf-token"))["token"]


class LocalIsSecure(http.cookiejar.DefaultCookiePolicy):
    def return_ok_secure(self, cookie, request):
        return True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def at_once(*calls) -> list:
    """Run the calls in threads released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_twin_starts_and_first_saves_at_the_same_instant_never_fail(live_server, live_app, live_data):
    tabs = [Browser(live_server), Browser(live_server)]
    for tab in tabs:
        tab.log_in("rudny-7")
    starts = at_once(*[lambda tab=tab: tab.post(f"{BASE}/start", {"carry_over": "y"}) for tab in tabs])
    assert starts == [303, 303]
    media = f"{BASE}/media"
    saves = at_once(lambda: tabs[0].post(f"{media}/narrative", {"_fields": "risks", "risks": "Жарияланым",
                                                                "_base-risks": ""}, JSON),
                    lambda: tabs[1].post(f"{media}/facts", {"_fields": "negative_publications",
                                                            "negative_publications": "2",
                                                            "_base-negative_publications": ""}, JSON))
    assert saves == [200, 200]
    adds = at_once(*[lambda tab=tab: tab.post(f"{PERSONNEL}/rows/disciplinary", {
        "_request_key": "twin-click", "disciplinary-person": "Айназарова Ж", "disciplinary-penalty": "warning",
        "disciplinary-order_number": "77", "disciplinary-order_date": "11.10.2026"}, {"HX-Request": "true"})
        for tab in tabs])
    assert adds == [200, 200]
    with live_app.app_context():
        entries = db.session.scalars(db.select(SectionEntry).filter_by(section="media")).all()
        assert len(entries) == 1
        assert (entries[0].risks, entries[0].facts["negative_publications"]) == ("Жарияланым", 2)
        assert db.session.scalar(db.select(db.func.count()).select_from(DisciplinaryAction)) == 1
        from webapp.reporting.figures import SubmissionFigures
        figures = db.session.scalars(db.select(SubmissionFigures)).one()
        assert figures.section_states["media"] in ("missing", "errors", "filled")
