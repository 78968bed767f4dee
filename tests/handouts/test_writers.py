"""Pages written beside the kernels: the same folder as writing them in this process.

Each edition's writer exports a page as soon as its lesson is executed, assuming the lessons
still running will succeed; a lesson that fails later makes its neighbours' pages be written
again with the right links. ``--jobs 1`` writes in this process, more jobs in forked writers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from skinlessons.handouts.edition_writer import EditionWriter
from skinlessons.handouts.pages import EditionJob, LessonPage
from skinlessons.handouts.staging import load_course_sources
from testkit.handouts import copy_course, run_build

KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3"}}


def _add_lesson(course: Path, stem: str, code: str) -> None:
    lesson = new_notebook(
        cells=[new_markdown_cell(f"# {stem}"), new_code_cell(code)], metadata=KERNEL
    )
    nbformat.write(lesson, course / "notebooks" / f"{stem}.ipynb")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _nav(page: Path) -> list[str]:
    """Where the page's previous and next links lead, in that order."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [str(link["href"]) for link in soup.select("a[rel=prev], a[rel=next]")]


@pytest.mark.slow
def test_failed_lessons_leave_the_same_folder_with_writers_forked_or_here(tmp_path: Path) -> None:
    """A lesson between two others fails, and one shows a value no notebook may hold: each is
    reported with its cell, has no page, its neighbours link past it, every other page is
    written, and forked writers (2 jobs) leave byte for byte the folder of writers here (1 job).
    """
    course = copy_course(tmp_path / "course")
    _add_lesson(course, "01b_broken", "value = 1 / 0")
    _add_lesson(
        course, "04_odd", "from IPython.display import display\ndisplay({'text/html': 5}, raw=True)"
    )
    here = run_build(course, tmp_path, out_name="here", jobs=1)
    forked = run_build(course, tmp_path, out_name="forked", jobs=2)
    for build in (here, forked):
        broken, odd = build.report.problems
        assert broken.startswith("01b_broken.ipynb: cell 2 (`value = 1 / 0`): ZeroDivisionError")
        assert odd.startswith("04_odd.ipynb: cell 2 (`from IPython.display import display`)")
        assert "NotebookValidationError" in odd
        assert [page.name for page in build.report.pages["instructor"]] == [
            "01_basics.html",
            "02_tools.html",
            "03_final.html",
        ]
        instructor = build.out / "instructor"
        assert _nav(instructor / "01_basics.html") == ["02_tools.html"]
        assert _nav(instructor / "02_tools.html") == ["01_basics.html", "03_final.html"]
        assert _nav(instructor / "03_final.html") == ["02_tools.html"]
        assert "01b_broken" not in (instructor / "index.html").read_text(encoding="utf-8")
    assert _files(forked.out) == _files(here.out)


def _writer(course: Path, out: Path) -> EditionWriter:
    sources = load_course_sources(course)
    stems = tuple(path.stem for path in sources.notebooks)
    job = EditionJob(
        sources=sources,
        stems=stems,
        titles={stem: stem for stem in stems},
        inputs=("test",),
        cite=lambda reference_id: f"Reference {reference_id}",
        max_page_bytes=1_500_000,
        today=dt.date(2026, 12, 7),
    )
    return EditionWriter("instructor", job, out, lambda line: None)


def _page(course: Path, stem: str) -> LessonPage:
    notebook = nbformat.read(course / "notebooks" / f"{stem}.ipynb", as_version=4)
    return LessonPage(notebook, f"key-{stem}", f"hash-{stem}", ("2026-12-07", "build date"))


def test_a_page_written_before_its_neighbour_failed_is_written_again(tmp_path: Path) -> None:
    """The writer links 01 to 02 while 02 runs; when 02 fails, 01 is exported again to link
    to 03, and a lesson never handed over counts as failed too."""
    course = copy_course(tmp_path / "course")
    writer = _writer(course, tmp_path / "out")
    writer.add("01_basics", _page(course, "01_basics"))
    basics = tmp_path / "out" / "instructor" / "01_basics.html"
    assert "02_tools.html" in _nav(basics)
    writer.add("02_tools", None)
    outcome = writer.finish()
    assert "03_final.html" not in _nav(basics)  # never handed over: no page, no link
    assert "02_tools.html" not in _nav(basics)
    assert [page.name for page in outcome.pages] == ["01_basics.html"]
    assert outcome.problems == []


def test_pages_come_out_in_course_order_whatever_order_lessons_arrive(tmp_path: Path) -> None:
    """Lessons finish in any order; the outcome lists pages, problems and notes in course order,
    and each page's links are those of the course order."""
    course = copy_course(tmp_path / "course")
    writer = _writer(course, tmp_path / "out")
    for stem in ("03_final", "01_basics", "02_tools"):
        writer.add(stem, _page(course, stem))
    outcome = writer.finish()
    assert [page.name for page in outcome.pages] == [
        "01_basics.html",
        "02_tools.html",
        "03_final.html",
    ]
    assert _nav(tmp_path / "out" / "instructor" / "02_tools.html") == [
        "01_basics.html",
        "03_final.html",
    ]
