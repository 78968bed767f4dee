"""The instructor's grading overrides: void a question, accept another answer, allow a re-sit.

The overrides file is YAML::

    void:                       # removed from the maximum and the score, for everyone
      - question: final-goodman-baron-grade
        reason: "Two grades are defensible from the stem; voided after review."
    accept:                     # also full credit for this answer (in the question's key shape)
      - question: final-scarring-risk-lesions
        answer: [nodules, cysts, small-papules]
        reason: "Accepted after the stem was found ambiguous."
    resits:                     # this trainee may sit this pooled quiz up to this sitting
      - trainee: jdoe
        quiz: 08_final_assessment
        sitting: 2
        reason: "Ill on the day of the first sitting."

``answer`` takes the shape of the question's ``key`` (``docs/contracts.md``); a short-text
answer may be one string. A submission whose sitting is above the one allowed is graded on the
allowed sitting's draw, with a note. Every problem is reported at once with its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._util.yamlsource import YamlDocument, load_model
from ..errors import ContentError, ContentErrors
from ..quiz.draw import FIRST_SITTING
from ..quiz.models import QUESTION_ADAPTER, AnyQuestion, Quiz
from ..submission.parse import MAX_SITTING
from ..submission.trainee_ids import normalise_trainee_id


class OverridesFormatError(ContentError):
    """A problem in the instructor's overrides file."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VoidEntry(_Model):
    """Void one question: it leaves the maximum and the score of every trainee."""

    question: str = Field(min_length=1)
    reason: str = ""


class AcceptEntry(_Model):
    """Accept one more answer for a question (full credit), in the shape of its key."""

    question: str = Field(min_length=1)
    answer: Any
    reason: str = ""


class ResitEntry(_Model):
    """Allow one trainee sittings up to ``sitting`` of one pooled quiz (each draws afresh)."""

    trainee: str = Field(min_length=1)
    quiz: str = Field(min_length=1)
    sitting: int = Field(ge=2, le=MAX_SITTING)
    reason: str = ""


class OverridesFile(_Model):
    """The overrides file: questions to void, answers to accept, re-sits allowed."""

    void: list[VoidEntry] = Field(default_factory=list)
    accept: list[AcceptEntry] = Field(default_factory=list)
    resits: list[ResitEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class AppliedOverride:
    """One override as recorded in the gradebook: question, action and what it does."""

    question_id: str
    action: str
    detail: str


@dataclass(frozen=True)
class Overrides:
    """Overrides checked against the course: voided ids and extra keyed questions."""

    voided: frozenset[str] = frozenset()
    alternatives: Mapping[str, tuple[AnyQuestion, ...]] = field(default_factory=dict)
    applied: tuple[AppliedOverride, ...] = ()
    resits: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """(normalised trainee id, quiz id) -> the highest sitting allowed (1 when absent)."""

    def allowed_sitting(self, trainee_id: str, quiz_id: str) -> int:
        """The highest sitting of ``quiz_id`` this trainee may hand in."""
        return self.resits.get((normalise_trainee_id(trainee_id), quiz_id), FIRST_SITTING)

    def apply_to(self, quiz: Quiz) -> Quiz:
        """The quiz without its voided questions (unchanged when none is voided)."""
        kept = [question for question in quiz.questions if question.id not in self.voided]
        if len(kept) == len(quiz.questions):
            return quiz
        return quiz.model_copy(update={"questions": kept})


NO_OVERRIDES = Overrides(alternatives={})


def _question_index(quizzes: Mapping[str, Quiz]) -> dict[str, AnyQuestion]:
    return {question.id: question for quiz in quizzes.values() for question in quiz.questions}


def _alternative(question: AnyQuestion, answer: Any) -> AnyQuestion:
    """The question keyed with ``answer`` (validated by the question schema)."""
    if question.type == "short_text" and isinstance(answer, str):
        answer = [answer]
    data = question.model_dump(mode="python")
    data["key"] = answer
    return QUESTION_ADAPTER.validate_python(data)


def _check(
    parsed: OverridesFile, doc: YamlDocument, quizzes: Mapping[str, Quiz]
) -> tuple[Overrides, list[ContentError]]:
    index = _question_index(quizzes)
    problems: list[ContentError] = []
    alternatives: dict[str, list[AnyQuestion]] = {}
    applied: list[AppliedOverride] = []

    def problem(loc: tuple[int | str, ...], message: str, hint: str) -> None:
        line = doc.line_of(loc)
        problems.append(OverridesFormatError(message, path=doc.path, line=line, hint=hint))

    unknown_hint = "use a question id from quizzes/*.yaml (check the spelling)."
    for number, void in enumerate(parsed.void):
        if void.question not in index:
            problem(
                ("void", number, "question"), f"unknown question {void.question!r}", unknown_hint
            )
            continue
        applied.append(AppliedOverride(void.question, "void", void.reason))
    for number, accept in enumerate(parsed.accept):
        question = index.get(accept.question)
        if question is None:
            problem(
                ("accept", number, "question"),
                f"unknown question {accept.question!r}",
                unknown_hint,
            )
            continue
        try:
            alternative = _alternative(question, accept.answer)
        except ValidationError as exc:
            first = exc.errors()[0]["msg"]
            problem(
                ("accept", number, "answer"),
                f"answer {accept.answer!r} does not fit question '{question.id}' ({first})",
                f"write it in the shape of that question's key ({question.type}).",
            )
            continue
        alternatives.setdefault(question.id, []).append(alternative)
        detail = f"also accept {accept.answer!r}" + (f": {accept.reason}" if accept.reason else "")
        applied.append(AppliedOverride(question.id, "accept", detail))
    resits: dict[tuple[str, str], int] = {}
    for number, resit in enumerate(parsed.resits):
        quiz = quizzes.get(resit.quiz)
        if quiz is None or not quiz.pools:
            problem(
                ("resits", number, "quiz"),
                f"{resit.quiz!r} is not a pooled quiz of the course",
                "name a quiz with 'pools:' (a re-sit of a quiz without pools shows the "
                "same questions again).",
            )
            continue
        slot = (normalise_trainee_id(resit.trainee), resit.quiz)
        resits[slot] = max(resits.get(slot, FIRST_SITTING), resit.sitting)
    overrides = Overrides(
        voided=frozenset(item.question_id for item in applied if item.action == "void"),
        alternatives={qid: tuple(found) for qid, found in alternatives.items()},
        applied=tuple(applied),
        resits=resits,
    )
    return overrides, problems


def load_overrides(path: Path | None, quizzes: Mapping[str, Quiz]) -> Overrides:
    """Read and check the overrides file against the course's questions (None: no overrides).

    Raises:
        ContentErrors: every problem in the file, each with its line and a fix.
    """
    if path is None:
        return NO_OVERRIDES
    parsed, problems, doc = load_model(OverridesFile, Path(path), error_cls=OverridesFormatError)
    if parsed is None or doc is None:
        raise ContentErrors(problems)
    overrides, problems = _check(parsed, doc, quizzes)
    if problems:
        raise ContentErrors(problems)
    return overrides
