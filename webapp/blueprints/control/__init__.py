"""2.7 Control and permit functions: whether the school performs any, and which."""

from .section import bp, section  # noqa: F401
