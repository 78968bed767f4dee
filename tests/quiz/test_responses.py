"""The response rules (``skinlessons.quiz.responses``): blank, fits, and the misfit note."""

from __future__ import annotations

from pathlib import Path

import pytest

from skinlessons.quiz.grading import NOT_ANSWERED, grade
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Quiz
from skinlessons.quiz.responses import TYPE_WORDS, fits, is_blank, misfit_note

QUIZ = (
    Path(__file__).parents[1] / "files" / "course_live_quiz" / "quizzes" / "10_fixture_lesson.yaml"
)


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return load_quiz(QUIZ)


@pytest.mark.parametrize(
    ("response", "blank"),
    [
        (None, True),
        ("", True),
        ("  \t", True),
        ([], True),
        ({}, True),
        (["", " "], True),
        ({"p": ""}, True),
        ([[""], {"a": None}], True),
        ("a", False),
        (0, False),
        (False, False),
        (["", "b"], False),
        ({"p": "m"}, False),
    ],
)
def test_is_blank_follows_the_contract(response: object, blank: bool) -> None:
    """null, blank text, [], {} and all-blank lists or objects say nothing; False and 0 do."""
    assert is_blank(response) is blank


FITTING = {
    "fixture-free-acid": ("half", {"id": "half"}, ["half"], "gone"),
    "fixture-peel-agents": (["glycolic", "lactic"], ["gone"], [["glycolic"]], {"a": 1}),
    "fixture-sunscreen": (True, "true", 1, ["true"]),
    "fixture-fraction": ("0,5", True, ["0.5"], {"value": 0.5}),
    "fixture-scar-match": (
        {"ice-pick": "narrow-deep"},
        {"ice-pick": ["x"]},
        {"x": "raised"},
        "ice-pick",
    ),
    "fixture-layer-order": (["dermis", ""], ["dermis", 3], [["dermis"]], {"a": "b"}),
    "fixture-outer-layer": ("stratum corneum", 7, ["stratum"], {"a": "b"}),
}
"""Per question: one response that fits, then three of the wrong shape or with unknown ids."""


@pytest.mark.parametrize("question_id", FITTING)
def test_fits_takes_the_right_shape_and_ids_only(quiz: Quiz, question_id: str) -> None:
    good, *bad = FITTING[question_id]
    question = quiz.question(question_id)
    assert fits(question, good)
    assert fits(question, None)
    for response in bad:
        assert not fits(question, response), response


@pytest.mark.parametrize("question_id", FITTING)
def test_a_misfit_is_graded_zero_with_feedback_never_an_error(quiz: Quiz, question_id: str) -> None:
    """Whatever the shape (unhashable lists, objects), grading scores 0 and says why."""
    question = quiz.question(question_id)
    for response in FITTING[question_id][1:]:
        result = grade(question, response)
        assert result.score == 0
        assert result.is_answered
        assert result.feedback and result.feedback[0] != NOT_ANSWERED


def test_blank_responses_grade_as_not_answered(quiz: Quiz) -> None:
    for response in (None, "", [], {}, ["", ""]):
        result = grade(quiz.question("fixture-layer-order"), response)
        assert not result.is_answered
        assert result.feedback == [NOT_ANSWERED]


def test_every_question_type_has_words_for_its_misfit_note(quiz: Quiz) -> None:
    assert {type(q) for q in quiz.questions} == set(TYPE_WORDS)
    note = misfit_note(quiz.question("fixture-free-acid"))
    assert (
        note == "answer to 'fixture-free-acid' is not a valid single-choice answer (one option id)"
    )
