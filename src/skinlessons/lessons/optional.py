"""The lesson rules of optional parts: "Deeper: ..." sections beside the core path.

A section (see :mod:`..handouts.optional`) starts at a heading cell of its own, is stored
folded so the lesson opens on its core path, holds something to read and leaves every exercise
and the quiz on the core path; the lesson says before its first section that these parts are
optional, and ``objectives.yaml`` gives their time (``optional_min``) exactly when it has some.

Each rule returns the problems it finds (``[]`` when sound); cells are numbered from 0.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from nbformat import NotebookNode

from ..handouts.cells import is_exercise, is_quiz_cell
from ..handouts.optional import (
    DEEPER_PREFIX,
    HEADING_COLLAPSED_KEY,
    Section,
    heading_of,
    optional_sections,
)
from ..names import INSTRUCTOR_ONLY_TAGS
from ..quiz.models import Lesson
from .notebook import Problem, tags_of

SAYS_OPTIONAL: Final = re.compile(r"\bDeeper\b")
HEADING_LINES: Final = re.compile(r"^\s*#.*$", re.MULTILINE)
FOLD: Final = (
    "fold it: in JupyterLab click the arrow left of the heading, then save "
    f"(this sets the cell's metadata {HEADING_COLLAPSED_KEY!r} to true)"
)


def _is_seen(cell: NotebookNode) -> bool:
    return not INSTRUCTOR_ONLY_TAGS & set(tags_of(cell))


def _section_problems(nb: NotebookNode, section: Section) -> list[Problem]:
    heading = nb.cells[section.start]
    problems = []
    if len(heading.source.strip().splitlines()) > 1:
        problems.append(
            Problem(
                f"the heading '{DEEPER_PREFIX} {section.title[len(DEEPER_PREFIX) :].strip()}' "
                "shares its cell with other text",
                "keep the heading alone in its markdown cell and move the text to a new cell "
                "below it: the handouts fold the cells under the heading.",
                section.start,
            )
        )
    if not heading.metadata.get(HEADING_COLLAPSED_KEY, False):
        problems.append(
            Problem(
                "an optional section that is not stored folded",
                f"{FOLD}, so the lesson opens on its core path.",
                section.start,
            )
        )
    body = [index for index in section.body if _is_seen(nb.cells[index])]
    if not body:
        problems.append(
            Problem(
                "an optional section with nothing a trainee reads under its heading",
                "put the optional material in cells under the heading, or remove the heading.",
                section.start,
            )
        )
    for index in section.body:
        cell = nb.cells[index]
        inner = heading_of(cell)
        if is_exercise(cell) or is_quiz_cell(cell):
            what = "an exercise" if is_exercise(cell) else "the quiz"
            problems.append(
                Problem(
                    f"{what} inside the optional section starting at cell {section.start}",
                    "move it to the core path (before the 'Deeper:' heading or after the "
                    "section): every trainee does the exercises and the quiz.",
                    index,
                )
            )
        elif inner is not None and inner.is_deeper:
            problems.append(
                Problem(
                    f"an optional section inside the one starting at cell {section.start}",
                    "end the outer section first (a heading of its level or higher), or "
                    "merge the two.",
                    index,
                )
            )
    return problems


def optional_problems(nb: NotebookNode) -> list[Problem]:
    """Each "Deeper" section is sound, and the lesson says these parts are optional."""
    sections = optional_sections(nb.cells)
    problems = [problem for section in sections for problem in _section_problems(nb, section)]
    if sections and not any(
        cell.cell_type == "markdown"
        and _is_seen(cell)
        and SAYS_OPTIONAL.search(HEADING_LINES.sub("", cell.source))
        for cell in nb.cells[: sections[0].start]
    ):
        problems.append(
            Problem(
                "the lesson has optional 'Deeper' sections but does not say so before the first",
                "tell the trainee near the start that the 'Deeper' sections are optional and "
                "what the core path is.",
                sections[0].start,
            )
        )
    return problems


def optional_time_problems(nb: NotebookNode, lesson: Lesson, objectives: Path) -> list[Problem]:
    """``optional_min`` in objectives.yaml is set exactly when the lesson has optional sections."""
    sections = optional_sections(nb.cells)
    if sections and not lesson.optional_min:
        return [
            Problem(
                f"lesson {lesson.id} has {len(sections)} optional 'Deeper' section(s) but no "
                "optional time",
                f"add 'optional_min: <minutes>' to lesson {lesson.id}: the time the "
                "'Deeper' sections take together.",
                path=objectives,
            )
        ]
    if lesson.optional_min and not sections:
        return [
            Problem(
                f"lesson {lesson.id} gives optional_min: {lesson.optional_min} but has no "
                "'Deeper' section",
                f"remove optional_min from lesson {lesson.id}, or mark its optional material "
                f"with a '### {DEEPER_PREFIX} ...' heading.",
                path=objectives,
            )
        ]
    return []
