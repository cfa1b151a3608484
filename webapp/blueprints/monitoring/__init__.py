"""2.6 Anti-corruption and public monitoring: the events held and what they found."""

from .section import bp, section  # noqa: F401
