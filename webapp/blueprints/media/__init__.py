"""2.12 Monitoring of media and other sources: negative publications and the school's responses."""

from .section import bp, section  # noqa: F401
