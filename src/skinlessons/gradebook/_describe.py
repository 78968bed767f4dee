"""A trainee's response in words, for the feedback page (option texts, not ids)."""

from __future__ import annotations

import json
from typing import Any, Final

from ..quiz.grading import is_unanswered
from ..quiz.models import AnyQuestion

NO_ANSWER: Final = "(no answer)"
_LABEL_LENGTH: Final = 80


def short_label(stem: str) -> str:
    """The start of a question's stem, on one line, for headings and table rows."""
    text = " ".join(stem.replace("*", "").split())
    return text if len(text) <= _LABEL_LENGTH else text[: _LABEL_LENGTH - 1].rstrip() + "…"


def _texts(question: AnyQuestion, name: str) -> dict[str, str]:
    return {entry.id: entry.text for entry in getattr(question, name, [])}


def _raw(response: Any) -> str:
    return response if isinstance(response, str) else json.dumps(response, ensure_ascii=False)


def describe_response(question: AnyQuestion, response: Any) -> str:
    """What the trainee answered, in words; unknown ids and odd shapes are shown as written."""
    if is_unanswered(response) or response in ([], {}):
        return NO_ANSWER
    options = _texts(question, "options")
    if question.type == "single_choice" and isinstance(response, str):
        return options.get(response, response)
    if question.type == "multiple_answers" and isinstance(response, list):
        return "; ".join(options.get(item, _raw(item)) for item in response)
    if question.type == "true_false" and isinstance(response, bool):
        return "True" if response else "False"
    if question.type == "matching" and isinstance(response, dict):
        prompts, matches = _texts(question, "prompts"), _texts(question, "matches")
        return "; ".join(
            f"{prompts.get(key, key)} → {matches.get(_raw(value), _raw(value))}"
            for key, value in response.items()
        )
    if question.type == "ordering" and isinstance(response, list):
        items = _texts(question, "items")
        return " → ".join(items.get(_raw(item), _raw(item)) for item in response)
    return _raw(response)
