"""The shared mechanism of report sections: submissions, section entries, row tables, the section registry,
generic section views, progress and workflow. Section packages under webapp/blueprints/ hold only what
differs: their forms, their row models and their Section descriptor."""

from flask import url_for
from flask_babel import gettext as _

from ..i18n import local_now
from . import figures  # noqa: F401  (the model and the session hook that keeps it current)
from .outdated import outdated_fields
from .saving import input_values
from .sections import display_value
from .texts import (
    LANGUAGES,
    has_marks,
    has_url,
    marked_html,
    missing_versions,
    other_language,
    paper_html,
    text_lines,
)


def now_hm() -> str:
    """The time of a save as the school sees it (for the "Saved 14:05" indicator)."""
    return local_now().strftime("%H:%M")


def saving_texts() -> dict[str, str]:
    """What static/js/saving.js says about saves, in the interface language, and the addresses it needs."""
    return {
        "saving": _("Saving…"),
        "pending": _("Not saved yet"),
        "restored": _("Restored after the reload — not saved yet."),
        "limitCounter": _("%(count)s of %(max)s characters."),
        "limitCut": _("%(count)s characters did not fit: the limit is %(max)s."),
        "savedAt": _("Saved at %(time)s"),
        "offline": _("Not saved — no connection. It will be sent when the connection returns."),
        "serverError": _("Not saved — the server did not answer properly. Trying again…"),
        "signedOut": _("Not saved — you are signed out. Sign in to save."),
        "conflict": _("Not saved — someone else changed this meanwhile. Choose which text to keep."),
        "invalid": _("Not saved — correct the marked field."),
        "refused": _("Not saved: %(reason)s"),
        "notThisAccount": _("Not saved: the account signed in now cannot save here. Sign in with the account this "
                            "page was opened with; what you typed stays on the page."),
        "otherAccount": _("You signed in as %(account)s: this account cannot save on this page. Sign in as "
                          "%(page)s — what you typed stays here."),
        "rowAdded": _("Row added at %(time)s"),
        "rowRemoved": _("Row removed at %(time)s"),
        "conflictIntro": _("Someone else saved a different value here after you opened the page."),
        "theirs": _("Saved by someone else"),
        "yours": _("Yours"),
        "keepMine": _("Keep mine"),
        "takeTheirs": _("Take theirs"),
        "signIn": _("Log in"),
        "noConnection": _("No connection: the change was not sent. Try again."),
        "tokenUrl": url_for("auth.csrf_token"),
    }


def register(app) -> None:
    app.jinja_env.globals.update(display_value=display_value, input_values=input_values, now_hm=now_hm,
                                 saving_texts=saving_texts,
                                 missing_versions=missing_versions, outdated_fields=outdated_fields,
                                 text_languages=text_languages)
    app.jinja_env.filters["marked"] = marked_html
    app.jinja_env.filters["paper"] = paper_html
    app.jinja_env.filters["lines"] = text_lines
    app.jinja_env.tests["untranslated"] = has_marks
    app.jinja_env.tests["url"] = has_url


def text_languages() -> tuple[tuple[str, str], tuple[str, str]]:
    """((code, name) of the language the current submission's texts are typed in first, (code, name) of the
    other one), for the side-by-side text fields; the submission is the one place_or_404 found."""
    from flask import g

    main = g.get("text_lang", "kk")
    other = other_language(main)
    return (main, LANGUAGES[main]), (other, LANGUAGES[other])
