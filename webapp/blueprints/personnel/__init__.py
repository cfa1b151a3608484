"""2.2 Personnel policy: staffing, qualifications, hires and dismissals, discipline, conflicts of interest."""

from .section import bp, section  # noqa: F401
