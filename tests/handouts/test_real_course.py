"""The real course builds: every lesson executes, every page is written, no final key leaks.

Trainee pages show code only in exercise cells, fold each optional "Deeper" section, and every
link of both editions (glossary entries, rewritten notebook links) reaches a page and anchor.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from skinlessons.handouts.optional import optional_sections
from skinlessons.quiz.loader import load_course_quizzes
from testkit.handouts import (
    Build,
    broken_links,
    code_outside_exercises,
    page_links,
)

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def test_real_course_builds_both_editions(real_course_build: Build) -> None:
    """`skinlessons build` on notebooks/ succeeds and trainee pages hold no summative key text."""
    build = real_course_build
    assert build.report.ok, "\n".join(build.report.problems)
    course = load_course_quizzes(REPO)
    secrets = {
        text
        for quiz in course.quizzes.values()
        if quiz.is_summative
        for question in quiz.questions
        for text in [
            question.explanation or "",
            *(question.key or [] if question.type == "short_text" else []),
        ]
        if len(text) > 12
    }
    trainee_text = "".join(p.read_text() for p in (build.out / "trainee").glob("*.html"))
    assert [secret for secret in secrets if secret in trainee_text] == []
    shown = {
        page.name: code_outside_exercises(page.read_text(encoding="utf-8"))
        for page in (build.out / "trainee").glob("*.html")
    }
    assert {name: code for name, code in shown.items() if code} == {}
    for edition in ("trainee", "instructor"):
        assert broken_links(build.out / edition) == []
    glossary_links = [
        href
        for page in (build.out / "trainee").glob("0*.html")
        for href in page_links(page)
        if href.startswith("glossary.html#term-")
    ]
    assert len(glossary_links) >= 25  # the first use of each term in each lesson
    for page in (build.out / "trainee").glob("0*.html"):
        notebook = nbformat.read(REPO / "notebooks" / f"{page.stem}.ipynb", as_version=4)
        folded = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            "details.handout-optional:not([open])"
        )
        assert len(folded) == len(optional_sections(notebook.cells)), page.name
