"""Pack the answer log into one submission file, and say what it holds (``skinlessons submit``).

The file follows ``docs/contracts.md`` ("Submission file"). It is written atomically, by
default into the trainee's data folder under a name made from a slug of the trainee id (never
the raw id). The :class:`Receipt` tells the trainee where the file is, which id it carries, and
per quiz which questions are answered and which are not yet.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from .. import __version__
from .._files import write_atomically
from ..course import find_course_root, quiz_files
from ..errors import SubmissionError
from . import strings
from .answers import is_answered, keep_answers
from .identity import require_trainee_id, trainee_slug
from .models import Quiz
from .projection import quiz_version
from .recording import AnswerEvent, AnswerLog, utc_timestamp
from .storage import (
    answer_log_path,
    data_home,
    ensure_dir,
    environment,
    is_unattended,
    run_mode,
    submissions_dir,
)

SUBMISSION_FORMAT: Final = "skinlessons-submission"
SUBMISSION_FORMAT_VERSION: Final = 1
SUBMISSION_SUFFIX: Final = ".json"


@dataclass(frozen=True)
class QuizReceipt:
    """One quiz in the receipt: numbered questions answered and not answered yet."""

    quiz_id: str
    title: str
    answered: list[tuple[int, str]]
    unanswered: list[tuple[int, str]]

    def line(self) -> str:
        """``Title (id): 3 of 5 questions answered.`` plus the unanswered questions."""
        total = len(self.answered) + len(self.unanswered)
        if not self.unanswered:
            return strings.RECEIPT_QUIZ_COMPLETE.format(
                title=self.title, quiz_id=self.quiz_id, total=total
            )
        head = strings.RECEIPT_QUIZ_PARTIAL.format(
            title=self.title, quiz_id=self.quiz_id, answered=len(self.answered), total=total
        )
        missing = ", ".join(
            strings.RECEIPT_QUESTION.format(number=number, question_id=question_id)
            for number, question_id in self.unanswered
        )
        return f"{head} {strings.RECEIPT_UNANSWERED.format(questions=missing)}"


@dataclass(frozen=True)
class Receipt:
    """What ``submit`` tells the trainee: the file, the id to confirm, each quiz's state."""

    path: Path
    trainee_id: str
    quizzes: list[QuizReceipt]
    answer_count: int
    unknown_quiz_ids: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The receipt as sentences, one per line."""
        lines = [
            strings.RECEIPT_SAVED.format(path=self.path),
            strings.RECEIPT_TRAINEE.format(trainee_id=self.trainee_id),
        ]
        if not self.answer_count:
            lines.append(strings.RECEIPT_NO_ANSWERS)
        lines += [quiz.line() for quiz in self.quizzes]
        if self.unknown_quiz_ids:
            ids = ", ".join(self.unknown_quiz_ids)
            lines.append(strings.RECEIPT_UNKNOWN_QUIZZES.format(quiz_ids=ids))
        lines.append(strings.RECEIPT_NEXT_STEP)
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_markdown_(self) -> str:
        return "\n\n".join(self.lines())


def build_submission(
    events: Sequence[AnswerEvent],
    quizzes: Iterable[Quiz],
    trainee_id: str,
    *,
    created_at: str,
    package_version: str = __version__,
) -> dict[str, Any]:
    """The submission document (pure): every course quiz with the answers the log keeps.

    Answers to questions or quizzes that are not in ``quizzes`` are left out.
    """
    body: dict[str, Any] = {}
    for quiz in quizzes:
        kept = keep_answers(events, quiz.id, quiz.kind)
        ids = [question.id for question in quiz.questions]
        body[quiz.id] = {
            "quiz_version": quiz_version(quiz),
            "kind": quiz.kind,
            "answers": {qid: kept[qid].to_json() for qid in ids if qid in kept},
        }
    return {
        "format": SUBMISSION_FORMAT,
        "format_version": SUBMISSION_FORMAT_VERSION,
        "trainee_id": trainee_id,
        "created_at": created_at,
        "package_version": package_version,
        "last_seq": max((event.seq for event in events), default=0),
        "quizzes": body,
    }


def quiz_receipt(quiz: Quiz, events: Sequence[AnswerEvent]) -> QuizReceipt:
    """Which questions of ``quiz`` the log holds an answer for (numbered from 1)."""
    kept = keep_answers(events, quiz.id, quiz.kind)
    answered: list[tuple[int, str]] = []
    unanswered: list[tuple[int, str]] = []
    for number, question in enumerate(quiz.questions, start=1):
        is_done = is_answered(kept.get(question.id), quiz.kind)
        (answered if is_done else unanswered).append((number, question.id))
    return QuizReceipt(quiz.id, quiz.title, answered, unanswered)


def submission_file_name(trainee_id: str) -> str:
    """The default file name for a trainee's submission (a slug, never the raw id)."""
    return f"submission-{trainee_slug(trainee_id)}{SUBMISSION_SUFFIX}"


def write_submission(document: Mapping[str, Any], path: Path) -> Path:
    """Write a submission document as JSON, atomically (temp file + ``os.replace``).

    Raises:
        SubmissionError: the folder cannot be created or written (the message says which).
    """
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    try:
        ensure_dir(path.parent)
        return write_atomically(path, text)
    except OSError as exc:
        raise SubmissionError(
            f"could not write the submission to {path} ({exc.strerror or exc}). "
            "Fix: choose another place with --out FILE, or free some disk space."
        ) from exc


def load_submittable_quizzes(root: Path) -> list[Quiz]:
    """Every quiz file of a course, in file-name order.

    Each file is loaded on its own (``loader.load_quiz``): the course-wide checks of
    ``skinlessons check`` are the author's job and must not stop a trainee from submitting.

    Raises:
        ContentErrors: a quiz file is broken (each problem with file:line).
    """
    from .loader import load_quiz

    return [load_quiz(path) for path in quiz_files(root)]


def submit(
    course: Path | str | None = None,
    *,
    trainee: str | None = None,
    out: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Receipt:
    """Pack the trainee's answer log into a submission file and return the receipt.

    Args:
        course: the course folder (default: found from ``$SKINLESSONS_COURSE`` or upwards).
        trainee: a trainee id to use instead of the saved one.
        out: where to write (default: ``submissions/`` in the trainee's data folder).
        env: environment variables (default: the real environment).

    Raises:
        SubmissionError: running unattended (nothing to submit), or the file cannot be written.
        TraineeIdError: no trainee id is set, or the one given is not acceptable.
        CourseNotFoundError: the course folder cannot be found.
    """
    environ = environment(env)
    if is_unattended(environ):
        raise SubmissionError(strings.UNATTENDED_SUBMIT.format(mode=run_mode(environ)))
    home = data_home(environ)
    trainee_id = require_trainee_id(trainee, environ, home=home).value
    quizzes = load_submittable_quizzes(find_course_root(course))
    events = AnswerLog(answer_log_path(home)).events()
    document = build_submission(events, quizzes, trainee_id, created_at=utc_timestamp())
    path = out or submissions_dir(home) / submission_file_name(trainee_id)
    written = write_submission(document, path)
    known = {quiz.id for quiz in quizzes}
    unknown = sorted({event.quiz_id for event in events} - known)
    return Receipt(
        path=written,
        trainee_id=trainee_id,
        quizzes=[quiz_receipt(quiz, events) for quiz in quizzes],
        answer_count=sum(len(entry["answers"]) for entry in document["quizzes"].values()),
        unknown_quiz_ids=unknown,
    )
