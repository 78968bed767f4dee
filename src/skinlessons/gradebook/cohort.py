"""The graded cohort: each trainee's current submission, its grades and the pass decision.

A later submission from the same trainee supersedes the older one: the one with the larger
``last_seq`` counts (ties: the larger content hash, as the gradebook's ``current_submissions``
view decides). File times are never used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from ..quiz.models import Quiz
from .records import Submission
from .regrade import QuizGrade, SubmissionGrade
from .roster import RosterEntry, identity_of

PASS: Final = "pass"
FAIL: Final = "fail"
FAIL_MUST_PASS: Final = "fail: must-pass"


@dataclass(frozen=True)
class TraineeOutcome:
    """One trainee: identity, the submission that counts, its grades and the final result."""

    submission: Submission
    graded: SubmissionGrade
    identity: RosterEntry
    is_on_roster: bool
    final: QuizGrade | None

    @property
    def trainee_id(self) -> str:
        """The trainee id exactly as submitted."""
        return self.submission.trainee_id

    @property
    def status(self) -> str:
        """``pass``; ``fail: must-pass`` when a must-pass item is missed; else ``fail``."""
        if self.final is None:
            return FAIL
        if self.final.result.passed:
            return PASS
        return FAIL_MUST_PASS if self.final.result.must_pass_failed else FAIL

    @property
    def passed(self) -> bool:
        """The pass mark is reached and every must-pass item is right."""
        return self.status == PASS


def summative_quiz_id(quizzes: Mapping[str, Quiz]) -> str | None:
    """The final assessment: the first summative quiz in id order (None if the course has none)."""
    return next((qid for qid in sorted(quizzes) if quizzes[qid].is_summative), None)


def current_submissions(submissions: Iterable[Submission]) -> dict[str, Submission]:
    """Trainee id → the submission that counts (largest last_seq, then largest hash)."""
    best: dict[str, Submission] = {}
    for submission in submissions:
        held = best.get(submission.trainee_id)
        rank = (submission.last_seq, submission.content_hash)
        if held is None or rank > (held.last_seq, held.content_hash):
            best[submission.trainee_id] = submission
    return best


def build_cohort(
    current: Mapping[str, Submission],
    grades: Mapping[str, SubmissionGrade],
    roster: dict[str, RosterEntry] | None,
    final_quiz_id: str | None,
) -> list[TraineeOutcome]:
    """One outcome per trainee, sorted by trainee id."""
    outcomes = []
    for trainee_id in sorted(current):
        submission = current[trainee_id]
        graded = grades[submission.content_hash]
        identity = identity_of(roster, trainee_id)
        outcomes.append(
            TraineeOutcome(
                submission=submission,
                graded=graded,
                identity=identity or RosterEntry(trainee_id),
                is_on_roster=identity is not None,
                final=graded.quizzes.get(final_quiz_id) if final_quiz_id else None,
            )
        )
    return outcomes
