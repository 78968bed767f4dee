"""Grading: every question type, partial credit, tolerance edges, malformed responses."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skinlessons.errors import GradingError
from skinlessons.quiz.grading import NOT_ANSWERED, grade, grade_quiz
from skinlessons.quiz.models import QUESTION_ADAPTER, AnyQuestion, Quiz
from skinlessons.quiz.projection import key_free
from testkit.strategies import question_data, questions, responses

BASE: dict[str, Any] = {"stem": "S", "objectives": ["LO1"], "references": ["R1"]}


def make(**fields: Any) -> AnyQuestion:
    return QUESTION_ADAPTER.validate_python({**BASE, "id": "q", **fields})


def options(*ids: str, **feedback: str) -> list[dict[str, str]]:
    return [
        {"id": i, "text": i.upper(), **({"feedback": feedback[i]} if i in feedback else {})}
        for i in ids
    ]


SINGLE = make(type="single_choice", options=options("a", "b", "c", b="Too deep."), key="a")
MULTI = make(
    type="multiple_answers", points=3, options=options("a", "b", "c", "d", "e"), key=["a", "b", "c"]
)
TRUE_FALSE = make(type="true_false", key=False)
ABSOLUTE = make(type="numeric", unit="%", key={"value": 0.5, "tolerance": 0.02})
RELATIVE = make(type="numeric", unit="µm", key={"value": 100, "relative_tolerance": 0.1})
FRACTIONS = make(type="numeric", allow=["fraction", "percent"], key={"value": 0.5, "tolerance": 0})
MATCHING = make(
    type="matching",
    prompts=[{"id": p, "text": p} for p in ("p1", "p2", "p3", "p4")],
    matches=[{"id": m, "text": m} for m in ("m1", "m2", "m3", "m4", "m5")],
    key={"p1": "m1", "p2": "m2", "p3": "m3", "p4": "m4"},
)
ORDERING = make(
    type="ordering", items=[{"id": i, "text": i} for i in "dcba"], key=["a", "b", "c", "d"]
)
SHORT = make(type="short_text", key=["stratum corneum", "horny layer"])

SCORES = [
    (SINGLE, "a", 1.0),
    (SINGLE, "b", 0.0),
    (MULTI, ["a", "b", "c"], 3.0),
    (MULTI, ["c", "b", "a"], 3.0),
    (MULTI, ["a", "b"], 2.0),
    (MULTI, ["a"], 1.0),
    (MULTI, ["a", "b", "d"], 1.0),
    (MULTI, ["a", "d"], 0.0),
    (MULTI, ["a", "d", "e"], 0.0),
    (MULTI, ["a", "b", "c", "d", "e"], 1.0),
    (MULTI, [], 0.0),
    (MULTI, ["a", "a"], 1.0),
    (TRUE_FALSE, False, 1.0),
    (TRUE_FALSE, True, 0.0),
    (ABSOLUTE, "0.5", 1.0),
    (ABSOLUTE, "0,52", 1.0),
    (ABSOLUTE, "0.48", 1.0),
    (ABSOLUTE, "0.52 %", 1.0),
    (ABSOLUTE, "0.5201", 0.0),
    (ABSOLUTE, "0.4799", 0.0),
    (RELATIVE, "110", 1.0),
    (RELATIVE, "90 µm", 1.0),
    (RELATIVE, "110.01", 0.0),
    (RELATIVE, "89.9", 0.0),
    (FRACTIONS, "1/2", 1.0),
    (FRACTIONS, "50 %", 1.0),
    (FRACTIONS, "0,5", 1.0),
    (FRACTIONS, "0.51", 0.0),
    (MATCHING, {"p1": "m1", "p2": "m2", "p3": "m3", "p4": "m4"}, 1.0),
    (MATCHING, {"p1": "m1", "p2": "m2", "p3": "m5", "p4": "m3"}, 0.5),
    (MATCHING, {"p1": "m1"}, 0.25),
    (MATCHING, {}, 0.0),
    (ORDERING, ["a", "b", "c", "d"], 1.0),
    (ORDERING, ["b", "a", "c", "d"], 2 / 3),
    (ORDERING, ["a", "c", "b", "d"], 2 / 3),
    (ORDERING, ["d", "c", "b", "a"], 0.0),
    (ORDERING, ["a", "b", "c"], 2 / 3),
    (ORDERING, ["a", "b", "c", "d", "d"], 2 / 3),
    (SHORT, "stratum corneum", 1.0),
    (SHORT, "  Stratum   CORNEUM. ", 1.0),
    (SHORT, "ＨＯＲＮＹ layer!", 1.0),
    (SHORT, "stratum", 0.0),
]


@pytest.mark.parametrize(
    ("question", "response", "expected"),
    SCORES,
    ids=[f"{q.type}-{r!r}" for q, r, _ in SCORES],
)
def test_response_scores_expected_points(question: AnyQuestion, response: object, expected: float):
    """Each response earns the points the rules of its type give."""
    result = grade(question, response)
    assert result.score == pytest.approx(expected)
    assert result.is_correct == (expected == question.points)
    assert result.problem is None


MALFORMED = [
    (SINGLE, ["a"], "not one of the options"),
    (SINGLE, "zz", "not one of the options"),
    (MULTI, "a", "list of the options"),
    (MULTI, [1, 2], "list of the options"),
    (TRUE_FALSE, "false", "true or false"),
    (TRUE_FALSE, 0, "true or false"),
    (ABSOLUTE, "half", "could not be read as a number"),
    (ABSOLUTE, ["0.5"], "number typed as text"),
    (FRACTIONS, "1/0", "0 below the line"),
    (MATCHING, ["m1"], "pair each prompt"),
    (ORDERING, "abcd", "items in your chosen order"),
    (ORDERING, {"a": 1}, "items in your chosen order"),
    (SHORT, 42, "typed text"),
]


@pytest.mark.parametrize(
    ("question", "response", "fragment"),
    MALFORMED,
    ids=[f"{q.type}-{r!r}" for q, r, _ in MALFORMED],
)
def test_malformed_response_scores_zero_with_reason(
    question: AnyQuestion, response: object, fragment: str
):
    """A response of the wrong shape scores 0 and says why; it never raises."""
    result = grade(question, response)
    assert result.score == 0
    assert result.problem is not None and fragment in result.problem
    assert result.is_answered


@pytest.mark.parametrize("response", [None, "", "   "], ids=["none", "empty", "spaces"])
def test_missing_response_is_not_answered(response: object):
    """No response scores 0 with 'not answered'."""
    result = grade(SHORT, response)
    assert (result.score, result.is_answered, result.feedback) == (0, False, [NOT_ANSWERED])


def test_single_choice_shows_the_chosen_options_feedback():
    """Per-option feedback of the chosen option is part of the feedback."""
    assert grade(SINGLE, "b").feedback == ["Not quite.", "Too deep."]
    assert grade(SINGLE, "a").feedback == ["Correct."]


def test_numeric_feedback_shows_unit_and_direction():
    """Numeric feedback repeats the answer with its unit and says too high or too low."""
    assert "Your answer (0.6 %) is too high." in grade(ABSOLUTE, "0.6").feedback
    assert "Your answer (0.4 %) is too low." in grade(ABSOLUTE, "0,4").feedback


def test_grading_a_key_free_question_is_an_error():
    """A question from a key-free projection cannot be graded."""
    quiz = Quiz(
        id="x", title="X", lesson="x", kind="formative", pass_mark_pct=50, questions=[SINGLE]
    )
    with pytest.raises(GradingError, match="no key"):
        grade(key_free(quiz).questions[0], "a")


def _quiz(*items: AnyQuestion, pass_mark: float = 60) -> Quiz:
    return Quiz(
        id="x",
        title="X",
        lesson="x",
        kind="summative",
        pass_mark_pct=pass_mark,
        questions=list(items),
    )


def test_grade_quiz_totals_and_passes():
    """The quiz total sums the questions; reaching the pass mark passes."""
    quiz = _quiz(
        SINGLE,
        make(id="tf", type="true_false", key=True),
        make(
            id="m",
            type="multiple_answers",
            points=3,
            options=options("a", "b", "c"),
            key=["a", "b", "c"],
        ),
    )
    result = grade_quiz(quiz, {"q": "a", "tf": False, "m": ["a", "b"], "other": "ignored"})
    assert (result.score, result.max_points) == (3.0, 5.0)
    assert result.percentage == pytest.approx(60.0)
    assert result.passed
    assert list(result.results) == ["q", "tf", "m"]


def test_failed_must_pass_question_fails_the_quiz():
    """A wrong must-pass answer fails the quiz even above the pass mark."""
    safety = make(id="safety", type="true_false", key=True, must_pass=True, points=1)
    quiz = _quiz(SINGLE, safety, make(id="n", type="true_false", key=True, points=8), pass_mark=50)
    result = grade_quiz(quiz, {"q": "a", "safety": False, "n": True})
    assert result.percentage == pytest.approx(90.0)
    assert (result.must_pass_met, result.must_pass_failed, result.passed) == (
        False,
        ["safety"],
        False,
    )
    assert grade_quiz(quiz, {"q": "a", "safety": True, "n": True}).passed


@given(st.data())
def test_score_always_within_zero_and_points(data: st.DataObject):
    """Whatever the response, the score lies in [0, points] and grading never raises."""
    question = data.draw(questions())
    result = grade(question, data.draw(responses(question)))
    assert 0 <= result.score <= question.points


@given(questions())
def test_the_key_always_scores_full_marks(question: AnyQuestion):
    """Responding with the key earns every point."""
    key = question.key_value()
    response = (
        f"{key.value!r}"
        if question.type == "numeric"
        else key[0]
        if question.type == "short_text"
        else key
    )
    result = grade(question, response)
    assert result.score == question.points
    assert result.is_correct


@given(st.data())
def test_option_order_never_changes_the_score(data: st.DataObject):
    """Reordering a question's options (as shuffling does) keeps every response's score."""
    question_type = data.draw(st.sampled_from(["single_choice", "multiple_answers", "ordering"]))
    raw = data.draw(question_data(question_type))
    field = "items" if question_type == "ordering" else "options"
    reordered = {**raw, field: data.draw(st.permutations(raw[field]))}
    question = QUESTION_ADAPTER.validate_python(raw)
    response = data.draw(responses(question))
    assert grade(QUESTION_ADAPTER.validate_python(reordered), response) == grade(question, response)
