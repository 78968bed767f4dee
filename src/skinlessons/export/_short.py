"""Short-answer variants an LMS needs so that it accepts what our normalisation accepts.

Our grader compares answers after ``quiz.text.normalise_answer``: Unicode NFKC, case folded,
spaces trimmed and collapsed, trailing punctuation dropped. Moodle (``qtype_shortanswer``)
compares the trimmed response, NFC-normalised and case-insensitive, against each answer, where
``*`` is a wildcard; Canvas compares trimmed and lower-cased. Neither collapses inner spaces or
drops punctuation, so each accepted variant is written as typed, in its NFKC form with single
spaces, and with each trailing punctuation mark our grader ignores.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from ..quiz.text import TRAILING_PUNCTUATION

NOT_CARRIED: Final = (
    "skinlessons also accepts several spaces between words, several trailing marks and "
    "compatibility characters (full-width letters, no-break spaces); {lms} does not"
)


def variants(key: list[str] | None) -> list[str]:
    """Every answer text the LMS needs, in key order, each once."""
    found: dict[str, None] = {}
    for variant in key or ():
        if not variant.strip():
            continue
        single = " ".join(unicodedata.normalize("NFKC", variant).split())
        bare = single.rstrip(TRAILING_PUNCTUATION).rstrip()
        marked = [bare, *(bare + mark for mark in TRAILING_PUNCTUATION)] if bare else []
        for form in (variant.strip(), single, *marked):
            found.setdefault(form, None)
    return list(found)


def moodle_pattern(text: str) -> str:
    """``text`` as a Moodle short answer: a literal ``*`` is escaped so it is no wildcard."""
    return text.replace("*", "\\*")
