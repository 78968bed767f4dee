"""Rule helpers of the quiz models: located violations, id checks, option-letter citations.

A model validator that finds problems deep inside its input (an option id, a key entry) collects
them as :class:`Violation` records and raises :func:`violations_error`; pydantic keeps each
location, so the loader can point every problem at its own line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from pydantic import ValidationError
from pydantic_core import InitErrorDetails

from .._util.yamlsource import rule


@dataclass(frozen=True)
class Violation:
    """One broken rule: where (relative to the model being validated), what, and how to fix it."""

    loc: tuple[int | str, ...]
    message: str
    hint: str
    value: Any = None


def violations_error(title: str, violations: list[Violation]) -> ValidationError:
    """A :class:`ValidationError` carrying every violation with its own location."""
    details = [
        InitErrorDetails(type=rule(v.message, v.hint), loc=v.loc, input=v.value) for v in violations
    ]
    return ValidationError.from_exception_data(title, details)


def check(title: str, violations: list[Violation]) -> None:
    """Raise all ``violations`` at once, if there are any."""
    if violations:
        raise violations_error(title, violations)


class HasId(Protocol):
    """Anything with an id: an option, a prompt, a match, an item."""

    @property
    def id(self) -> str:
        """The entry's stable slug."""


def duplicate_ids(field: str, entries: Sequence[HasId]) -> list[Violation]:
    """A violation for every entry whose id an earlier entry already uses."""
    seen: set[str] = set()
    found = []
    for index, entry in enumerate(entries):
        if entry.id in seen:
            found.append(
                Violation(
                    (field, index, "id"),
                    f"id '{entry.id}' appears twice in '{field}'",
                    "give every entry its own id (a short lowercase slug).",
                    entry.id,
                )
            )
        seen.add(entry.id)
    return found


def unknown_id(loc: tuple[int | str, ...], value: str, field: str, ids: list[str]) -> Violation:
    """A key entry naming an id that ``field`` does not define."""
    return Violation(
        loc,
        f"key names '{value}', which is not an id in '{field}'",
        f"use one of: {', '.join(ids) or '(none defined)'}.",
        value,
    )


# An explanation that points at a letter ("(b)", "option C", "answer a.") means nothing once
# the options are shuffled per trainee.
_LETTER_CITATIONS: Final = (
    re.compile(r"\(([a-hA-H])\)"),
    re.compile(r"\b(?i:option|answer|choice)s?\s+([A-H])\b"),
    re.compile(
        r"\b(?i:option|answer|choice)s?\s+([a-h])(?=\s*(?:[).,;:!?]|$|\s+(?:is|was|and|or)\b))"
    ),
)


def cited_letter(text: str) -> str | None:
    """The first option letter ``text`` cites ("(a)", "option B", "answer c."), or None."""
    for pattern in _LETTER_CITATIONS:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None
