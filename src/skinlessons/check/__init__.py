"""``skinlessons check``: gather every content problem in the course at once.

``check`` runs a list of checkers, each with one signature: a name and ``run(course)``, which
returns its findings and counts of what it checked. A finding is an **error** (``check``
exits 1) or a **warning** (printed; ``check`` still exits 0). To add a checker, write its
``run`` function in ``checkers`` and add one ``Checker`` to ``CHECKERS``; ``model`` holds the
finding, the checker, the course under check and the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .checkers import CHECKER_NAMES, CHECKERS, select_checkers
from .model import Checked, Checker, CheckReport, CourseUnderCheck, Finding, Level

__all__ = [
    "CHECKERS",
    "CHECKER_NAMES",
    "CheckReport",
    "Checked",
    "Checker",
    "CourseUnderCheck",
    "Finding",
    "Level",
    "check_course",
    "select_checkers",
]


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
