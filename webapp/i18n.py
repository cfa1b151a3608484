"""Kazakh and Russian: choosing the language, and formatting numbers, money and dates by it."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from decimal import localcontext
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal, format_percent, get_decimal_symbol, get_group_symbol
from flask import current_app, g, has_request_context, request, session
from flask_babel import gettext as _
from flask_login import current_user

# Babel's plain "ru" prints KZT instead of ₸; the Kazakhstan variants print ₸ in both languages.
FORMAT_LOCALES = {"kk": "kk_KZ", "ru": "ru_KZ"}
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский"}
LANGUAGE_COOKIE = "lang"  # the interface language chosen on this browser (not personal data: no consent needed)
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600


def select_language() -> str:
    """The user's saved choice, else this browser session's, else the browser's, else Kazakh."""
    if not has_request_context():  # a CLI command or a bulk load: the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    # Asked for every number a page formats (hundreds on a dashboard): the answer is kept with the request (not
    # in `g`, which a test's app context shares between requests), as long as what it depends on (the signed-in
    # user and their choice, the session's) has not changed.
    user = g.get("_login_user")
    key = (id(user), getattr(user, "locale", None), session.get("lang"), request.cookies.get(LANGUAGE_COOKIE))
    kept = request.environ.get("adal.language")
    if kept is not None and kept[0] == key:
        return kept[1]
    request.environ["adal.language"] = (key, language := _select_language())
    return language


def _select_language() -> str:
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("lang") in languages:
        return session["lang"]
    # Kept apart from the session, so a session lost (expired, signed out elsewhere) does not lose the choice: the
    # «form expired» page and the login page after it speak the language chosen.
    if request.cookies.get(LANGUAGE_COOKIE) in languages:
        return request.cookies[LANGUAGE_COOKIE]
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def select_locale() -> str:
    """Flask-Babel's locale: kk_KZ / ru_KZ (gettext falls back to the kk / ru catalogues)."""
    return FORMAT_LOCALES[select_language()]


def current_language() -> str:
    if has_request_context():
        return select_language()
    return "kk"


def _locale(lang: str | None) -> str:
    return FORMAT_LOCALES[lang or current_language()]


# Babel rounds with the current decimal context (28 digits); a sum stored before the bounds existed (26 digits
# and more, SQLite keeps whatever it is given) would then raise InvalidOperation and turn a page into a 500.
_WIDE = 80


@cache
def separators(locale: str) -> tuple[str, str]:
    """(group, decimal) symbols of a locale: a no-break space and a comma for kk_KZ and ru_KZ."""
    return get_group_symbol(locale), get_decimal_symbol(locale)


def number(value, lang: str | None = None, digits: int | None = None) -> str:
    """22 266 028,65 — grouping and decimal comma in both languages.

    Whole numbers (and any number shown without decimals) are written with Python's own grouping and Babel's
    separators: Babel's formatting costs tens of microseconds a call, and a national page shows hundreds of
    counts. Babel gives the same text for these (checked over both languages in tests/test_i18n.py)."""
    if value is None:
        return "—"
    if type(value) is int or (type(value) is float and digits == 0 and math.isfinite(value)):
        group, decimal = separators(_locale(lang))
        text = f"{value:_d}" if type(value) is int else f"{value:_.0f}"
        return text.replace("_", group) + (decimal + "0" * digits if digits else "")
    pattern = None if digits is None else "#,##0." + "0" * digits if digits else "#,##0"
    with localcontext(prec=_WIDE):
        return format_decimal(value, format=pattern, locale=_locale(lang))


def money(value, lang: str | None = None) -> str:
    """22 266 028,65 ₸"""
    if value is None:
        return "—"
    with localcontext(prec=_WIDE):
        return format_currency(value, "KZT", locale=_locale(lang))


def percent(value, lang: str | None = None, digits: int = 2) -> str:
    """A share 0..1 as 90,79 %."""
    if value is None:
        return "—"
    pattern = "#,##0." + "0" * digits + " %" if digits else "#,##0 %"
    return format_percent(value, format=pattern, locale=_locale(lang))


def long_date(value: date | None, lang: str | None = None) -> str:
    """«2025 ж. 10 маусым» / «10 июня 2025 г.»"""
    if value is None:
        return "—"
    return babel_format_date(value, format="long", locale=_locale(lang)).replace("\u202f", " ")


def short_date(value: date | None, lang: str | None = None) -> str:
    """10.06.2025 in both languages, as on official documents."""
    if value is None:
        return "—"
    return value.strftime("%d.%m.%Y")


@cache
def zone(key: str) -> ZoneInfo:
    """The IANA time zone `key` ("Asia/Almaty") from the `tzdata` package the app depends on.

    The package comes first so every host agrees, whatever its own time-zone database: Kazakhstan moved to a
    single zone, UTC+5, on 1 March 2024 (tzdata 2024a), and a host without /usr/share/zoneinfo (or with
    PYTHONTZPATH pointing nowhere) still works. The system's database is the fallback for keys the package lacks.
    Raises ZoneInfoNotFoundError for an unknown key.
    """
    try:
        with resources.files("tzdata.zoneinfo").joinpath(*key.split("/")).open("rb") as data:
            return ZoneInfo.from_file(data, key=key)
    except (ModuleNotFoundError, FileNotFoundError, IsADirectoryError, ValueError):
        return ZoneInfo(key)


def local_zone() -> ZoneInfo:
    """The schools' time zone (BABEL_DEFAULT_TIMEZONE, Asia/Almaty): deadlines, "today", times shown."""
    try:
        return zone(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    except (RuntimeError, KeyError, ZoneInfoNotFoundError):  # outside an app, or a zone nobody knows
        return zone("Asia/Almaty")


def local_now() -> datetime:
    """The current moment in the schools' time zone."""
    return datetime.now(local_zone())


def short_datetime(value: datetime | None) -> str:
    """10.06.2025 14:05 in the schools' time zone (never UTC, never ISO)."""
    if value is None:
        return "—"
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(local_zone()).strftime("%d.%m.%Y %H:%M")


def period_label(year: int, half: int) -> str:
    """«2025 жылдың бірінші жарты жылдығы» / «первое полугодие 2025 года»."""
    if half == 1:
        return _("first half-year of %(year)s", year=year)
    return _("second half-year of %(year)s", year=year)


def register(app) -> None:
    app.jinja_env.filters.update(
        number=number, money=money, percent=percent, long_date=long_date, short_date=short_date,
        short_datetime=short_datetime,
    )
    app.jinja_env.globals.update(current_language=current_language, LANGUAGE_NAMES=LANGUAGE_NAMES)
