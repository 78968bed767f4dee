"""Tests for the lesson helpers: header, myth-vs-fact table, reference list and small tables."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from skinlessons import lesson
from skinlessons.errors import LessonFormatError
from skinlessons.facts import Claim, Range, Reference, load_facts
from skinlessons.quiz.models import Objectives

OBJECTIVES = Objectives.model_validate(
    {
        "title": "Test course",
        "course": [{"id": "LO1", "text": "Identify the layers."}],
        "lessons": [
            {"id": "00_start_here", "title": "Start here", "duration_min": 10},
            {
                "id": "01_skin_and_scars",
                "title": "Skin & scars",
                "duration_min": 40,
                "objectives": [{"id": "L01.1", "text": "Name the *layers*.", "course": ["LO1"]}],
            },
        ],
    }
)


def make_reference(ref_id: str, **changes: object) -> Reference:
    fields: dict[str, object] = {
        "id": ref_id,
        "authors": "Jacob CI, Dover JS",
        "year": 2001,
        "title": "Acne scarring",
        "venue": "J Am Acad Dermatol",
        "url": "https://example.org/jacob",
        "kind": "peer-reviewed",
        "verified": True,
        "note": "Classification.",
    }
    fields.update(changes)
    return Reference.model_validate(fields)


def make_claim(number: int, lessons: list[str], **changes: object) -> Claim:
    fields: dict[str, object] = {
        "id": f"claim-{number}",
        "number": number,
        "claim": f"Claim number {number}.",
        "verdict": "partly-supported",
        "known": "What is *known*.",
        "lessons": lessons,
        "references": ["R17"],
    }
    fields.update(changes)
    return Claim.model_validate(fields)


def test_table_has_caption_column_headers_and_row_headers() -> None:
    markup = lesson.table_html("Layers", ["Layer", "µm"], [("Stratum <corneum>", 15.0)])
    assert "<caption>Layers</caption>" in markup
    assert '<th scope="col">Layer</th><th scope="col">µm</th>' in markup
    assert '<tr><th scope="row">Stratum &lt;corneum&gt;</th><td>15</td></tr>' in markup


def test_table_cells_read_left_aligned_over_the_lab_stylesheet() -> None:
    # JupyterLab's stylesheet (also in the handouts) right-aligns every table cell.
    markup = lesson.table_html("Lessons", ["Lesson", "Title"], [("00", "Start here")])
    style, table = markup.split("</style>")
    assert ".skinlessons-table td" in style and "text-align: left" in style
    assert table.startswith('<table class="skinlessons-table">')


def test_table_shows_a_dash_for_missing_values_and_yes_or_no_for_booleans() -> None:
    markup = lesson.table_html("T", ["A", "B", "C", "D", "E"], [("row", None, "", True, False)])
    assert (
        f"<td>{lesson.EMPTY_CELL}</td><td>{lesson.EMPTY_CELL}</td><td>yes</td><td>no</td>" in markup
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"low": 10, "high": 20}, "10–20"),
        ({"low": 3.83, "high": 3.83}, "3.83"),
        (
            {"low": 450, "high": 600, "open_ended": True, "uncertain": True},
            "450–600+ (approximate)",
        ),
    ],
    ids=["range", "single-value", "open-ended-uncertain"],
)
def test_ranges_print_as_text_and_flag_uncertain_values(
    fields: dict[str, object], expected: str
) -> None:
    value = Range.model_validate(fields)
    assert f"<td>{expected}</td>" in lesson.table_html("T", ["A", "B"], [("row", value)])


def test_header_shows_title_time_and_each_objective_with_its_course_objectives() -> None:
    markup = lesson.header_html(lesson.find_lesson(OBJECTIVES, "01_skin_and_scars"))
    assert "Lesson 01 · Skin &amp; scars</strong> · about 40 minutes" in markup
    assert "<li>Name the <em>layers</em>. <small>(L01.1: LO1)</small></li>" in markup


def test_header_without_objectives_has_no_objective_list() -> None:
    markup = lesson.header_html(lesson.find_lesson(OBJECTIVES, "00_start_here"))
    assert "about 10 minutes" in markup
    assert "<ul>" not in markup


def test_unknown_lesson_names_the_listed_lessons_and_the_fix() -> None:
    with pytest.raises(LessonFormatError) as caught:
        lesson.find_lesson(OBJECTIVES, "01_skin")
    message = str(caught.value)
    assert "lesson '01_skin' is not listed in objectives.yaml" in message
    assert "00_start_here, 01_skin_and_scars" in message
    assert "Fix: check the spelling" in message


def test_course_map_lists_every_lesson_with_its_course_objectives() -> None:
    markup = lesson.course_map_html(OBJECTIVES)
    assert '<th scope="row">00</th><td>Start here</td><td>10</td><td>–</td>' in markup
    assert '<th scope="row">01</th><td>Skin &amp; scars</td><td>40</td><td>LO1</td>' in markup


def test_lesson_claims_keeps_the_lessons_claims_in_article_order() -> None:
    claims = {
        "c9": make_claim(9, ["04_device_based", "06_choosing_safely"]),
        "c3": make_claim(3, ["06_choosing_safely"]),
        "c5": make_claim(5, ["04_device_based"]),
    }
    found = lesson.lesson_claims(claims, "06_choosing_safely")
    assert [claim.number for claim in found] == [3, 9]


@pytest.mark.parametrize(
    ("verdict", "detail", "expected"),
    [
        ("supported", None, "Supported"),
        ("largely-supported", "with conditions", "Largely supported (with conditions)"),
        ("unsupported", "misleading", "Unsupported (misleading)"),
    ],
    ids=["plain", "largely-with-detail", "unsupported-with-detail"],
)
def test_verdict_is_written_in_words(verdict: str, detail: str | None, expected: str) -> None:
    claim = make_claim(1, ["01_skin_and_scars"], verdict=verdict, verdict_detail=detail)
    assert lesson.verdict_words(claim) == expected


def test_myth_table_shows_claim_verdict_knowledge_and_references() -> None:
    claim = make_claim(12, ["05_manual"], references=["R15", "R95"])
    markup = lesson.myths_html([claim], "05_manual")
    assert "<caption>Myth vs fact" in markup
    assert (
        '<th scope="row">12</th><td>Claim number 12.</td><td>Partly supported</td>'
        "<td>What is <em>known</em>.</td><td>[R15] [R95]</td>"
    ) in markup


def test_myth_table_says_so_when_a_lesson_checks_no_claim() -> None:
    assert lesson.myths_html([], "00_start_here") == (
        "<p>No claim of the article is checked in lesson 00_start_here.</p>"
    )


def write_notebook(path: Path, markdown: list[str], code: tuple[str, ...] = ()) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text) for text in markdown]
    nb.cells += [nbformat.v4.new_code_cell(text) for text in code]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def test_reference_ids_come_from_markdown_cells_in_numeric_order(tmp_path: Path) -> None:
    path = write_notebook(
        tmp_path / "01.ipynb",
        markdown=["Layers [R9][R17].", "Again [R17] and [R112]."],
        code=('print("[R5]")',),
    )
    assert lesson.reference_ids_in(path) == ["R9", "R17", "R112"]


def test_reference_list_flags_kind_unverified_and_unknown_ids() -> None:
    references = {
        "R18": make_reference("R18"),
        "R104": make_reference(
            "R104",
            authors=None,
            year=None,
            title="Forum thread",
            kind="low-authority",
            verified=False,
        ),
    }
    markup = lesson.references_html(["R18", "R104", "R999"], references)
    assert (
        '<li id="ref-R18"><strong>[R18]</strong> Jacob CI et al. 2001. '
        "<cite>Acne scarring</cite>. J Am Acad Dermatol. "
        '<a href="https://example.org/jacob" aria-label="Open the source of R18">Source</a> '
        "<small>(peer-reviewed)</small></li>"
    ) in markup
    assert "<strong>[R104]</strong> <cite>Forum thread</cite>. J Am Acad Dermatol." in markup
    assert "<small>(low-authority source; unverified)</small>" in markup
    assert "<li><strong>[R999]</strong> not in the references data</li>" in markup


def test_reference_list_does_not_double_the_full_stop_after_et_al() -> None:
    reference = make_reference("R21", authors="Jfri A, Alajmi A", year=None)
    markup = lesson.references_html(["R21"], {"R21": reference})
    assert "<strong>[R21]</strong> Jfri A et al. <cite>Acne scarring</cite>. " in markup


def test_reference_without_authors_shows_its_whole_title_and_year() -> None:
    title = "Epidermal and dermal thickness at eight facial sites by high-frequency ultrasound"
    reference = make_reference("R6", authors=None, title=title, year=2022)
    markup = lesson.references_html(["R6"], {"R6": reference})
    assert f"<strong>[R6]</strong> <cite>{title}</cite> 2022. J Am Acad Dermatol." in markup


def test_show_references_lists_what_the_lesson_notebook_cites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "objectives.yaml").write_text("course: []\n", encoding="utf-8")
    write_notebook(tmp_path / "notebooks" / "00_start_here.ipynb", ["Scars [R18]."])
    shown: list[str] = []
    monkeypatch.setattr(lesson, "_display", shown.append)
    lesson.show_references("00_start_here", course=tmp_path)
    assert len(shown) == 1
    assert 'id="ref-R18"' in shown[0]
    assert shown[0].count("<li") == 1


def test_show_references_adds_the_references_of_the_lessons_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "objectives.yaml").write_text("course: []\n", encoding="utf-8")
    write_notebook(tmp_path / "notebooks" / "05_manual.ipynb", ["No markers here."])
    shown: list[str] = []
    monkeypatch.setattr(lesson, "_display", shown.append)
    lesson.show_references("05_manual", course=tmp_path)
    claims = lesson.lesson_claims(load_facts().claims, "05_manual")
    expected = {ref for claim in claims for ref in claim.references}
    assert expected
    assert all(f'id="ref-{ref}"' in shown[0] for ref in expected)
