"""2.11 Information from law enforcement bodies, NGOs and citizens: the school's dealings with them."""

from .section import bp, section  # noqa: F401
