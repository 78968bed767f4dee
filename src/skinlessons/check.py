"""``skinlessons check``: gather every content problem in the course at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .course import find_course_root
from .errors import ContentError


@dataclass
class CheckReport:
    """What ``check`` found: every problem, and counts of what was checked."""

    problems: list[ContentError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """Things to know that are not problems (e.g. item-writing cues an author allowed)."""

    def summary(self) -> str:
        """One line: the problem count, or what was checked and found sound."""
        if self.problems:
            n = len(self.problems)
            return f"{n} problem{'s' if n != 1 else ''} found."
        checked = ", ".join(f"{count} {what}" for what, count in self.counts.items())
        return f"All good: {checked}."


Checker = Callable[[Path | None, CheckReport], None]


def _check_facts(
    course_root: Path | None, report: CheckReport, data_dir: Path | None = None
) -> None:
    from .facts import collect_fact_problems, load_facts

    problems = collect_fact_problems(data_dir)
    report.problems.extend(problems)
    if not problems:
        report.counts.update(load_facts(data_dir).counts())


def _check_quizzes(course_root: Path | None, report: CheckReport) -> None:
    from .quiz.loader import collect_course_problems

    problems, counts = collect_course_problems(course_root)
    report.problems.extend(problems)
    report.counts.update(counts)


def _check_item_writing(course_root: Path | None, report: CheckReport) -> None:
    from .quiz.item_writing import course_findings
    from .quiz.loader import load_valid_quizzes

    findings, allowed = course_findings(load_valid_quizzes(course_root))
    report.problems.extend(finding.error() for finding in findings)
    report.notes.extend(cue.note() for cue in allowed)


CHECKERS: tuple[Checker, ...] = (_check_facts, _check_quizzes, _check_item_writing)


def check_course(
    course: Path | str | None = None, *, data_dir: Path | str | None = None
) -> CheckReport:
    """Check the course data and the course's quizzes; never stops at the first problem.

    Args:
        course: the course folder (default: found from the working folder).
        data_dir: a folder of course data files to check instead of the package's own
            (an author's edited copy).
    """
    report = CheckReport()
    root = find_course_root(course) if course is not None else None
    data = Path(data_dir) if data_dir is not None else None
    for checker in CHECKERS:
        if checker is _check_facts:
            _check_facts(root, report, data)
        else:
            checker(root, report)
    report.problems.sort(key=ContentError.sort_key)
    return report
