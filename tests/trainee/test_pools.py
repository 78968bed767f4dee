"""A trainee's pooled final: the live quiz shows their draw for the sitting they are on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.errors import SubmissionError
from skinlessons.names import HOME_ENV, MODE_ENV, SITTING_ENV, TRAINEE_ENV
from skinlessons.quiz.draw import drawn_ids
from skinlessons.quiz.loader import load_quiz
from skinlessons.trainee.sitting import current_sitting
from skinlessons.trainee.widget import make_quiz_widget
from testkit.trainee import isolate_trainee

COURSE = Path(__file__).parents[1] / "files" / "course_pools"
QUIZ_ID = "39_pooled_final"
QUIZ = load_quiz(COURSE / "quizzes" / f"{QUIZ_ID}.yaml")


@pytest.fixture(autouse=True)
def trainee(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_trainee(monkeypatch, tmp_path)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(TRAINEE_ENV, "jdoe")
    monkeypatch.delenv(SITTING_ENV, raising=False)


def test_the_live_final_shows_the_trainees_draw() -> None:
    widget = make_quiz_widget(QUIZ_ID, course=COURSE)
    assert list(widget.questions) == drawn_ids(QUIZ, "jdoe")
    assert len(widget.questions) == 3


def test_a_resit_shows_the_draw_of_that_sitting(monkeypatch: pytest.MonkeyPatch) -> None:
    trainee = next(
        t for t in (f"t{n}" for n in range(50)) if drawn_ids(QUIZ, t, 2) != drawn_ids(QUIZ, t, 1)
    )
    monkeypatch.setenv(TRAINEE_ENV, trainee)
    monkeypatch.setenv(SITTING_ENV, "2")
    widget = make_quiz_widget(QUIZ_ID, course=COURSE)
    assert list(widget.questions) == drawn_ids(QUIZ, trainee, 2)


def test_a_bad_sitting_is_said_above_the_quiz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SITTING_ENV, "second")
    widget = make_quiz_widget(QUIZ_ID, course=COURSE)
    assert (
        "SKINLESSONS_SITTING is &#x27;second&#x27;, not a sitting number"
        in widget.children[0].value
    )


@pytest.mark.parametrize(("text", "sitting"), [("", 1), ("  ", 1), ("1", 1), (" 3 ", 3)])
def test_the_sitting_comes_from_the_environment(text: str, sitting: int) -> None:
    assert current_sitting({SITTING_ENV: text}) == sitting
    assert current_sitting({}) == 1


@pytest.mark.parametrize("text", ["0", "-2", "2.0", "second", "1001", "٣"])
def test_a_sitting_that_is_not_a_whole_number_from_1_is_refused(text: str) -> None:
    with pytest.raises(SubmissionError, match="Fix: set it to the re-sit number"):
        current_sitting({SITTING_ENV: text})


def _submit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sitting: str) -> tuple[int, str, Path]:
    monkeypatch.setenv(SITTING_ENV, sitting)
    target = tmp_path / "handin.json"
    arguments = ["submit", "--course", str(COURSE), "--out", str(target)]
    result = CliRunner().invoke(main, arguments)
    return result.exit_code, result.stderr, target


def test_submit_records_the_sitting_set_for_a_resit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, _err, target = _submit(monkeypatch, tmp_path, "2")
    assert code == 0
    entry = json.loads(target.read_text(encoding="utf-8"))["quizzes"][QUIZ_ID]
    assert (entry["sitting"], entry["shown"]) == (2, drawn_ids(QUIZ, "jdoe", 2))


def test_submit_refuses_a_bad_sitting_with_the_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, err, target = _submit(monkeypatch, tmp_path, "two")
    assert code == 1
    assert err.startswith("Error: SKINLESSONS_SITTING is 'two', not a sitting number. Fix:")
    assert "Traceback" not in err
    assert not target.exists()


def test_without_a_trainee_id_the_final_shows_only_its_unpooled_questions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(TRAINEE_ENV)
    widget = make_quiz_widget(QUIZ_ID, course=COURSE)
    assert list(widget.questions) == ["pools-ph-strength"]
    header = widget.children[0].value
    assert "Your trainee id is not set yet." in header
    assert "drawn for you from your trainee id" in header


def test_an_unattended_run_shows_the_whole_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TRAINEE_ENV)
    monkeypatch.setenv(MODE_ENV, "build")
    widget = make_quiz_widget(QUIZ_ID, course=COURSE)
    assert list(widget.questions) == [question.id for question in QUIZ.questions]
