"""The submission file: its content, its atomic write, and the receipt."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from skinlessons import __version__
from skinlessons.errors import SubmissionError, TraineeIdError
from skinlessons.names import MODE_ENV, TRAINEE_ENV
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.projection import quiz_version
from skinlessons.submission.format import SubmissionDocument
from skinlessons.trainee.identity import set_trainee_id
from skinlessons.trainee.recording import AnswerEvent, open_recorder
from skinlessons.trainee.submit import build_submission, submit, write_submission
from testkit.trainee import COURSE_DIR, FINAL_QUIZ, LESSON_QUIZ, all_files

pytestmark = pytest.mark.usefixtures("data_dir")


def _record(quiz_id: str, question_id: str, response: object, *, is_check: bool = False) -> None:
    open_recorder().record(quiz_id, "v-any", question_id, response, is_check=is_check)


def test_submission_holds_versions_answers_attempts_and_last_seq(data_dir: Path) -> None:
    """The file follows docs/contracts.md: versions, kept answers with seq, last_seq."""
    set_trainee_id("jdoe")
    _record(LESSON_QUIZ, "fixture-free-acid", "all")
    _record(LESSON_QUIZ, "fixture-free-acid", "all", is_check=True)
    _record(LESSON_QUIZ, "fixture-free-acid", "half")
    _record(LESSON_QUIZ, "fixture-free-acid", "half", is_check=True)
    _record(FINAL_QUIZ, "fixture-final-agent", "glycolic")
    _record(FINAL_QUIZ, "fixture-final-agent", "salicylic")
    receipt = submit(COURSE_DIR)
    document = json.loads(receipt.path.read_text(encoding="utf-8"))
    lesson = load_quiz(COURSE_DIR / "quizzes" / f"{LESSON_QUIZ}.yaml")
    final = load_quiz(COURSE_DIR / "quizzes" / f"{FINAL_QUIZ}.yaml")
    assert document["format"] == "skinlessons-submission"
    assert document["format_version"] == 2
    assert document["trainee_id"] == "jdoe"
    assert document["package_version"] == __version__
    assert document["created_at"].endswith("Z")
    assert document["last_seq"] == 6
    assert document["quizzes"][LESSON_QUIZ] == {
        "quiz_version": quiz_version(lesson),
        "kind": "formative",
        "answers": {
            "fixture-free-acid": {
                "response": "half",
                "seq": 4,
                "attempts": 2,
                "first_response": "all",
            }
        },
    }
    assert document["quizzes"][FINAL_QUIZ] == {
        "quiz_version": quiz_version(final),
        "kind": "summative",
        "answers": {
            "fixture-final-agent": {
                "response": "salicylic",
                "seq": 6,
                "attempts": 1,
                "first_response": "salicylic",
            }
        },
    }


def test_default_file_is_in_the_trainee_home_named_by_a_slug(data_dir: Path) -> None:
    """By default the file goes to submissions/ in the data folder; the raw id is not its name."""
    set_trainee_id("J.Doe@uni")
    receipt = submit(COURSE_DIR)
    assert receipt.path.parent == data_dir / "submissions"
    assert receipt.path.name.startswith("submission-j-doe-uni-")
    assert "@" not in receipt.path.name and "J.Doe" not in receipt.path.name


def test_later_submission_has_a_larger_last_seq(data_dir: Path) -> None:
    """Submitting again after more answers replaces the file with a larger last_seq."""
    set_trainee_id("jdoe")
    _record(FINAL_QUIZ, "fixture-final-agent", "glycolic")
    first = json.loads(submit(COURSE_DIR).path.read_text(encoding="utf-8"))
    _record(FINAL_QUIZ, "fixture-final-agent", "salicylic")
    second_path = submit(COURSE_DIR).path
    second = json.loads(second_path.read_text(encoding="utf-8"))
    assert (first["last_seq"], second["last_seq"]) == (1, 2)
    assert all_files(data_dir / "submissions") == [second_path]


def test_receipt_lists_unanswered_questions_by_number_and_id() -> None:
    """The receipt says where the file is, whose it is, and what is still unanswered."""
    set_trainee_id("jdoe")
    _record(FINAL_QUIZ, "fixture-final-depth", "100")
    _record(FINAL_QUIZ, "fixture-final-agent", "")  # cleared again: not an answer
    text = str(submit(COURSE_DIR))
    assert "Submission saved to: " in text
    assert "Trainee id: jdoe — please check" in text
    assert (
        "Fixture final assessment (19_fixture_final): 1 of 3 questions answered. "
        "Not answered yet: 1 (fixture-final-patch-test), 2 (fixture-final-agent)."
    ) in text
    assert "Fixture lesson check (10_fixture_lesson): 0 of 7 questions answered." in text


def test_receipt_of_a_complete_quiz_says_all_answered() -> None:
    """A quiz with every question answered is reported as complete."""
    for question_id, response in [
        ("fixture-final-patch-test", True),
        ("fixture-final-agent", "salicylic"),
        ("fixture-final-depth", "95"),
    ]:
        _record(FINAL_QUIZ, question_id, response)
    text = str(submit(COURSE_DIR, trainee="jdoe"))
    assert "Fixture final assessment (19_fixture_final): all 3 questions answered." in text


def test_answers_to_unknown_quizzes_are_left_out_and_reported() -> None:
    """A quiz no longer in the course is named in the receipt, not packed."""
    _record("99_retired", "old-question", "a")
    receipt = submit(COURSE_DIR, trainee="jdoe")
    assert receipt.unknown_quiz_ids == ["99_retired"]
    assert "99_retired" not in json.loads(receipt.path.read_text(encoding="utf-8"))["quizzes"]


def test_no_trainee_id_is_an_error_and_writes_nothing(data_dir: Path) -> None:
    """Without an id nothing is written and the message says how to set one."""
    _record(FINAL_QUIZ, "fixture-final-agent", "salicylic")
    with pytest.raises(TraineeIdError, match="No trainee id is set"):
        submit(COURSE_DIR)
    assert not (data_dir / "submissions").exists()


def test_trainee_variable_is_used_when_nothing_is_saved(monkeypatch: pytest.MonkeyPatch) -> None:
    """$SKINLESSONS_TRAINEE identifies the trainee at submit."""
    monkeypatch.setenv(TRAINEE_ENV, "envuser")
    assert submit(COURSE_DIR).trainee_id == "envuser"


def test_unattended_submit_is_refused(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """In build/test mode submit writes nothing and says why."""
    monkeypatch.setenv(MODE_ENV, "build")
    with pytest.raises(SubmissionError, match=r"running unattended \(build mode\)"):
        submit(COURSE_DIR, trainee="jdoe")
    assert not data_dir.exists()


def test_write_is_atomic_temp_file_in_the_same_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The file is written to a temp file beside it, then moved over it with os.replace."""
    target = tmp_path / "out" / "submission.json"
    moves: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(source: str, destination: str) -> None:
        moves.append((Path(source), Path(destination)))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    write_submission(EMPTY_DOCUMENT, target)
    assert len(moves) == 1
    assert moves[0][0].parent == target.parent and moves[0][1] == target
    assert json.loads(target.read_text(encoding="utf-8")) == EMPTY_DOCUMENT.to_json()
    assert all_files(target.parent) == [target]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """If the final move fails, the previous submission is intact and no temp file is left."""
    target = tmp_path / "submission.json"
    target.write_text('{"old": true}\n', encoding="utf-8")

    def broken(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(SubmissionError, match=r"could not write the submission.*--out FILE"):
        write_submission(EMPTY_DOCUMENT, target)
    assert json.loads(target.read_text(encoding="utf-8")) == {"old": True}
    assert all_files(tmp_path) == [target]


EMPTY_DOCUMENT = SubmissionDocument("jdoe", "2026-11-25T16:00:00Z", "0.1.0", 0, {})


def test_build_submission_is_pure_and_ignores_unknown_questions() -> None:
    """Events for question ids the quiz does not have are left out."""
    final = load_quiz(COURSE_DIR / "quizzes" / f"{FINAL_QUIZ}.yaml")
    events = [
        AnswerEvent(3, FINAL_QUIZ, "v", "fixture-final-agent", "salicylic"),
        AnswerEvent(7, FINAL_QUIZ, "v", "no-such-question", "x"),
    ]
    document = build_submission(
        events, [final], "jdoe", created_at="2026-11-25T16:00:00Z"
    ).to_json()
    assert list(document["quizzes"][FINAL_QUIZ]["answers"]) == ["fixture-final-agent"]
    assert document["last_seq"] == 7
    assert document["created_at"] == "2026-11-25T16:00:00Z"
