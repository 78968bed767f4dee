"""The lesson rules every lesson notebook follows, the start and the final included.

Each returns the problems it finds (``[]`` when sound); cells are numbered from 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Final

import nbformat
from nbformat import NotebookNode

from ..names import KNOWN_TAGS, QUIZ_DIR, QUIZ_SUFFIX
from .notebook import MARKER, QUIZ_CALL, Problem, stored_cell_ids, tags_of

TEX_MATH: Final = re.compile(r"\$[^$\s][^$]*\$|\\\(|\\\[")
CLEAR_OUTPUTS: Final = (
    "clear the outputs before saving (Edit > Clear Outputs of All Cells in JupyterLab, "
    "or jupyter nbconvert --clear-output --inplace)."
)


def format_problems(path: Path) -> list[Problem]:
    """Valid nbformat 4.5 with a python3 kernel, unique cell ids, and stored without outputs.

    Cell ids are read from the raw JSON: nbformat's reader silently repairs duplicates.
    """
    problems = []
    stored_ids = stored_cell_ids(path)
    duplicates = sorted({i for i in stored_ids if i is not None and stored_ids.count(i) > 1})
    if duplicates:
        problems.append(
            Problem(f"duplicate cell ids: {duplicates}", "give each cell its own 'id'.")
        )
    problems.extend(
        Problem("stored without a cell id", "give the cell an 'id' (a short unique name).", index)
        for index, cell_id in enumerate(stored_ids)
        if cell_id is None
    )
    nb = nbformat.read(path, as_version=4)
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as error:
        problems.append(
            Problem(
                f"not valid nbformat: {error.message}",
                "correct the field the message names, or save the notebook again in JupyterLab.",
            )
        )
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        problems.append(
            Problem(
                f"nbformat {nb.nbformat}.{nb.nbformat_minor}; cell ids need 4.5",
                "save the notebook as nbformat 4.5 or later (JupyterLab 3 and later do).",
            )
        )
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(
            Problem(
                f"kernelspec name is {kernel!r}, not 'python3'",
                "choose the Python 3 kernel (metadata.kernelspec.name: python3).",
            )
        )
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(Problem("stored with outputs", CLEAR_OUTPUTS, index))
        if cell.get("execution_count") is not None:
            problems.append(Problem("stored with an execution count", CLEAR_OUTPUTS, index))
    return problems


def _each_cell(
    nb: NotebookNode, found: Callable[[NotebookNode], Iterable[str]], fix: str
) -> list[Problem]:
    """A problem, with ``fix``, for each message ``found(cell)`` gives, cell by cell."""
    return [
        Problem(message, fix, index)
        for index, cell in enumerate(nb.cells)
        for message in found(cell)
    ]


def tag_problems(nb: NotebookNode) -> list[Problem]:
    """Only the known cell tags are used."""
    return _each_cell(
        nb,
        lambda cell: [
            f"unknown tag {tag!r} (known: {sorted(KNOWN_TAGS)})"
            for tag in tags_of(cell)
            if tag not in KNOWN_TAGS
        ],
        "use one of the known tags, or remove it (README, 'Cell tags').",
    )


def title_problems(nb: NotebookNode, title: str) -> list[Problem]:
    """One ``# H1`` title, in the first cell, equal to the lesson's title in objectives.yaml."""
    titles = [
        (index, line[2:].strip())
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("# ")
    ]
    if [(0, title)] == titles:
        return []
    wrong = next((index for index, found in titles if (index, found) != (0, title)), 0)
    return [
        Problem(
            f"expected one H1 '# {title}' in cell 0; found {titles or 'none'}",
            f"start cell 0 with '# {title}' (the lesson's title in objectives.yaml) and use "
            "'##' or deeper for every other heading.",
            wrong,
        )
    ]


def marker_problems(nb: NotebookNode, known: Iterable[str]) -> list[Problem]:
    """Every ``[Rnn]`` marker in the notebook names a reference of the package's data."""
    known = set(known)
    return _each_cell(
        nb,
        lambda cell: [
            f"cites {marker}, which is not in the references data"
            for marker in MARKER.findall(cell.source)
            if marker not in known
        ],
        "cite a reference the data has, or add this one to references.yaml with its source.",
    )


def quiz_call_problems(
    nb: NotebookNode, quiz_folder: Path, quiz_ids: Mapping[str, str]
) -> list[Problem]:
    """Every quiz the notebook shows has a quiz file whose id matches.

    Args:
        nb: the notebook.
        quiz_folder: the course's quizzes folder.
        quiz_ids: file name → quiz id of each quiz file that loads; a file that does not
            load is left to the quiz checks, which say why.
    """
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for quiz_id in QUIZ_CALL.findall(cell.source):
            path = quiz_folder / f"{quiz_id}{QUIZ_SUFFIX}"
            if not path.is_file():
                problems.append(
                    Problem(
                        f"shows quiz {quiz_id!r}, but {path.name} is missing",
                        f"add {QUIZ_DIR}/{path.name}, or show a quiz the course has.",
                        index,
                    )
                )
            elif quiz_ids.get(path.name, quiz_id) != quiz_id:
                problems.append(
                    Problem(
                        f"{path.name} does not have id {quiz_id!r}",
                        "give the quiz file the id of its file name.",
                        index,
                    )
                )
    return problems


def math_problems(nb: NotebookNode) -> list[Problem]:
    """Markdown that needs MathJax: the offline handouts load none, so it would show raw."""
    return _each_cell(
        nb,
        lambda cell: [
            f"TeX math {match.group(0)[:30]!r}"
            for match in [TEX_MATH.search(cell.source)]
            if match and cell.cell_type == "markdown"
        ],
        "write the formula in plain text/HTML (the offline handouts load no MathJax).",
    )
