"""What a test-wise reader sees in an option without knowing the subject: its length and form.

One owner for these measures: the item-writing check (``item_writing``) flags a key that stands
out by them, and the test-wise benchmark plays strategies built on them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

_MARKUP: Final = re.compile(r"[*_`]+")
_SPACES: Final = re.compile(r"\s+")

FORM_FEATURES: Final[dict[str, re.Pattern[str]]] = {
    "a reason (because, since, so)": re.compile(
        r"\b(?:because|since|so|therefore|which means)\b", re.IGNORECASE
    ),
    "a hedge (usually, about, may...)": re.compile(
        r"\b(?:usually|often|about|roughly|approximately|may|might|generally|typically"
        r"|at best|likely|sometimes|mostly|mainly)\b",
        re.IGNORECASE,
    ),
    "a number": re.compile(r"\d"),
    "a colon": re.compile(r":"),
    "a semicolon": re.compile(r";"),
    "a parenthesis": re.compile(r"[()]"),
}
"""Forms an option can have; a key alone in having (or lacking) one stands out."""

ABSOLUTE_WORDS: Final = re.compile(
    r"\b(?:always|never|only|all|none|every|nothing)\b", re.IGNORECASE
)
"""Absolute words a test-wise reader learns to rule out."""

ALL_NONE_OF_THE_ABOVE: Final = re.compile(
    r"\b(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|them)\b", re.IGNORECASE
)


def plain(text: str) -> str:
    """Option text as a reader sees it: NFKC, no Markdown emphasis, single spaces."""
    return _SPACES.sub(" ", _MARKUP.sub("", unicodedata.normalize("NFKC", text))).strip()


def length(text: str) -> int:
    """Characters a reader sees, without trailing punctuation."""
    return len(plain(text).rstrip(".!?;,"))


def word_count(text: str) -> int:
    """Words a reader sees."""
    return len(plain(text).split())


def forms(text: str) -> frozenset[str]:
    """The names of the form features ``text`` has."""
    shown = plain(text)
    return frozenset(name for name, pattern in FORM_FEATURES.items() if pattern.search(shown))


def absolutes(text: str) -> list[str]:
    """The absolute words in ``text``, lower-cased, in order."""
    return [word.lower() for word in ABSOLUTE_WORDS.findall(plain(text))]


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean (0 for no values)."""
    return sum(values) / len(values) if values else 0.0


def odd_forms(texts: Sequence[str], chosen: Sequence[int]) -> list[str]:
    """Form features that set the options at ``chosen`` apart from all the others.

    A feature counts when every chosen option has it and no other does, or when no chosen
    option has it and every other does (at least two others, so a pattern can be seen).
    """
    others = [index for index in range(len(texts)) if index not in chosen]
    if len(others) < 2 or not chosen:
        return []
    found = [forms(text) for text in texts]
    odd = []
    for name in FORM_FEATURES:
        in_chosen = [name in found[index] for index in chosen]
        in_others = [name in found[index] for index in others]
        if all(in_chosen) and not any(in_others):
            odd.append(f"the only one with {name}")
        elif not any(in_chosen) and all(in_others):
            odd.append(f"the only one without {name}")
    return odd
