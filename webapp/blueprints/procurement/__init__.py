"""2.2 Financial and economic activity: public procurement by method, plan orders, complaints and cancellations."""

from .section import bp, section  # noqa: F401
