"""The conclusion: the overall finding, the working group's recommendations (the action plan) and how the
last half-year's recommendations were carried out."""

from .section import bp, section  # noqa: F401
