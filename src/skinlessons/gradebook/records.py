"""The records intake produces: a valid submission (with its answers) or a rejected file."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..submission.format import QuizAnswers


@dataclass(frozen=True)
class Submission:
    """A valid submission, keyed by the hash of its canonical JSON content."""

    content_hash: str
    trainee_id: str
    last_seq: int
    created_at: str
    package_version: str
    quizzes: dict[str, QuizAnswers]
    source: str
    notes: list[str] = field(default_factory=list)

    @property
    def answer_count(self) -> int:
        """How many answers the submission holds, over all quizzes."""
        return sum(len(quiz.answers) for quiz in self.quizzes.values())


@dataclass(frozen=True)
class Rejected:
    """A file that could not be graded, and why (a sentence saying how to fix it)."""

    source: str
    reason: str
