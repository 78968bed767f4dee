"""Handouts show code only where the trainee works with it: the exercises.

The trainee edition leaves out the code of every plumbing cell (its output stays); the
instructor edition folds that code in a ``<details>``; exercise cells show their code in both.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from skinlessons.handouts.editions import EDITIONS, plumbing_code
from testkit.handouts import (
    Build,
    cell_of,
    code_blocks,
    code_outside_exercises,
)

pytestmark = pytest.mark.slow

LESSON_STEMS = ("01_basics", "02_tools")
EXERCISE_TEXT = "EXERCISE-CODE-EPSILON"


def test_the_editions_remove_or_fold_plumbing_code() -> None:
    assert {edition: plumbing_code(edition) for edition in EDITIONS} == {
        "trainee": "removed",
        "instructor": "folded",
    }


@pytest.mark.parametrize("stem", LESSON_STEMS)
def test_trainee_pages_show_no_code_outside_exercises(built: Build, stem: str) -> None:
    assert code_outside_exercises(built.page("trainee", stem)) == []


def test_trainee_page_keeps_plumbing_output_and_exercise_code(built: Build) -> None:
    page = built.page("trainee", "01_basics")
    assert "LESSON-OUTPUT-DELTA" in page  # the output of a plumbing cell
    shown = [block.get_text(" ", strip=True) for block in code_blocks(page)]
    assert len(shown) == 1
    assert EXERCISE_TEXT in shown[0]


def test_instructor_page_folds_plumbing_code_and_opens_exercises(built: Build) -> None:
    page = built.page("instructor", "01_basics")
    for block in code_blocks(page):
        cell = cell_of(block)
        folded = block.find_parent("details", class_="handout-code")
        if "celltag_exercise" in (cell.get("class") or []):
            assert folded is None
        elif "celltag_solution" not in (cell.get("class") or []):
            assert folded is not None, block.get_text(" ", strip=True)
            summary = folded.find("summary")
            assert summary is not None and summary.get_text(strip=True) == "Show the code"
    folded_text = " ".join(
        details.get_text(" ", strip=True)
        for details in BeautifulSoup(page, "html.parser").select("details.handout-code")
    )
    assert "from skinlessons import quiz" in folded_text


def test_code_outside_exercises_finds_a_shown_plumbing_input() -> None:
    """The helper the real course test uses finds a plumbing input when one is shown."""
    shown = (
        '<div class="jp-Cell jp-CodeCell"><div class="jp-InputArea">x = 1</div></div>'
        '<div class="jp-Cell jp-CodeCell celltag_exercise"><div class="jp-InputArea">y</div></div>'
    )
    assert code_outside_exercises(shown) == ["x = 1"]
