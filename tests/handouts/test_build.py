"""`skinlessons build` on the fixture course: editions, widgets, references, cache, failures."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from skinlessons.cli import main
from skinlessons.handouts import build as build_module
from testkit.handouts import Build, copy_course, run_build

pytestmark = pytest.mark.slow

LESSON_STEMS = ("01_basics", "02_tools")
INSTRUCTOR_ONLY_TEXT = ("TEACHING-NOTE-ALPHA", "SOLUTION-BETA", "TEACHING-NOTE-GAMMA")


def test_build_succeeds_and_lists_pages(built: Build) -> None:
    """Every notebook executes; each edition gets its pages and an index."""
    assert built.report.ok, built.report.problems
    assert sorted(p.name for p in built.report.pages["trainee"]) == [
        "01_basics.html",
        "02_tools.html",
    ]
    assert sorted(p.name for p in built.report.pages["instructor"]) == [
        "01_basics.html",
        "02_tools.html",
        "03_final.html",
    ]
    assert set(built.report.indexes) == {"trainee", "instructor"}


@pytest.mark.parametrize("text", INSTRUCTOR_ONLY_TEXT)
def test_instructor_and_solution_cells_only_in_instructor_edition(built: Build, text: str) -> None:
    """Cells tagged instructor/solution are absent for trainees and present for instructors."""
    trainee = "".join(built.page("trainee", stem) for stem in LESSON_STEMS)
    instructor = "".join(built.page("instructor", stem) for stem in LESSON_STEMS)
    assert text not in trainee
    assert text in instructor


def test_ordinary_cells_in_both_editions(built: Build) -> None:
    """An untagged cell's output reaches both editions."""
    for edition in ("trainee", "instructor"):
        assert "LESSON-OUTPUT-DELTA" in built.page(edition, "01_basics")


def test_instructor_cells_are_visibly_marked(built: Build) -> None:
    """The instructor edition labels teaching notes and worked solutions in words."""
    page = built.page("instructor", "01_basics")
    note = page.index("Instructor note")
    assert note < page.index("TEACHING-NOTE-ALPHA")
    assert page.index("Worked solution") < page.index("SOLUTION-BETA")
    assert "Instructor note" not in built.page("trainee", "01_basics")


def test_final_assessment_only_in_instructor_edition(built: Build) -> None:
    """The summative notebook is left out of the trainee edition entirely, index included."""
    assert not (built.out / "trainee" / "03_final.html").exists()
    assert "03_final.html" not in (built.out / "trainee" / "index.html").read_text()
    assert "03_final.html" not in built.page("trainee", "02_tools")  # no "next" link
    assert "03_final.html" in (built.out / "instructor" / "index.html").read_text()
    assert "final-layer" in built.page("instructor", "03_final")


def test_trainee_quiz_is_a_labelled_form_with_check_buttons(built: Build) -> None:
    """Formative quizzes become real controls with labels and a Check button per question."""
    page = built.page("trainee", "01_basics")
    quiz = page[page.index('class="quiz quiz-form"') :]
    assert quiz.count('class="quiz-check"') == 6
    for control_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', quiz):
        assert f'for="{control_id}"' in quiz, control_id


def test_instructor_quiz_shows_keys_objectives_and_must_pass(built: Build) -> None:
    """The instructor page marks the key, the explanation, objective ids and must-pass flags."""
    page = built.page("instructor", "03_final")
    assert "<strong>Correct:</strong> Epidermis" in page
    assert "Answer:</strong> stratum corneum · horny layer" in page
    assert "Superficial peels act within the epidermis." in page
    assert "Objectives: L03.1, LO1" in page
    assert page.count("Must pass</strong>") == 5


def test_widget_output_keeps_only_its_picture_with_a_label(built: Build) -> None:
    """A widget view with a PNG becomes the image with its alt text and the 'interactive' label."""
    for edition in ("trainee", "instructor"):
        page = built.page(edition, "02_tools")
        assert '<script type="application/vnd.jupyter.widget' not in page
        assert 'class="jupyter-widgets' not in page
        assert 'alt="A single bar showing a depth of 5"' in page
        assert "Interactive in the notebook: open the lesson in JupyterLab to explore" in page
        assert "An interactive control is here in the notebook" in page  # the bare slider
    assert any("02_tools.ipynb, cell 3" in note for note in built.report.notes)


def test_every_image_has_alt_text(built: Build) -> None:
    """No <img> in any page lacks a non-empty alt attribute."""
    for page in built.out.glob("*/*.html"):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text()):
            assert re.search(r'\balt="[^"]+"', tag), (page.name, tag[:80])


def test_references_listed_and_markers_linked(built: Build) -> None:
    """[R1] markers link to entries of the page's reference list, with the citation text."""
    page = built.page("trainee", "01_basics")
    assert '<a href="#ref-R1">[R1]</a>' in page
    assert re.search(r'<li id="ref-R1">.*Chopra K et al\. 2015', page)
    assert '<li id="ref-R2">' in page
    assert '<li id="ref-R3">' in built.page("trainee", "02_tools")


def test_pages_link_only_local_assets_written_once(built: Build) -> None:
    """Pages load CSS and JS from the edition's assets folder and nothing from the network."""
    for edition in ("trainee", "instructor"):
        assets = built.out / edition / "assets"
        assert {p.name for p in assets.iterdir()} >= {"lab.css", "handout.css", "quiz.js"}
        for page in (built.out / edition).glob("*.html"):
            text = page.read_text()
            sources = re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="([^"]+)"', text)
            assert all(not re.match(r"[a-z]+://|//", src) for src in sources), sources
            assert "require.js" not in text and "MathJax" not in text
            assert "--jp-icon-add" not in text  # the lab CSS is an asset, not inlined


def test_last_reviewed_date_and_navigation(built: Build) -> None:
    """Pages carry a last-reviewed date and previous/next links in a nav outside <main>."""
    page = built.page("instructor", "02_tools")
    assert re.search(r'Last reviewed: <time datetime="\d{4}-\d{2}-\d{2}">', page)
    nav = page.index("<nav")
    assert nav < page.index("<main")
    assert 'href="01_basics.html" rel="prev"' in page
    assert 'href="03_final.html" rel="next"' in page


def test_index_lists_lessons_with_durations_and_objectives(built: Build) -> None:
    """Each index lists its lessons with duration and objectives from objectives.yaml."""
    index = (built.out / "trainee" / "index.html").read_text()
    assert "Basics of exfoliation" in index and "About 20 minutes" in index
    assert "Name the outermost layer of the epidermis." in index


def test_progress_says_executed_per_notebook(built: Build) -> None:
    """The first build reports each notebook as executed, with its time."""
    for stem in ("01_basics", "02_tools", "03_final"):
        assert any(
            re.match(rf"executed\s+{stem}\.ipynb in \d+\.\d s", line) for line in built.lines
        )


def test_cache_skips_unchanged_and_reruns_changed(tmp_path: Path) -> None:
    """A rebuild executes nothing; after editing one notebook only that one runs again."""
    course = copy_course(tmp_path / "course")
    first = run_build(course, tmp_path, editions=("instructor",))
    assert {r.status for r in first.report.executions} == {"executed"}
    second = run_build(course, tmp_path, editions=("instructor",))
    assert {r.name: r.status for r in second.report.executions} == {
        "01_basics.ipynb": "cached",
        "02_tools.ipynb": "cached",
        "03_final.ipynb": "cached",
    }
    assert any(line.startswith("cached") and "02_tools" in line for line in second.lines)
    assert "unchanged instructor/01_basics.html" in second.lines  # not exported again
    path = course / "notebooks" / "02_tools.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(new_code_cell('print("CHANGED-EPSILON")'))
    nbformat.write(notebook, path)
    third = run_build(course, tmp_path, editions=("instructor",))
    assert third.report.status_of("02_tools.ipynb") == "executed"
    assert third.report.status_of("01_basics.ipynb") == "cached"
    assert "CHANGED-EPSILON" in third.page("instructor", "02_tools")
    assert "unchanged instructor/01_basics.html" in third.lines


def test_failing_notebook_is_reported_and_the_others_build(tmp_path: Path) -> None:
    """A notebook that raises is named with its cell and error; the other pages are written."""
    course = copy_course(tmp_path / "course")
    broken = new_notebook(
        cells=[new_markdown_cell("# Broken"), new_code_cell("value = 1 / 0")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    nbformat.write(broken, course / "notebooks" / "04_broken.ipynb")
    result = CliRunner().invoke(
        main,
        ["build", "--course", str(course), "--out", str(tmp_path / "out"), "--edition", "trainee"],
    )
    assert result.exit_code == 1
    assert "04_broken.ipynb: cell 2 (`value = 1 / 0`): ZeroDivisionError" in result.stderr
    assert (tmp_path / "out" / "trainee" / "01_basics.html").is_file()
    assert (tmp_path / "out" / "trainee" / "02_tools.html").is_file()
    assert f"trainee handouts: {tmp_path / 'out' / 'trainee' / 'index.html'}" in result.stdout


def test_image_without_alt_text_fails_naming_notebook_and_cell(tmp_path: Path) -> None:
    """A figure shown without alt text is a build error that says where and how to fix it."""
    course = copy_course(tmp_path / "course")
    path = course / "notebooks" / "02_tools.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(
        new_code_cell(
            "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()",
        )
    )
    nbformat.write(notebook, path)
    build = run_build(course, tmp_path, editions=("trainee",))
    assert not build.report.ok
    [problem] = build.report.problems
    assert (
        "notebooks/02_tools.ipynb, cell 5: an image output (image/png) has no alt text" in problem
    )
    assert "show_figure" in problem


def test_page_over_the_size_limit_fails_the_build(
    built: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page larger than the limit is not written and the build reports it."""
    monkeypatch.setattr(build_module, "MAX_PAGE_BYTES", 20_000)
    small = run_build(built.course, tmp_path, editions=("trainee",))
    assert any("01_basics.html is" in p and "MB limit" in p for p in small.report.problems)
    assert not (small.out / "trainee" / "01_basics.html").exists()


def test_lesson_reference_cell_gives_way_to_the_page_list() -> None:
    """The lesson's own show_references cell and its heading leave; the page lists each once."""
    from nbformat.v4 import new_code_cell, new_markdown_cell

    from skinlessons.handouts.preprocessors import _without_lesson_reference_list

    cells = [
        new_markdown_cell("Teaching [R17]."),
        new_code_cell('quiz.show("03_chemical")'),
        new_markdown_cell("## References"),
        new_code_cell('lesson.show_references("03_chemical")'),
    ]
    kept = _without_lesson_reference_list(cells)
    assert [cell.source for cell in kept] == ["Teaching [R17].", 'quiz.show("03_chemical")']
