"""The cells a handout renders itself at export, so the build's kernels never run them.

A quiz cell (tagged ``quiz``, calling ``quiz.show("<quiz-id>")``) becomes the quiz's static HTML
for the edition, from the instructor's quiz file; the lesson's ``show_references`` cell gives way
to the page's own reference list, made from the current prose. Whatever a kernel would display
there is thrown away, so the build skips these cells (nbclient's ``skip-execution`` tag, added to
the kernel's copy only) and each is rendered once, at export.

Cells here are notebook cells as nbformat reads them (mappings with ``cell_type``, ``source``
and ``metadata``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ..names import EXERCISE_TAG, QUIZ_TAG, SOLUTION_TAG

SKIP_EXECUTION_TAG: Final = "skip-execution"
"""The tag nbclient skips cells by (its ``skip_cells_with_tag`` default)."""
QUIZ_CALL: Final = re.compile(r"""quiz\.show\(\s*["']([^"']+)["']""")
LESSON_REFERENCES_CALL: Final = re.compile(r"\bshow_references\(")
REFERENCES_HEADING: Final = re.compile(r"^\s*#+\s*References\s*$", re.IGNORECASE)


def tags(cell: Mapping[str, Any]) -> list[str]:
    """The cell's tags."""
    return list(cell.get("metadata", {}).get("tags", []))


def is_exercise(cell: Mapping[str, Any]) -> bool:
    """A code cell tagged ``exercise``: one the trainee is asked to edit."""
    return cell.get("cell_type") == "code" and EXERCISE_TAG in tags(cell)


def is_plumbing(cell: Mapping[str, Any]) -> bool:
    """A code cell that only shows something (a table, figure, widget or quiz).

    Every code cell but the exercises and the worked solutions: the lesson stores its input
    collapsed and the handouts show its outputs (see :func:`.editions.plumbing_code`).
    """
    return (
        cell.get("cell_type") == "code"
        and EXERCISE_TAG not in tags(cell)
        and SOLUTION_TAG not in tags(cell)
    )


def is_quiz_cell(cell: Mapping[str, Any]) -> bool:
    """A cell tagged ``quiz``: its output is the quiz, rendered at export."""
    return QUIZ_TAG in tags(cell)


def quiz_id_of(cell: Mapping[str, Any]) -> str | None:
    """The quiz id a quiz cell shows (``quiz.show("03_chemical")``), or None."""
    match = QUIZ_CALL.search(str(cell.get("source", "")))
    return match.group(1) if match else None


def is_reference_list_cell(cell: Mapping[str, Any]) -> bool:
    """The lesson's ``show_references`` code cell: the page's own list replaces it."""
    return cell.get("cell_type") == "code" and bool(
        LESSON_REFERENCES_CALL.search(str(cell.get("source", "")))
    )


def is_references_heading(cell: Mapping[str, Any]) -> bool:
    """A markdown cell that is only a ``References`` heading."""
    return cell.get("cell_type") == "markdown" and bool(
        REFERENCES_HEADING.match(str(cell.get("source", "")))
    )


def rendered_at_export(cell: Mapping[str, Any]) -> bool:
    """True for a code cell the export renders itself (a quiz or the reference list)."""
    return cell.get("cell_type") == "code" and (is_quiz_cell(cell) or is_reference_list_cell(cell))
