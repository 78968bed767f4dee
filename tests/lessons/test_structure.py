"""The lesson rules of ``skinlessons.lessons`` over the eight lesson notebooks.

Each rule is a small function that returns the problems it finds (empty when the notebook is
sound), so the same function runs over the real notebooks and over deliberately broken copies:
every ``test_check_*`` below proves its rule can fail.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode

from skinlessons.course import quiz_files
from skinlessons.facts import load_facts
from skinlessons.lessons.every_notebook import (
    format_problems,
    marker_problems,
    math_problems,
    quiz_call_problems,
    tag_problems,
    title_problems,
)
from skinlessons.lessons.notebook import (
    KEY_POINTS_HEADING,
    MARKER,
    QUIZ_CALL,
    Problem,
    first_index,
    tags_of,
)
from skinlessons.lessons.objectives import objective_problems
from skinlessons.lessons.teaching import key_point_problems, layout_problems, part_problems
from skinlessons.names import (
    EXERCISE_TAG,
    INSTRUCTOR_TAG,
    KNOWN_TAGS,
    NOTEBOOK_DIR,
    OBJECTIVES_FILE,
    QUIZ_DIR,
    QUIZ_TAG,
    SOLUTION_TAG,
)
from skinlessons.quiz.loader import load_objectives, load_quiz
from skinlessons.quiz.models import Lesson, Objectives, Quiz

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / NOTEBOOK_DIR
QUIZZES = ROOT / QUIZ_DIR

LESSON_IDS = (
    "00_start_here",
    "01_skin_and_scars",
    "02_how_exfoliation_works",
    "03_chemical",
    "04_device_based",
    "05_manual",
    "06_choosing_safely",
    "07_consultation_to_aftercare",
    "08_final_assessment",
)
TEACHING_LESSON_IDS = LESSON_IDS[1:8]
"""Lessons 01-07 follow the lesson layout; 00 and 08 have their own shape."""


def read(lesson_id: str, folder: Path = NOTEBOOKS) -> NotebookNode:
    """Read ``<folder>/<lesson_id>.ipynb`` as nbformat 4."""
    return nbformat.read(folder / f"{lesson_id}.ipynb", as_version=4)


def messages(problems: list[Problem]) -> list[str]:
    return [problem.message for problem in problems]


def located(problems: list[Problem]) -> list[tuple[int | None, str]]:
    """Each problem as (cell index, message)."""
    return [(problem.cell, problem.message) for problem in problems]


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference_ids() -> set[str]:
    return set(load_facts().references)


@pytest.fixture(scope="module")
def objectives() -> Objectives:
    return load_objectives(QUIZZES / OBJECTIVES_FILE)


def lesson_entry(objectives: Objectives, lesson_id: str) -> Lesson:
    return next(entry for entry in objectives.lessons if entry.id == lesson_id)


@pytest.fixture(scope="module")
def course_quizzes() -> list[Quiz]:
    return [load_quiz(path) for path in quiz_files(ROOT)]


@pytest.fixture(scope="module")
def quiz_ids() -> dict[str, str]:
    """File name → quiz id of each quiz file of the course."""
    return {path.name: load_quiz(path).id for path in quiz_files(ROOT)}


def broken_copy(
    lesson_id: str, tmp_path: Path, change: Callable[[NotebookNode], None]
) -> NotebookNode:
    """Write a copy of a real lesson to ``tmp_path`` after ``change(nb)``, and read it back."""
    nb = read(lesson_id)
    change(nb)
    nbformat.write(nb, tmp_path / f"{lesson_id}.ipynb")
    return read(lesson_id, tmp_path)


# --- the real notebooks ----------------------------------------------------------------------


def test_lessons_and_teaching_lessons_are_read_from_the_objectives(objectives: Objectives) -> None:
    """``check`` takes the lessons from objectives.yaml; those with objectives are teaching."""
    assert tuple(entry.id for entry in objectives.lessons) == LESSON_IDS
    assert tuple(entry.id for entry in objectives.lessons if entry.objectives) == (
        TEACHING_LESSON_IDS
    )


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_notebook_is_valid_and_stored_clean(lesson_id: str) -> None:
    assert format_problems(NOTEBOOKS / f"{lesson_id}.ipynb") == []


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_notebook_uses_only_known_tags(lesson_id: str) -> None:
    assert tag_problems(read(lesson_id)) == []


@pytest.mark.parametrize("lesson_id", TEACHING_LESSON_IDS)
def test_lesson_follows_the_lesson_layout(lesson_id: str) -> None:
    assert layout_problems(read(lesson_id), lesson_id) == []


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_notebook_title_is_the_lesson_title(lesson_id: str, objectives: Objectives) -> None:
    assert title_problems(read(lesson_id), lesson_entry(objectives, lesson_id).title) == []


@pytest.mark.parametrize("lesson_id", TEACHING_LESSON_IDS)
def test_key_points_mirror_the_objectives(lesson_id: str, objectives: Objectives) -> None:
    count = len(lesson_entry(objectives, lesson_id).objectives)
    assert key_point_problems(read(lesson_id), count) == []


@pytest.mark.parametrize("lesson_id", TEACHING_LESSON_IDS)
def test_lesson_has_instructor_notes_exercise_and_myths(lesson_id: str) -> None:
    assert part_problems(read(lesson_id), lesson_id) == []


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_every_reference_marker_resolves(lesson_id: str, reference_ids: set[str]) -> None:
    assert marker_problems(read(lesson_id), reference_ids) == []


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_every_quiz_shown_exists(lesson_id: str, quiz_ids: dict[str, str]) -> None:
    nb = read(lesson_id)
    assert QUIZ_CALL.search("\n".join(c.source for c in nb.cells if c.cell_type == "code"))
    assert quiz_call_problems(nb, QUIZZES, quiz_ids) == []


@pytest.mark.parametrize("lesson_id", ("00_start_here", "08_final_assessment"))
def test_start_and_final_show_their_quiz_in_a_quiz_cell(lesson_id: str) -> None:
    quiz_cells = [c.source.strip() for c in read(lesson_id).cells if QUIZ_TAG in tags_of(c)]
    assert quiz_cells == [f'quiz.show("{lesson_id}")']


def test_final_assessment_explains_submission() -> None:
    sources = [cell.source for cell in read("08_final_assessment").cells]
    quiz_index = next(i for i, source in enumerate(sources) if QUIZ_CALL.search(source))
    after = "\n".join(sources[quiz_index + 1 :])
    assert "quiz.submit()" in after
    assert "skinlessons submit" in after


def test_every_objective_is_taught_and_assessed(
    objectives: Objectives, course_quizzes: list[Quiz]
) -> None:
    assert objective_problems(objectives, course_quizzes, NOTEBOOKS) == []


# --- each check can fail ---------------------------------------------------------------------


def drop_cells(nb: NotebookNode, unwanted: Callable[[NotebookNode], bool]) -> None:
    nb.cells = [cell for cell in nb.cells if not unwanted(cell)]


def is_quiz_cell(cell: NotebookNode) -> bool:
    return QUIZ_TAG in tags_of(cell)


def show_wrong_quiz(nb: NotebookNode) -> None:
    next(cell for cell in nb.cells if is_quiz_cell(cell)).source = 'quiz.show("03_chemical")'


def move_quiz_after_references(nb: NotebookNode) -> None:
    quiz_cell = next(cell for cell in nb.cells if is_quiz_cell(cell))
    drop_cells(nb, is_quiz_cell)
    nb.cells.append(quiz_cell)


def strip_teaching_markers(nb: NotebookNode) -> None:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not KEY_POINTS_HEADING.search(cell.source):
            cell.source = MARKER.sub("", cell.source)


LAYOUT_BREAKS: dict[str, tuple[Callable[[NotebookNode], None], str]] = {
    "no-header": (
        lambda nb: drop_cells(nb, lambda c: "show_header" in c.source),
        "missing the header call",
    ),
    "no-key-points": (
        lambda nb: drop_cells(nb, lambda c: bool(KEY_POINTS_HEADING.search(c.source))),
        "missing a key-points heading",
    ),
    "no-quiz": (lambda nb: drop_cells(nb, is_quiz_cell), "missing a quiz-tagged cell"),
    "no-references": (
        lambda nb: drop_cells(nb, lambda c: "show_references" in c.source),
        "missing the references call",
    ),
    "wrong-quiz": (show_wrong_quiz, 'is not exactly quiz.show("06_choosing_safely")'),
    "quiz-last": (move_quiz_after_references, "out of order"),
    "no-teaching": (strip_teaching_markers, "no referenced teaching cell"),
}


@pytest.mark.parametrize("name", LAYOUT_BREAKS)
def test_check_layout_catches_a_broken_lesson(name: str, tmp_path: Path) -> None:
    spoil, fragment = LAYOUT_BREAKS[name]
    nb = broken_copy("06_choosing_safely", tmp_path, spoil)
    problems = messages(layout_problems(nb, "06_choosing_safely"))
    assert any(fragment in problem for problem in problems), problems


def test_check_format_catches_outputs_counts_ids_and_kernel(tmp_path: Path) -> None:
    stored = json.loads((NOTEBOOKS / "04_device_based.ipynb").read_text("utf-8"))
    first_code = next(cell for cell in stored["cells"] if cell["cell_type"] == "code")
    first_code["execution_count"] = 3
    first_code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hello"}]
    stored["cells"][2]["id"] = stored["cells"][0]["id"]
    stored["metadata"]["kernelspec"]["name"] = "python2"
    path = tmp_path / "04_device_based.ipynb"
    path.write_text(json.dumps(stored), "utf-8")
    with pytest.warns(nbformat.warnings.DuplicateCellId, match="Non-unique cell id"):
        problems = format_problems(path)
    first_code_index = stored["cells"].index(first_code)
    assert located(problems) == [
        (None, f"duplicate cell ids: ['{stored['cells'][0]['id']}']"),
        (None, "kernelspec name is 'python2', not 'python3'"),
        (first_code_index, "stored with outputs"),
        (first_code_index, "stored with an execution count"),
    ]


def test_check_format_catches_a_cell_without_id(tmp_path: Path) -> None:
    stored = json.loads((NOTEBOOKS / "05_manual.ipynb").read_text("utf-8"))
    del stored["cells"][4]["id"]
    path = tmp_path / "05_manual.ipynb"
    path.write_text(json.dumps(stored), "utf-8")
    with pytest.warns(nbformat.warnings.MissingIDFieldWarning):
        assert located(format_problems(path)) == [(4, "stored without a cell id")]


def test_check_tags_catches_an_unknown_tag(tmp_path: Path) -> None:
    def spoil(nb: NotebookNode) -> None:
        nb.cells[2].metadata["tags"] = ["solutions"]

    assert located(tag_problems(broken_copy("05_manual", tmp_path, spoil))) == [
        (2, f"unknown tag 'solutions' (known: {sorted(KNOWN_TAGS)})")
    ]


@pytest.mark.parametrize("tag", [INSTRUCTOR_TAG, SOLUTION_TAG])
def test_check_parts_catches_a_missing_tagged_cell(tag: str, tmp_path: Path) -> None:
    nb = broken_copy("05_manual", tmp_path, lambda nb: drop_cells(nb, lambda c: tag in tags_of(c)))
    assert f"no cell tagged {tag!r}" in messages(part_problems(nb, "05_manual"))


def test_check_parts_catches_missing_myths_and_exercise(tmp_path: Path) -> None:
    def spoil(nb: NotebookNode) -> None:
        drop_cells(nb, lambda c: "show_myths" in c.source)
        drop_cells(nb, lambda c: "..." in c.source and set(tags_of(c)) <= {EXERCISE_TAG})

    problems = part_problems(broken_copy("04_device_based", tmp_path, spoil), "04_device_based")
    assert messages(problems) == [
        "the first solution has no exercise placeholder ('...') before it",
        'no myth-vs-fact part (lesson.show_myths("04_device_based"))',
    ]


def test_check_markers_catches_an_unknown_reference(
    tmp_path: Path, reference_ids: set[str]
) -> None:
    def spoil(nb: NotebookNode) -> None:
        nb.cells.append(nbformat.v4.new_markdown_cell("A new claim [R17][R9999]."))

    nb = broken_copy("06_choosing_safely", tmp_path, spoil)
    assert located(marker_problems(nb, reference_ids)) == [
        (len(nb.cells) - 1, "cites R9999, which is not in the references data")
    ]


def test_check_quiz_calls_catches_a_missing_quiz_file(tmp_path: Path) -> None:
    nb = broken_copy("04_device_based", tmp_path, show_wrong_quiz)
    (tmp_path / QUIZ_DIR).mkdir()
    problems = messages(quiz_call_problems(nb, tmp_path / QUIZ_DIR, {}))
    assert len(problems) == 1
    assert "shows quiz '03_chemical', but 03_chemical.yaml is missing" in problems[0]


def test_check_objectives_catches_untaught_and_unassessed(
    tmp_path: Path, objectives: Objectives, course_quizzes: list[Quiz]
) -> None:
    lesson_05 = lesson_entry(objectives, "05_manual")
    nb = read("05_manual")
    drop_cells(nb, lambda c: "show_header" in c.source)
    nbformat.write(nb, tmp_path / "05_manual.ipynb")
    unassessed = lesson_05.objectives[0]
    quizzes = [
        quiz.model_copy(
            update={
                "questions": [
                    q
                    for q in quiz.questions
                    if not {unassessed.id, *unassessed.course} & set(q.objectives)
                ]
            }
        )
        for quiz in course_quizzes
    ]
    problems = "\n".join(messages(objective_problems(objectives, quizzes, tmp_path)))
    assert "05_manual.ipynb never shows its objectives" in problems
    assert f"{unassessed.id} (05_manual) is assessed by no question" in problems
    assert "01_skin_and_scars has objectives but no notebook" in problems


def test_check_title_catches_a_second_or_wrong_title(tmp_path: Path) -> None:
    second = first_index(
        read("04_device_based"), lambda c: c.cell_type == "markdown" and c.id != "l04-01"
    )
    assert second is not None

    def spoil(nb: NotebookNode) -> None:
        nb.cells[second].source = "# Another title\n\nSome text."

    nb = broken_copy("04_device_based", tmp_path, spoil)
    assert located(title_problems(nb, "Device-based exfoliation")) == [
        (
            second,
            "expected one H1 '# Device-based exfoliation' in cell 0; found "
            f"[(0, 'Device-based exfoliation'), ({second}, 'Another title')]",
        )
    ]
    assert title_problems(read("04_device_based"), "Device exfoliation") != []


def test_check_key_points_catches_a_missing_point(tmp_path: Path) -> None:
    def spoil(nb: NotebookNode) -> None:
        heading = first_index(nb, lambda c: bool(KEY_POINTS_HEADING.search(c.source)))
        assert heading is not None
        points = nb.cells[heading + 1]
        points.source = points.source.rsplit("\n- ", 1)[0]

    nb = broken_copy("06_choosing_safely", tmp_path, spoil)
    assert messages(key_point_problems(nb, 4)) == ["3 key points for 4 lesson objectives"]


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_lesson_prose_needs_no_mathjax(lesson_id: str) -> None:
    """Formulas are plain text or HTML, so they read the same in the offline handouts."""
    assert math_problems(read(lesson_id)) == []


def test_check_math_catches_tex_in_markdown() -> None:
    """A TeX formula in a markdown cell is reported with its cell index."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("f = $\\dfrac{1}{2}$")])
    problems = math_problems(nb)
    assert located(problems) == [(0, "TeX math '$\\\\dfrac{1}{2}$'")]
    assert problems[0].fix.startswith("write the formula in plain text/HTML")
