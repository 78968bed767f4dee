"""The handout "Try another" in Chromium: by keyboard, the next version, graded as Python."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skinlessons.handouts.quiz_html import render_quiz_html
from skinlessons.logic.variants import fixed_variants, realise
from skinlessons.quiz.grading import CORRECT
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Numeric
from testkit.browser import launched_browser, offline_page

pytestmark = [pytest.mark.slow, pytest.mark.browser]

LESSON = load_quiz(Path("quizzes") / "03_chemical.yaml")
TEMPLATE_ID = "free-acid-share-practice"
DOM = f"#q-{LESSON.id}-{TEMPLATE_ID}"
SCRIPT = Path("src/skinlessons/handouts/templates/handout/static/quiz.js")


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("handout")
    shutil.copy(SCRIPT, folder / "quiz.js")
    body = render_quiz_html(LESSON, "trainee")
    html = (
        f'<!doctype html><html lang="en"><body>{body}<script src="quiz.js"></script></body></html>'
    )
    (folder / "page.html").write_text(html, encoding="utf-8")
    return folder / "page.html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_browser() as launched:
        yield launched


def _variant_key(number: int) -> str:
    question = LESSON.question(TEMPLATE_ID)
    assert isinstance(question, Numeric)
    key = realise(question, fixed_variants(question)[number]).key
    assert key is not None
    return f"{key.value:.0f}"


def test_try_another_by_keyboard_shows_the_next_version_and_checks_it(
    page_path: Path, browser: Any
) -> None:
    with offline_page(browser, page_path) as page:
        first_stem = page.inner_text(f"{DOM} .quiz-stem")
        page.focus(f"{DOM}-answer")
        page.keyboard.type("1")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "quiz-another"
        page.keyboard.press("Enter")
        assert page.inner_text(f"{DOM} .quiz-stem") != first_stem
        assert page.input_value(f"{DOM}-answer") == ""
        assert "Version 2 of 8" in page.inner_text(f"{DOM} .quiz-verdict")
        page.focus(f"{DOM}-answer")
        page.keyboard.type(_variant_key(1))
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        assert page.inner_text(f"{DOM} .quiz-verdict-word") == CORRECT
