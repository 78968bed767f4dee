"""The quiz session model on its own (no widgets): responses, checks, feedback, restore."""

from __future__ import annotations

import pytest

from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Quiz
from skinlessons.trainee.recording import MemoryAnswerLog
from skinlessons.trainee.session import QuizSession, restorable
from testkit.trainee import COURSE_DIR, FINAL_QUIZ, LESSON_QUIZ


def _quiz(quiz_id: str) -> Quiz:
    return load_quiz(COURSE_DIR / "quizzes" / f"{quiz_id}.yaml")


@pytest.fixture
def log() -> MemoryAnswerLog:
    return MemoryAnswerLog()


def test_unchanged_response_is_not_recorded_twice(log: MemoryAnswerLog) -> None:
    """Setting the same response again appends nothing."""
    session = QuizSession(_quiz(LESSON_QUIZ), log, quiz_version="v1")
    assert session.set_response("fixture-free-acid", "half") is True
    assert session.set_response("fixture-free-acid", "half") is False
    assert [event.response for event in log.events()] == ["half"]


def test_check_records_a_check_event_and_grades_with_the_key(log: MemoryAnswerLog) -> None:
    """A formative check appends a check event and words the grade."""
    session = QuizSession(_quiz(LESSON_QUIZ), log, quiz_version="v1", cite=lambda ref: f"<{ref}>")
    session.set_response("fixture-fraction", "49.5")
    feedback = session.check("fixture-fraction")
    assert feedback.status == "correct"
    assert feedback.text.splitlines()[0] == "Correct — well done."
    assert feedback.references == ["<R1>"]
    assert [(event.is_check, event.quiz_version) for event in log.events()] == [
        (False, "v1"),
        (True, "v1"),
    ]


def test_changing_an_answer_clears_its_old_feedback(log: MemoryAnswerLog) -> None:
    """Feedback about an answer disappears once the answer changes."""
    session = QuizSession(_quiz(LESSON_QUIZ), log, quiz_version="v1")
    session.set_response("fixture-sunscreen", True)
    session.check("fixture-sunscreen")
    session.set_response("fixture-sunscreen", False)
    assert "fixture-sunscreen" not in session.feedback


def test_summative_session_refuses_to_check(log: MemoryAnswerLog) -> None:
    """The final assessment is never checked in the notebook."""
    session = QuizSession(_quiz(FINAL_QUIZ), log, quiz_version="v1")
    session.set_response("fixture-final-agent", "salicylic")
    with pytest.raises(ValueError, match="summative"):
        session.check("fixture-final-agent")


def test_restore_skips_responses_that_no_longer_fit(log: MemoryAnswerLog) -> None:
    """A logged option id that the quiz no longer has is not put back."""
    log.record(LESSON_QUIZ, "old", "fixture-free-acid", "gone-option")
    log.record(LESSON_QUIZ, "old", "fixture-sunscreen", True)
    session = QuizSession(_quiz(LESSON_QUIZ), log, quiz_version="v1")
    session.restore()
    assert session.responses == {"fixture-sunscreen": True}


def test_unanswered_lists_numbers_and_ids(log: MemoryAnswerLog) -> None:
    """Questions without an answer are listed with their number."""
    session = QuizSession(_quiz(FINAL_QUIZ), log, quiz_version="v1")
    session.set_response("fixture-final-agent", "salicylic")
    assert session.unanswered() == [(1, "fixture-final-patch-test"), (3, "fixture-final-depth")]


@pytest.mark.parametrize(
    ("question_id", "response", "expected"),
    [
        ("fixture-free-acid", "half", True),
        ("fixture-free-acid", "nope", False),
        ("fixture-peel-agents", ["lactic"], True),
        ("fixture-peel-agents", "lactic", False),
        ("fixture-sunscreen", False, True),
        ("fixture-sunscreen", "false", False),
        ("fixture-scar-match", {"rolling": "raised"}, True),
        ("fixture-scar-match", {"rolling": "flat"}, False),
        ("fixture-layer-order", ["dermis", "", "epidermis"], True),
        ("fixture-layer-order", ["dermis"], False),
        ("fixture-fraction", "50", True),
        ("fixture-fraction", 50, False),
    ],
)
def test_restorable_checks_shape_and_ids(
    question_id: str, response: object, expected: bool
) -> None:
    """Only responses of the question's shape, naming its own ids, fit."""
    assert restorable(_quiz(LESSON_QUIZ).question(question_id), response) is expected
