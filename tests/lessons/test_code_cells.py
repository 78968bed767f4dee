"""The code-cell rules: exercises tagged, instructed and open; every other code cell collapsed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from skinlessons.cli import main
from skinlessons.lessons.checks import RULES, exercise_counts
from skinlessons.lessons.code_cells import (
    collapse_problems,
    exercise_count,
    exercise_problems,
    has_placeholder,
)
from skinlessons.names import EXERCISE_TAG, NOTEBOOK_DIR, SOLUTION_TAG
from testkit.jupyterlab import copy_course
from testkit.lessons import Stored, index_of, lesson_lines, spoil

REPO = Path(__file__).resolve().parents[2]
HIDDEN = {"jupyter": {"source_hidden": True}}


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of this course's notebooks and quizzes."""
    return copy_course(REPO, tmp_path / "course").resolve()


def a_lesson(*cells: Any) -> Any:
    """A notebook of these cells, as a lesson the rules have never seen might be."""
    return new_notebook(cells=list(cells))


def code(source: str, *, tags: list[str] | None = None, hidden: bool = False) -> Any:
    cell = new_code_cell(source)
    if tags:
        cell.metadata["tags"] = tags
    if hidden:
        cell.metadata.update(json.loads(json.dumps(HIDDEN)))
    return cell


def test_the_rules_are_registered() -> None:
    assert {"exercises", "collapsed code"} <= {rule.name for rule in RULES}


def test_a_shown_plumbing_cell_is_located_with_a_fix(course: Path) -> None:
    notebook = course / NOTEBOOK_DIR / "03_chemical.ipynb"

    def show_code(cells: list[Stored]) -> str:
        cells[index_of(cells, "03-023")]["metadata"].pop("jupyter")
        return "03-023"

    spoil(notebook, show_code)
    stored = json.loads(notebook.read_text("utf-8"))["cells"]
    (line,) = lesson_lines(course)
    assert line.startswith(
        f"{notebook} cell {index_of(stored, '03-023')}, id 03-023: a code cell that is not an "
        "exercise shows its code"
    )
    assert ". Fix: collapse its input" in line


def test_an_untagged_placeholder_cell_must_be_tagged(course: Path) -> None:
    notebook = course / NOTEBOOK_DIR / "01_skin_and_scars.ipynb"

    def untag(cells: list[Stored]) -> str:
        cell = cells[index_of(cells, "01-022")]
        cell["metadata"] = {}
        return "01-022"

    spoil(notebook, untag)
    (line,) = lesson_lines(course)
    assert "id 01-022: a code cell with a '...' placeholder that is not tagged 'exercise'" in line
    assert "Fix: tag it 'exercise'" in line


def test_an_exercise_needs_its_instruction_right_above(course: Path) -> None:
    notebook = course / NOTEBOOK_DIR / "06_choosing_safely.ipynb"

    def drop_instruction(cells: list[Stored]) -> str:
        del cells[index_of(cells, "l06-51a")]
        return "l06-52"

    spoil(notebook, drop_instruction)
    # The cell above is now the trainee's answer space ("*Your plan:* ..."), not an instruction.
    cells = [
        new_markdown_cell("*Your plan:* ..."),
        code("...", tags=[EXERCISE_TAG]),
    ]
    assert [p.message for p in exercise_problems(a_lesson(*cells))] == [
        "an exercise cell without an instruction right above it"
    ]
    (line,) = lesson_lines(course)
    assert "id l06-52: an exercise cell without an instruction right above it" in line


@pytest.mark.parametrize(
    ("above", "problem"),
    [
        (None, True),
        (code("x = 1", hidden=True), True),
        (new_markdown_cell("NOTE", metadata={"tags": ["instructor"]}), True),
        (new_markdown_cell("Replace the `...` with the pH and run the cell."), False),
    ],
)
def test_what_counts_as_an_instruction(above: Any, problem: bool) -> None:
    cells = [above] if above is not None else []
    nb = a_lesson(*cells, code("ph = ...", tags=[EXERCISE_TAG]))
    assert bool(exercise_problems(nb)) is problem


def test_an_exercise_leaves_a_placeholder_or_a_named_value() -> None:
    instruction = new_markdown_cell("Change the pH from 3.5 to 4.5 and run the cell again.")
    named = a_lesson(instruction, code("free_acid(ph=3.5)", tags=[EXERCISE_TAG]))
    unnamed = a_lesson(instruction, code("free_acid(ph=2.0)", tags=[EXERCISE_TAG]))
    assert exercise_problems(named) == []
    assert [(p.cell, p.message[:43]) for p in exercise_problems(unnamed)] == [
        (1, "an exercise cell that leaves nothing to cha")
    ]


def test_an_exercise_stays_open_and_plumbing_stays_collapsed() -> None:
    nb = a_lesson(
        code("show_table()", hidden=True),
        code("show_figure()"),
        new_markdown_cell("Replace the `...` with your answer."),
        code("...", tags=[EXERCISE_TAG], hidden=True),
        code("answer = 1", tags=[SOLUTION_TAG]),
    )
    assert [p.cell for p in collapse_problems(nb)] == [1]
    assert [(p.cell, p.message) for p in exercise_problems(nb)] == [
        (3, "an exercise cell with its input collapsed")
    ]
    assert exercise_count(nb) == 1


def test_placeholder_ignores_comments_and_strings() -> None:
    assert has_placeholder("x = ...")
    assert has_placeholder("# your code\n...")
    assert not has_placeholder("# more to come ...\nx = 1")
    assert not has_placeholder('label = "and so on..."')


def test_check_prints_the_exercise_cells_per_lesson(course: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--course", str(course), "--only", "lessons"])
    assert result.exit_code == 0, result.output
    counts = exercise_counts(course)
    assert counts["03_chemical"] == 1
    assert counts["05_manual"] == 0
    each = ", ".join(f"{lesson} {count}" for lesson, count in counts.items())
    assert f"Exercise cells per lesson: {each} ({sum(counts.values())} in all)." in result.output
