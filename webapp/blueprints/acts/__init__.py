"""1.1 Normative legal and internal acts: how the internal rules were approved and the orders the head issued."""

from .section import bp, section  # noqa: F401
