"""The public cycle: announcement and citizens' proposals (anonymous page, abuse resistance, moderation),
access for the school, its department and other units."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from support import app_config, count_queries, text_of, with_demo_cycles

from webapp import create_app
from webapp.blueprints.cycle.models import Cycle, Proposal, ProposalState
from webapp.extensions import db, limiter
from webapp.models import AuditEvent

PUBLIC = "/open/rudny-7/2026-H2/"
STAFF = "/schools/rudny-7/2026-H2/cycle/"
ANNOUNCEMENT = {"analysis_from": "2026-11-02", "analysis_to": "2026-12-18", "order_number": "301",
                "order_date": "30.10.2026", "scope": "Кадрлар, мемлекеттік сатып алу, мемлекеттік қызметтер",
                "contacts": "Тел. +7 714 315 00 07, rudny7@example.kz",
                "proposals_until": (date.today() + timedelta(days=20)).isoformat()}
PROPOSAL = {"text": "Асхана үшін азық-түлік сатып алуды ашық өткізіңіз.", "author_name": "Серікова Гүлнар",
            "contact": "gulnar@example.kz", "consent": "y"}


@pytest.fixture
def announced(as_user):
    """rudny-7 has announced its 2026-H2 analysis; returns the school's client."""
    school = as_user("rudny-7")
    response = school.post(STAFF, data=ANNOUNCEMENT)
    assert response.status_code == 303, response.get_data(as_text=True)
    return school


def proposals_in_db(app) -> list[Proposal]:
    with app.app_context():
        return db.session.scalars(select(Proposal).order_by(Proposal.id)).all()


# --- Announcement -----------------------------------------------------------------------------------

def test_public_page_does_not_exist_before_the_announcement(client, as_user):
    assert client.get(PUBLIC).status_code == 404
    assert as_user("rudny-7").get(STAFF).status_code == 200  # the school's own page to announce it


def test_school_announces_and_anyone_reads_it_without_an_account(announced, client):
    page = client.get(PUBLIC)
    assert page.status_code == 200
    text = text_of(page)
    assert "№301" in text and "30.10.2026" in text
    assert "Кадрлар, мемлекеттік сатып алу" in text
    assert "2026 ж. 2 қараша – 2026 ж. 18 желтоқсан" in text
    assert 'name="website"' in page.get_data(as_text=True)  # the honeypot is there, hidden by CSS
    assert '<html lang="kk">' in page.get_data(as_text=True)
    russian = client.get(PUBLIC, headers={"Accept-Language": "ru"})
    assert "Объявление" in text_of(russian)


def test_invalid_announcement_comes_back_with_errors_and_nothing_saved(app, as_user):
    school = as_user("rudny-7")
    bad = {**ANNOUNCEMENT, "analysis_to": "2026-10-01", "order_number": " "}
    response = school.post(STAFF, data=bad)
    assert response.status_code == 422
    text = text_of(response)
    assert "Аяқталу күні басталу күнінен бұрын." in text
    assert 'value="2026-10-01"' in response.get_data(as_text=True)  # typed values kept
    with app.app_context():
        assert db.session.scalars(select(Cycle)).all() == []
    fragment = as_user("rudny-7", htmx=True).post(STAFF, data=bad)
    assert fragment.status_code == 422 and "<html" not in fragment.get_data(as_text=True)
    assert "HX-Request" in fragment.headers["Vary"]


def test_announcing_is_audited(app, announced):
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).filter_by(object_type="cycle")).all()
        assert [e.action for e in events] == ["create"]
        assert events[0].changes["order_number"] == [None, "301"]


# --- Proposals --------------------------------------------------------------------------------------

def test_citizen_sends_a_proposal_and_it_is_never_shown_publicly(app, announced, client):
    response = client.post(PUBLIC, data=PROPOSAL)
    assert response.status_code == 303 and response.location.endswith("/open/rudny-7/2026-H2/sent")
    assert "ұсынысыңыз жіберілді" in text_of(client.get(response.location))
    [proposal] = proposals_in_db(app)
    assert proposal.state is ProposalState.NEW and proposal.author_name == "Серікова Гүлнар"
    for url in (PUBLIC, PUBLIC + "sent"):
        html = client.get(url).get_data(as_text=True)
        assert "Асхана" not in html and "gulnar@example.kz" not in html and "Серікова" not in html
    with app.app_context():  # the audit log knows a proposal came, not who wrote what
        event = db.session.scalars(select(AuditEvent).filter_by(object_type="cycle_proposal")).one()
        assert event.actor == "system"
        assert "text" not in event.changes and "contact" not in event.changes and "author_name" not in event.changes


def test_name_and_contact_need_consent_and_the_text_is_kept(app, announced, client):
    response = client.post(PUBLIC, data={**PROPOSAL, "consent": ""})
    assert response.status_code == 422
    assert "келісім" in text_of(response).lower()
    assert "Асхана үшін азық-түлік" in response.get_data(as_text=True)  # what the citizen typed stays
    assert proposals_in_db(app) == []
    anonymous = client.post(PUBLIC, data={"text": "Анонимді ұсыныс"})
    assert anonymous.status_code == 303
    [proposal] = proposals_in_db(app)
    assert proposal.author_name is None and proposal.contact is None


def test_empty_proposal_is_refused_with_the_error_next_to_the_field(announced, client):
    response = client.post(PUBLIC, data={"text": "  "})
    assert response.status_code == 422
    assert 'id="text-error"' in response.get_data(as_text=True)
    fragment = client.post(PUBLIC, data={"text": ""}, headers={"HX-Request": "true"})
    assert fragment.status_code == 422
    html = fragment.get_data(as_text=True)
    assert "<html" not in html and html.lstrip().startswith('<div id="proposal">')


def test_honeypot_filled_by_a_bot_is_thanked_and_dropped(app, announced, client):
    response = client.post(PUBLIC, data={**PROPOSAL, "website": "http://spam.example"})
    assert response.status_code == 303 and response.location.endswith("/sent")
    assert proposals_in_db(app) == []


def test_too_long_proposal_is_refused(app, announced, client):
    response = client.post(PUBLIC, data={"text": "ә" * 3001})
    assert response.status_code == 422
    assert "3000" in text_of(response).replace(" ", "") or "3 000" in text_of(response)
    huge = client.post(PUBLIC, data={"text": "x" * 100_000})
    assert huge.status_code == 413
    assert "3 000" in text_of(huge) or "3,000" in text_of(huge)
    assert proposals_in_db(app) == []
    assert client.post(PUBLIC, data={"text": "ә" * 3000}).status_code == 303  # exactly at the cap is fine
    # Within the character limit whatever the characters: 2,900 emoji are 35 KB once form-encoded.
    assert client.post(PUBLIC, data={**PROPOSAL, "text": "🙂" * 2900}).status_code == 303


def test_html_in_a_proposal_is_shown_as_text_to_the_working_group(announced, client):
    client.post(PUBLIC, data={"text": '<script>alert("x")</script><b>bold</b>'})
    html = announced.get(STAFF + "proposals").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_flood_from_one_address_is_limited(app, announced, client):
    for number in range(5):
        assert client.post(PUBLIC, data={"text": f"Ұсыныс {number}"}).status_code == 303
    limited = client.post(PUBLIC, data={"text": "Алтыншы"})
    assert limited.status_code == 429
    assert "Алтыншы" in limited.get_data(as_text=True)  # the typed text is not lost
    assert len(proposals_in_db(app)) == 5
    other_address = client.post(PUBLIC, data={"text": "Басқа адрестен"}, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other_address.status_code == 303


@pytest.mark.parametrize("address", ["/open/no-such-school/2026-H2/", "/open/rudny-8/2026-H2/"])
def test_floods_and_oversize_posts_without_a_public_page_are_refused_not_500(client, address):
    """A school that does not exist or has announced nothing: 413 and 429 like anywhere (the handlers looked
    the page up again and turned its 404 into a 500)."""
    assert client.post(address, data={"text": "x" * 100_000}).status_code == 413
    assert [client.post(address, data={"text": "x"}).status_code for _ in range(6)] == [404] * 5 + [429]


def test_proposals_close_when_the_school_stops_them_or_the_date_passes(app, announced, client):
    announced.post(STAFF + "proposals/open", data={"open": "0"})
    page = client.get(PUBLIC)
    assert 'name="text"' not in page.get_data(as_text=True)
    assert client.post(PUBLIC, data={"text": "Кеш"}).status_code == 409
    announced.post(STAFF + "proposals/open", data={"open": "1"})
    assert client.post(PUBLIC, data={"text": "Енді болады"}).status_code == 303
    with app.app_context():
        cycle = db.session.scalars(select(Cycle)).one()
        cycle.proposals_until = date.today() - timedelta(days=1)
        db.session.commit()
    assert client.post(PUBLIC, data={"text": "Мерзімнен кейін"}).status_code == 409
    assert len(proposals_in_db(app)) == 1


def test_proposal_form_has_a_csrf_token_and_refuses_posts_without_it(tmp_path):
    from support import reset_database

    app = create_app(app_config(WTF_CSRF_ENABLED=True), instance_path=str(tmp_path / "csrf"))
    reset_database(app)
    with app.app_context():
        from webapp.models import OrgUnit, Period

        school = db.session.scalars(select(OrgUnit).filter_by(code="rudny-7")).one()
        period = db.session.scalars(select(Period).filter_by(code="2026-H2")).one()
        db.session.add(Cycle(school=school, period=period, announced_on=date.today(), proposals_open=True,
                             analysis_from=date.today(), analysis_to=date.today(), order_number="1",
                             order_date=date.today(), scope="—"))
        db.session.commit()
    client = app.test_client()
    page = client.get(PUBLIC).get_data(as_text=True)
    assert 'name="csrf_token"' in page
    assert client.post(PUBLIC, data={"text": "Токенсіз"}).status_code == 400
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    assert client.post(PUBLIC, data={"text": "Токенмен", "csrf_token": token}).status_code == 303
    limiter.reset()


# --- Moderation -------------------------------------------------------------------------------------

def test_working_group_considers_proposals(app, announced, client):
    client.post(PUBLIC, data=PROPOSAL)
    client.post(PUBLIC, data={"text": "Жарнама: арзан несие"})
    first, second = proposals_in_db(app)
    queue = announced.get(STAFF + "proposals")
    text = text_of(queue)
    assert "Асхана үшін" in text and "gulnar@example.kz" in text and "жаңа: 2" in text
    accepted = announced.post(f"{STAFF}proposals/{first.id}",
                              data={f"p{first.id}-decision": "accepted", f"p{first.id}-section": "procurement",
                                    f"p{first.id}-reason": "Мемлекеттік сатып алу бөліміне енгізілді."})
    assert accepted.status_code == 303
    spam = as_htmx(announced).post(f"{STAFF}proposals/{second.id}", data={f"p{second.id}-decision": "spam"})
    assert spam.status_code == 200 and "<html" not in spam.get_data(as_text=True)
    assert f'id="proposal-{second.id}"' in spam.get_data(as_text=True)
    first, second = proposals_in_db(app)
    assert (first.state, first.section) == (ProposalState.ACCEPTED, "procurement")
    assert second.state is ProposalState.SPAM
    with app.app_context():
        changes = [e.changes for e in db.session.scalars(
            select(AuditEvent).filter_by(object_type="cycle_proposal", action="update"))]
        assert {"state": ["new", "accepted"]}.items() <= changes[0].items()


def as_htmx(client):
    client.environ_base["HTTP_HX_REQUEST"] = "true"
    return client


@pytest.mark.parametrize("decision, extra, message", [
    ("rejected", {}, "Неге қабылданбағанын жазыңыз."),
    ("accepted", {}, "Ұсыныс қай бөлімге енгізілгенін көрсетіңіз."),
    ("", {}, "Шешімді таңдаңыз."),
])
def test_a_decision_needs_its_reason_or_section(app, announced, client, decision, extra, message):
    client.post(PUBLIC, data=PROPOSAL)
    [proposal] = proposals_in_db(app)
    data = {f"p{proposal.id}-decision": decision, **extra}
    page = announced.post(f"{STAFF}proposals/{proposal.id}", data=data)
    assert page.status_code == 422 and message in text_of(page)
    fragment = as_htmx(announced).post(f"{STAFF}proposals/{proposal.id}", data=data)
    assert fragment.status_code == 422 and message in text_of(fragment)
    assert proposals_in_db(app)[0].state is ProposalState.NEW


def test_department_reads_the_queue_but_cannot_decide(app, announced, client, as_user):
    client.post(PUBLIC, data=PROPOSAL)
    [proposal] = proposals_in_db(app)
    department = as_user("rudny")
    page = department.get(STAFF + "proposals")
    assert page.status_code == 200 and "Асхана үшін" in text_of(page)
    assert "<form" not in page.get_data(as_text=True).split('id="proposal-')[1]
    assert department.post(f"{STAFF}proposals/{proposal.id}",
                           data={f"p{proposal.id}-decision": "spam"}).status_code == 404
    assert department.post(STAFF, data=ANNOUNCEMENT).status_code == 404


@pytest.mark.parametrize("account", ["rudny-6", "lisakovsk", "lisakovsk-1"])
def test_other_units_get_404(app, announced, client, as_user, account):
    client.post(PUBLIC, data=PROPOSAL)
    [proposal] = proposals_in_db(app)
    other = as_user(account)
    assert other.get(STAFF).status_code == 404
    assert other.get(STAFF + "proposals").status_code == 404
    assert other.post(f"{STAFF}proposals/{proposal.id}", data={f"p{proposal.id}-decision": "spam"}).status_code == 404


def test_a_proposal_of_another_school_answers_404(app, announced, client, as_user):
    client.post(PUBLIC, data=PROPOSAL)
    [proposal] = proposals_in_db(app)
    other_school = as_user("rudny-6")
    other_school.post("/schools/rudny-6/2026-H2/cycle/", data=ANNOUNCEMENT)
    assert other_school.post(f"/schools/rudny-6/2026-H2/cycle/proposals/{proposal.id}",
                             data={f"p{proposal.id}-decision": "spam"}).status_code == 404
    assert proposals_in_db(app)[0].state is ProposalState.NEW


@pytest.mark.parametrize(("sent", "kk", "ru"), [
    (1, "азаматтардан 1 ұсыныс түсті, ол талдауда ескерілмеді.",
     "от граждан поступило 1 предложение, оно не учтено в анализе."),
    (2, "азаматтардан 2 ұсыныс түсті, олардың ешқайсысы талдауда ескерілмеді.",
     "от граждан поступило 2 предложения, ни одно из них не учтено в анализе."),
    (5, "азаматтардан 5 ұсыныс түсті, олардың ешқайсысы талдауда ескерілмеді.",
     "от граждан поступило 5 предложений, ни одно из них не учтено в анализе."),
])
def test_proposals_none_taken_into_the_analysis_is_a_negative_sentence(announced, client, sent, kk, ru):
    """Issue 11: «a zero is a negative sentence» — not «…: 2, из них учтено в анализе – 0»; the count agrees with
    its noun (1 предложение, 2 предложения, 5 предложений)."""
    for number in range(sent):
        client.post(PUBLIC, data={"text": f"Ұсыныс {number}"}, environ_base={"REMOTE_ADDR": f"10.3.0.{number}"})
    url = "/schools/rudny-7/certificate/?from=2026-H2&to=2026-H2&lang="
    assert kk in text_of(announced.get(url + "kk"))
    text = text_of(announced.get(url + "ru"))
    assert ru in text and "– 0" not in text


def test_moderation_needs_an_account(announced, client):
    assert client.get(STAFF + "proposals").status_code == 302


def test_queue_costs_the_same_few_queries_for_many_proposals(app, announced, client):
    for number in range(3):
        client.post(PUBLIC, data={"text": f"Ұсыныс {number}"}, environ_base={"REMOTE_ADDR": f"10.1.0.{number}"})
    with count_queries(app) as few:
        announced.get(STAFF + "proposals")
    for number in range(30):
        client.post(PUBLIC, data={"text": f"Тағы {number}"}, environ_base={"REMOTE_ADDR": f"10.2.0.{number}"})
    with count_queries(app) as many:
        assert "Тағы 29" in text_of(announced.get(STAFF + "proposals"))
    assert len(many) == len(few) <= 10


def test_proposals_are_among_the_certificates_information_sources(app, announced, client):
    url = "/schools/rudny-7/certificate/?from=2026-H2&to=2026-H2&lang="
    assert "азаматтардан түскен ұсыныстар" not in text_of(announced.get(url + "kk"))
    client.post(PUBLIC, data=PROPOSAL)
    client.post(PUBLIC, data={"text": "Спам"}, environ_base={"REMOTE_ADDR": "10.0.0.2"})
    client.post(PUBLIC, data={"text": "Қабылданбайтын"}, environ_base={"REMOTE_ADDR": "10.0.0.3"})
    first, second, third = proposals_in_db(app)
    announced.post(f"{STAFF}proposals/{first.id}", data={f"p{first.id}-decision": "accepted",
                                                         f"p{first.id}-section": "procurement"})
    announced.post(f"{STAFF}proposals/{second.id}", data={f"p{second.id}-decision": "spam"})
    # A sentence after the Rules' list, not its unnumbered item «…ұсыныстар: 2, оның ішінде талдауда ескерілгені –
    # 1 (…);» (issue 11: sentences, not label – value lists).
    kk = text_of(announced.get(url + "kk"))
    assert ("Ішкі талдау туралы хабарландыруға азаматтардан 2 ұсыныс түсті, оның 1-і «Қаржы-шаруашылық қызмет: "
            "мемлекеттік сатып алу» бөлімінде ескерілді.") in kk
    assert "ескерілгені –" not in kk
    ru = text_of(announced.get(url + "ru"))
    assert ("На объявление о проведении внутреннего анализа от граждан поступило 2 предложения, из них 1 учтено в "
            "разделе «Финансово-хозяйственная деятельность: государственные закупки».") in ru
    assert "–" not in ru.split("поступило 2 предложения")[1][:120]


# --- The demo's cycles ------------------------------------------------------------------------------

def test_each_demo_schools_announcement_gives_its_own_contacts_and_hall(app, client, as_user):
    """rudny-3's public page named rudny-7's e-mail and office, its protocol rudny-7's hall (shared constants,
    issue 11)."""
    with_demo_cycles(app)
    for lang in ("kk", "ru"):
        headers = {"Accept-Language": lang}
        rudny_3 = text_of(client.get("/open/rudny-3/2025-H2/", headers=headers))
        assert "school3@rudny.example.kz" in rudny_3 and "Рудный қ., Комсомол даңғ. 20" in rudny_3
        assert "school7@" not in rudny_3 and "Ленин к-сі 7" not in rudny_3
        rudny_7 = text_of(client.get("/open/rudny-7/2025-H2/", headers=headers))
        assert ("Тел.: +7 (714 31) 5-00-07; e-mail: school7@rudny.example.kz; Рудный қ., Ленин к-сі 7, 12-кабинет."
                in rudny_7)  # the real school's contacts, as before
        hall = text_of(as_user("rudny-3").get(f"/schools/rudny-3/2025-H2/cycle/discussion/protocol?lang={lang}"))
        assert "Мектептің акт залы, Рудный қ., Комсомол даңғ. 20" in hall and "Ленин к-сі 7" not in hall
        hall = text_of(as_user("rudny-7").get(f"/schools/rudny-7/2025-H2/cycle/discussion/protocol?lang={lang}"))
        assert "Мектептің акт залы, Рудный қ., Ленин к-сі 7" in hall
