"""Raise several located rule violations from one pydantic validator at once.

A model validator that finds problems deep inside its input (an option id, a key entry) collects
them as :class:`Violation` records and raises :func:`violations_error`; pydantic keeps each
location, so the loader can point every problem at its own line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails

from ..yamlsource import rule


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
