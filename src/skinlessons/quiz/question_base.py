"""What every question type shares: the common fields, their validators and the letter rule.

``questions`` builds the seven types on :class:`QuestionBase`; import them from ``models``.
"""

from __future__ import annotations

from typing import Any, Final, Self

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .._util.yamlsource import rule
from ._rules import Violation, check, cited_letter
from .parts import Slug, _Model

QUESTION_TYPES: Final = (
    "single_choice",
    "multiple_answers",
    "true_false",
    "numeric",
    "matching",
    "ordering",
    "short_text",
)
"""Every question type, in the order the docs list them."""
SHUFFLED_TYPES: Final = frozenset({"single_choice", "multiple_answers", "matching", "ordering"})
"""Types whose options (matches, items) are shown in a per-trainee order when ``shuffle`` is on."""


class QuestionBase(_Model):
    """The fields, validators and rules every question type has; each type adds its own."""

    id: Slug
    stem: str = Field(min_length=1)
    points: float = 1.0
    objectives: list[str]
    references: list[str]
    must_pass: bool = False
    shuffle: bool = True
    explanation: str | None = None
    topic: Slug | None = None
    """A must-pass topic; lesson self-check questions that practise it carry the same one."""
    allow_cue: str | None = Field(default=None, min_length=1)
    """Why an item-writing cue is justified here; the check then lists it instead."""

    def key_value(self) -> Any:
        """The key, or None in a key-free projection."""
        return getattr(self, "key", None)

    def _violations(self) -> list[Violation]:
        """This type's own rules; subclasses extend the list."""
        return []

    @field_validator("points")
    @classmethod
    def _positive_points(cls, points: float) -> float:
        if points <= 0:
            raise rule(
                f"points must be more than 0 (got {points:g})",
                "give the question a positive number of points, usually 1.",
            )
        return points

    @field_validator("objectives", "references")
    @classmethod
    def _at_least_one(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        if not ids:
            example = "L03.1" if info.field_name == "objectives" else "R12"
            raise rule(
                f"the question lists no {info.field_name}",
                f"add at least one id, e.g. {info.field_name}: [{example}].",
            )
        return ids

    @model_validator(mode="after")
    def _rules(self) -> Self:
        found: list[Violation] = []
        if self.shuffle and getattr(self, "type", "") in SHUFFLED_TYPES:
            found.extend(self._letter_citations())
        found.extend(self._violations())
        check(type(self).__name__, found)
        return self

    def _letter_citations(self) -> list[Violation]:
        texts: list[tuple[tuple[int | str, ...], str | None]] = [
            (("explanation",), self.explanation)
        ]
        for index, option in enumerate(getattr(self, "options", [])):
            texts.append((("options", index, "feedback"), option.feedback))
        found = []
        for loc, text in texts:
            letter = cited_letter(text or "")
            if letter:
                found.append(
                    Violation(
                        loc,
                        f"text cites an option letter ({letter!r}) but options are shuffled "
                        "per trainee, so letters differ between trainees",
                        "refer to the option by its wording instead, or set 'shuffle: false'.",
                        letter,
                    )
                )
        return found
