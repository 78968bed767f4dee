"""Export quizzes to an LMS: GIFT and Moodle XML for Moodle, QTI 1.2 for Canvas.

``export_quizzes`` is what ``skinlessons export`` calls::

    report = export_quizzes(Path("course"), "moodle-xml", quiz_ids=None, out=Path("bank.xml"))

Which types each format carries:

=================  ====  ==========  =======
type               GIFT  Moodle XML  QTI 1.2
=================  ====  ==========  =======
single choice      yes   yes         yes
multiple answers   yes   yes         yes
true/false         yes   yes         yes
numeric            yes   yes         yes
matching           yes   yes         yes
short text         yes   yes         yes
ordering           no    yes (4.4+)  no
=================  ====  ==========  =======

``ExportOptions`` says which Moodle release the file is for (``--moodle-version``, default the
current LTS) and whether to write ordering questions (``--no-ordering``). Every question a
format or release cannot hold is left out with its reason; every question whose grading the
LMS cannot reproduce exactly gets one warning (see the README's export section).

A template question is written as a category of fixed variants (``_variants``), drawn one per
trainee like a pool.

An exported file holds the answer keys (the LMS grades with them): never give it to trainees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from ..errors import ExportError
from ..quiz.loader import load_course_quizzes
from ..quiz.models import Quiz
from ._common import MOODLE_LTS, ExportOptions, Rendered, Skipped, parse_moodle_version
from ._variants import with_fixed_variants
from .gift import to_gift
from .moodle_xml import to_moodle_xml
from .qti import to_qti

__all__ = [
    "FORMATS",
    "MOODLE_LTS",
    "ExportFormat",
    "ExportOptions",
    "ExportReport",
    "Skipped",
    "export_quizzes",
    "parse_moodle_version",
    "render",
]

ExportFormat = Literal["gift", "moodle-xml", "qti"]
FORMATS: Final[dict[str, Callable[[list[Quiz], ExportOptions], Rendered]]] = {
    "gift": to_gift,
    "moodle-xml": to_moodle_xml,
    "qti": to_qti,
}
"""Each format's name on the command line and the function that writes it."""
KEYS_REMINDER: Final = (
    "Reminder: {path} contains the answer keys{summative}. Keep it for the LMS; "
    "never give it to trainees."
)


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the file, the questions in it, and what it left out or changed."""

    path: Path
    format: str
    quiz_ids: list[str]
    exported: list[str]
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summative_quiz_ids: list[str] = field(default_factory=list)
    question_warnings: list[str] = field(default_factory=list)
    needs: str = ""

    def warnings(self) -> list[str]:
        """One line per left-out question (with the reason), then one per question whose
        grading the LMS cannot reproduce exactly."""
        left_out = [f"Warning: left out {item.label()}: {item.reason}." for item in self.skipped]
        return left_out + [f"Warning: {line}." for line in self.question_warnings]

    def needs_line(self) -> str:
        """``The file needs Moodle 4.4 or later.``"""
        return f"The file needs {self.needs}." if self.needs else ""

    def reminder(self) -> str:
        """The one-line reminder that the file holds answer keys."""
        summative = ""
        if self.summative_quiz_ids:
            summative = f" (including the summative {', '.join(self.summative_quiz_ids)})"
        return KEYS_REMINDER.format(path=self.path, summative=summative)

    def summary(self) -> str:
        """``Wrote 63 questions from 8 quizzes to bank.xml (moodle-xml).``"""
        return (
            f"Wrote {len(self.exported)} questions from {len(self.quiz_ids)} "
            f"{'quiz' if len(self.quiz_ids) == 1 else 'quizzes'} "
            f"to {self.path} ({self.format})."
        )


def select_quizzes(quizzes: dict[str, Quiz], quiz_ids: Sequence[str] | None) -> list[Quiz]:
    """The quizzes asked for (all, in id order, when ``quiz_ids`` is None).

    Raises:
        ExportError: an id is not a quiz of the course (the message lists the known ones).
    """
    if quiz_ids is None:
        return [quizzes[quiz_id] for quiz_id in sorted(quizzes)]
    unknown = [quiz_id for quiz_id in quiz_ids if quiz_id not in quizzes]
    if unknown:
        raise ExportError(
            f"no quiz {', '.join(repr(q) for q in unknown)} in the course. "
            f"Fix: use --quiz with one of {', '.join(sorted(quizzes))}, or --all."
        )
    return [quizzes[quiz_id] for quiz_id in dict.fromkeys(quiz_ids)]


def render(quizzes: list[Quiz], fmt: str, options: ExportOptions | None = None) -> Rendered:
    """The file ``fmt`` makes of ``quizzes`` (bytes), with what was skipped or converted.

    Raises:
        ExportError: an unknown format, a key-free quiz, or a text the format cannot carry.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}. Fix: use one of {', '.join(FORMATS)}.")
    key_free = [quiz.id for quiz in quizzes if quiz.key_free]
    if key_free:
        raise ExportError(
            f"quiz {', '.join(key_free)} is a key-free trainee copy, so the LMS could not grade "
            "it. Fix: export from the instructor's course folder (--course DIR)."
        )
    return FORMATS[fmt]([with_fixed_variants(quiz) for quiz in quizzes], options or ExportOptions())


def export_quizzes(
    course: Path | str | None,
    fmt: str,
    *,
    quiz_ids: Sequence[str] | None,
    out: Path,
    options: ExportOptions | None = None,
) -> ExportReport:
    """Export the course's quizzes (all, or those in ``quiz_ids``) to ``out`` in format ``fmt``.

    Raises:
        ContentErrors: a quiz file has problems (run ``skinlessons check``).
        ExportError: an unknown quiz id or format, a text the format cannot carry, or ``out``
            cannot be written.
    """
    chosen = select_quizzes(load_course_quizzes(course).quizzes, quiz_ids)
    rendered = render(chosen, fmt, options)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(rendered.content)
    except OSError as exc:
        raise ExportError(
            f"could not write {out} ({exc.strerror or exc}). Fix: choose another --out file."
        ) from exc
    return ExportReport(
        path=out,
        format=fmt,
        quiz_ids=[quiz.id for quiz in chosen],
        exported=rendered.exported,
        skipped=rendered.skipped,
        notes=rendered.notes,
        summative_quiz_ids=[quiz.id for quiz in chosen if quiz.is_summative],
        question_warnings=rendered.warnings,
        needs=rendered.needs,
    )
