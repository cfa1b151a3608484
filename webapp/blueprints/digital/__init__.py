"""2.3 Digitalisation of processes and document flow: personal-data consents and the basis of record keeping."""

from .section import bp, section  # noqa: F401
