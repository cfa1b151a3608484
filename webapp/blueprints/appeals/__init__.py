"""2.4 Appeals of individuals and legal entities: appeals received, by channel, and whether answered on time."""

from .section import bp, section  # noqa: F401
from .timeliness import ANSWER_WORKING_DAYS, answer_deadline, timeliness  # noqa: F401
