"""2.10 Inspections by fiscal (tax) bodies: the same record as 2.9, kept apart as the certificate does."""

from .section import bp, section  # noqa: F401
