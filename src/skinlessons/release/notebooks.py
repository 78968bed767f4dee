"""The trainee edition of a lesson notebook: no instructor or solution cells, nothing executed.

Cells the trainee edition leaves out (``handouts.editions.removed_cell_tags``: those tagged
``instructor`` or ``solution``) are removed with nbconvert's ``TagRemovePreprocessor``; every
code cell loses its outputs and execution count, and the notebook and its cells lose widget
state and execution timing, so the file depends on the lesson's source only.
"""

from __future__ import annotations

from typing import Final

import nbformat
from nbconvert.preprocessors import TagRemovePreprocessor
from nbformat import NotebookNode

from ..errors import ReleaseError
from ..handouts.editions import removed_cell_tags

_VOLATILE_NOTEBOOK_KEYS: Final = ("widgets",)
_VOLATILE_CELL_KEYS: Final = ("execution", "collapsed", "scrolled", "widgets")


def trainee_notebook(notebook: NotebookNode) -> NotebookNode:
    """A copy of ``notebook`` as a trainee receives it (see the module docstring)."""
    remover = TagRemovePreprocessor(remove_cell_tags=set(removed_cell_tags("trainee")))
    copy = nbformat.from_dict(notebook)
    edition, _resources = remover.preprocess(copy, {})
    for key in _VOLATILE_NOTEBOOK_KEYS:
        edition.metadata.pop(key, None)
    for cell in edition.cells:
        for key in _VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return edition


def trainee_notebook_bytes(text: str, *, where: str) -> tuple[bytes, int]:
    """The trainee edition of a notebook file's text, as bytes, and how many cells it lost.

    Raises:
        ReleaseError: the text is not a readable notebook (``where`` names the file).
    """
    try:
        notebook = nbformat.reads(text, as_version=4)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReleaseError(
            f"{where}: not a readable notebook ({exc}). Fix: open and save it in JupyterLab, "
            "or remove it from notebooks/."
        ) from exc
    edition = trainee_notebook(notebook)
    removed = len(notebook.cells) - len(edition.cells)
    return (nbformat.writes(edition) + "\n").encode("utf-8"), removed
