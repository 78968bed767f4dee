"""The response rules: what an answer to each question type may look like, and what is blank.

The one owner of these rules (``docs/contracts.md``, "Responses"); the live quiz, the receipt,
grading, intake, the gradebook pages and the item analysis all ask here. Each concern is one
table keyed by question type, so a new type adds one entry per table.

* :func:`is_blank`: the response says nothing (null, blank text, ``[]``, ``{}``, a list or
  object whose entries are all blank) and counts as not answered;
* :func:`fits`: the response has the shape its question type takes, and names only ids the
  question has (a live answer may be incomplete: ``""`` for a match or position not chosen);
* :func:`misfit_note`: the sentence that says a kept response does not fit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from . import models
from .models import AnyQuestion


def is_blank(response: object) -> bool:
    """True if a response says nothing: None, blank text, no option, no match, no position."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list):
        return all(is_blank(item) for item in response)
    if isinstance(response, dict):
        return all(is_blank(item) for item in response.values())
    return False


def _ids_in(response: object, allowed: set[str]) -> bool:
    return isinstance(response, list) and all(
        isinstance(item, str) and item in allowed for item in response
    )


def _single_choice(question: models.SingleChoice, response: object) -> bool:
    return isinstance(response, str) and response in question.option_ids()


def _multiple_answers(question: models.MultipleAnswers, response: object) -> bool:
    return _ids_in(response, set(question.option_ids()))


def _true_false(question: models.TrueFalse, response: object) -> bool:
    return isinstance(response, bool)


def _numeric(question: models.Numeric, response: object) -> bool:
    return isinstance(response, str | int | float) and not isinstance(response, bool)


def _matching(question: models.Matching, response: object) -> bool:
    prompts = {prompt.id for prompt in question.prompts}
    matches = {match.id for match in question.matches} | {""}
    return isinstance(response, dict) and all(
        key in prompts and isinstance(value, str) and value in matches
        for key, value in response.items()
    )


def _ordering(question: models.Ordering, response: object) -> bool:
    return _ids_in(response, {item.id for item in question.items} | {""})


def _short_text(question: models.ShortText, response: object) -> bool:
    return isinstance(response, str)


_FITS: Final[dict[type[Any], Callable[[Any, object], bool]]] = {
    models.SingleChoice: _single_choice,
    models.MultipleAnswers: _multiple_answers,
    models.TrueFalse: _true_false,
    models.Numeric: _numeric,
    models.Matching: _matching,
    models.Ordering: _ordering,
    models.ShortText: _short_text,
}

TYPE_WORDS: Final[dict[type[Any], str]] = {
    models.SingleChoice: "single-choice answer (one option id)",
    models.MultipleAnswers: "multiple-answers answer (a list of option ids)",
    models.TrueFalse: "true/false answer",
    models.Numeric: "numeric answer (a number, or one typed as text)",
    models.Matching: "matching answer (prompt ids paired with match ids)",
    models.Ordering: "ordering answer (item ids, in order)",
    models.ShortText: "short-text answer (typed text)",
}
"""What a fitting response to each type looks like, in words."""


def fits(question: AnyQuestion, response: object) -> bool:
    """True if ``response`` is blank or has the shape and ids ``question`` takes."""
    return is_blank(response) or _FITS[type(question)](question, response)


def misfit_note(question: AnyQuestion) -> str:
    """``answer to 'q' is not a valid single-choice answer (one option id)``."""
    return f"answer to '{question.id}' is not a valid {TYPE_WORDS[type(question)]}"
