"""End to end: the trainee release installs with the README's command and its answers grade."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.logic.variants import shown_quiz
from skinlessons.quiz.grading import grade_quiz
from skinlessons.quiz.loader import load_course_quizzes
from skinlessons.quiz.models import AnyQuestion
from skinlessons.release import build_release
from testkit.release import FINAL, ROOT, wheelhouse

pytestmark = pytest.mark.slow

# Runs inside the trainee's fresh environment: a formative Check gives feedback, then the
# final assessment's answers (given as JSON in argv[1]) are recorded through the package API.
TRAINEE_SCRIPT = """
import json, sys
from skinlessons.trainee.identity import set_trainee_id
from skinlessons.quiz.loader import load_course_quizzes
from skinlessons.quiz.projection import quiz_version
from skinlessons.trainee.recording import open_recorder
from skinlessons.trainee.session import QuizSession

course = load_course_quizzes()
lesson = course.quizzes["03_chemical"]
question = next(q for q in lesson.questions if q.type == "single_choice")
session = QuizSession(lesson, open_recorder(), quiz_version=quiz_version(lesson))
session.set_response(question.id, question.key)
feedback = session.check(question.id)
final = course.quizzes["08_final_assessment"]
set_trainee_id("jdoe")
final_session = QuizSession(final, open_recorder(), quiz_version=quiz_version(final))
for question_id, response in json.loads(sys.argv[1]).items():
    final_session.set_response(question_id, response)
print(json.dumps({"status": feedback.status, "final_key_free": final.key_free,
                  "course_root": str(course.root)}))
"""


def _correct_response(question: AnyQuestion) -> Any:
    key = question.key_value()
    if question.type == "numeric":
        return str(key.value).replace(".", ",")  # a decimal comma, as a trainee may type
    if question.type == "short_text":
        return key[0]
    return key


def _readme_command(readme: str) -> str:
    """The Linux/macOS install line of the trainee README."""
    block = re.search(r"Linux or macOS:\n\n```sh\n(.+?)\n```", readme)
    assert block, "the README has no Linux/macOS install block"
    return block.group(1)


def test_release_installs_checks_submits_and_grades(tmp_path: Path) -> None:
    """README install in a fresh venv; a Check gives feedback; the submission grades in full."""
    archive = build_release(ROOT, out=tmp_path / "dist").path
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp_path / "unpacked")
    folder = next((tmp_path / "unpacked").iterdir())
    command = _readme_command((folder / "README.md").read_text(encoding="utf-8"))
    assert command.startswith("python3 -m venv .venv && ")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SKINLESSONS_", "VIRTUAL_"))}
    env.pop("PYTHONPATH", None)  # a trainee's fresh environment: nothing points at the checkout
    env["SKINLESSONS_HOME"] = str(tmp_path / "home")
    install = command.replace("python3 ", f"{sys.executable} ", 1)
    (bundled,) = (folder / "wheels").glob("skinlessons-*.whl")
    offline = {
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse(bundled)),
        "PIP_NO_COMPILE": "1",  # byte-compiling every dependency takes long and proves nothing
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    done = subprocess.run(
        install,
        shell=True,
        cwd=folder,
        env={**env, **offline},  # the README's command, with the dependencies from build/
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    python = folder / ".venv" / "bin" / "python"
    probe = [str(python), "-c", "import skinlessons, sys; print(skinlessons.__file__)"]
    location = subprocess.run(
        probe, capture_output=True, text=True, check=True, cwd=tmp_path, env=env
    )
    assert str(folder / ".venv") in location.stdout  # the installed wheel, not the checkout

    shown = shown_quiz(load_course_quizzes(ROOT).quizzes[FINAL], "jdoe")  # jdoe's draw, variants
    answers = {question.id: _correct_response(question) for question in shown.questions}
    ran = subprocess.run(
        [str(python), "-c", TRAINEE_SCRIPT, json.dumps(answers)],
        cwd=folder / "notebooks",  # the course is found by walking up, as in a lesson
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    result = json.loads(ran.stdout.strip().splitlines()[-1])
    assert result == {"status": "correct", "final_key_free": True, "course_root": str(folder)}

    submit = subprocess.run(
        [str(folder / ".venv" / "bin" / "skinlessons"), "submit"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert submit.returncode == 0, submit.stderr
    submissions = tmp_path / "home" / "submissions"
    (submission,) = submissions.glob("submission-*.json")
    document = json.loads(submission.read_text(encoding="utf-8"))
    responses = {qid: a["response"] for qid, a in document["quizzes"][FINAL]["answers"].items()}
    graded = grade_quiz(shown, responses)
    assert graded.score == graded.max_points and graded.must_pass_failed == []

    outcome = CliRunner().invoke(
        main, ["grade", str(submissions), "--course", str(ROOT), "--out", str(tmp_path / "graded")]
    )
    assert outcome.exit_code == 0, outcome.output
    assert "1 file(s) read: 1 graded, 0 superseded, 0 duplicate, 0 rejected." in outcome.stdout
    assert "1 passed the final assessment." in outcome.stdout
