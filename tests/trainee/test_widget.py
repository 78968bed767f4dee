"""The live quiz widget: controls, Check feedback in words, restore, summative Submit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from skinlessons.errors import QuizFormatError
from skinlessons.names import MODE_ENV, TRAINEE_ENV
from skinlessons.quiz.shuffle import option_order
from skinlessons.trainee.widget import QuestionView, QuizWidget, make_quiz_widget
from testkit.trainee import COURSE_DIR, FINAL_QUIZ, LESSON_QUIZ, all_files, live_trainee


@pytest.fixture(autouse=True)
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    return live_trainee(monkeypatch, tmp_path)


def _lesson() -> QuizWidget:
    return make_quiz_widget(LESSON_QUIZ, course=COURSE_DIR)


def _control(view: QuestionView, label: str) -> Any:
    """The input control whose visible label is ``label``."""
    found = [control for control in view.controls.inputs if control.description == label]
    assert len(found) == 1, [control.description for control in view.controls.inputs]
    return found[0]


def _answer(view: QuestionView, response: Any) -> None:
    """Operate the controls as a trainee would, to give ``response``."""
    qtype = view.question.type
    inputs = view.controls.inputs
    if qtype == "multiple_answers":
        texts = {option.id: option.text for option in view.question.options}  # type: ignore[union-attr]
        for option_id, text in texts.items():
            _control(view, text).value = option_id in response
    elif qtype == "matching":
        prompts = {prompt.id: prompt.text for prompt in view.question.prompts}  # type: ignore[union-attr]
        for prompt_id, match_id in response.items():
            _control(view, prompts[prompt_id]).value = match_id
    elif qtype == "ordering":
        for number, item_id in enumerate(response, start=1):
            _control(view, f"Position {number}").value = item_id
    else:
        assert len(inputs) == 1
        inputs[0].value = response


def _check(view: QuestionView) -> str:
    assert view.check_button is not None
    view.check_button.click()
    return str(view.feedback.value)


RIGHT_AND_WRONG = [
    ("fixture-free-acid", "half", "all"),
    ("fixture-peel-agents", ["glycolic", "lactic"], ["salicylic"]),
    ("fixture-sunscreen", True, False),
    ("fixture-fraction", "50,0", "60"),
    (
        "fixture-scar-match",
        {"ice-pick": "narrow-deep", "rolling": "wide-shallow"},
        {"ice-pick": "raised", "rolling": "narrow-deep"},
    ),
    (
        "fixture-layer-order",
        ["epidermis", "dermis", "subcutis"],
        ["subcutis", "dermis", "epidermis"],
    ),
    ("fixture-outer-layer", "  Stratum   CORNEUM ", "dermis"),
]
QUESTION_IDS = [question_id for question_id, _right, _wrong in RIGHT_AND_WRONG]


@pytest.mark.parametrize(("question_id", "right", "wrong"), RIGHT_AND_WRONG, ids=QUESTION_IDS)
def test_check_says_correct_for_the_right_answer(question_id: str, right: Any, wrong: Any) -> None:
    """Setting the controls to the key and pressing Check gives 'Correct —' in words."""
    view = _lesson().questions[question_id]
    _answer(view, right)
    feedback = _check(view)
    assert "Correct — well done." in feedback
    assert "Not yet" not in feedback


@pytest.mark.parametrize(("question_id", "right", "wrong"), RIGHT_AND_WRONG, ids=QUESTION_IDS)
def test_check_says_not_yet_for_a_wrong_answer(question_id: str, right: Any, wrong: Any) -> None:
    """A wrong answer gets 'Not yet —' in words, with the explanation and references."""
    view = _lesson().questions[question_id]
    _answer(view, wrong)
    feedback = _check(view)
    assert "Not yet —" in feedback
    assert "Correct" not in feedback
    assert view.question.explanation and view.question.explanation.split()[0] in feedback
    assert "References:" in feedback and "R1" in feedback


def test_feedback_is_a_live_region_with_per_option_feedback() -> None:
    """Feedback is announced (aria-live) and carries the chosen option's own feedback."""
    view = _lesson().questions["fixture-free-acid"]
    _answer(view, "all")
    feedback = _check(view)
    assert 'aria-live="polite"' in feedback and 'role="status"' in feedback
    assert "That happens only far below the pKa." in feedback


def test_partial_credit_is_worded_with_the_points() -> None:
    """Half of a multiple-answers key scores half the points, said in words."""
    view = _lesson().questions["fixture-peel-agents"]
    _answer(view, ["glycolic"])
    assert "Partly right — 0.5 of 1 points." in _check(view)


def test_blank_or_unreadable_answers_are_not_counted_as_attempts(data_dir: Path) -> None:
    """Check without an answer, or with an unreadable number, explains and counts nothing."""
    quiz = _lesson()
    blank = quiz.questions["fixture-outer-layer"]
    assert "Nothing to check yet" in _check(blank)
    number = quiz.questions["fixture-fraction"]
    _answer(number, "fifty")
    assert "Not checked yet — &#x27;fifty&#x27; could not be read as a number" in _check(number)
    assert quiz.session.attempts == {}
    lines = (data_dir / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["check"] for line in lines] == [False]


def test_attempts_are_counted_and_the_first_check_is_kept() -> None:
    """Each Check is an attempt; the first checked response is remembered."""
    quiz = _lesson()
    view = quiz.questions["fixture-free-acid"]
    _answer(view, "none")
    _check(view)
    _answer(view, "half")
    assert "Checked 2 times." in _check(view)
    assert quiz.session.attempts["fixture-free-acid"] == 2
    assert quiz.session.first_responses["fixture-free-acid"] == "none"


def test_answers_are_restored_when_the_widget_is_made_again() -> None:
    """A new widget (reopened notebook, restarted kernel) shows the saved answers."""
    first = _lesson()
    for question_id, right, _wrong in RIGHT_AND_WRONG:
        _answer(first.questions[question_id], right)
    _check(first.questions["fixture-sunscreen"])
    again = _lesson()
    for question_id, right, _wrong in RIGHT_AND_WRONG:
        view = again.questions[question_id]
        assert view.controls.read() == right, question_id
    assert again.session.attempts == {"fixture-sunscreen": 1}
    assert "Checked 1 time." in again.questions["fixture-sunscreen"].feedback.value


def test_restoring_records_nothing_new(data_dir: Path) -> None:
    """Showing restored answers does not append to the log."""
    _answer(_lesson().questions["fixture-free-acid"], "half")
    before = (data_dir / "answers.jsonl").read_bytes()
    _lesson()
    assert (data_dir / "answers.jsonl").read_bytes() == before


def test_option_order_is_the_trainees_shuffled_order() -> None:
    """Radio options appear in shuffle.option_order for this trainee."""
    view = _lesson().questions["fixture-free-acid"]
    shown = [value for _label, value in view.controls.inputs[0].options]
    assert shown == option_order("jdoe", view.question)


def test_every_control_has_a_visible_label_and_a_numbered_stem() -> None:
    """Each input has a description; each stem is numbered 'Question n of N'."""
    quiz = _lesson()
    for number, view in enumerate(quiz.questions.values(), start=1):
        assert f"Question {number} of 7" in view.stem.value
        for control in view.controls.inputs:
            assert control.description.strip(), view.question.id
    assert isinstance(quiz.questions["fixture-free-acid"].controls.inputs[0], widgets.RadioButtons)
    numeric = quiz.questions["fixture-fraction"].controls.inputs[0]
    assert numeric.description == "Your number in %"


def test_summative_quiz_has_no_check_and_never_shows_correctness(data_dir: Path) -> None:
    """The final records answers on change, offers no Check and shows no verdict."""
    final = make_quiz_widget(FINAL_QUIZ, course=COURSE_DIR)
    assert all(view.check_button is None for view in final.questions.values())
    view = final.questions["fixture-final-agent"]
    _answer(view, "glycolic")
    shown = view.feedback.value + view.stem.value
    assert "Saved." in shown
    assert "Correct" not in shown and "Not yet" not in shown
    record = json.loads((data_dir / "answers.jsonl").read_text(encoding="utf-8"))
    assert (record["question_id"], record["response"]) == ("fixture-final-agent", "glycolic")


def test_summative_must_pass_item_is_marked() -> None:
    """Safety-critical final questions say they must be answered correctly to pass."""
    final = make_quiz_widget(FINAL_QUIZ, course=COURSE_DIR)
    note = "Safety-critical: must be answered correctly to pass."
    assert note in final.questions["fixture-final-patch-test"].stem.value
    assert note not in final.questions["fixture-final-agent"].stem.value


def test_submit_button_shows_the_receipt_with_unanswered_questions(data_dir: Path) -> None:
    """Submit writes the file and lists what is still unanswered, by number and id."""
    final = make_quiz_widget(FINAL_QUIZ, course=COURSE_DIR)
    _answer(final.questions["fixture-final-agent"], "salicylic")
    assert final.submit_button is not None
    final.submit_button.click()
    receipt = final.receipt.value
    assert "Submission saved to:" in receipt and "Trainee id: jdoe" in receipt
    assert "1 of 3 questions answered" in receipt
    assert "1 (fixture-final-patch-test), 3 (fixture-final-depth)" in receipt
    assert len(all_files(data_dir / "submissions")) == 1


def test_submit_without_a_trainee_id_explains_how_to_set_one(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    """No id: Submit writes nothing and says how to set the id."""
    monkeypatch.delenv(TRAINEE_ENV)
    final = make_quiz_widget(FINAL_QUIZ, course=COURSE_DIR)
    assert final.submit_button is not None
    final.submit_button.click()
    assert "No trainee id is set" in final.receipt.value
    assert not (data_dir / "submissions").exists()


def test_unattended_widget_writes_nothing(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """In build/test mode the quiz works from memory and no file is written."""
    monkeypatch.setenv(MODE_ENV, "test")
    final = make_quiz_widget(FINAL_QUIZ, course=COURSE_DIR)
    _answer(final.questions["fixture-final-agent"], "salicylic")
    assert final.submit_button is not None
    final.submit_button.click()
    assert "Nothing was submitted" in final.receipt.value
    lesson = _lesson()
    _answer(lesson.questions["fixture-sunscreen"], True)
    assert "Correct" in _check(lesson.questions["fixture-sunscreen"])
    assert not data_dir.exists()


def test_unknown_quiz_id_lists_the_quizzes_there() -> None:
    """A mistyped quiz id says which quizzes exist."""
    with pytest.raises(QuizFormatError, match=r"no quiz '10_fixture_lesom'.*10_fixture_lesson"):
        make_quiz_widget("10_fixture_lesom", course=COURSE_DIR)


def test_importing_the_quiz_package_does_not_import_ipywidgets() -> None:
    """``import skinlessons.quiz`` stays light; show/submit/set_trainee_id load on use."""
    code = (
        "import sys, skinlessons.quiz as quiz\n"
        "assert 'ipywidgets' not in sys.modules, 'ipywidgets imported early'\n"
        "assert callable(quiz.set_trainee_id) and callable(quiz.submit)\n"
        "assert 'ipywidgets' not in sys.modules\n"
        "assert callable(quiz.show)\n"
        "assert 'ipywidgets' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
