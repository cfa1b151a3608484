"""2.5 Transparency of information: the school's website, social accounts and publications."""

from .section import bp, section  # noqa: F401
