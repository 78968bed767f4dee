"""The building blocks of a question (pydantic v2): ids, options, entries and numeric keys.

The question types in ``questions`` are made of these; import them all from ``models``.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._rules import Violation, check

SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
QUIZ_ID_PATTERN: Final = r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
QuizId = Annotated[str, Field(pattern=QUIZ_ID_PATTERN)]
NumericAllow = Literal["fraction", "percent"]
QuizKind = Literal["formative", "summative"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Model):
    """One choice of a single-choice or multiple-answers question."""

    id: Slug
    text: str = Field(min_length=1)
    feedback: str | None = None


class Entry(_Model):
    """A prompt or match of a matching question, or an item of an ordering question."""

    id: Slug
    text: str = Field(min_length=1)


class NumericKey(_Model):
    """The expected number and its tolerance: absolute (``tolerance``) or relative."""

    value: float
    tolerance: float | None = None
    relative_tolerance: float | None = None

    @model_validator(mode="after")
    def _one_tolerance(self) -> Self:
        found = []
        for name in ("tolerance", "relative_tolerance"):
            amount = getattr(self, name)
            if amount is not None and amount < 0:
                found.append(
                    Violation(
                        (name,),
                        f"{name} is negative ({amount!r})",
                        "write a tolerance of 0 or more (0 means the exact value only).",
                        amount,
                    )
                )
        if (self.tolerance is None) == (self.relative_tolerance is None):
            both = self.tolerance is not None
            found.append(
                Violation(
                    (),
                    "numeric key sets both 'tolerance' and 'relative_tolerance'"
                    if both
                    else "numeric key sets neither 'tolerance' nor 'relative_tolerance'",
                    "keep exactly one: 'tolerance' (absolute, in the unit) or "
                    "'relative_tolerance' (a fraction of the value, e.g. 0.03).",
                )
            )
        check("NumericKey", found)
        return self
