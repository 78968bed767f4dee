"""What a grading run did with every input file, and the summary printed at the end."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ._quote import bounded_reason, shorten
from .cohort import TraineeOutcome
from .lms_csv import write_csv
from .roster import RosterCheck

GRADED: Final = "graded"
SUPERSEDED: Final = "superseded"
DUPLICATE: Final = "duplicate"
REJECTED: Final = "rejected"
FILES_LOG: Final = "files.csv"


@dataclass(frozen=True)
class FileOutcome:
    """One input file: graded, superseded, duplicate or rejected, and why."""

    source: str
    status: str
    reason: str = ""
    trainee_id: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", bounded_reason(self.reason))


def internal_error(doing: str, source: str, error: BaseException) -> str:
    """The reason for something that raised where nothing should: what, where, what to do."""
    try:
        detail = shorten(f"{type(error).__name__}: {error}")
    except Exception:  # an exception whose message itself cannot be printed
        detail = type(error).__name__
    return f"internal error while {doing} {source}: {detail}; please report it"


@dataclass
class GradeRun:
    """Everything a run produced: file outcomes, the cohort, the roster check, output paths."""

    files: list[FileOutcome]
    outcomes: list[TraineeOutcome]
    roster_check: RosterCheck
    outputs: dict[str, Path] = field(default_factory=dict)
    overrides: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """What went wrong outside any one file (an output that could not be written, ...)."""

    def count(self, status: str) -> int:
        """How many input files ended with ``status``."""
        return sum(1 for item in self.files if item.status == status)

    def summary_lines(self) -> list[str]:
        """The summary: counts, every rejected file with its reason, roster findings, outputs."""
        lines = [
            f"{len(self.files)} file(s) read: {self.count(GRADED)} graded, "
            f"{self.count(SUPERSEDED)} superseded, {self.count(DUPLICATE)} duplicate, "
            f"{self.count(REJECTED)} rejected.",
            f"{len(self.outcomes)} trainee(s) in the gradebook; "
            f"{sum(1 for o in self.outcomes if o.passed)} passed the final assessment.",
        ]
        lines += [f"Override applied: {text}" for text in self.overrides]
        lines += [f"Problem: {text}" for text in self.problems]
        for item in self.files:
            if item.status == REJECTED:
                lines.append(f"Rejected: {item.source}: {item.reason}")
        for item in self.files:
            if item.status in {SUPERSEDED, DUPLICATE} or (item.status == GRADED and item.reason):
                lines.append(f"{item.status.capitalize()}: {item.source}: {item.reason}")
        for trainee_id in self.roster_check.unknown_ids:
            lines.append(f"Not on the roster (left out of the LMS files): {trainee_id}")
        for entry in self.roster_check.non_submitters:
            lines.append(f"No submission from: {entry.trainee_id} {entry.name}".rstrip())
        lines += [f"Wrote {name}: {path}" for name, path in self.outputs.items()]
        return lines


def write_file_log(out: Path, files: list[FileOutcome]) -> Path:
    """``files.csv``: every input file with its status, trainee id and reason."""
    rows = ((f.source, f.status, f.trainee_id, f.reason) for f in files)
    return write_csv(out / FILES_LOG, ("File", "Status", "Trainee ID", "Reason"), rows)
