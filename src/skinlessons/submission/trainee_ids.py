"""The trainee-id rules: what an id may hold, and the file-name-safe slug made from one.

The raw id never becomes part of a file name: :func:`trainee_slug` gives a safe stand-in.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final

from ..errors import TraineeIdError

MAX_TRAINEE_ID_LENGTH: Final = 100
ALLOWED_PUNCTUATION: Final = "._-@+"
FORMULA_STARTS: Final = ("=", "+", "-", "@")
"""First characters a spreadsheet runs as a formula; no LMS login begins with one (OWASP)."""
PLACEHOLDER_ID: Final = "YOUR-LMS-USERNAME"
"""The stand-in the lessons print; typed as is, it would identify nobody."""
_SLUG_MAX_LENGTH: Final = 40
_HASH_LENGTH: Final = 10

ID_RULE: Final = (
    " A trainee id is your LMS username or id number: 1 to 100 letters, digits and the "
    "characters . _ - @ + (no spaces or slashes; not - + or @ first)."
)
_NOT_TEXT: Final = "The trainee id must be text in quotes, got {value!r}."
_INVALID: Final = "The trainee id {value!r} cannot be used: {problem}."
_EMPTY: Final = "it is empty"
_IS_PLACEHOLDER: Final = (
    f"it is the example text; replace {PLACEHOLDER_ID} with your own LMS username or id number"
)
_TOO_LONG: Final = "it is {length} characters long, the limit is {limit}"
_FORMULA_START: Final = (
    "it begins with {character!r}, which spreadsheets run as a formula and no LMS login does"
)
_HAS_SPACE: Final = "it contains a space"
_HAS_SEPARATOR: Final = "it contains the path separator {character!r}"
_HAS_CONTROL: Final = "it contains an invisible control character ({codepoint})"
_HAS_CHARACTER: Final = "it contains {character!r}, which is not allowed"


def _problem(value: str) -> str | None:
    """What is wrong with an already trimmed id, or None if it is acceptable."""
    if not value:
        return _EMPTY
    if value.casefold() == PLACEHOLDER_ID.casefold():
        return _IS_PLACEHOLDER
    if len(value) > MAX_TRAINEE_ID_LENGTH:
        return _TOO_LONG.format(length=len(value), limit=MAX_TRAINEE_ID_LENGTH)
    if value.startswith(FORMULA_STARTS):
        return _FORMULA_START.format(character=value[0])
    for character in value:
        if character.isalnum() or character in ALLOWED_PUNCTUATION:
            continue
        if character.isspace():
            return _HAS_SPACE
        if character in "/\\":
            return _HAS_SEPARATOR.format(character=character)
        if unicodedata.category(character).startswith("C"):
            return _HAS_CONTROL.format(codepoint=f"U+{ord(character):04X}")
        return _HAS_CHARACTER.format(character=character)
    return None


def normalise_trainee_id(value: str) -> str:
    """The id as the course compares it: surrounding spaces removed, Unicode NFC (case kept)."""
    return unicodedata.normalize("NFC", value.strip())


def validate_trainee_id(value: object) -> str:
    """Return ``value`` trimmed and NFC-normalised if it is an acceptable trainee id.

    Acceptable: 1-100 characters, each a letter, a digit or one of ``. _ - @ +``, the first
    not one of ``= + - @`` (a spreadsheet would run the id as a formula).

    Raises:
        TraineeIdError: the message says what is wrong and what is allowed.
    """
    if not isinstance(value, str):
        raise TraineeIdError(_NOT_TEXT.format(value=value) + ID_RULE)
    cleaned = normalise_trainee_id(value)
    problem = _problem(cleaned)
    if problem is not None:
        raise TraineeIdError(_INVALID.format(value=value, problem=problem) + ID_RULE)
    return cleaned


def trainee_slug(value: str) -> str:
    """A file-name-safe stand-in for a trainee id: a readable ASCII slug plus a short hash.

    Two ids that slug alike (``J.Doe`` and ``j-doe``) still differ by the hash, which is
    computed from the exact id.
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    readable = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:_SLUG_MAX_LENGTH]
    digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{readable.strip('-') or 'trainee'}-{digest}"
