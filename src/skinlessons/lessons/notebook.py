"""What the lesson rules share: a problem found in a notebook, and small readers of its cells."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import nbformat
from nbformat import NotebookNode

from ..names import REFERENCE_MARKER

__all__ = [
    "KEY_POINTS_HEADING",
    "KEY_POINT_ITEM",
    "MARKER",
    "QUIZ_CALL",
    "Problem",
    "code_calls",
    "first_index",
    "is_key_points_heading",
    "quiet_nbformat",
    "read_notebook",
    "stored_cell_ids",
    "tags_of",
]

MARKER: Final = REFERENCE_MARKER
"""A reference marker in lesson prose: ``[R17]``."""
QUIZ_CALL: Final = re.compile(r'quiz\.show\(\s*"([^"]+)"\s*\)')
KEY_POINTS_HEADING: Final = re.compile(r"^#+\s*Key points\b", re.IGNORECASE | re.MULTILINE)
KEY_POINT_ITEM: Final = re.compile(r"^(?:[-*]|\d+\.)\s", re.MULTILINE)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a lesson: what, in which cell (if one), and how to fix it.

    ``path`` is set only when the problem lies in another file than the notebook checked
    (the course-wide rules: a lesson's objectives in objectives.yaml, say).
    """

    message: str
    fix: str
    cell: int | None = None
    path: Path | None = None


def tags_of(cell: NotebookNode) -> list[str]:
    """The cell's tags (``metadata.tags``), or ``[]``."""
    return list(cell.get("metadata", {}).get("tags", []))


def first_index(nb: NotebookNode, wanted: Callable[[NotebookNode], object]) -> int | None:
    """Index of the first cell for which ``wanted(cell)`` is true, or None."""
    return next((i for i, cell in enumerate(nb.cells) if wanted(cell)), None)


def code_calls(cell: NotebookNode, call: str) -> bool:
    """The cell is a code cell whose source contains ``call``."""
    return cell.cell_type == "code" and call in cell.source


def is_key_points_heading(cell: NotebookNode) -> bool:
    """A markdown cell with a "Key points" heading."""
    return cell.cell_type == "markdown" and bool(KEY_POINTS_HEADING.search(cell.source))


def stored_cell_ids(path: Path) -> list[str | None]:
    """The cell ids as stored in the file (nbformat's reader renews duplicate ones)."""
    cells = json.loads(path.read_text("utf-8"))["cells"]
    return [cell.get("id") if isinstance(cell, dict) else None for cell in cells]


@contextmanager
def quiet_nbformat() -> Iterator[None]:
    """Hide nbformat's warnings of a renewed duplicate id or a missing id.

    The format rule reports those as problems with a fix.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nbformat.warnings.DuplicateCellId)
        warnings.simplefilter("ignore", nbformat.warnings.MissingIDFieldWarning)
        yield


def read_notebook(path: Path) -> NotebookNode | Problem:
    """The notebook as nbformat 4, or the problem that keeps it from being read."""
    try:
        with quiet_nbformat():
            stored_cell_ids(path)
            return nbformat.read(path, as_version=4)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return Problem(
            f"not a readable notebook ({type(error).__name__}: {error})",
            "restore the file from version control, or save it again from JupyterLab.",
        )
