"""The seven question types of the quiz schema (pydantic v2); import them from ``models``.

The shapes follow ``docs/contracts.md``; what all types share is in ``question_base``. Every
question, option, prompt, match and item has a stable slug id; grading uses ids, never
positions. Each rule a validator enforces carries a fix hint, so the loader can print *what —
where — how to fix* for every problem at once.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ._rules import Violation, check, duplicate_ids, unknown_id
from .parts import Entry, NumericAllow, NumericKey, Option
from .question_base import QUESTION_TYPES, SHUFFLED_TYPES, QuestionBase
from .templates import Template

__all__ = [
    "QUESTION_TYPES",
    "SHUFFLED_TYPES",
    "AnyQuestion",
    "Matching",
    "MultipleAnswers",
    "Numeric",
    "Ordering",
    "Question",
    "QuestionBase",
    "ShortText",
    "SingleChoice",
    "TrueFalse",
]


class _ChoiceQuestion(QuestionBase):
    options: list[Option] = Field(min_length=2)

    def option_ids(self) -> list[str]:
        """The option ids, in file order."""
        return [option.id for option in self.options]

    def _violations(self) -> list[Violation]:
        return duplicate_ids("options", self.options)


class SingleChoice(_ChoiceQuestion):
    """Pick one option; the key is that option's id."""

    type: Literal["single_choice"]
    key: str | list[str] | None = None

    def _violations(self) -> list[Violation]:
        found = super()._violations()
        ids = self.option_ids()
        if isinstance(self.key, list):
            found.append(
                Violation(
                    ("key",),
                    f"single choice takes exactly one key, got {len(self.key)}",
                    "keep one option id as the key, or use type: multiple_answers.",
                    self.key,
                )
            )
        elif self.key is not None and self.key not in ids:
            found.append(unknown_id(("key",), self.key, "options", ids))
        return found


class MultipleAnswers(_ChoiceQuestion):
    """Pick every correct option; partial credit. The key lists the correct option ids."""

    type: Literal["multiple_answers"]
    key: list[str] | None = None

    def _violations(self) -> list[Violation]:
        found = super()._violations()
        ids = self.option_ids()
        if self.key is not None and not self.key:
            found.append(
                Violation(
                    ("key",),
                    "multiple answers key is empty",
                    "list at least one correct option id; use true_false for 'none of these'.",
                    [],
                )
            )
        for index, value in enumerate(self.key or []):
            if value not in ids:
                found.append(unknown_id(("key", index), value, "options", ids))
        if self.key is not None and len(set(self.key)) != len(self.key):
            found.append(
                Violation(
                    ("key",), "key lists an option twice", "list each option id once.", self.key
                )
            )
        return found


class TrueFalse(QuestionBase):
    """A statement that is true or false; the key is the boolean."""

    type: Literal["true_false"]
    key: bool | None = None


class Numeric(QuestionBase):
    """A number, typed; graded against ``key.value`` within its tolerance, in ``unit``."""

    type: Literal["numeric"]
    unit: str | None = None
    allow: list[NumericAllow] = Field(default_factory=list)
    key: NumericKey | None = None
    template: Template | None = None
    """Computed variants: each trainee gets one; the key is the generator's (no ``key:``)."""

    def key_value(self) -> Any:
        """The key; for a template, its key rule (None in a key-free projection)."""
        if self.template is not None:
            return self.template if self.template.has_key_rule else None
        return self.key

    def _violations(self) -> list[Violation]:
        found = super()._violations()
        if self.template is not None and self.key is not None:
            found.append(
                Violation(
                    ("key",),
                    f"question '{self.id}' has a template and a 'key:'",
                    "remove 'key:': the template's generator computes each variant's key.",
                )
            )
        return found


class Matching(QuestionBase):
    """Match each prompt to one match; extra matches are distractors."""

    type: Literal["matching"]
    prompts: list[Entry] = Field(min_length=1)
    matches: list[Entry] = Field(min_length=1)
    key: dict[str, str] | None = None

    def _violations(self) -> list[Violation]:
        found = duplicate_ids("prompts", self.prompts) + duplicate_ids("matches", self.matches)
        if self.key is None:
            return found
        prompt_ids = [prompt.id for prompt in self.prompts]
        match_ids = [match.id for match in self.matches]
        for prompt_id, match_id in self.key.items():
            if prompt_id not in prompt_ids:
                found.append(unknown_id(("key", prompt_id), prompt_id, "prompts", prompt_ids))
            elif match_id not in match_ids:
                found.append(unknown_id(("key", prompt_id), match_id, "matches", match_ids))
        missing = [prompt_id for prompt_id in prompt_ids if prompt_id not in self.key]
        if missing:
            found.append(
                Violation(
                    ("key",),
                    f"key gives no match for prompt(s) {', '.join(missing)} "
                    f"({len(self.key)} key entries for {len(prompt_ids)} prompts)",
                    "map every prompt id to one match id: {prompt-id: match-id}.",
                    missing,
                )
            )
        return found


class Ordering(QuestionBase):
    """Put the items in order; the key lists every item id in the correct order."""

    type: Literal["ordering"]
    items: list[Entry] = Field(min_length=2)
    key: list[str] | None = None

    def _violations(self) -> list[Violation]:
        found = duplicate_ids("items", self.items)
        item_ids = [item.id for item in self.items]
        if self.key is not None and sorted(self.key) != sorted(item_ids):
            missing = sorted(set(item_ids) - set(self.key))
            extra = sorted(set(self.key) - set(item_ids))
            repeated = sorted({value for value in self.key if self.key.count(value) > 1})
            details = "; ".join(
                f"{label}: {', '.join(values)}"
                for label, values in (("missing", missing), ("unknown", extra), ("twice", repeated))
                if values
            )
            found.append(
                Violation(
                    ("key",),
                    f"ordering key is not an order of all the items ({details})",
                    "list every item id exactly once, in the correct order.",
                    self.key,
                )
            )
        return found


class ShortText(QuestionBase):
    """A short typed answer; the key lists accepted variants (compared normalised)."""

    type: Literal["short_text"]
    key: list[str] | None = None

    def _violations(self) -> list[Violation]:
        if self.key is not None and not [text for text in self.key if text.strip()]:
            return [
                Violation(
                    ("key",),
                    "short text key lists no accepted answer",
                    'list at least one accepted variant, e.g. key: ["stratum corneum"].',
                    self.key,
                )
            ]
        return []


def _known_type(data: Any) -> Any:
    """Reject a missing or unknown ``type`` with the list of valid ones, at the type's line."""
    if isinstance(data, dict) and data.get("type") not in QUESTION_TYPES:
        value = data.get("type")
        message = "question has no 'type'" if value is None else f"unknown question type {value!r}"
        check(
            "Question",
            [Violation(("type",), message, f"use one of: {', '.join(QUESTION_TYPES)}.", value)],
        )
    return data


AnyQuestion = SingleChoice | MultipleAnswers | TrueFalse | Numeric | Matching | Ordering | ShortText
Question = Annotated[
    SingleChoice | MultipleAnswers | TrueFalse | Numeric | Matching | Ordering | ShortText,
    Field(discriminator="type"),
    BeforeValidator(_known_type),
]
"""Any question, chosen by its ``type`` field."""
