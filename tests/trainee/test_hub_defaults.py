"""On a JupyterHub, a trainee's answers and submission stay in that trainee's own home.

Each single-user server gets its own ``HOME`` and ``JUPYTERHUB_USER``; nothing else is set.
These tests play such a server in-process: answer through the live quiz's session, submit
through the package API, then look at every file on disk.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from skinlessons.names import HOME_ENV, HUB_USER_ENV
from skinlessons.quiz import submit
from skinlessons.trainee.widget import make_quiz_widget
from testkit.trainee import COURSE_DIR, FINAL_QUIZ, LESSON_QUIZ, all_files, isolate_trainee


def _play_hub_user(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, user: str, answers: dict[str, Any]
) -> tuple[Path, Path]:
    """Be hub user ``user`` with a fresh home; answer and submit. Returns (home, submission)."""
    (tmp_path / user).mkdir()
    home = isolate_trainee(monkeypatch, tmp_path / user)
    monkeypatch.setenv(HUB_USER_ENV, user)
    work = tmp_path / user / "work"  # the server's working folder, as a hub spawner sets it
    work.mkdir()
    monkeypatch.chdir(work)
    lesson = make_quiz_widget(LESSON_QUIZ, course=COURSE_DIR)
    lesson.session.set_response("fixture-free-acid", answers["fixture-free-acid"])
    lesson.session.check("fixture-free-acid")
    final = make_quiz_widget(FINAL_QUIZ, course=COURSE_DIR)
    final.session.set_response("fixture-final-agent", answers["fixture-final-agent"])
    receipt = submit(COURSE_DIR)
    return home, receipt.path


def test_hub_user_answers_and_submission_land_only_in_their_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Answer log, saved state and submission are all under $HOME/.skinlessons; nothing else."""
    course_before = all_files(COURSE_DIR)
    home, submission_path = _play_hub_user(
        monkeypatch,
        tmp_path,
        "trainee07",
        {"fixture-free-acid": "half", "fixture-final-agent": "glycolic"},
    )

    data_folder = home / ".skinlessons"
    written = all_files(tmp_path)
    assert written, "the trainee's answers were not written anywhere"
    assert all(path.is_relative_to(data_folder) for path in written), written
    assert submission_path.parent == data_folder / "submissions"
    assert all_files(COURSE_DIR) == course_before  # the shared course folder is untouched
    assert stat.S_IMODE(data_folder.stat().st_mode) == 0o700


def test_hub_user_is_the_submission_trainee_id(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without set_trainee_id, the submission carries $JUPYTERHUB_USER and the answers given."""
    _, submission_path = _play_hub_user(
        monkeypatch,
        tmp_path,
        "trainee07",
        {"fixture-free-acid": "all", "fixture-final-agent": "salicylic"},
    )

    document = json.loads(submission_path.read_text(encoding="utf-8"))
    assert document["trainee_id"] == "trainee07"
    lesson_answer = document["quizzes"][LESSON_QUIZ]["answers"]["fixture-free-acid"]
    assert (lesson_answer["response"], lesson_answer["attempts"]) == ("all", 1)
    final_answer = document["quizzes"][FINAL_QUIZ]["answers"]["fixture-final-agent"]
    assert final_answer["response"] == "salicylic"


def test_two_hub_users_never_see_each_others_answers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A second user with another home starts empty and writes nothing into the first home."""
    alice_home, alice_submission = _play_hub_user(
        monkeypatch,
        tmp_path,
        "alice",
        {"fixture-free-acid": "half", "fixture-final-agent": "glycolic"},
    )
    alice_files = {path: path.read_bytes() for path in all_files(alice_home)}

    (tmp_path / "bob").mkdir()
    home = isolate_trainee(monkeypatch, tmp_path / "bob")
    monkeypatch.setenv(HUB_USER_ENV, "bob")
    restored = make_quiz_widget(LESSON_QUIZ, course=COURSE_DIR).session
    assert restored.responses == {} and restored.attempts == {}
    bob_receipt = submit(COURSE_DIR)

    bob_document = json.loads(bob_receipt.path.read_text(encoding="utf-8"))
    assert bob_document["trainee_id"] == "bob"
    assert all(entry["answers"] == {} for entry in bob_document["quizzes"].values())
    assert bob_receipt.path.is_relative_to(home)
    assert bob_receipt.path.name != alice_submission.name
    assert {path: path.read_bytes() for path in all_files(alice_home)} == alice_files


def test_skinlessons_home_moves_everything_out_of_the_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With $SKINLESSONS_HOME set on the hub, the home folder stays empty."""
    home = isolate_trainee(monkeypatch, tmp_path)
    configured = tmp_path / "persistent" / "trainee07"
    monkeypatch.setenv(HOME_ENV, str(configured))
    monkeypatch.setenv(HUB_USER_ENV, "trainee07")

    make_quiz_widget(FINAL_QUIZ, course=COURSE_DIR).session.set_response(
        "fixture-final-agent", "glycolic"
    )
    receipt = submit(COURSE_DIR)

    assert all_files(home) == []
    assert receipt.path.is_relative_to(configured)
    assert sorted(path.name for path in all_files(configured)) == [
        "answers.jsonl",
        receipt.path.name,
    ]
