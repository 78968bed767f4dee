"""What a handout self-check needs to grade exactly as Python does, computed here once.

The page script (``quiz.js``) decides nothing on its own: Python precomputes, per question, the
normalised accepted answers (``quiz.text.normalise_answer``), the numeric margin (tolerance plus
the same relative edge epsilon as ``quiz.grading``), the forms a number may take and the sentence
for each number that cannot be read (``quiz.numbers.parse_number``); and, per quiz, the verdict
words (``quiz.grading``) and the character tables of the normalisation steps (NFKC, case folding,
Python's whitespace, trailing punctuation, minus signs, Unicode decimal digits). The script
normalises what the trainee types with those same steps, then only compares and counts.

``tests/files/parity/`` holds the table that checks both sides give the same verdict and credit.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any, Final

from ..quiz import models
from ..quiz.grading import CORRECT, INCORRECT, NOT_ANSWERED, PARTLY_RIGHT, edge_margin
from ..quiz.models import AnyQuestion
from ..quiz.numbers import (
    FRACTION,
    MINUS_SIGNS,
    PERCENT,
    PERCENT_UNIT,
    parse_number,
    unit_suffix,
)
from ..quiz.text import TRAILING_PUNCTUATION, normalise_answer

TYPED: Final = "\ue000"
"""A private-use character: never a number; stands for what the trainee typed in a message."""

HINTS: Final[dict[str, str]] = {
    "correct": "",
    "partly": "Read the explanation below, then try again.",
    "wrong": "Read the explanation below, then try again.",
    "blank": "Give an answer first, then press Check.",
    "problem": "",
    "another": "Version {number} of {count} is shown above. Type your answer and press Check.",
}
"""The handout's next step after each verdict (the verdict itself is the grader's)."""

_VERDICTS: Final[dict[str, str]] = {
    "correct": CORRECT,
    "partly": PARTLY_RIGHT,
    "wrong": INCORRECT,
    "blank": NOT_ANSWERED,
}


@cache
def page_rules() -> dict[str, Any]:
    """What every self-check on a page shares: verdict words and the normalisation tables."""
    characters = [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000]
    return {
        "verdicts": dict(_VERDICTS),
        "hints": dict(HINTS),
        "typed": TYPED,
        # str.casefold where it differs from lower-casing; the script lower-cases the rest.
        "fold": {c: c.casefold() for c in characters if c.casefold() != c.lower()},
        "space": "".join(c for c in characters if c.isspace()),
        "trailing": TRAILING_PUNCTUATION,
        "minus": MINUS_SIGNS,
        # The zero of every run of Unicode decimal digits (Python's \d and float() read them).
        "zeros": [ord(c) for c in characters if unicodedata.decimal(c, None) == 0],
    }


def _number_problems(question: models.Numeric) -> dict[str, str | None]:
    """The grader's sentence for each number that cannot be read (None: that form is fine)."""

    def problem(typed: str) -> str | None:
        return parse_number(typed, unit=question.unit, allow=question.allow).problem

    return {
        "empty": problem(""),
        "percent": problem("1%"),
        "both": problem("1/2%"),
        "fraction": problem("1/2"),
        "zero": problem("1/0"),
        "ordinary": problem("9" * 400 + "/1"),
        "unreadable": problem(TYPED),
    }


def _numeric(question: models.Numeric) -> dict[str, Any]:
    assert question.key is not None
    return {
        "value": question.key.value,
        "margin": edge_margin(question),
        "percent_unit": question.unit == PERCENT_UNIT,
        "unit": unit_suffix(question.unit),
        "percent": PERCENT in question.allow,
        "fraction": FRACTION in question.allow,
        "problems": _number_problems(question),
    }


def _key_as_is(question: AnyQuestion) -> dict[str, Any]:
    return {"key": question.key_value()}  # option ids, the boolean, pairs or the order


def _accepted(question: models.ShortText) -> dict[str, Any]:
    return {"accepted": sorted({normalise_answer(variant) for variant in question.key or ()})}


_CHECK_DATA: Final[dict[type[Any], Callable[[Any], dict[str, Any]]]] = {
    models.SingleChoice: _key_as_is,
    models.MultipleAnswers: _key_as_is,
    models.TrueFalse: _key_as_is,
    models.Numeric: _numeric,
    models.Matching: _key_as_is,
    models.Ordering: _key_as_is,
    models.ShortText: _accepted,
}


def check_data(question: AnyQuestion) -> dict[str, Any]:
    """What the page script needs to grade one formative question (it carries the key)."""
    return {"type": question.type, **_CHECK_DATA[type(question)](question)}
