"""Lessons 01 and 07 show the schematic surface pictures: a lead-in, then the figure cell.

The fast tests read the stored notebooks; the slow one reads the trainee pages of the shared
real-course build (the lessons executed once per run), where each picture must appear with
its own alt text.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from skinlessons import figures
from skinlessons.facts import Facts
from skinlessons.lessons.code_cells import is_collapsed
from testkit.handouts import Build

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NUMBER_WORDS = {5: "five", 6: "six", 7: "seven", 8: "eight"}
CELLS = [
    # (lesson, lead-in id, figure cell id, figure function)
    ("01_skin_and_scars", "01-040a", "01-040b", "plot_scar_surfaces"),
    ("01_skin_and_scars", "01-051a", "01-051b", "plot_pih_pie"),
    ("07_consultation_to_aftercare", "l07-35a", "l07-35b", "plot_frost"),
    ("07_consultation_to_aftercare", "l07-36a", "l07-36b", "plot_erythema_endpoint"),
    ("07_consultation_to_aftercare", "l07-49a", "l07-49b", "plot_pih_pie"),
]


def _cells(lesson: str) -> list[nbformat.NotebookNode]:
    return list(nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4).cells)


@pytest.mark.parametrize(("lesson", "lead_id", "figure_id", "function"), CELLS)
def test_a_lead_in_then_a_collapsed_figure_cell(
    lesson: str, lead_id: str, figure_id: str, function: str, facts: Facts
) -> None:
    """The figure cell follows its markdown lead-in and shows the figure through show_figure."""
    cells = _cells(lesson)
    ids = [cell.get("id") for cell in cells]
    lead, shown = cells[ids.index(lead_id)], cells[ids.index(lead_id) + 1]
    assert shown.get("id") == figure_id
    assert lead.cell_type == "markdown" and shown.cell_type == "code"
    assert shown.source == f"show_figure(*figures.{function}())"
    assert is_collapsed(shown)
    assert f"{NUMBER_WORDS[len(facts.tone_ramp.tones)]} skin tones" in lead.source
    assert "[R" in lead.source


@pytest.mark.parametrize("lesson", sorted({lesson for lesson, *_ in CELLS}))
def test_the_lesson_imports_the_figures(lesson: str) -> None:
    first_code = next(cell for cell in _cells(lesson) if cell.cell_type == "code")
    assert "from skinlessons import figures," in first_code.source
    assert "from skinlessons.display import show_figure" in first_code.source


@pytest.mark.slow
@pytest.mark.parametrize(("lesson", "function"), [(lesson, fn) for lesson, _, _, fn in CELLS])
def test_the_built_page_shows_the_picture_with_its_alt_text(
    lesson: str, function: str, real_course_build: Build
) -> None:
    """The executed lesson holds the picture as an image whose alt text describes it."""
    _, alt = getattr(figures, function)()
    page = BeautifulSoup(real_course_build.page("trainee", lesson), "html.parser")
    alts = [image.get("alt") for image in page.find_all("img")]
    assert alt in alts
    assert alt.startswith("Schematic: ")
