"""The whole internal-analysis cycle in the open: announcement and citizens' proposals, public discussion with
its protocol, the approved action plan with quarterly follow-up, and publication (issue 14)."""

from .public import public_bp
from .routes import bp

__all__ = ["bp", "public_bp"]
