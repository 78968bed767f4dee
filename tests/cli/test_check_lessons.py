"""``skinlessons check`` reports lesson problems by file and cell, and ``--only`` picks checkers."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons.check import CHECKER_NAMES, check_course
from skinlessons.cli import main
from skinlessons.facts import load_facts
from skinlessons.lessons.checks import RULES, course_lesson_problems
from skinlessons.names import NOTEBOOK_DIR, QUIZ_DIR

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of this course's notebooks and quizzes."""
    copy = tmp_path / "course"
    for folder in (NOTEBOOK_DIR, QUIZ_DIR):
        shutil.copytree(REPO / folder, copy / folder)
    return copy.resolve()


def spoil_cell(notebook: Path, index: int, tags: list[str]) -> str:
    """Give one stored cell these tags; return the cell's id."""
    stored = json.loads(notebook.read_text("utf-8"))
    cell = stored["cells"][index]
    cell["metadata"]["tags"] = tags
    notebook.write_text(json.dumps(stored), "utf-8")
    return str(cell["id"])


def test_real_course_has_no_lesson_problem() -> None:
    """The lesson checker over this course finds nothing and counts its eight lessons."""
    assert course_lesson_problems(REPO, set(load_facts().references)) == ([], 9)


def test_broken_lesson_fails_check_with_file_cell_id_and_fix(course: Path) -> None:
    """A lesson copy with an unknown tag makes ``check`` exit 1, naming file, cell and id."""
    notebook = course / NOTEBOOK_DIR / "03_chemical.ipynb"
    cell_id = spoil_cell(notebook, 40, ["solutions"])
    result = CliRunner().invoke(main, ["check", "--course", str(course)])
    assert result.exit_code == 1, result.output
    line = next(line for line in result.output.splitlines() if "unknown tag" in line)
    assert line.startswith(f"{notebook} cell 40, id {cell_id}: unknown tag 'solutions' ")
    assert ". Fix: use one of the known tags" in line
    assert "1 problem found." in result.output


def test_only_facts_skips_the_lessons(course: Path) -> None:
    """``--only facts`` runs the data checker alone: the broken lesson is not looked at."""
    spoil_cell(course / NOTEBOOK_DIR / "03_chemical.ipynb", 40, ["solutions"])
    result = CliRunner().invoke(main, ["check", "--course", str(course), "--only", "facts"])
    assert result.exit_code == 0, result.output
    assert "03_chemical.ipynb" not in result.output
    assert "All good: 234 references" in result.output
    assert "lessons" not in result.output


def test_only_takes_a_comma_list_or_repeats(course: Path) -> None:
    """``--only facts,lessons`` and ``--only facts --only lessons`` select the same two."""
    spoil_cell(course / NOTEBOOK_DIR / "03_chemical.ipynb", 40, ["solutions"])
    for only in (["--only", "facts,lessons"], ["--only", "facts", "--only", "lessons"]):
        result = CliRunner().invoke(main, ["check", "--course", str(course), *only])
        assert result.exit_code == 1, result.output
        assert "unknown tag 'solutions'" in result.output
    quizzes_only = CliRunner().invoke(main, ["check", "--course", str(course), "--only", "quizzes"])
    assert quizzes_only.exit_code == 0, quizzes_only.output
    assert "quizzes" in quizzes_only.output
    assert "lessons" not in quizzes_only.output


def test_unknown_checker_name_is_a_usage_error_listing_the_names() -> None:
    """A name that is no checker's is refused (exit 2), and the message lists the names."""
    result = CliRunner().invoke(main, ["check", "--only", "lesson"])
    assert result.exit_code == 2
    assert "no checker named 'lesson'" in result.output
    assert f"the checkers are: {', '.join(CHECKER_NAMES)}" in result.output
    assert {"facts", "quizzes", "items", "lessons"} <= set(CHECKER_NAMES)


def test_a_warning_is_printed_and_check_still_passes(course: Path) -> None:
    """A notebook objectives.yaml does not list is a warning: printed, exit 0."""
    extra = course / NOTEBOOK_DIR / "99_extra.ipynb"
    shutil.copy(course / NOTEBOOK_DIR / "05_manual.ipynb", extra)
    result = CliRunner().invoke(main, ["check", "--course", str(course), "--only", "lessons"])
    assert result.exit_code == 0, result.output
    assert f"warning: {extra}: this notebook is not a lesson of objectives.yaml" in result.output
    assert "All good: 9 lessons. 1 warning." in result.output


def test_unreadable_notebook_is_a_located_error_not_a_traceback(course: Path) -> None:
    """A notebook that is not JSON is reported with a fix; the other lessons are still checked."""
    broken = course / NOTEBOOK_DIR / "04_device_based.ipynb"
    broken.write_text('{"cells": [', "utf-8")
    spoil_cell(course / NOTEBOOK_DIR / "03_chemical.ipynb", 40, ["solutions"])
    report = check_course(course, only=["lessons"])
    texts = [finding.format() for finding in report.errors]
    assert texts[0].startswith(f"{course / NOTEBOOK_DIR / '03_chemical.ipynb'} cell 40")
    assert texts[1].startswith(f"{broken}: not a readable notebook (JSONDecodeError")
    assert "Fix: restore the file" in texts[1]
    assert len(texts) == 2
    assert report.counts == {"lessons": 9}


def test_broken_objectives_stop_the_lesson_check_with_one_error(course: Path) -> None:
    """If objectives.yaml does not load, the lesson checker says so once, and why."""
    (course / QUIZ_DIR / "objectives.yaml").write_text("course: [\n", "utf-8")
    report = check_course(course, only=["lessons"])
    assert [finding.format() for finding in report.errors] == [
        f"{course / QUIZ_DIR / 'objectives.yaml'}: the lessons cannot be checked: this file "
        "has 1 problem(s). Fix: mend it first (skinlessons check --only quizzes lists them)."
    ]


def test_teaching_rules_skip_the_start_and_the_final(course: Path) -> None:
    """The layout rules apply to lessons with objectives only; the format rules to every one."""
    assert {rule.name for rule in RULES if rule.teaching_only} == {"layout", "key points", "parts"}
    for lesson in ("00_start_here", "08_final_assessment"):
        notebook = course / NOTEBOOK_DIR / f"{lesson}.ipynb"
        stored = json.loads(notebook.read_text("utf-8"))
        stored["metadata"]["kernelspec"]["name"] = "python2"
        notebook.write_text(json.dumps(stored), "utf-8")
    texts = [finding.format() for finding in check_course(course, only=["lessons"]).errors]
    assert len(texts) == 2
    assert all("kernelspec name is 'python2'" in text for text in texts)


def test_duplicate_and_missing_ids_are_findings_not_python_warnings(course: Path) -> None:
    """nbformat's own warnings stay quiet: the author gets the findings, each with a fix."""
    notebook = course / NOTEBOOK_DIR / "05_manual.ipynb"
    stored = json.loads(notebook.read_text("utf-8"))
    stored["cells"][3]["id"] = stored["cells"][2]["id"]
    del stored["cells"][4]["id"]
    notebook.write_text(json.dumps(stored), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = check_course(course, only=["lessons"])
    assert [finding.format() for finding in report.errors] == [
        f"{notebook}: duplicate cell ids: ['{stored['cells'][2]['id']}']. "
        "Fix: give each cell its own 'id'.",
        f"{notebook} cell 4: stored without a cell id. "
        "Fix: give the cell an 'id' (a short unique name).",
    ]
