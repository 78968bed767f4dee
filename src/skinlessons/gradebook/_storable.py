"""What the gradebook can hold: SQLite INTEGER columns take 64-bit signed numbers only.

A submission with a ``last_seq``, ``seq`` or ``attempts`` outside that range is refused at the
store boundary with a reason: SQLite raises ``OverflowError`` for it, the submission's writes are
rolled back, and :func:`storable_problem` says why (only then, so a usual submission costs no
extra check).
"""

from __future__ import annotations

from typing import Final

from ..errors import GradingError
from ._quote import quoted
from .records import Submission

SQLITE_INTEGER_MAX: Final = 2**63 - 1
"""The largest number an SQLite INTEGER holds (the smallest is ``-SQLITE_INTEGER_MAX - 1``)."""


def fits_integer_column(value: object) -> bool:
    """True if ``value`` is an int an SQLite INTEGER column can hold."""
    return isinstance(value, int) and -SQLITE_INTEGER_MAX - 1 <= value <= SQLITE_INTEGER_MAX


class StoreRefused(GradingError):
    """A submission the gradebook cannot hold as it is; the message is the file's reason."""


def storable_problem(submission: Submission) -> str | None:
    """Why the gradebook cannot store ``submission`` (a number too large for SQLite), or None."""
    if not fits_integer_column(submission.last_seq):
        return (
            f"'last_seq' {quoted(submission.last_seq)} is larger than the gradebook can store "
            f"(at most {SQLITE_INTEGER_MAX}); the file was edited or damaged, ask "
            "the trainee to run skinlessons submit again"
        )
    for quiz in submission.quizzes.values():
        for question_id, answer in quiz.answers.items():
            if not (fits_integer_column(answer.seq) and fits_integer_column(answer.attempts)):
                return (
                    f"the answer to {quoted(question_id)} has a 'seq' or 'attempts' larger than "
                    "the gradebook can store; the file was edited or damaged, ask the trainee "
                    "to run skinlessons submit again"
                )
    return None
