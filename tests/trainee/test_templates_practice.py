"""'Try another' in the notebook: the trainee's own variant, fresh practice variants, the log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from skinlessons.logic.variants import realise, trainee_variant
from skinlessons.quiz.models import Numeric
from skinlessons.trainee.answers import keep_answers
from skinlessons.trainee.recording import AnswerEvent, MemoryAnswerLog
from skinlessons.trainee.widget import QuestionView, QuizWidget, make_quiz_widget
from testkit.trainee import live_trainee

REPO = Path(__file__).parents[2]
LESSON = "03_chemical"
TEMPLATE_ID = "free-acid-share-practice"
FINAL_COURSE = Path(__file__).parents[1] / "files" / "course_templates"


@pytest.fixture(autouse=True)
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    return live_trainee(monkeypatch, tmp_path)


def _view(widget: QuizWidget) -> QuestionView:
    return widget.questions[TEMPLATE_ID]


def _template() -> Numeric:
    from skinlessons.quiz.loader import load_quiz

    question = load_quiz(REPO / "quizzes" / f"{LESSON}.yaml").question(TEMPLATE_ID)
    assert isinstance(question, Numeric)
    return question


def _own(attempt: int = 0) -> Numeric:
    variant = trainee_variant(_template(), trainee_id="jdoe", quiz_id=LESSON, attempt=attempt)
    return realise(_template(), variant)


def _right(question: Any) -> str:
    return f"{question.key.value:.0f}"


def _log(data_dir: Path) -> list[dict[str, Any]]:
    path = next(data_dir.rglob("answers.jsonl"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_notebook_shows_the_trainees_own_variant() -> None:
    view = _view(make_quiz_widget(LESSON, course=REPO))
    own = _own()
    assert view.question.stem == own.stem
    assert "has a pKa of" in view.stem.value and "{" not in view.stem.value
    view.controls.inputs[0].value = _right(own)
    assert "Correct" in view.session.check(TEMPLATE_ID).headline


def test_try_another_is_a_labelled_button_only_on_template_questions() -> None:
    widget = make_quiz_widget(LESSON, course=REPO)
    view = _view(widget)
    assert view.another_button is not None
    assert view.another_button.description == "Try another"
    assert view.another_button.tooltip
    assert view.another_button in view.box.children
    others = [v for qid, v in widget.questions.items() if qid != TEMPLATE_ID]
    assert all(v.another_button is None for v in others)


def test_try_another_shows_the_next_variant_with_a_blank_answer(data_dir: Path) -> None:
    view = _view(make_quiz_widget(LESSON, course=REPO))
    view.controls.inputs[0].value = "12"
    view.another_button.click()  # type: ignore[union-attr]
    practice = _own(attempt=1)
    assert view.question.stem == practice.stem != _own().stem
    assert view.controls.inputs[0].value == ""
    assert "Practice version 1" in view.feedback.value and 'role="status"' in view.feedback.value
    assert [event["response"] for event in _log(data_dir)] == ["12"]  # clearing logs nothing
    view.another_button.click()  # type: ignore[union-attr]
    assert view.question.stem == _own(attempt=2).stem


def test_a_practice_check_is_logged_but_never_kept_or_counted(data_dir: Path) -> None:
    view = _view(make_quiz_widget(LESSON, course=REPO))
    own = _own()
    view.controls.inputs[0].value = "1"
    view.check_button.click()  # type: ignore[union-attr]
    view.another_button.click()  # type: ignore[union-attr]
    practice = _own(attempt=1)
    view.controls.inputs[0].value = _right(practice)
    view.check_button.click()  # type: ignore[union-attr]
    assert "Correct" in view.feedback.value and "not counted" in view.feedback.value
    log = _log(data_dir)
    assert [(e["check"], "practice" in e) for e in log] == [
        (False, False),
        (True, False),
        (False, True),
        (True, True),
    ]
    assert log[-1]["practice"]["attempt"] == 1
    assert log[-1]["practice"]["variant"] == trainee_variant(
        _template(), trainee_id="jdoe", quiz_id=LESSON, attempt=1
    )
    events = [AnswerEvent.from_json(record) for record in log]
    kept = keep_answers(events, LESSON, "formative")[TEMPLATE_ID]
    assert (kept.response, kept.attempts, kept.first_response) == ("1", 1, "1")
    assert own.stem != practice.stem


def test_reopening_shows_the_own_variant_and_carries_on_after_the_last_practice() -> None:
    first = _view(make_quiz_widget(LESSON, course=REPO))
    first.controls.inputs[0].value = "40"
    first.another_button.click()  # type: ignore[union-attr]
    first.controls.inputs[0].value = "55"
    again = _view(make_quiz_widget(LESSON, course=REPO))
    assert again.question.stem == _own().stem
    assert again.controls.inputs[0].value == "40"
    again.another_button.click()  # type: ignore[union-attr]
    assert again.question.stem == _own(attempt=2).stem


def test_a_summative_template_shows_the_own_variant_and_offers_no_practice() -> None:
    from skinlessons.quiz.loader import load_quiz
    from skinlessons.quiz.projection import key_free

    quiz = key_free(load_quiz(FINAL_COURSE / "quizzes" / "38_template_final.yaml"))
    widget = QuizWidget(quiz, recorder=MemoryAnswerLog(), trainee_id="jdoe")
    view = widget.questions["templates-free-acid"]
    assert view.another_button is None and view.check_button is None
    assert "{" not in view.question.stem
    with pytest.raises(ValueError, match="no practice variants"):
        widget.session.try_another("templates-free-acid")
    hidden = QuizWidget(quiz, recorder=MemoryAnswerLog(), hide_pools=True)
    assert "templates-free-acid" not in hidden.questions
