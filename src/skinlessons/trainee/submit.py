"""Pack the answer log into one submission file, and say what it holds (``skinlessons submit``).

The file is the submission format of ``skinlessons.submission.format``. It is written
atomically, by default into the trainee's data folder under the format's file name (a slug of
the trainee id, never the raw id). The :class:`Receipt` tells the trainee where the file is,
which id it carries, and per quiz which questions are answered and which are not yet.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from .. import __version__
from .._util.clock import utc_timestamp
from .._util.files import ensure_private_dir, write_atomically
from ..cases import course_cases
from ..course import find_course_root
from ..errors import SubmissionError
from ..quiz.draw import FIRST_SITTING, drawn_ids, drawn_quiz
from ..quiz.loader import load_quiz_files
from ..quiz.models import Quiz
from ..quiz.projection import quiz_version
from ..submission.format import (
    MAX_BYTES,
    QuizAnswers,
    SubmissionDocument,
    answer_log_path,
    data_home,
    file_name,
    submissions_dir,
)
from ..submission.parse import shown
from . import strings
from .answers import is_answered, keep_answers
from .case_log import cases_part, cases_receipt_line
from .events import SkippedLine
from .identity import require_trainee_id
from .mode import environment, is_unattended, run_mode
from .recording import AnswerEvent, AnswerLog, AnswerLogWarning
from .sitting import current_sitting

SHOWN_ITEMS: Final = 10
"""Line numbers or quiz ids a receipt lists before it says how many more there are."""
SHOWN_PROBLEMS: Final = 3
"""Skipped lines whose problem the receipt quotes."""


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
    log_path: Path | None = None
    skipped: list[SkippedLine] = field(default_factory=list)
    cases_line: str | None = None
    """How many virtual clients have a checked decision (a course with cases)."""

    def lines(self) -> list[str]:
        """The receipt as sentences, one per line."""
        lines = [
            strings.RECEIPT_SAVED.format(path=self.path),
            strings.RECEIPT_TRAINEE.format(trainee_id=self.trainee_id),
        ]
        if self.skipped:
            lines += _skipped_lines(self.skipped, self.log_path)
        if not self.answer_count:
            lines.append(strings.RECEIPT_NO_ANSWERS)
        lines += [quiz.line() for quiz in self.quizzes]
        if self.cases_line:
            lines.append(self.cases_line)
        if self.unknown_quiz_ids:
            ids = _some([shown(quiz_id) for quiz_id in self.unknown_quiz_ids])
            lines.append(strings.RECEIPT_UNKNOWN_QUIZZES.format(quiz_ids=ids))
        lines.append(strings.RECEIPT_NEXT_STEP)
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_markdown_(self) -> str:
        return "\n\n".join(self.lines())


def _some(items: Sequence[str]) -> str:
    """The first :data:`SHOWN_ITEMS` items joined by commas, then how many more there are."""
    head = ", ".join(items[:SHOWN_ITEMS])
    more = len(items) - SHOWN_ITEMS
    return strings.RECEIPT_AND_MORE.format(shown=head, more=more) if more > 0 else head


def _skipped_lines(skipped: Sequence[SkippedLine], log_path: Path | None) -> list[str]:
    """How many log lines were left out, their numbers, and the first few problems."""
    numbers = _some([str(item.line) for item in skipped])
    plural = "" if len(skipped) == 1 else "s"
    head = strings.RECEIPT_SKIPPED.format(
        count=len(skipped), plural=plural, path=log_path, lines=f"line{plural} {numbers}"
    )
    problems = "; ".join(
        strings.RECEIPT_SKIPPED_PROBLEM.format(line=item.line, problem=item.problem)
        for item in skipped[:SHOWN_PROBLEMS]
    )
    return [head, strings.RECEIPT_SKIPPED_FIRST.format(problems=problems)]


def build_submission(
    events: Sequence[AnswerEvent],
    quizzes: Iterable[Quiz],
    trainee_id: str,
    *,
    created_at: str,
    package_version: str = __version__,
    sitting: int = FIRST_SITTING,
    extra: Sequence[QuizAnswers] = (),
) -> SubmissionDocument:
    """The submission document (pure): every course quiz with the answers the log keeps.

    Answers to questions or quizzes that are not in ``quizzes`` are left out; so are answers
    to pooled questions this trainee's draw for ``sitting`` does not show. A pooled quiz records
    the sitting and the ids shown. ``extra`` entries (the virtual clients) are added as given.
    """
    body: dict[str, QuizAnswers] = {part.quiz_id: part for part in extra}
    for quiz in quizzes:
        kept = keep_answers(events, quiz.id, quiz.kind)
        ids = drawn_ids(quiz, trainee_id, sitting)
        answers = {qid: kept[qid] for qid in ids if qid in kept}
        shown = ids if quiz.pools else None
        version = quiz_version(quiz)
        body[quiz.id] = QuizAnswers(quiz.id, version, quiz.kind, answers, sitting, shown)
    return SubmissionDocument(
        trainee_id=trainee_id,
        created_at=created_at,
        package_version=package_version,
        last_seq=max((event.seq for event in events), default=0),
        quizzes=body,
    )


def quiz_receipt(quiz: Quiz, events: Sequence[AnswerEvent]) -> QuizReceipt:
    """Which questions of ``quiz`` the log holds an answer for (numbered from 1)."""
    kept = keep_answers(events, quiz.id, quiz.kind)
    answered: list[tuple[int, str]] = []
    unanswered: list[tuple[int, str]] = []
    for number, question in enumerate(quiz.questions, start=1):
        is_done = is_answered(kept.get(question.id), quiz.kind)
        (answered if is_done else unanswered).append((number, question.id))
    return QuizReceipt(quiz.id, quiz.title, answered, unanswered)


def write_submission(document: SubmissionDocument, path: Path) -> Path:
    """Write a submission document as JSON, atomically (temp file + ``os.replace``).

    Raises:
        SubmissionError: the folder cannot be created or written (the message says which).
    """
    text = json.dumps(document.to_json(), ensure_ascii=False, indent=2) + "\n"
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise SubmissionError(
            strings.RECEIPT_TOO_LARGE.format(size=size, limit=MAX_BYTES, path=path.parent)
        )
    try:
        ensure_private_dir(path.parent)
        return write_atomically(path, text)
    except OSError as exc:
        raise SubmissionError(
            f"could not write the submission to {path} ({exc.strerror or exc}). "
            "Fix: choose another place with --out FILE, or free some disk space."
        ) from exc


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
    sitting = current_sitting(environ)
    root = find_course_root(course)
    quizzes, cases = load_quiz_files(root), course_cases(root)
    log = AnswerLog(answer_log_path(home))
    events = _read_log(log)
    extra = cases_part(events, cases)
    document = build_submission(
        events, quizzes, trainee_id, created_at=utc_timestamp(), sitting=sitting, extra=extra
    )
    path = out or submissions_dir(home) / file_name(trainee_id)
    written = write_submission(document, path)
    known = {quiz.id for quiz in quizzes} | {part.quiz_id for part in extra}
    unknown = sorted({event.quiz_id for event in events} - known)
    return Receipt(
        path=written,
        trainee_id=trainee_id,
        quizzes=[quiz_receipt(drawn_quiz(quiz, trainee_id, sitting), events) for quiz in quizzes],
        answer_count=document.answer_count,
        unknown_quiz_ids=unknown,
        log_path=log.path,
        skipped=list(log.skipped),
        cases_line=cases_receipt_line(extra, cases),
    )


def _read_log(log: AnswerLog) -> list[AnswerEvent]:
    """Every readable record; skipped lines go in the receipt, not in warnings.

    Raises:
        SubmissionError: the log exists but cannot be opened (a folder, no permission).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", AnswerLogWarning)
            return log.events()
    except OSError as exc:
        raise SubmissionError(
            strings.LOG_UNREADABLE.format(path=log.path, error=exc.strerror or exc)
        ) from exc
