"""A trainee's response in words, for the feedback page (option texts, not ids)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final

from ..quiz import models
from ..quiz.models import AnyQuestion
from ..quiz.responses import fits, is_blank
from ._quote import shorten

NO_ANSWER: Final = "(no answer)"
_LABEL_LENGTH: Final = 80
ANSWER_LENGTH: Final = 400
"""The most characters of an answer a page shows (a file may hold a 4 MB "answer")."""


def short_label(stem: str) -> str:
    """The start of a question's stem, on one line, for headings and table rows."""
    text = " ".join(stem.replace("*", "").split())
    return text if len(text) <= _LABEL_LENGTH else text[: _LABEL_LENGTH - 1].rstrip() + "…"


def _texts(question: AnyQuestion, name: str) -> dict[str, str]:
    return {entry.id: entry.text for entry in getattr(question, name, [])}


def _raw(response: Any) -> str:
    return response if isinstance(response, str) else json.dumps(response, ensure_ascii=False)


def _choices(question: Any, response: list[str]) -> str:
    options = _texts(question, "options")
    return "; ".join(options.get(item, item) for item in response)


def _pairs(question: Any, response: dict[str, str]) -> str:
    prompts, matches = _texts(question, "prompts"), _texts(question, "matches")
    return "; ".join(
        f"{prompts.get(key, key)} → {matches.get(value, value)}" for key, value in response.items()
    )


def _order(question: Any, response: list[str]) -> str:
    items = _texts(question, "items")
    return " → ".join(items.get(item, item) for item in response)


_DESCRIBE: Final[dict[type[Any], Callable[[Any, Any], str]]] = {
    models.SingleChoice: lambda question, response: _texts(question, "options").get(
        response, response
    ),
    models.MultipleAnswers: _choices,
    models.TrueFalse: lambda question, response: "True" if response else "False",
    models.Numeric: lambda question, response: _raw(response),
    models.Matching: _pairs,
    models.Ordering: _order,
    models.ShortText: lambda question, response: _raw(response),
}


def describe_response(question: AnyQuestion, response: Any) -> str:
    """What the trainee answered, in words; a response that does not fit is shown as written."""
    if is_blank(response):
        return NO_ANSWER
    if not fits(question, response):
        return shorten(_raw(response), ANSWER_LENGTH)
    return shorten(_DESCRIBE[type(question)](question, response), ANSWER_LENGTH)
