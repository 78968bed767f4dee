"""The optional parts of a lesson: "Deeper: ..." sections beside the core path.

A lesson marks deeper material as optional with a heading cell of its own whose text starts
with ``Deeper:`` (``### Deeper: how sure the pKa values are``). The section runs from that
heading to the cell before the next heading of the same or a higher level (fewer ``#``), or to
the end of the lesson. Everything outside these sections is the **core path**.

JupyterLab folds a section under its heading (stored folded with the cell metadata
:data:`HEADING_COLLAPSED_KEY`); the handouts put each section's cells in a ``<details>`` that
opens when the page is printed. The lesson rules (``lessons.optional``) keep the sections sound.

Cells here are notebook cells as nbformat reads them (mappings with ``cell_type``, ``source``
and ``metadata``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

DEEPER_PREFIX: Final = "Deeper:"
HEADING_LINE: Final = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
HEADING_COLLAPSED_KEY: Final = "jp-MarkdownHeadingCollapsed"
"""The cell metadata key JupyterLab stores a folded heading under."""


@dataclass(frozen=True)
class Heading:
    """The first heading of a markdown cell: its level (number of ``#``) and its text."""

    level: int
    text: str

    @property
    def is_deeper(self) -> bool:
        """The heading of an optional section (its text starts with ``Deeper:``)."""
        return self.text.startswith(DEEPER_PREFIX)


@dataclass(frozen=True)
class Section:
    """One optional section: its heading cell, its last cell (both indices) and its title."""

    start: int
    end: int
    level: int
    title: str

    @property
    def body(self) -> range:
        """The indices of the cells under the heading."""
        return range(self.start + 1, self.end + 1)


def heading_of(cell: Mapping[str, Any]) -> Heading | None:
    """The first heading line of a markdown cell (as JupyterLab folds by it), or None."""
    if cell.get("cell_type") != "markdown":
        return None
    for line in str(cell.get("source", "")).splitlines():
        match = HEADING_LINE.match(line)
        if match:
            return Heading(len(match.group(1)), match.group(2))
    return None


def optional_sections(cells: Sequence[Mapping[str, Any]]) -> list[Section]:
    """The lesson's "Deeper: ..." sections, in order (a Deeper heading inside one is body)."""
    sections: list[Section] = []
    open_at: tuple[int, Heading] | None = None
    for index, cell in enumerate(cells):
        heading = heading_of(cell)
        if heading is None:
            continue
        if open_at is not None and heading.level <= open_at[1].level:
            start, opened = open_at
            sections.append(Section(start, index - 1, opened.level, opened.text))
            open_at = None
        if open_at is None and heading.is_deeper:
            open_at = (index, heading)
    if open_at is not None:
        start, opened = open_at
        sections.append(Section(start, len(cells) - 1, opened.level, opened.text))
    return sections


def core_indices(cells: Sequence[Mapping[str, Any]]) -> list[int]:
    """The indices of the cells on the core path (outside every optional section)."""
    optional = {
        index
        for section in optional_sections(cells)
        for index in range(section.start, section.end + 1)
    }
    return [index for index in range(len(cells)) if index not in optional]
