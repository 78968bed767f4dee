"""Static quiz HTML per edition (no kernel, no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from skinlessons.handouts.quiz_html import render_quiz_html
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Ordering
from skinlessons.quiz.projection import key_free
from testkit.handouts import FIXTURE_COURSE

FORMATIVE = FIXTURE_COURSE / "quizzes" / "01_basics.yaml"
SUMMATIVE = FIXTURE_COURSE / "quizzes" / "03_final.yaml"
PARITY_QUIZ = Path(__file__).parents[1] / "files" / "parity" / "parity.yaml"


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


def test_self_check_form_shows_the_key_free_order_and_precomputed_check_data() -> None:
    """The form lists ordering items as the projection does; check data is precomputed."""
    quiz = load_quiz(PARITY_QUIZ)
    html = render_quiz_html(quiz, "trainee")
    block = html.split('id="q-parity-layers-order"')[1].split('class="quiz-question"')[0]
    first_select = block.split("data-position=")[1].split("</select>")[0]
    shown = re.findall(r'<option value="([^"]+)">', first_select)
    full, projected = quiz.questions[-1], key_free(quiz).questions[-1]
    assert isinstance(full, Ordering) and isinstance(projected, Ordering)
    assert shown == [item.id for item in projected.items]
    assert shown != [item.id for item in full.items]  # the file's order is not shown
    data = {
        match.group(1): json.loads(match.group(2))
        for match in re.finditer(
            r'id="q-parity-([a-z-]+)".*?class="quiz-check-data">(.*?)</script>', html, re.DOTALL
        )
    }
    assert data["layer-name"]["accepted"] == ["strasse", "stratum corneum"]
    assert "key" not in data["layer-name"]
    depth = data["depth-um"]
    assert depth["value"] == 100 and depth["margin"] == pytest.approx(5 + 1e-7, abs=1e-12)
    assert depth["unit"] == "μm"  # the NFKC form of the micro sign, case-folded
    assert depth["problems"]["fraction"] and depth["problems"]["percent"]
    assert data["half"]["problems"]["fraction"] is None
    assert 'class="quiz-rules"' in html
