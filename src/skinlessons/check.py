"""``skinlessons check``: gather every content problem in the course at once.

``check`` runs a list of checkers, each with one signature: a name and ``run(course)``, which
returns its findings and counts of what it checked. A finding is an **error** (``check``
exits 1) or a **warning** (printed; ``check`` still exits 0). To add a checker, write its
``run`` function and add one ``Checker`` to ``CHECKERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from .course import find_course_root
from .errors import ContentError

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One thing ``check`` found: its located message, its level, and where it sorts."""

    text: str
    level: Level = "error"
    order: tuple[str, int, str] = ("", 0, "")
    """Findings print by file, then line (or cell), then message."""

    @classmethod
    def of(cls, problem: ContentError, level: Level = "error") -> Finding:
        """A located content problem as a finding."""
        return cls(problem.format(), level, problem.sort_key())

    def format(self) -> str:
        """The located message; a warning says so first."""
        return f"warning: {self.text}" if self.level == "warning" else self.text


@dataclass
class CourseUnderCheck:
    """What the checkers read: the course folder (found when first needed) and the data."""

    course: Path | None = None
    """The folder given (``--course``); None finds it (environment, then upwards)."""
    data_dir: Path | None = None
    """A folder of course data files to check instead of the package's own."""

    @cached_property
    def root(self) -> Path:
        """The course folder; raises CourseNotFoundError, which says how to point at one."""
        return find_course_root(self.course)


@dataclass
class Checked:
    """What one checker returns: its findings, counts of what it checked, and notes."""

    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """Lines of information printed before the summary (never a problem)."""


@dataclass(frozen=True)
class Checker:
    """One checker: the name ``--only`` selects it by, what it checks, and its function."""

    name: str
    about: str
    run: Callable[[CourseUnderCheck], Checked]


def _errors(problems: Iterable[ContentError]) -> list[Finding]:
    return [Finding.of(problem) for problem in problems]


def _check_facts(course: CourseUnderCheck) -> Checked:
    from .facts import collect_fact_problems, load_facts

    problems = collect_fact_problems(course.data_dir)
    if problems:
        return Checked(_errors(problems))
    return Checked(counts=dict(load_facts(course.data_dir).counts()))


def _check_quizzes(course: CourseUnderCheck) -> Checked:
    from .quiz.loader import collect_course_problems

    problems, counts = collect_course_problems(course.root)
    return Checked([*_errors(problems), *_template_findings(course)], counts)


def _template_findings(course: CourseUnderCheck) -> list[Finding]:
    """Each template question's generator, parameters, stem and variants (facts permitting)."""
    from .errors import ContentErrors
    from .facts import load_facts
    from .logic.template_checks import template_problems
    from .quiz.loader import load_valid_quizzes

    try:
        facts = load_facts(course.data_dir)
    except (ContentError, ContentErrors):  # the facts checker reports why
        return []
    return _errors(
        p for item in load_valid_quizzes(course.root) for p in template_problems(item, facts)
    )


def _check_item_writing(course: CourseUnderCheck) -> Checked:
    from .quiz.item_writing import course_findings
    from .quiz.loader import load_valid_quizzes

    findings, allowed = course_findings(load_valid_quizzes(course.root))
    notes = [Finding(cue.note(), "warning", (str(cue.path), cue.line, "")) for cue in allowed]
    return Checked([*_errors(finding.error() for finding in findings), *notes])


def _check_lessons(course: CourseUnderCheck) -> Checked:
    from .errors import ContentErrors
    from .facts import load_facts
    from .lessons.checks import course_lesson_problems, exercise_counts

    try:
        facts = load_facts(course.data_dir)
    except (ContentError, ContentErrors):  # the facts checker reports why
        problems, lessons = course_lesson_problems(course.root, None)
    else:
        problems, lessons = course_lesson_problems(
            course.root, set(facts.references), list(facts.glossary.values())
        )
    findings = [Finding.of(p, "warning" if p.warning else "error") for p in problems]
    return Checked(findings, {"lessons": lessons}, _exercise_note(exercise_counts(course.root)))


def _check_cases(course: CourseUnderCheck) -> Checked:
    from .cases import read_cases
    from .course import cases_file
    from .errors import ContentErrors
    from .facts import load_facts
    from .logic.cases import case_problems

    path = cases_file(course.root)
    if not path.is_file():
        return Checked()
    cases, problems, doc = read_cases(path)
    if cases is None or doc is None:
        return Checked(_errors(problems))
    try:
        facts = load_facts(course.data_dir)
    except (ContentError, ContentErrors):  # the facts checker reports why
        return Checked()
    return Checked(_errors(case_problems(cases, doc, facts)), {"cases": len(cases.cases)})


def _exercise_note(counts: dict[str, int]) -> list[str]:
    """One line: the exercise cells of each lesson, and in all."""
    if not counts:
        return []
    each = ", ".join(f"{lesson} {count}" for lesson, count in counts.items())
    return [f"Exercise cells per lesson: {each} ({sum(counts.values())} in all)."]


CHECKERS: tuple[Checker, ...] = (
    Checker("facts", "the course data: facts, references, rules", _check_facts),
    Checker("quizzes", "every quiz file and objectives.yaml", _check_quizzes),
    Checker("items", "item writing: cues that give a quiz key away", _check_item_writing),
    Checker("lessons", "the lesson notebooks: format, layout, tags, references", _check_lessons),
    Checker(
        "cases", "the virtual clients: schema, ids, and agreement with the rules", _check_cases
    ),
)
CHECKER_NAMES: tuple[str, ...] = tuple(checker.name for checker in CHECKERS)


def select_checkers(names: Iterable[str] | None = None) -> tuple[Checker, ...]:
    """The checkers with these names, in their usual order; None or nothing selects all.

    Raises:
        ValueError: a name is not a checker's; the message lists the names.
    """
    wanted = set(names or ())
    unknown = sorted(wanted - set(CHECKER_NAMES))
    if unknown:
        raise ValueError(
            f"no checker named {', '.join(repr(n) for n in unknown)}; "
            f"the checkers are: {', '.join(CHECKER_NAMES)}"
        )
    return tuple(c for c in CHECKERS if not wanted or c.name in wanted)


@dataclass
class CheckReport:
    """What ``check`` found: every finding, counts of what was checked, and notes."""

    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """The findings that fail the check (exit 1)."""
        return [finding for finding in self.findings if finding.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        """The findings that are printed but do not fail the check."""
        return [finding for finding in self.findings if finding.level == "warning"]

    def summary(self) -> str:
        """One line: the problem count, or what was checked and found sound; then warnings."""
        n, w = len(self.errors), len(self.warnings)
        tail = f" {w} warning{'s' if w != 1 else ''}." if w else ""
        if n:
            return f"{n} problem{'s' if n != 1 else ''} found.{tail}"
        checked = ", ".join(f"{count} {what}" for what, count in self.counts.items())
        return f"All good: {checked}.{tail}"


def check_course(
    course: Path | str | None = None,
    *,
    data_dir: Path | str | None = None,
    only: Iterable[str] | None = None,
) -> CheckReport:
    """Run the checkers over the course; never stops at the first problem.

    Args:
        course: the course folder (default: found from the working folder).
        data_dir: a folder of course data files to check instead of the package's own
            (an author's edited copy).
        only: the names of the checkers to run (default: all of them, ``CHECKER_NAMES``).

    Raises:
        ValueError: ``only`` names an unknown checker.
    """
    checkers = select_checkers(only)
    under_check = CourseUnderCheck(
        Path(course) if course is not None else None,
        Path(data_dir) if data_dir is not None else None,
    )
    report = CheckReport()
    for checker in checkers:
        checked = checker.run(under_check)
        report.findings.extend(checked.findings)
        report.counts.update(checked.counts)
        report.notes.extend(checked.notes)
    report.findings.sort(key=lambda finding: (finding.level != "error", finding.order))
    return report
