"""Data models of the practice facts (consultation to aftercare) and the dated regulations.

Every practice fact carries a label saying how strong it is (evidence, practice convention,
course rule, sources disagree, inference); every regulation carries the date it was last
checked. Lessons and widgets show both beside the fact, with :data:`CHECK_RULES_NOTE`.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from pydantic import Field, field_validator

from .base import Model, RefId, Slug, Text, rule

PracticeTopic = Literal[
    "consultation",
    "consent",
    "test-area",
    "session",
    "aftercare",
    "complications",
    "hygiene",
    "documentation",
]
PracticeLabel = Literal[
    "evidence", "practice-convention", "course-rule", "sources-disagree", "inference"
]
CHECKED_DATE: Final = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
"""A year (``2026``) or a day (``2026-05-12``)."""

LABEL_WORDS: Final[dict[str, str]] = {
    "evidence": "Evidence",
    "practice-convention": "Practice convention (low-authority sources)",
    "course-rule": "Course rule",
    "sources-disagree": "Sources disagree",
    "inference": "Our inference (not tested in studies)",
}
"""Each label as a trainee reads it."""
REGULATION_LABEL: Final = "Dated regulation"
CHECK_RULES_NOTE: Final = (
    "Rules change: check your current rules with the official source before you act on this."
)


class PracticeFact(Model):
    """One statement a practitioner needs, with its label and references."""

    id: Slug
    name: Text
    topic: PracticeTopic
    label: PracticeLabel
    fact: Text
    references: list[RefId] = Field(min_length=1)
    client: list[Text] = Field(default_factory=list)
    """The fact in plain words for a client form (the consent form, the aftercare sheet)."""

    @property
    def label_text(self) -> str:
        """The label in words (``Course rule``)."""
        return LABEL_WORDS[self.label]


class PracticeFile(Model):
    practice_facts: list[PracticeFact] = Field(min_length=1)


class Regulation(Model):
    """The rules of one jurisdiction as last checked: status, summary, date, references."""

    id: Slug
    jurisdiction: Text
    status: Text
    summary: Text
    last_checked: Text
    as_of: Text
    references: list[RefId] = Field(min_length=1)

    @field_validator("last_checked")
    @classmethod
    def _dated(cls, value: str) -> str:
        if not CHECKED_DATE.match(value):
            raise rule(
                f"last_checked {value!r} is not a date",
                'write the year ("2026") or the day ("2026-05-12") the sources were read.',
            )
        return value

    @property
    def dated_label(self) -> str:
        """``Dated regulation, last checked 2026 (as of ...)``."""
        return f"{REGULATION_LABEL}, last checked {self.last_checked} (as of {self.as_of})"


class RegulationsFile(Model):
    regulations: list[Regulation] = Field(min_length=1)
