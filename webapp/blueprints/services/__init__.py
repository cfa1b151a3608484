"""2.1 Provision of public services: who is responsible, the e-school portal, and each service's recipients."""

from .section import bp, section  # noqa: F401
