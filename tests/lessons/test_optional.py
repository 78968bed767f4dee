"""Optional "Deeper" sections: where they run, the lesson rules that keep them sound, the times.

A section starts at a ``Deeper: ...`` heading of its own and runs to the next heading of the
same or a higher level; everything else is the core path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from skinlessons import lesson
from skinlessons.facts.glossary import GlossaryTerm
from skinlessons.handouts.optional import HEADING_COLLAPSED_KEY, core_indices, optional_sections
from skinlessons.lessons.checks import RULES
from skinlessons.lessons.glossary_links import glossary_link_problems
from skinlessons.lessons.optional import optional_problems, optional_time_problems
from skinlessons.names import EXERCISE_TAG, NOTEBOOK_DIR, QUIZ_TAG
from skinlessons.quiz.models import Lesson
from testkit.jupyterlab import copy_course
from testkit.lessons import index_of, lesson_lines, spoil

REPO = Path(__file__).resolve().parents[2]
OBJECTIVES = Path("quizzes/objectives.yaml")
LONG_LESSONS = ("01_skin_and_scars", "03_chemical")


def md(source: str, **metadata: Any) -> Any:
    return new_markdown_cell(source, metadata=metadata)


def deeper(title: str = "Deeper: the fine print", level: int = 3, folded: bool = True) -> Any:
    return md(f"{'#' * level} {title}", **({HEADING_COLLAPSED_KEY: True} if folded else {}))


def a_lesson(*cells: Any) -> Any:
    return new_notebook(cells=list(cells))


def sound_lesson(*section: Any) -> Any:
    """A lesson that says its Deeper part is optional, with ``section`` under the heading."""
    return a_lesson(
        md("# Title"),
        md("The sections headed Deeper are optional; the rest is the core path."),
        md("## 1. Part"),
        md("Core text."),
        deeper(),
        *section,
        md("## 2. Next part"),
        md("More core text."),
    )


def test_a_section_runs_to_the_next_heading_of_its_level_or_higher() -> None:
    cells = [
        md("## 1. Part"),  # 0
        deeper(),  # 1
        md("text"),  # 2
        md("#### A smaller heading stays inside"),  # 3
        new_code_cell("x = 1"),  # 4
        md("### Same level ends it"),  # 5
        deeper("Deeper: last", level=2),  # 6
        md("to the end"),  # 7
    ]
    sections = optional_sections(cells)
    assert [(s.start, s.end, s.level, s.title) for s in sections] == [
        (1, 4, 3, "Deeper: the fine print"),
        (6, 7, 2, "Deeper: last"),
    ]
    assert core_indices(cells) == [0, 5]


def test_a_heading_that_only_mentions_deeper_is_no_section() -> None:
    cells = [md("## Going deeper: the dermis"), md("### Deeper layers"), md("text")]
    assert optional_sections(cells) == []
    assert core_indices(cells) == [0, 1, 2]


def test_a_sound_section_has_no_problem() -> None:
    assert optional_problems(sound_lesson(md("Optional text [R1]."))) == []


@pytest.mark.parametrize(
    ("nb", "message", "cell"),
    [
        (
            a_lesson(
                md("# T"),
                md("The Deeper part is optional."),
                md("### Deeper: x\nText in the heading cell.", **{HEADING_COLLAPSED_KEY: True}),
                md("t"),
            ),
            "the heading 'Deeper: x' shares its cell with other text",
            2,
        ),
        (
            a_lesson(md("# T"), md("The Deeper part is optional."), deeper(folded=False), md("t")),
            "an optional section that is not stored folded",
            2,
        ),
        (
            a_lesson(md("# T"), md("The Deeper part is optional."), deeper(), md("## Next")),
            "an optional section with nothing a trainee reads under its heading",
            2,
        ),
        (
            sound_lesson(md("Do this:"), new_code_cell("...", metadata={"tags": [EXERCISE_TAG]})),
            "an exercise inside the optional section starting at cell 4",
            6,
        ),
        (
            sound_lesson(new_code_cell('quiz.show("x")', metadata={"tags": [QUIZ_TAG]})),
            "the quiz inside the optional section starting at cell 4",
            5,
        ),
        (
            sound_lesson(md("t"), deeper("Deeper: inner", level=4), md("u")),
            "an optional section inside the one starting at cell 4",
            6,
        ),
        (
            a_lesson(md("# T"), md("No word of it here."), deeper(), md("t")),
            "the lesson has optional 'Deeper' sections but does not say so before the first",
            2,
        ),
    ],
    ids=["heading-not-alone", "not-folded", "empty", "exercise", "quiz", "nested", "unsaid"],
)
def test_each_unsound_section_is_named_with_its_cell(nb: Any, message: str, cell: int) -> None:
    problems = optional_problems(nb)
    assert [(p.message, p.cell) for p in problems] == [(message, cell)]
    assert problems[0].fix


def test_an_instructor_note_does_not_say_it_for_the_trainee() -> None:
    nb = a_lesson(
        md("# T"), md("The Deeper part is optional.", tags=["instructor"]), deeper(), md("t")
    )
    assert [p.cell for p in optional_problems(nb)] == [2]


def _lesson(optional_min: int) -> Lesson:
    return Lesson(id="01_x", title="X", duration_min=30, optional_min=optional_min)


def test_the_optional_time_is_given_exactly_when_there_are_sections() -> None:
    with_section, without = sound_lesson(md("text")), a_lesson(md("# T"), md("text"))
    assert optional_time_problems(with_section, _lesson(5), OBJECTIVES) == []
    assert optional_time_problems(without, _lesson(0), OBJECTIVES) == []
    (missing,) = optional_time_problems(with_section, _lesson(0), OBJECTIVES)
    assert missing.path == OBJECTIVES and "no optional time" in missing.message
    assert "optional_min" in missing.fix
    (stray,) = optional_time_problems(without, _lesson(5), OBJECTIVES)
    assert stray.path == OBJECTIVES and "optional_min: 5 but has no 'Deeper'" in stray.message


def test_the_header_states_core_and_optional_times() -> None:
    assert "· about 30 minutes</p>" in lesson.header_html(_lesson(0))
    assert (
        "about 30 minutes on the core path, and about 5 minutes more for the optional "
        '"Deeper" sections'
    ) in lesson.header_html(_lesson(5))


def test_a_first_use_on_the_core_path_must_link_even_after_a_deeper_one() -> None:
    term = GlossaryTerm.model_validate(
        {"id": "pih", "term": "PIH", "definition": "A brown mark.", "references": ["R22"]}
    )
    nb = sound_lesson(md("[PIH](glossary.ipynb#term-pih) in depth."))
    nb.cells.append(md("Later, PIH on the core path."))
    problems = glossary_link_problems(nb, [term])
    assert [(p.cell, p.message) for p in problems] == [
        (len(nb.cells) - 1, "the first use of the glossary term 'PIH' does not link to its entry")
    ]


def test_the_rules_are_registered() -> None:
    assert {"optional parts", "optional time"} <= {rule.name for rule in RULES}


@pytest.mark.parametrize("stem", LONG_LESSONS)
def test_the_long_lessons_have_folded_deeper_sections_and_an_optional_time(stem: str) -> None:
    import nbformat

    nb = nbformat.read(REPO / NOTEBOOK_DIR / f"{stem}.ipynb", as_version=4)
    sections = optional_sections(nb.cells)
    assert len(sections) >= 2
    assert all(nb.cells[s.start].metadata[HEADING_COLLAPSED_KEY] for s in sections)
    entry = lesson.find_lesson(lesson.load_course_objectives(REPO), stem)
    assert entry.optional_min > 0


def test_check_locates_an_unfolded_section_in_a_lesson_copy(tmp_path: Path) -> None:
    course = copy_course(REPO, tmp_path / "course").resolve()
    notebook = course / NOTEBOOK_DIR / "03_chemical.ipynb"

    def unfold(cells: list[dict[str, Any]]) -> str:
        cells[index_of(cells, "03-022-deeper")]["metadata"] = {}
        return "03-022-deeper"

    spoil(notebook, unfold)
    index = index_of(json.loads(notebook.read_text("utf-8"))["cells"], "03-022-deeper")
    (line,) = lesson_lines(course)
    assert line.startswith(
        f"{notebook} cell {index}, id 03-022-deeper: an optional section that is not stored folded"
    )
    assert "Fix: fold it" in line
