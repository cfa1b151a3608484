"""Demo and benchmark data, never run in production: the organisation and accounts (units), the seed school
as in the real certificate (seed_school), the generator of every other school's half-years (analyses, with its
sentence templates in texts), the bulk writer they share (writer) and the national-scale data set (national).

Imports run one way: national → analyses → units, seed_school, texts, writer; nothing outside this package
imports it except the CLI, the tests and the benchmark.
"""

from __future__ import annotations

from ..models import User
from .units import DEMO_PASSWORD, demo_school_codes, load_units

__all__ = ["DEMO_PASSWORD", "load_demo"]


def load_demo(analyses: bool = True) -> list[User]:
    """Create or refresh the demo data; returns the demo accounts in a sensible order.

    `analyses=False` leaves out the half-year analyses (the test suite starts from that lighter state).
    Loading twice updates in place; an analysis a school already has is never touched.
    """
    accounts = load_units()
    if analyses:
        from .analyses import load_analyses  # imports the section registry, which needs the app's packages

        load_analyses(demo_school_codes())
        from .cycles import load_cycles  # the public cycle builds its plans from the analyses

        load_cycles()
    return accounts
