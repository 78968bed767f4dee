"""The records intake produces: a valid submission (with its answers) or a rejected file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..submission.format import QuizAnswers
from ..submission.sharing import shared


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

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its values; unpickled (from a worker process) with its quiz ids shared,
        as the records it holds share theirs (``submission.format``)."""
        return _shared_submission, (
            self.content_hash,
            self.trainee_id,
            self.last_seq,
            self.created_at,
            self.package_version,
            self.quizzes,
            self.source,
            self.notes,
        )

    @property
    def answer_count(self) -> int:
        """How many answers the submission holds, over all quizzes."""
        return sum(len(quiz.answers) for quiz in self.quizzes.values())


def _shared_submission(
    content_hash: str,
    trainee_id: str,
    last_seq: int,
    created_at: str,
    package_version: str,
    quizzes: dict[str, QuizAnswers],
    source: str,
    notes: list[str],
) -> Submission:
    quizzes = {shared(quiz_id): quiz for quiz_id, quiz in quizzes.items()}
    return Submission(
        content_hash, trainee_id, last_seq, created_at, shared(package_version), quizzes, source,
        notes,
    )  # fmt: skip


@dataclass(frozen=True)
class Rejected:
    """A file that could not be graded, and why (a sentence saying how to fix it)."""

    source: str
    reason: str
