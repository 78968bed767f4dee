"""The submission format: typed records, the version, the size limit, names and folders.

A trainee's data folder (``$SKINLESSONS_HOME``, else ``~/.skinlessons``) holds the answer log,
the saved trainee id and ``submissions/submission-<slug>.json``. Every rule about that file and
that folder is spelled here once; ``docs/contracts.md`` shows the same format as JSON.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..names import DEFAULT_HOME_DIRNAME, HOME_ENV
from .sharing import shared
from .trainee_ids import trainee_slug

FORMAT: Final = "skinlessons-submission"
FORMAT_VERSION: Final = 2
"""Version 2 adds, per pooled quiz, the ``sitting`` and the question ids ``shown``."""
READABLE_VERSIONS: Final = (1, 2)
"""The versions a grader reads; a version 1 file is a first sitting with nothing recorded."""
MAX_BYTES: Final = 5 * 1024 * 1024
"""Larger files are refused unread (5 MB; a real submission is a few tens of kB)."""
MAX_SEQ: Final = 2**63 - 1
"""The largest ``seq`` or ``last_seq`` a submission carries (a 64-bit signed integer, what the
gradebook stores); an answer-log line with a larger one is skipped."""
FILE_PREFIX: Final = "submission-"
FILE_SUFFIX: Final = ".json"

ANSWER_LOG_NAME: Final = "answers.jsonl"
"""The append-only answer log in a data folder, one JSON record per line."""
TRAINEE_FILE_NAME: Final = "trainee.json"
"""The saved trainee id in a data folder."""
SUBMISSIONS_DIRNAME: Final = "submissions"
"""Where ``skinlessons submit`` writes by default, inside the data folder."""


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer: the latest response, its log seq, the number of checks and the first try.

    Formative items keep the first checked response and count the checks; summative items
    keep the latest answer, with ``attempts`` 1 and ``first_response`` that same answer.
    """

    response: Any
    seq: int
    attempts: int
    first_response: Any

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its four values; unpickled (from a worker process) with the responses
        shared as parsing shares them, rather than one copy per submission."""
        return _shared_record, (self.response, self.seq, self.attempts, self.first_response)

    def to_json(self) -> dict[str, Any]:
        """The answer entry of a submission file."""
        return {
            "response": self.response,
            "seq": self.seq,
            "attempts": self.attempts,
            "first_response": self.first_response,
        }


@dataclass(frozen=True, slots=True)
class QuizAnswers:
    """A quiz's entry in a submission: the version the trainee answered and the answers."""

    quiz_id: str
    quiz_version: str
    kind: str
    answers: dict[str, AnswerRecord]
    sitting: int = 1
    """Which attempt at a pooled quiz (1 first; a re-sit the instructor allows draws afresh)."""
    shown: list[str] | None = None
    """The question ids a pooled quiz showed the trainee; None for a quiz without pools."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its values; unpickled with its ids shared (see ``AnswerRecord``)."""
        fields = (
            self.quiz_id,
            self.quiz_version,
            self.kind,
            self.answers,
            self.sitting,
            self.shown,
        )
        return _shared_quiz, fields

    def to_json(self) -> dict[str, Any]:
        """The quiz entry of a submission file (the id is its key in ``quizzes``)."""
        entry: dict[str, Any] = {"quiz_version": self.quiz_version, "kind": self.kind}
        if self.shown is not None:
            entry["sitting"] = self.sitting
            entry["shown"] = list(self.shown)
        entry["answers"] = {qid: answer.to_json() for qid, answer in self.answers.items()}
        return entry


@dataclass(frozen=True)
class SubmissionDocument:
    """A whole submission file; ``notes`` says what a lenient parse left out (never written)."""

    trainee_id: str
    created_at: str
    package_version: str
    last_seq: int
    quizzes: dict[str, QuizAnswers]
    notes: list[str] = field(default_factory=list)

    @property
    def answer_count(self) -> int:
        """How many answers the document holds, over all quizzes."""
        return sum(len(quiz.answers) for quiz in self.quizzes.values())

    def to_json(self) -> dict[str, Any]:
        """The document as the JSON object a submission file holds."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "trainee_id": self.trainee_id,
            "created_at": self.created_at,
            "package_version": self.package_version,
            "last_seq": self.last_seq,
            "quizzes": {quiz_id: quiz.to_json() for quiz_id, quiz in self.quizzes.items()},
        }


def _shared_record(response: Any, seq: int, attempts: int, first_response: Any) -> AnswerRecord:
    return AnswerRecord(shared(response), seq, attempts, shared(first_response))


def _shared_quiz(
    quiz_id: str,
    version: str,
    kind: str,
    answers: dict[str, AnswerRecord],
    sitting: int,
    ids: list[str] | None,
) -> QuizAnswers:
    answers = {shared(qid): answer for qid, answer in answers.items()}
    return QuizAnswers(
        shared(quiz_id), shared(version), shared(kind), answers, sitting, shared(ids)
    )


def file_name(trainee_id: str) -> str:
    """The default file name for a trainee's submission (a slug, never the raw id)."""
    return f"{FILE_PREFIX}{trainee_slug(trainee_id)}{FILE_SUFFIX}"


def is_submission_name(name: str) -> bool:
    """True for a file name :func:`file_name` could have made (what ``collect`` copies)."""
    return name.startswith(FILE_PREFIX) and name.endswith(FILE_SUFFIX)


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """The trainee's data folder: ``$SKINLESSONS_HOME``, else ``~/.skinlessons`` (not created)."""
    configured = (os.environ if env is None else env).get(HOME_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path.home() / DEFAULT_HOME_DIRNAME


def home_data_folder(home: Path) -> Path:
    """The data folder inside a user's home folder (where ``collect`` looks on a hub)."""
    return home / DEFAULT_HOME_DIRNAME


def answer_log_path(folder: Path) -> Path:
    """The answer log inside a data folder."""
    return folder / ANSWER_LOG_NAME


def trainee_file_path(folder: Path) -> Path:
    """The saved trainee id inside a data folder."""
    return folder / TRAINEE_FILE_NAME


def submissions_dir(folder: Path) -> Path:
    """The default folder for submission files inside a data folder."""
    return folder / SUBMISSIONS_DIRNAME
