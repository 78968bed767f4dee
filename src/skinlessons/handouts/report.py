"""What a handout build did: per notebook, executed, cached or failed; the pages; the problems.

Light on purpose (no nbclient, no nbconvert), so a build with nothing to do can report itself
without importing them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from nbformat import NotebookNode

Status = Literal["executed", "cached", "failed"]
Progress = Callable[[str], None]


@dataclass(frozen=True)
class NotebookFailure:
    """Where and why a notebook failed: 1-based cell number, the cell's first line, the error."""

    cell_number: int | None
    cell_line: str
    error: str

    def describe(self, name: str) -> str:
        """``name: cell N (`first line`): Error: value``, for the build report."""
        where = f"cell {self.cell_number} (`{self.cell_line}`)" if self.cell_number else "kernel"
        return f"{name}: {where}: {self.error}"


@dataclass(frozen=True)
class ExecutionResult:
    """The outcome for one notebook: the executed notebook, or why it failed.

    ``notebook`` is None when the notebook failed, and when a build with nothing to do did not
    read it at all.
    """

    path: Path
    status: Status
    seconds: float
    notebook: NotebookNode | None = None
    failure: NotebookFailure | None = None
    key: str = ""

    @property
    def name(self) -> str:
        """The notebook's file name."""
        return self.path.name

    def progress_line(self) -> str:
        """One line for the build's progress output."""
        if self.status == "cached":
            return f"cached    {self.name}"
        if self.status == "executed":
            return f"executed  {self.name} in {self.seconds:.1f} s"
        return f"FAILED    {self.failure.describe(self.name) if self.failure else self.name}"


@dataclass
class BuildReport:
    """What a build did: per-notebook execution, pages written, problems found."""

    out: Path
    executions: list[ExecutionResult] = field(default_factory=list)
    pages: dict[str, list[Path]] = field(default_factory=dict)
    indexes: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every notebook executed and every page was written."""
        return not self.problems

    def status_of(self, name: str) -> str | None:
        """``executed``, ``cached`` or ``failed`` for a notebook file name, if it was run."""
        for result in self.executions:
            if result.name == name:
                return result.status
        return None
