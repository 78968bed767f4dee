"""Preprocessors that rewrite cells for a handout page: plumbing code, links, optional parts.

Like the others in :mod:`.preprocessors` (which registers them), each does one job and reads
the edition from ``resources["skinlessons"]``.
"""

from __future__ import annotations

import re
from typing import Any, Final

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

from .cells import is_plumbing
from .editions import plumbing_code
from .optional import optional_sections

NOTEBOOK_LINK: Final = re.compile(r"\]\((?:\./)?([A-Za-z0-9_-]+)\.ipynb(#[^)\s]*)?\)")
"""A Markdown link to another notebook of the course folder, ``](glossary.ipynb#term-pih)``."""


class PlumbingCodePreprocessor(Preprocessor):
    """Leave out or fold the code of plumbing cells, as the edition decides.

    Marks the cell for the template the way nbconvert's ``TagRemovePreprocessor`` does
    (``metadata.transient``, never written out): ``remove_source`` or ``fold_source``.
    """

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Mark a plumbing cell's code as removed (trainee) or folded (instructor)."""
        if is_plumbing(cell):
            removed = plumbing_code(resources["skinlessons"]["edition"]) == "removed"
            cell.metadata.setdefault("transient", {})[
                "remove_source" if removed else "fold_source"
            ] = True
        return cell, resources


class NotebookLinkPreprocessor(Preprocessor):
    """Point links to a course notebook (``glossary.ipynb#term-pih``) at its handout page."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Rewrite ``](name.ipynb#anchor)`` to ``](name.html#anchor)`` in markdown cells."""
        if cell.cell_type == "markdown":
            cell.source = NOTEBOOK_LINK.sub(
                lambda link: f"]({link.group(1)}.html{link.group(2) or ''})", cell.source
            )
        return cell, resources


class OptionalSectionPreprocessor(Preprocessor):
    """Mark each "Deeper: ..." section for the template to fold in a ``<details>``.

    The heading cell gets ``metadata.transient.optional_open`` (the ``<details>`` opens after
    it) and the section's last cell ``optional_close`` (it closes after that cell). Runs on the
    cells the page keeps, so a section ends where the edition's own cells end.
    """

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Mark the first and last cell of every optional section."""
        for section in optional_sections(nb.cells):
            nb.cells[section.start].metadata.setdefault("transient", {})["optional_open"] = True
            nb.cells[section.end].metadata.setdefault("transient", {})["optional_close"] = True
        return nb, resources
