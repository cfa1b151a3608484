"""The shared mechanism of report sections: submissions, section entries, row tables, the section registry,
generic section views, progress and workflow. Section packages under webapp/blueprints/ hold only what
differs: their forms, their row models and their Section descriptor."""

from ..i18n import local_now
from . import figures  # noqa: F401  (the model and the session hook that keeps it current)
from .sections import display_value


def now_hm() -> str:
    """The time of a save as the school sees it (for the "Saved 14:05" indicator)."""
    return local_now().strftime("%H:%M")


def register(app) -> None:
    app.jinja_env.globals.update(display_value=display_value, now_hm=now_hm)
