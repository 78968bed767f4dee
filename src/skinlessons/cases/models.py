"""The schema of ``quizzes/cases.yaml``: intake questions, and cases with expected decisions.

A case lists only the intake answers that differ from a question's ``usual`` answer; the ids
in ``findings`` are contraindication ids of the course data, ``mark`` a scar or mark id and
``request.procedure`` a procedure id (``check`` verifies each against the data).
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import Field, model_validator

from ..facts.base import Model, PhototypeId, RefId, Slug, Text, rule

Decision = Literal["proceed", "proceed-with-changes", "defer", "refer"]
DECISION_WORDS: Final[dict[str, str]] = {
    "proceed": "Proceed as booked",
    "proceed-with-changes": "Proceed with changes",
    "defer": "Defer",
    "refer": "Refer",
}
"""Each decision as a trainee reads it."""
DETAIL_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "proceed": (),
    "proceed-with-changes": ("changes",),
    "defer": ("until",),
    "refer": ("refer_to", "note"),
}
"""The detail fields each decision needs (and the only ones it may have)."""


class IntakeQuestion(Model):
    """A question the trainee may ask, and the answer a client gives when nothing applies."""

    id: Slug
    text: Text
    usual: Text


class IntakeAnswer(Model):
    """A client's answer to one question, and the screening findings it reveals."""

    question: Slug
    answer: Text
    findings: tuple[Slug, ...] = ()


class SkinCheck(Model):
    """What the skin check shows: in words, a scar or mark id, and screening findings."""

    seen: Text
    mark: Slug | None = None
    findings: tuple[Slug, ...] = ()


class Request(Model):
    """The booked procedure (an id of the procedures data) and its detail in words."""

    procedure: Slug
    detail: Text


class Expected(Model):
    """The expected decision, its details and its reasons."""

    decision: Decision
    changes: Text | None = None
    until: Text | None = None
    refer_to: Text | None = None
    note: Text | None = None
    reasons: Text

    @model_validator(mode="after")
    def _details_fit_the_decision(self) -> Expected:
        needed = DETAIL_FIELDS[self.decision]
        missing = [name for name in needed if getattr(self, name) is None]
        extra = [
            name
            for names in DETAIL_FIELDS.values()
            for name in names
            if name not in needed and getattr(self, name) is not None
        ]
        if missing or extra:
            raise rule(
                f"decision {self.decision!r} needs {', '.join(needed) or 'no detail'} "
                f"(missing: {', '.join(missing) or 'none'}; "
                f"not wanted: {', '.join(extra) or 'none'})",
                "proceed-with-changes gives 'changes', defer gives 'until', refer gives "
                "'refer_to' and 'note'; proceed gives none of them.",
            )
        return self


class Case(Model):
    """One virtual client who arrives for a treatment."""

    id: Slug
    client: Text
    sex: Literal["female", "male"]
    age: int = Field(ge=12, le=100)
    phototype: PhototypeId
    arrives: Text
    request: Request
    intake: tuple[IntakeAnswer, ...] = Field(min_length=1)
    skin_check: SkinCheck
    expected: Expected
    references: list[RefId] = Field(min_length=1)

    @property
    def findings(self) -> tuple[str, ...]:
        """Every screening finding of the intake answers and the skin check, each once."""
        found = [f for answer in self.intake for f in answer.findings]
        return tuple(dict.fromkeys([*found, *self.skin_check.findings]))

    def answer_to(self, question: IntakeQuestion) -> IntakeAnswer:
        """The client's answer to ``question`` (its usual answer when the case lists none)."""
        for answer in self.intake:
            if answer.question == question.id:
                return answer
        return IntakeAnswer(question=question.id, answer=question.usual)


class CasesFile(Model):
    """``quizzes/cases.yaml``: the intake questions and at least 12 cases."""

    questions: tuple[IntakeQuestion, ...] = Field(min_length=1)
    cases: tuple[Case, ...] = Field(min_length=12)
