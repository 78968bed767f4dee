"""What every exporter shares: the options, the result, categories and tolerances.

Each exporter is a function ``(quizzes, options) -> Rendered``. ``Rendered`` carries the file's
bytes, the questions written, the questions left out (each with its reason) and one warning per
question for what the format cannot carry (see the README's export section).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final, TypeVar

from ..errors import ExportError
from ..quiz.models import AnyQuestion, NumericKey, Quiz
from ..quiz.pools import Pool
from ._fractions import number

Written = TypeVar("Written")

CATEGORY_ROOT: Final = "$course$/top/skinlessons"
"""The Moodle question-bank category under which each lesson gets its own category."""
MOODLE_LTS: Final = (4, 5)
"""The Moodle version ``--moodle-version`` assumes: the current long-term-support release."""
ORDERING_SINCE: Final = (4, 4)
"""The first Moodle release with the ordering question type in core."""
MOODLE_BASE: Final = (3, 6)
"""The first Moodle release that imports question id numbers and tags (all our files use them)."""


def version_text(version: tuple[int, int]) -> str:
    """``(4, 5)`` → ``4.5``."""
    return f"{version[0]}.{version[1]}"


def parse_moodle_version(text: str) -> tuple[int, int]:
    """``"4.1"`` (or ``"4.1.3"``) → ``(4, 1)``.

    Raises:
        ExportError: not a Moodle release number of the form MAJOR.MINOR.
    """
    parts = text.strip().split(".")
    if len(parts) < 2 or not all(part.isdigit() for part in parts):
        raise ExportError(
            f"--moodle-version {text!r} is not a Moodle release number. "
            f"Fix: give it as MAJOR.MINOR, for example {version_text(MOODLE_LTS)}."
        )
    return int(parts[0]), int(parts[1])


@dataclass(frozen=True)
class ExportOptions:
    """What the target LMS can import: the Moodle release, and whether ordering is wanted."""

    moodle_version: tuple[int, int] = MOODLE_LTS
    ordering: bool = True

    @property
    def moodle_has_ordering(self) -> bool:
        """True when the Moodle release has the ordering type and it was not turned off."""
        return self.ordering and self.moodle_version >= ORDERING_SINCE


class CannotExpress(Exception):
    """Raised by a type writer: this format (or Moodle release) cannot hold the question."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Skipped:
    """A question a format (or the chosen Moodle release) cannot express, left out of the file."""

    quiz_id: str
    question_id: str
    question_type: str
    reason: str = ""

    def label(self) -> str:
        """``quiz-id/question-id (type)``."""
        return f"{self.quiz_id}/{self.question_id} ({self.question_type})"


@dataclass
class Rendered:
    """One exporter's output: the file's bytes and what it had to leave out or change."""

    content: bytes
    exported: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    needs: str = ""
    """The LMS release the file needs, as a sentence (``Moodle 4.4 or later``)."""

    def warn(self, quiz: Quiz, question: AnyQuestion, message: str) -> None:
        """Record one warning about one question."""
        self.warnings.append(f"{quiz.id}/{question.id}: {message}")

    def write_each(
        self,
        quiz: Quiz,
        questions: Iterable[AnyQuestion],
        write: Callable[[AnyQuestion], Written],
    ) -> list[tuple[AnyQuestion, Written]]:
        """Write each question of ``quiz`` with ``write``, in order; one the format cannot hold
        (``write`` raises :class:`CannotExpress`) is recorded as skipped with the reason, every
        other as exported. Returns the questions written, each with what ``write`` returned."""
        written = []
        for question in questions:
            try:
                output = write(question)
            except CannotExpress as reason:
                self.skipped.append(Skipped(quiz.id, question.id, question.type, reason.reason))
                continue
            self.exported.append(f"{quiz.id}/{question.id}")
            written.append((question, output))
        return written


def category(quiz: Quiz) -> str:
    """The Moodle category path of a quiz's lesson: ``$course$/top/skinlessons/03_chemical``."""
    return f"{CATEGORY_ROOT}/{quiz.lesson}"


def categories(quiz: Quiz) -> list[tuple[str, list[AnyQuestion]]]:
    """The quiz's questions by Moodle category: the lesson's category for every question in no
    pool, then a sub-category per pool, named for its slot (``.../08_final_assessment/slot-x``),
    from which a Moodle quiz draws with "random question from category". Without pools: one."""
    by_id = {question.id: question for question in quiz.questions}
    pooled = {qid for pool in quiz.pools for qid in pool.questions}
    found = [(category(quiz), [q for q in quiz.questions if q.id not in pooled])]
    for pool in quiz.pools:
        members = [by_id[qid] for qid in pool.questions if qid in by_id]
        found.append((f"{category(quiz)}/{pool.id}", members))
    return [(name, questions) for name, questions in found if questions or not pooled]


def slots(quiz: Quiz) -> list[tuple[Pool | None, list[AnyQuestion]]]:
    """The quiz's questions as an LMS quiz lists them: a question in no pool on its own, a pool's
    questions together (in file order) where its first question stands."""
    owner = {qid: pool for pool in quiz.pools for qid in pool.questions}
    found: list[tuple[Pool | None, list[AnyQuestion]]] = []
    placed: dict[str, list[AnyQuestion]] = {}
    for question in quiz.questions:
        pool = owner.get(question.id)
        if pool is None:
            found.append((None, [question]))
        elif pool.id in placed:
            placed[pool.id].append(question)
        else:
            placed[pool.id] = [question]
            found.append((pool, placed[pool.id]))
    return found


def absolute_tolerance(question_id: str, key: NumericKey) -> tuple[float, str | None]:
    """The key's tolerance in the answer's unit, and a note when it was relative.

    LMS numeric questions take an absolute tolerance only, so ``relative_tolerance`` r becomes
    ``|value| * r``, and the note says so (the exporters write it beside the question).
    """
    if key.relative_tolerance is None:
        return key.tolerance or 0.0, None
    tolerance = float(number(abs(key.value) * key.relative_tolerance))
    note = (
        f"question '{question_id}': relative tolerance {number(key.relative_tolerance * 100)}% "
        f"of {number(key.value)} written as the absolute tolerance {number(tolerance)}"
    )
    return tolerance, note
