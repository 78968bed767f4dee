"""What ``check`` works with: the course under check, a finding, a checker and the report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..course import find_course_root
from ..errors import ContentError

if TYPE_CHECKING:
    from ..facts import Facts

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

    @cached_property
    def facts(self) -> Facts | None:
        """The course data, or None when it has problems (the facts checker reports them)."""
        from ..errors import ContentErrors
        from ..facts import load_facts

        try:
            return load_facts(self.data_dir)
        except (ContentError, ContentErrors):
            return None


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
