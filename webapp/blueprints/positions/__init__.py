"""Appendix 4: the positions exposed to corruption risks, with the competence and the risk of each."""

from .section import bp, section  # noqa: F401
