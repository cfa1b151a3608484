"""Kazakh first, Russian on request: the choice, where it is remembered, and locale formatting."""

import re
from datetime import date
from decimal import localcontext
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from support import app_config, login, reset_database, text_of

from webapp import create_app
from webapp.extensions import db
from webapp.i18n import long_date, money, number, percent
from webapp.models import User

TRANSLATIONS = Path(__file__).resolve().parent.parent / "webapp" / "translations"


def test_interface_is_kazakh_by_default(client):
    page = client.get("/login")
    html = page.get_data(as_text=True)
    assert '<html lang="kk">' in html
    assert "Кіру" in text_of(page)


def test_browser_asking_for_russian_gets_russian(client):
    page = client.get("/login", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    assert '<html lang="ru">' in page.get_data(as_text=True)
    assert "Войти" in text_of(page)


def test_anonymous_switch_is_kept_for_the_browser_session(client):
    response = client.post("/language", data={"lang": "ru", "next": "/login"})
    assert response.status_code == 303 and response.location.endswith("/login")
    assert "Войти" in text_of(client.get("/login"))
    assert "Неверное имя пользователя или пароль." in text_of(login(client, "rudny-7", "bad"))


def test_switch_is_remembered_on_the_account(app, as_user):
    client = as_user("rudny-7")
    client.post("/language", data={"lang": "ru", "next": "/units/rudny-7"})
    page = client.get("/units/rudny-7")
    assert "Школа-гимназия №7 имени Б.Майлина" in text_of(page)
    assert "Полугодия" in text_of(page)
    with app.app_context():
        assert db.session.execute(db.select(User.locale).filter_by(username="rudny-7")).scalar_one() == "ru"
    # A new browser on another day: Russian again after logging in, whatever that browser asks for.
    other_browser = app.test_client()
    login(other_browser, "rudny-7")
    assert "Полугодия" in text_of(other_browser.get("/units/rudny-7", headers={"Accept-Language": "kk"}))


def test_unknown_language_is_ignored(client):
    client.post("/language", data={"lang": "en", "next": "/login"})
    assert '<html lang="kk">' in client.get("/login").get_data(as_text=True)


def test_language_switch_does_not_redirect_off_site(client):
    response = client.post("/language", data={"lang": "ru", "next": "https://evil.example/"})
    assert "evil" not in response.location


def test_half_year_labels_read_in_each_language(as_user):
    client = as_user("rudny-7")
    assert "2025 жылдың бірінші жарты жылдығы" in text_of(client.get("/units/rudny-7"))
    client.post("/language", data={"lang": "ru"})
    assert "первое полугодие 2025 года" in text_of(client.get("/units/rudny-7"))


def test_dates_are_written_out_by_locale(as_user):
    client = as_user("rudny")
    assert "2025 ж. 20 маусым" in text_of(client.get("/units/rudny"))
    client.post("/language", data={"lang": "ru"})
    assert "20 июня 2025 г." in text_of(client.get("/units/rudny"))


def nbsp_free(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_money_numbers_and_percentages(app, lang):
    with app.test_request_context():
        assert nbsp_free(money(22266028.65, lang)) == "22 266 028,65 ₸"
        assert nbsp_free(number(22266028.65, lang)) == "22 266 028,65"
        assert nbsp_free(number(217035, lang)) == "217 035"
        assert nbsp_free(percent(69 / 76, lang)) == "90,79 %"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_whole_numbers_and_numbers_without_decimals_read_as_babel_writes_them(app, lang):
    """number() writes these itself (Babel is slow for the hundreds of counts of a national page): the text
    must be Babel's, grouping, minus sign, rounding of halves and all."""
    locale = {"kk": "kk_KZ", "ru": "ru_KZ"}[lang]
    whole = [0, 7, -7, 999, 1000, -1000, 12345, 999_999, 1_000_000, -98_765_432, 10**18 + 7, 10**30]
    shares = [0.0, 0.4, 0.5, 1.5, 2.5, 12.5, 99.5, 99.49999, 100.0, 33.333, 66.6667, -0.4, -2.5, 1234.5, 1e9 + 0.5]
    with app.test_request_context(), localcontext(prec=80):
        for value in whole:
            for digits in (None, 0, 2):
                pattern = None if digits is None else "#,##0.00" if digits else "#,##0"
                assert number(value, lang, digits) == format_decimal(value, format=pattern, locale=locale), value
        for value in shares:
            assert number(value, lang, 0) == format_decimal(value, format="#,##0", locale=locale), value


def test_long_dates(app):
    with app.test_request_context():
        assert long_date(date(2025, 6, 10), "kk") == "2025 ж. 10 маусым"
        assert long_date(date(2025, 6, 10), "ru") == "10 июня 2025 г."


def source_messages() -> set[str]:
    """Every string the code and templates mark for translation, extracted as pybabel does."""
    method_map = [("webapp/**.py", "python"), ("webapp/templates/**.html", "jinja2")]
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(TRANSLATIONS.parent.parent), method_map, keywords=keywords)
    }


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_interface_string_is_translated(lang):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po)
    untranslated = [m.id for m in catalog if m.id and not (all(m.string) if m.pluralizable else m.string)]
    assert untranslated == []
    not_in_catalog = source_messages() - {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert not_in_catalog == set(), "run `make messages` and translate the new strings"
    assert [(m.id, errors) for m, errors in catalog.check()] == []


def test_pages_use_a_font_with_every_kazakh_letter(client):
    css = client.get("/static/app.css").get_data(as_text=True)
    assert '"DejaVu Sans"' in css.split("font-family:")[1].split(";")[0].split(",")[0]


def test_the_chosen_language_outlives_a_lost_session(tmp_path):
    """QA: the session cookie lost, a department's plain form (certificate texts) answered «form expired» in
    Kazakh to someone who had chosen Russian, and the login page too: the choice is kept in a cookie of its own."""
    app = create_app(app_config(WTF_CSRF_ENABLED=True), instance_path=str(tmp_path / "instance"))
    reset_database(app)
    client = app.test_client()

    def token(url):
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get(url).get_data(as_text=True))[1]

    client.post("/login", data={"username": "rudny", "password": "demo", "csrf_token": token("/login")})
    client.post("/language", data={"lang": "ru", "csrf_token": token("/units/rudny")})
    typed = token("/units/rudny/certificate-texts/")
    client.delete_cookie(app.config["SESSION_COOKIE_NAME"])  # the session is gone (expired, cleared, another tab)
    expired = client.post("/units/rudny/certificate-texts/", data={"csrf_token": typed, "goal_ru": "Цель."})
    assert expired.status_code == 400 and "Срок действия формы истёк" in text_of(expired)
    assert "Войти" in text_of(client.get("/login"))
