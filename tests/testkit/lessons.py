"""Helpers for the lesson-rule tests: spoil a stored notebook, find a cell, read the problems."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skinlessons.check import check_course

Stored = dict[str, Any]
"""A notebook cell as stored in the .ipynb JSON."""


def spoil(notebook: Path, change: Callable[[list[Stored]], str]) -> str:
    """Change the stored cells of a notebook; ``change`` returns the id of the cell it spoiled."""
    stored = json.loads(notebook.read_text("utf-8"))
    cell_id = change(stored["cells"])
    notebook.write_text(json.dumps(stored), "utf-8")
    return cell_id


def index_of(cells: list[Stored], cell_id: str) -> int:
    """The index of the stored cell with this id."""
    return next(i for i, cell in enumerate(cells) if cell["id"] == cell_id)


def lesson_lines(course: Path) -> list[str]:
    """The lesson problems ``check`` reports for ``course``, one line each."""
    return [finding.format() for finding in check_course(course, only=["lessons"]).errors]
