"""The lesson rules of code cells: exercises the trainee edits, plumbing that stays collapsed.

An **exercise** cell (tagged ``exercise``) is one the trainee is asked to edit: the markdown
cell right above it says what to type or change, it leaves something to change (a ``...``
placeholder, or a value the instruction names) and its code stays open. Every other code cell
but a worked solution is **plumbing** (it only shows a table, figure, widget or quiz) and is
stored with its input collapsed (``metadata.jupyter.source_hidden``).

Each rule returns the problems it finds (``[]`` when sound); cells are numbered from 0.
"""

from __future__ import annotations

import io
import re
import tokenize
from typing import Final

from nbformat import NotebookNode

from ..handouts.cells import is_exercise, is_plumbing
from ..names import EXERCISE_TAG, INSTRUCTOR_ONLY_TAGS
from .notebook import Problem, tags_of

PLACEHOLDER: Final = "..."
WORD: Final = re.compile(r"\w+")
MIN_INSTRUCTION_WORDS: Final = 4
"""Fewer words than this around a placeholder make an answer space, not an instruction."""
COLLAPSE: Final = (
    "collapse its input: in JupyterLab, View > Collapse Selected Code (or click the blue bar "
    "left of the code), then save; this sets metadata.jupyter.source_hidden"
)


def is_collapsed(cell: NotebookNode) -> bool:
    """The cell's input is stored collapsed (``metadata.jupyter.source_hidden``)."""
    return bool(cell.get("metadata", {}).get("jupyter", {}).get("source_hidden", False))


def _tokens(source: str) -> list[tokenize.TokenInfo]:
    try:
        return list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []


def has_placeholder(source: str) -> bool:
    """The code holds a ``...`` for the trainee to replace (comments and strings aside)."""
    tokens = _tokens(source)
    if not tokens:
        return PLACEHOLDER in source
    return any(token.type == tokenize.OP and token.string == PLACEHOLDER for token in tokens)


def _values(source: str) -> list[str]:
    """The numbers and the text of the strings the code holds."""
    values = []
    for token in _tokens(source):
        if token.type == tokenize.NUMBER:
            values.append(token.string)
        elif token.type == tokenize.STRING:
            values.append(token.string.strip("\"'"))
    return [value for value in values if value]


def _names_a_value(instruction: str, source: str) -> bool:
    return any(value in instruction for value in _values(source))


def is_instruction(cell: NotebookNode) -> bool:
    """A markdown cell a trainee sees that says something: not a note, not an answer space.

    An answer space is a line such as ``*Your plan:* ...``: a placeholder with a label of a
    few words.
    """
    if cell.cell_type != "markdown" or INSTRUCTOR_ONLY_TAGS & set(tags_of(cell)):
        return False
    return len(WORD.findall(cell.source.replace(PLACEHOLDER, " "))) >= MIN_INSTRUCTION_WORDS


def _instruction_problems(nb: NotebookNode, index: int) -> list[Problem]:
    above = nb.cells[index - 1] if index > 0 else None
    if above is None or not is_instruction(above):
        return [
            Problem(
                "an exercise cell without an instruction right above it",
                "put a markdown cell right above it (not an instructor note or solution) that "
                "tells the trainee what to type or change and what to look for.",
                index,
            )
        ]
    cell = nb.cells[index]
    if has_placeholder(cell.source) or _names_a_value(above.source, cell.source):
        return []
    return [
        Problem(
            "an exercise cell that leaves nothing to change: no '...' placeholder and no value "
            "its instruction names",
            "put a '...' where the trainee types, or name in the instruction the value to change.",
            index,
        )
    ]


def exercise_problems(nb: NotebookNode) -> list[Problem]:
    """Each exercise cell has its instruction right above, something to change, open code.

    A code cell outside the worked solutions that holds a ``...`` placeholder is an exercise
    and must be tagged so.
    """
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if is_exercise(cell):
            problems.extend(_instruction_problems(nb, index))
            if is_collapsed(cell):
                problems.append(
                    Problem(
                        "an exercise cell with its input collapsed",
                        "expand it (click the blue bar left of the cell) and save, or remove "
                        "metadata.jupyter.source_hidden: the trainee edits this cell.",
                        index,
                    )
                )
        elif is_plumbing(cell) and has_placeholder(cell.source):
            problems.append(
                Problem(
                    f"a code cell with a '...' placeholder that is not tagged {EXERCISE_TAG!r}",
                    f"tag it {EXERCISE_TAG!r} if the trainee is to fill it in, or replace the "
                    "'...' with the code.",
                    index,
                )
            )
    return problems


def collapse_problems(nb: NotebookNode) -> list[Problem]:
    """Every plumbing cell (a code cell neither an exercise nor a solution) is collapsed."""
    return [
        Problem(
            f"a code cell that is not an exercise shows its code (not tagged {EXERCISE_TAG!r}, "
            "input not collapsed)",
            f"{COLLAPSE}; or, if the trainee is asked to edit it, tag it {EXERCISE_TAG!r}.",
            index,
        )
        for index, cell in enumerate(nb.cells)
        if is_plumbing(cell) and not has_placeholder(cell.source) and not is_collapsed(cell)
    ]


def exercise_count(nb: NotebookNode) -> int:
    """The number of exercise cells in the notebook."""
    return sum(1 for cell in nb.cells if is_exercise(cell))
