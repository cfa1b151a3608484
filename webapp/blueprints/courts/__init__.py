"""2.8 Court practice: civil cases the school was a party to in the half-year."""

from .section import bp, section  # noqa: F401
