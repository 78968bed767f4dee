"""The quiz schema: valid shapes per type, rules with hints, letter citations, edition rules."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from pydantic import ValidationError

from skinlessons._util.yamlsource import RULE_ERROR_TYPE
from skinlessons.quiz.models import (
    QUESTION_ADAPTER,
    QUESTION_TYPES,
    AnyQuestion,
    Objectives,
    Quiz,
    cited_letter,
)
from testkit.strategies import question_data

BASE: dict[str, Any] = {"id": "q", "stem": "S", "objectives": ["LO1"], "references": ["R1"]}
TWO_OPTIONS = [{"id": "yes", "text": "Yes"}, {"id": "no", "text": "No"}]


def rule_errors(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(dotted location, message, hint) of every rule a question breaks."""
    with pytest.raises(ValidationError) as caught:
        QUESTION_ADAPTER.validate_python(data)
    found = []
    for error in caught.value.errors():
        assert error["type"] == RULE_ERROR_TYPE, error
        ctx = error.get("ctx") or {}
        found.append((".".join(str(p) for p in error["loc"]), ctx["message"], ctx["hint"]))
    return found


@given(question_data())
def test_generated_questions_of_every_type_validate(data: dict[str, Any]):
    """Well-formed questions of each type validate and keep their id, type and key."""
    question = QUESTION_ADAPTER.validate_python(data)
    assert (question.id, question.type) == (data["id"], data["type"])
    assert question.key_value() is not None


def test_defaults_follow_the_contract():
    """points 1, must_pass false, shuffle true, no unit, no extra notations."""
    question = QUESTION_ADAPTER.validate_python(
        {**BASE, "type": "numeric", "key": {"value": 1, "tolerance": 0}}
    )
    assert (question.points, question.must_pass, question.shuffle) == (1.0, False, True)
    assert (question.unit, question.allow) == (None, [])  # type: ignore[union-attr]


RULES = [
    (
        {"type": "single_choice", "options": TWO_OPTIONS, "key": ["yes", "no"]},
        "single_choice.key",
        "single choice takes exactly one key, got 2",
        "use type: multiple_answers",
    ),
    (
        {"type": "multiple_answers", "options": TWO_OPTIONS, "key": ["yes", "maybe"]},
        "multiple_answers.key.1",
        "key names 'maybe', which is not an id in 'options'",
        "use one of: yes, no.",
    ),
    (
        {"type": "multiple_answers", "options": TWO_OPTIONS, "key": ["yes", "yes"]},
        "multiple_answers.key",
        "key lists an option twice",
        "each option id once",
    ),
    (
        {"type": "numeric", "key": {"value": 1, "relative_tolerance": -0.1}},
        "numeric.key.relative_tolerance",
        "relative_tolerance is negative (-0.1)",
        "0 or more",
    ),
    (
        {"type": "matching", "prompts": [{"id": "a", "text": "A"}],
         "matches": [{"id": "m", "text": "M"}], "key": {"a": "m", "zz": "m"}},
        "matching.key.zz",
        "key names 'zz', which is not an id in 'prompts'",
        "use one of: a.",
    ),
    (
        {"type": "ordering", "items": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
         "key": ["a", "b", "c"]},
        "ordering.key",
        "not an order of all the items (unknown: c)",
        "exactly once",
    ),
    (
        {"type": "short_text", "key": ["  "]},
        "short_text.key",
        "lists no accepted answer",
        "accepted variant",
    ),
    (
        {"type": "true_false", "key": True, "points": -1},
        "true_false.points",
        "points must be more than 0 (got -1)",
        "positive number",
    ),
    (
        {"type": "true_false", "key": True, "references": []},
        "true_false.references",
        "the question lists no references",
        "references: [R12]",
    ),
    (
        {"type": "matching", "prompts": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}],
         "matches": [{"id": "m", "text": "M"}], "key": {"a": "m"}},
        "matching.prompts.1.id",
        "id 'a' appears twice in 'prompts'",
        "its own id",
    ),
    (
        {"type": "multiple_answers", "key": ["yes"],
         "options": [{"id": "yes", "text": "Yes", "feedback": "Unlike answer b."},
                     {"id": "no", "text": "No"}]},
        "multiple_answers.options.0.feedback",
        "cites an option letter ('answer b')",
        "by its wording",
    ),
    (
        {"type": "kwiz", "key": True},
        "type",
        "unknown question type 'kwiz'",
        "use one of: " + ", ".join(QUESTION_TYPES) + ".",
    ),
    (
        {"key": True},
        "type",
        "question has no 'type'",
        "use one of: single_choice",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "loc", "message", "hint"), RULES, ids=[row[1] + "-" + row[2][:20] for row in RULES]
)
def test_rule_is_reported_with_location_and_hint(
    fields: dict[str, Any], loc: str, message: str, hint: str
):
    """Each broken rule comes back at its field, with a message and a fix hint."""
    [(got_loc, got_message, got_hint)] = rule_errors({**BASE, **fields})
    assert got_loc == loc
    assert message in got_message
    assert hint in got_hint


LETTERS = [
    ("See (b) for the deeper layer.", "(b)"),
    ("Option C is a distractor.", "Option C"),
    ("options A and D are both wrong", "options A"),
    ("The right choice is answer c.", "answer c"),
    ("answer a is right", "answer a"),
    ("Answer B, because it is deeper.", "Answer B"),
]
NO_LETTERS = [
    "Answer a question about depth.",
    "The corneum (the horny layer) is outermost.",
    "Vitamin A is a retinoid.",
    "Choose the option that reaches the dermis.",
    "A peel at pH 3.5 (pKa 3.83) is strong.",
]


@pytest.mark.parametrize(("text", "letter"), LETTERS, ids=[t for t, _ in LETTERS])
def test_option_letters_are_found(text: str, letter: str):
    """Citations of option letters are recognised."""
    assert cited_letter(text) == letter


@pytest.mark.parametrize("text", NO_LETTERS)
def test_ordinary_prose_is_not_a_letter_citation(text: str):
    """Ordinary sentences with capital letters or brackets are not mistaken for citations."""
    assert cited_letter(text) is None


def quiz_data(question: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "id": "07_final", "title": "Final", "lesson": "07_final", "kind": "summative",
        "pass_mark_pct": 80, "questions": [question], **fields,
    }  # fmt: skip


TF = {**BASE, "type": "true_false", "explanation": "Because."}


def quiz_rule_errors(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        Quiz.model_validate(data)
    return [
        (".".join(str(p) for p in e["loc"]), (e.get("ctx") or {}).get("message", e["msg"]))
        for e in caught.value.errors()
    ]


def test_key_is_required_unless_key_free():
    """A question without a key is an error in the instructor's copy only."""
    assert quiz_rule_errors(quiz_data(TF)) == [
        ("questions.0.true_false.key", "question 'q' has no key")
    ]
    assert Quiz.model_validate(quiz_data({**TF, "explanation": None}, key_free=True)).key_free


def test_key_free_quiz_must_not_carry_keys_or_summative_explanations():
    """A quiz marked key_free with a key, or a summative explanation, is rejected."""
    assert quiz_rule_errors(quiz_data({**TF, "key": True}, key_free=True)) == [
        ("questions.0.true_false.key", "question 'q' has a key in a quiz marked key_free"),
        (
            "questions.0.true_false",
            "question 'q' keeps an explanation or option feedback in a key-free summative quiz",
        ),
    ]


def test_pass_mark_and_kind_are_checked():
    """pass_mark_pct stays within 0-100 and kind is formative or summative."""
    errors = quiz_rule_errors(quiz_data({**TF, "key": True}, pass_mark_pct=120, kind="final"))
    assert [loc for loc, _ in errors] == ["kind", "pass_mark_pct"]


def test_question_lookup_by_id():
    """Quiz.question finds a question by id and raises KeyError otherwise."""
    quiz = Quiz.model_validate(quiz_data({**TF, "key": True}))
    assert quiz.question("q").type == "true_false"
    with pytest.raises(KeyError):
        quiz.question("missing")


OBJECTIVES = {
    "title": "Test course",
    "course": [{"id": "LO1", "text": "Layers."}, {"id": "LO2", "text": "Screen."}],
    "lessons": [
        {"id": "01_basics", "title": "Basics", "duration_min": 30, "objectives": [
            {"id": "L01.1", "text": "Order.", "course": ["LO1", "LO2"]},
        ]},
        {"id": "07_final", "title": "Final", "duration_min": 45},
    ],
}  # fmt: skip


def test_objectives_map_lesson_objectives_to_course_objectives():
    """Lesson objectives stand for the course objectives they map to."""
    objectives = Objectives.model_validate(OBJECTIVES)
    assert objectives.objective_ids() == {"LO1", "LO2", "L01.1"}
    assert objectives.course_objectives_of("L01.1") == ["LO1", "LO2"]
    assert objectives.course_objectives_of("LO2") == ["LO2"]
    assert objectives.course_objectives_of("L09.9") == []
    assert objectives.lesson_ids() == ["01_basics", "07_final"]


def test_objectives_reject_bad_ids_and_durations():
    """Objective ids follow LOn / Lnn.m and durations are positive minutes."""
    data = {**OBJECTIVES, "course": [{"id": "lo1", "text": "x"}]}
    data["lessons"] = [{**OBJECTIVES["lessons"][1], "duration_min": 0}]
    with pytest.raises(ValidationError) as caught:
        Objectives.model_validate(data)
    assert [e["loc"] for e in caught.value.errors()] == [
        ("course", 0, "id"),
        ("lessons", 0, "duration_min"),
    ]


def test_questions_are_immutable():
    """Models are frozen: a loaded key cannot be changed by accident."""
    question: AnyQuestion = QUESTION_ADAPTER.validate_python({**TF, "key": True})
    with pytest.raises(ValidationError):
        question.points = 2  # type: ignore[misc]
