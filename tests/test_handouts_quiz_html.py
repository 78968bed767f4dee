"""Static quiz HTML per edition (no kernel, no browser)."""

from __future__ import annotations

import re

import pytest

from skinlessons.handouts.quiz_html import render_quiz_html
from skinlessons.quiz.loader import load_quiz
from tests.handouts_support import FIXTURE_COURSE

FORMATIVE = FIXTURE_COURSE / "quizzes" / "01_basics.yaml"
SUMMATIVE = FIXTURE_COURSE / "quizzes" / "03_final.yaml"


def test_trainee_summative_shows_questions_without_answers() -> None:
    """A summative quiz in trainee HTML has its stems but no key, explanation or feedback."""
    quiz = load_quiz(SUMMATIVE)
    html = render_quiz_html(quiz, "trainee")
    assert "Which layer do superficial peels act on?" in html
    secrets = (
        "Superficial peels act within the epidermis",
        "Yes, within the epidermis",
        "horny layer",
        "quiz-check-data",
        "Correct:",
    )
    for secret in secrets:
        assert secret not in html, secret


def test_trainee_formative_has_labelled_controls_and_check_data() -> None:
    """Each control has a label; each question has a Check button and its check data."""
    quiz = load_quiz(FORMATIVE)
    html = render_quiz_html(quiz, "trainee")
    ids = re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html)
    assert ids
    assert all(f'for="{control_id}"' in html for control_id in ids)
    assert html.count('class="quiz-check"') == len(quiz.questions)
    assert html.count('class="quiz-check-data"') == len(quiz.questions)


@pytest.mark.parametrize("path", [FORMATIVE, SUMMATIVE], ids=["formative", "summative"])
def test_instructor_html_marks_keys_and_must_pass(path: object) -> None:
    """The instructor sheet names the key of every question and flags must-pass items."""
    quiz = load_quiz(path)  # type: ignore[arg-type]
    html = render_quiz_html(quiz, "instructor")
    assert "<input" not in html and "quiz-check-data" not in html
    questions = html.split('class="quiz-question"')[1:]
    assert len(questions) == len(quiz.questions)
    for block in questions:
        assert "<strong>Correct:</strong>" in block or "<strong>Answer:</strong>" in block
    assert html.count("Must pass</strong>") == sum(q.must_pass for q in quiz.questions)
