"""A region or department words the certificate's fixed texts for its schools, in kk and ru."""

import json
import re
from html import unescape

import pytest
from support import text_of

from webapp.certificate.boilerplate import DEFAULTS
from webapp.certificate.models import CertificateText
from webapp.extensions import db
from webapp.models import AuditEvent

URL = "/units/rudny/certificate-texts/"


def form_data(**overrides) -> dict:
    data = {f"{key}_{lang}": DEFAULTS[key][lang] for key in DEFAULTS for lang in ("kk", "ru")}
    return {**data, **overrides}


def certificate_text(client, school="rudny-7", lang="kk") -> str:
    return text_of(client.get(f"/schools/{school}/certificate/?to=2025-H1&lang={lang}"))


def test_defaults_cite_the_typical_rules_and_the_recommendations_correctly(as_user):
    text = certificate_text(as_user("rudny"))
    assert "2016 жылғы 19 қазандағы №12 бұйрығымен" in text and "2023 жылғы 16 қаңтардағы №21" in text
    assert "2022 жылғы 30 желтоқсандағы №488 бұйрығымен бекітілген сыбайлас жемқорлық тәуекелдеріне ішкі талдау " \
           "жүргізу жөніндегі әдістемелік ұсынымдар да басшылыққа алынды" in text
    ru = certificate_text(as_user("rudny"), lang="ru")
    assert "от 19 октября 2016 года №12" in ru and "от 30 декабря 2022 года №488" in ru


def test_preamble_says_once_that_the_analysis_follows_the_typical_rules(as_user):
    """Issue 11: the legal basis names the Typical Rules; the method paragraph adds only Recommendations №488."""
    kk = certificate_text(as_user("rudny"))
    assert kk.count("үлгілік қағидаларына") == 1 and "қағидаларына, сондай-ақ" not in kk
    assert "№488 бұйрығымен бекітілген" in kk
    ru = certificate_text(as_user("rudny"), lang="ru")
    assert ru.count("Типовыми правилами") == 1
    assert "При проведении анализа также учтены Методические рекомендации" in ru and "№488" in ru


def test_department_rewords_a_text_for_its_schools_only(app, as_user):
    client = as_user("rudny")
    page = client.get(URL)
    assert page.status_code == 200 and 'name="goal_kk"' in page.get_data(as_text=True)
    own = "Рудный мектептерінің мақсаты: {school} қызметін ашық ету."
    response = client.post(URL, data=form_data(goal_kk=own))
    assert response.status_code == 303
    assert "Рудный мектептерінің мақсаты: Қостанай облысы әкімдігі" in certificate_text(client)
    assert "Рудный мектептерінің мақсаты" not in certificate_text(as_user("lisakovsk"), "lisakovsk-1")
    assert "Рудный мектептерінің мақсаты" not in certificate_text(client, lang="ru")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CertificateText)) == 1  # only what differs
        event = db.session.scalars(db.select(AuditEvent).filter_by(object_type="certificate_text")).one()
        assert event.actor == "rudny" and event.changes["text"][1] == own


def test_region_text_applies_unless_a_department_has_its_own(as_user):
    as_user("kostanay").post("/units/kostanay/certificate-texts/", data=form_data(task_kk="Облыстың міндеті."))
    assert "Облыстың міндеті." in certificate_text(as_user("lisakovsk"), "lisakovsk-1")
    as_user("rudny").post(URL, data=form_data(task_kk="Қаланың міндеті."))
    assert "Қаланың міндеті." in certificate_text(as_user("rudny"))
    assert "Облыстың міндеті." not in certificate_text(as_user("rudny"))


def test_emptying_a_text_goes_back_to_the_one_above(app, as_user):
    client = as_user("rudny")
    client.post(URL, data=form_data(goal_kk="Өз мәтін."))
    client.post(URL, data=form_data(goal_kk=""))
    assert "Өз мәтін." not in certificate_text(client)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CertificateText)) == 0


@pytest.mark.parametrize("htmx", [False, True])
def test_unknown_placeholder_is_refused_with_the_text_kept(app, as_user, htmx):
    response = as_user("rudny", htmx=htmx).post(URL, data=form_data(goal_kk="Мақсат {mektep}."))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "{mektep}" in html and 'id="goal_kk-error"' in html and ("<html" in html) is not htmx
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CertificateText)) == 0


@pytest.mark.parametrize("user, url", [("rudny-7", URL), ("lisakovsk", URL),
                                       ("rudny", "/units/kostanay/certificate-texts/"),
                                       ("rudny", "/units/rudny-7/certificate-texts/")])
def test_only_the_unit_itself_edits_its_texts(as_user, user, url):
    client = as_user(user)
    assert client.get(url).status_code == 404
    assert client.post(url, data=form_data(goal_kk="x")).status_code == 404


@pytest.mark.parametrize("lang, headings, wrong", [
    ("kk", ["Қадағалау органдарының тексеру нәтижелері туралы мәліметтер",
            "Фискалдық органдардың тексерулерінің нәтижелері туралы мәліметтер",
            "Құқық қорғау органдарының, үкіметтік емес ұйымдар мен азаматтардың мәліметтері"],
     ["органдарын тексеру", "органдарды тексеру", "органдарының мәліметтері, үкіметтік",
      "Фискалдық органдарының тексеру"]),
    ("ru", ["Сведения о результатах проверок надзорных органов",
            "Сведения о результатах проверок фискальных органов",
            "Сведения правоохранительных органов, неправительственных организаций и граждан"], []),
])
def test_section_headings_2_9_to_2_11_are_in_the_genitive(as_user, lang, headings, wrong):
    """Issue 11: the bodies own the inspections and the information, so Kazakh says «органдарының»."""
    text = certificate_text(as_user("rudny"), lang=lang)
    assert all(heading in text for heading in headings)
    assert not any(old in text for old in wrong)


def test_after_a_save_htmx_goes_to_the_whole_page_with_its_message(as_user):
    """A saved form answers HX-Location; htmx then asks for the page with HX-Request and swaps the answer into
    <body>: it must be the whole page (header, «saved» message), not the form alone."""
    client = as_user("rudny", htmx=True)
    saved = client.post(URL, data=form_data(goal_kk="Аудан мақсаты."))
    assert saved.status_code == 204 and saved.headers["HX-Location"] == URL
    page = client.get(URL)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<html" in html and 'class="logout"' in html
    assert "Сақталды" in html and "Аудан мақсаты." in html


def shown_bases(html: str) -> dict:
    """The texts as the page showed them (its `_bases`): what a save from that page writes over only where the
    department changed them."""
    value = re.search(r"name=\"_bases\" value='([^']*)'", html).group(1)
    return json.loads(unescape(value))


def own_texts(app) -> dict:
    with app.app_context():
        return {f"{t.key}_{t.lang}": t.text for t in db.session.scalars(db.select(CertificateText))}


@pytest.mark.parametrize("htmx", [False, True])
def test_two_tabs_saving_merge_field_by_field_and_a_field_both_changed_is_a_conflict(app, as_user, htmx):
    """QA: tab A saved «Приказ руководителя (рус.)»; tab B, not reloaded, saved the object — and A's order was
    silently put back. Now a save writes only what its page changed; a text both changed waits for a choice."""
    client = as_user("rudny", htmx=htmx)
    bases = shown_bases(client.get(URL).get_data(as_text=True))  # both tabs opened now
    tab_a = form_data(order_ru="Приказ вкладки A.", _bases=json.dumps(bases))
    assert client.post(URL, data=tab_a).status_code in (204, 303)
    tab_b = form_data(object_ru="Объект вкладки B.", _bases=json.dumps(bases))
    assert client.post(URL, data=tab_b).status_code in (204, 303)
    assert own_texts(app) == {"order_ru": "Приказ вкладки A.", "object_ru": "Объект вкладки B."}

    # Tab B again, still on the page as first shown: a text A changed too is a conflict; nothing is written.
    clash = form_data(order_ru="Приказ вкладки B.", goal_kk="Б қойындысының мақсаты.", _bases=json.dumps(bases))
    refused = client.post(URL, data=clash)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409 and ("<html" in html) is not htmx
    assert "Приказ вкладки A." in html and "Приказ вкладки B." in html and "Б қойындысының мақсаты." in html
    assert "Объект вкладки B." in html  # what the other tab saved is shown, not the old text
    assert own_texts(app) == {"order_ru": "Приказ вкладки A.", "object_ru": "Объект вкладки B."}

    # «Take theirs» for the conflict: only B's own change goes in; «keep mine» (saving the form again) writes B's.
    again = shown_bases(html)
    theirs = client.post(URL, data=form_data(order_ru="Приказ вкладки B.", goal_kk="Б қойындысының мақсаты.",
                                             object_ru="Объект вкладки B.", _bases=json.dumps(again),
                                             _theirs="order_ru"))
    assert theirs.status_code in (204, 303)
    assert own_texts(app) == {"order_ru": "Приказ вкладки A.", "object_ru": "Объект вкладки B.",
                              "goal_kk": "Б қойындысының мақсаты."}
    mine = client.post(URL, data=form_data(order_ru="Приказ вкладки B.", object_ru="Объект вкладки B.",
                                           goal_kk="Б қойындысының мақсаты.", _bases=json.dumps(again)))
    assert mine.status_code in (204, 303) and own_texts(app)["order_ru"] == "Приказ вкладки B."
