"""The general part: the order launching the analysis, signatures and approval, the public steps,
the information sources used (clause 15 of the Typical Rules) and the working group."""

from .section import bp, section  # noqa: F401
