"""Helpers for the gradebook tests: the tiny grading course and submission files made with
the project's own submission builder."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from skinlessons.cli import main
from skinlessons.gradebook import GradeOptions, GradeRun, grade_folder
from skinlessons.names import HOME_ENV, MODE_ENV
from skinlessons.quiz.loader import load_quiz_files
from skinlessons.quiz.models import (
    AnyQuestion,
    Matching,
    MultipleAnswers,
    Numeric,
    Ordering,
    SingleChoice,
    TrueFalse,
)
from skinlessons.quiz.projection import quiz_version
from skinlessons.trainee.recording import AnswerEvent, open_recorder
from skinlessons.trainee.submit import build_submission

COURSE = Path(__file__).parents[1] / "files" / "course_gradebook"
"""Final '29_grading_final' (4 true/false, the first must-pass, pass mark 75 %) and a
formative '20_grading_lesson' (single choice + short text)."""
FINAL = "29_grading_final"
LESSON = "20_grading_lesson"
FINAL_IDS = (
    "gradebook-herpes-defer",
    "gradebook-ph-strength",
    "gradebook-salicylic-aha",
    "gradebook-isotretinoin",
)
FINAL_KEY = (True, True, False, True)
COHORT = {"ana": "1111", "ben": "1110", "cai": "1100", "dee": "1010", "eve": "0000"}
"""The cohort of tests/gradebook/test_item_analysis.py: rows A-E, columns the four final
questions (see :func:`final_answers`); the ``cohort`` fixture writes their submission files."""
GRADED_ON = "2026-12-01"


def final_answers(marks: str) -> dict[str, bool]:
    """Answers to the final from a mark string: '1' right, '0' wrong, '-' unanswered."""
    return {
        question_id: key if mark == "1" else not key
        for question_id, key, mark in zip(FINAL_IDS, FINAL_KEY, marks, strict=True)
        if mark != "-"
    }


def make_submission(
    trainee_id: str,
    final: Mapping[str, Any],
    lesson: Mapping[str, Any] | None = None,
    *,
    first_seq: int = 1,
    course: Path = COURSE,
) -> dict[str, Any]:
    """A submission document built by ``build_submission`` from an answer log."""
    quizzes = load_quiz_files(course)
    by_id = {quiz.id: quiz for quiz in quizzes}
    events = []
    seq = first_seq
    for quiz_id, answers in ((LESSON, lesson or {}), (FINAL, final)):
        version = quiz_version(by_id[quiz_id])
        for question_id, response in answers.items():
            is_check = quiz_id == LESSON
            events.append(AnswerEvent(seq, quiz_id, version, question_id, response, is_check))
            seq += 1
    document = build_submission(events, quizzes, trainee_id, created_at="2026-11-30T10:00:00Z")
    return document.to_json()


def write_json(folder: Path, name: str, document: object) -> Path:
    """Write a document as a submission file would be written."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def run_grade(submissions: Path, out: Path, **options: Any) -> GradeRun:
    """Grade with the test course (unless ``course`` is given) and a fixed date."""
    options.setdefault("course", COURSE)
    return grade_folder(
        GradeOptions(submissions=submissions, out=out, graded_on=GRADED_ON, **options)
    )


def rows(out: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of a query on the gradebook in ``out``."""
    connection = sqlite3.connect(out / "gradebook.sqlite")
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def final_scores(out: Path) -> dict[str, tuple[float, float, int]]:
    """Trainee id → (score, max, passed) of the final in each trainee's current submission."""
    found = rows(
        out,
        "SELECT c.trainee_id, q.score, q.max_points, q.passed FROM current_submissions c "
        "JOIN quiz_scores q USING (submission_hash) WHERE q.quiz_id = ?",
        FINAL,
    )
    return {trainee: (score, maximum, passed) for trainee, score, maximum, passed in found}


REAL_COURSE = Path(__file__).resolve().parents[2]
"""The course itself (its quizzes folder): corpora made from it follow every quiz edit."""


def _some_answer(question: AnyQuestion) -> Any:
    """A response of the question's shape (not necessarily right; it never reads the key)."""
    if isinstance(question, SingleChoice):
        return question.options[-1].id
    if isinstance(question, MultipleAnswers):
        return [question.options[0].id]
    if isinstance(question, TrueFalse):
        return True
    if isinstance(question, Numeric):
        return "7,5"
    if isinstance(question, Matching):
        return {prompt.id: question.matches[0].id for prompt in question.prompts}
    if isinstance(question, Ordering):
        return [item.id for item in reversed(question.items)]
    return "the top layer"


def submit_real(home: Path, trainee_id: str, out: Path, course: Path = REAL_COURSE) -> Path:
    """A submission file made as a trainee makes one: every question of ``course`` answered in
    the answer log of data folder ``home``, then ``skinlessons submit --trainee ... --out``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(HOME_ENV, str(home))
        patch.delenv(MODE_ENV, raising=False)
        log = open_recorder()
        for quiz in load_quiz_files(course):
            version = quiz_version(quiz)
            for question in quiz.questions:
                answer = _some_answer(question)
                log.record(quiz.id, version, question.id, answer, is_check=not quiz.is_summative)
        arguments = ["submit", "--course", str(course), "--trainee", trainee_id, "--out", str(out)]
        result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return out


def first_of_each_type(course: Path = REAL_COURSE) -> dict[str, tuple[str, AnyQuestion]]:
    """Question type → (quiz id, its first question of that type) in ``course``."""
    found: dict[str, tuple[str, AnyQuestion]] = {}
    for quiz in load_quiz_files(course):
        for question in quiz.questions:
            found.setdefault(question.type, (quiz.id, question))
    return found


def cli_process(*arguments: str) -> subprocess.CompletedProcess[str]:
    """``skinlessons ARGUMENTS`` in a fresh process, as a user runs it."""
    command = [sys.executable, "-c", "from skinlessons.cli import main; main()", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def grade_cli(submissions: Path, out: Path, *extra: str, course: Path = REAL_COURSE) -> Any:
    """``skinlessons grade`` in a fresh process, as an instructor runs it."""
    return cli_process(
        "grade", str(submissions), "--out", str(out), "--course", str(course), *extra
    )


def grade_in_process(
    submissions: Path, out: Path, *extra: str, course: Path = REAL_COURSE
) -> Result:
    """``skinlessons grade`` through the command line, in this process (faster, same code)."""
    arguments = ["grade", str(submissions), "--out", str(out), "--course", str(course), *extra]
    return CliRunner().invoke(main, arguments)


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file written by ``grade``, as dictionaries."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
