"""2.9 Inspections by supervisory bodies (prosecutor's office and others) and their results."""

from .section import bp, section  # noqa: F401
