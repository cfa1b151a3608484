"""The password policy, and checking a password in the same time whether or not the account exists.

Policy (OWASP ASVS 4.0.3 V2.1.1–V2.1.7, NIST SP 800-63B §5.1.1.2): at least 12 characters, at most 128,
no composition rules, and refused when it is common or guessable. "Common" is zxcvbn's estimate (Dropbox's
strength estimator): it knows the 30,000 most common passwords of the public breach lists, English words and
names, keyboard walks, repeats, sequences and dates, and it is told the account's own username and name.
A score below 3 ("safely unguessable: moderate protection from offline attack", < 10¹⁰ guesses) is refused.
zxcvbn knows Latin letters only, so a Cyrillic password is also scored as typed on the keys it uses: «пароль» is
«gfhjkm» and «йцукен» is «qwerty» on the Russian and Kazakh layouts (ЙЦУКЕН), both near the top of breach lists.
"""

from __future__ import annotations

from functools import cache

from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

MIN_LENGTH = 12
MAX_LENGTH = 128
MIN_SCORE = 3  # zxcvbn's 0–4 scale
# The Russian letters of the ЙЦУКЕН layout (shared by the Kazakh one) → the Latin keys under them (QWERTY).
_CYRILLIC_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюё"
_LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_AS_TYPED = str.maketrans(_CYRILLIC_KEYS + _CYRILLIC_KEYS.upper(), _LATIN_KEYS + _LATIN_KEYS.upper())


def password_problem(password: str, *, user_inputs: tuple[str, ...] = ()) -> str | None:
    """Why `password` may not be used (a translated sentence), or None when it may.

    `user_inputs`: the account's username, full name and the like, which must not make up the password.
    """
    if len(password) < MIN_LENGTH:
        return _l("At least %(count)s characters.", count=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _l("At most %(count)s characters.", count=MAX_LENGTH)
    words = [word for value in user_inputs if value for word in (value, *value.replace("-", " ").split())]
    candidates = {password, password.translate(_AS_TYPED)}
    if min(zxcvbn(candidate, user_inputs=[*words, "adal"])["score"] for candidate in candidates) < MIN_SCORE:
        return _l("This password is too common or easy to guess. Use a few unrelated words or a longer phrase.")
    return None


@cache
def _dummy_hash() -> str:
    """A hash of a password nobody has, made with the same scrypt settings as real ones (once a process)."""
    return generate_password_hash("adal-dummy-password-for-timing")


def burn_password_check(password: str) -> None:
    """Spend the time of a real password check, for unknown or inactive accounts: the reply time then does
    not tell which usernames exist (ASVS V2.2.1 / OWASP authentication cheat sheet)."""
    check_password_hash(_dummy_hash(), password)
