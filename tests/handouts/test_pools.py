"""The instructor copy of a pooled final names each question's pool; no copy leaks a key."""

from __future__ import annotations

from pathlib import Path

from skinlessons.handouts.quiz_html import render_quiz_html
from skinlessons.quiz.loader import load_quiz

QUIZ = load_quiz(
    Path(__file__).parents[1] / "files" / "course_pools" / "quizzes" / "39_pooled_final.yaml"
)


def test_the_instructor_copy_names_each_pooled_questions_pool() -> None:
    page = render_quiz_html(QUIZ, "instructor")
    assert page.count("Pool <code>slot-acids, 1 of 3 drawn per trainee</code>") == 3
    assert page.count("Pool <code>slot-defer, 1 of 3 drawn per trainee</code>") == 3
    assert "Pooled: each trainee is shown" in page


def test_an_unpooled_copy_names_no_pool() -> None:
    page = render_quiz_html(QUIZ.model_copy(update={"pools": []}), "instructor")
    assert "Pool <code>" not in page and "Pooled:" not in page
