"""Feedback pages, certificates, escaping, --forget and the ``skinlessons grade`` command."""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

from click.testing import CliRunner
from markupsafe import escape

from skinlessons.cli import main
from skinlessons.gradebook.regrade import Grader
from skinlessons.logic.variants import realise_quiz
from skinlessons.quiz.grading import grade_quiz
from skinlessons.quiz.loader import load_quiz_files
from skinlessons.submission.trainee_ids import trainee_slug
from testkit.gradebook import (
    COURSE,
    GRADED_ON,
    final_answers,
    make_submission,
    rows,
    run_grade,
    write_json,
)

ODD_ID = "<script>alert('x')</script>שרה👩‍⚕️"
ODD_NAME = 'Zoe\u0308 <b>כהן</b> 🧴 & "Co"'


def _odd_cohort(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    write_json(
        folder,
        "odd.json",
        make_submission(
            ODD_ID,
            final_answers("1111"),
            {
                "gradebook-horny-layer": "<img src=x onerror=alert(1)> طبقة",
            },
        ),
    )
    write_json(folder, "miss.json", make_submission("miss", final_answers("0111")))
    roster = tmp_path / "roster.csv"
    quoted_name = ODD_NAME.replace('"', '""')
    roster.write_text(
        f'trainee_id,name\n"{ODD_ID}","{quoted_name}"\nmiss,Miss Take\n', encoding="utf-8"
    )
    return folder, roster


def test_markup_ids_and_names_are_stored_exactly_and_escaped(tmp_path: Path) -> None:
    """Ids and names with markup, RTL text, emoji and combining marks: exact in the gradebook,
    escaped on every page, and never part of a file name."""
    folder, roster = _odd_cohort(tmp_path)
    out = tmp_path / "out"
    run_grade(folder, out, roster=roster)
    assert rows(out, "SELECT trainee_id FROM trainees ORDER BY 1") == [(ODD_ID,), ("miss",)]
    stored = rows(out, "SELECT response FROM responses WHERE question_id = 'gradebook-horny-layer'")
    assert json.loads(stored[0][0]) == "<img src=x onerror=alert(1)> طبقة"
    name = f"{trainee_slug(ODD_ID)}.html"
    assert name.startswith("script-alert-x-script-")
    for page in (out / "feedback" / name, out / "certificates" / name):
        text = page.read_text(encoding="utf-8")
        assert "<script>" not in text and "<b>" not in text and "<img" not in text
        assert str(escape(ODD_NAME)) in text
        assert str(escape(ODD_ID)) in text
        assert ODD_NAME in html.unescape(text)
    report = (out / "item_analysis.html").read_text(encoding="utf-8")
    assert "<script" not in report


def test_feedback_page_shows_must_pass_objectives_and_what_to_review(tmp_path: Path) -> None:
    """A missed must-pass item says to review it with the instructor; explanations and
    references are shown for each missed question; no certificate without a pass."""
    folder, roster = _odd_cohort(tmp_path)
    out = tmp_path / "out"
    run_grade(folder, out, roster=roster)
    page = (out / "feedback" / f"{trainee_slug('miss')}.html").read_text(encoding="utf-8")
    assert "<h1>Feedback on the Grading final assessment: <bdi>Miss Take</bdi></h1>" in page
    assert "Your score: <strong>3 of 4 points (75 %)</strong>" in page
    assert "Result: <strong>Not passed: a must-pass item was missed</strong>" in page
    assert "Each one must be reviewed with your instructor before you can pass" in page
    assert '<span class="missed">Not met</span>: review this item with your instructor.' in page
    assert "Why: Active herpes simplex is a contraindication" in page
    assert (
        '<th scope="row">LO2</th>' in page
        and '<td class="num">1</td><td class="num">2</td>' in page
    )
    assert 'Your answer: <span class="answer">False</span>' in page
    assert not (out / "certificates" / f"{trainee_slug('miss')}.html").exists()
    certificate = (out / "certificates" / f"{trainee_slug(ODD_ID)}.html").read_text(
        encoding="utf-8"
    )
    assert "1.25 hours of study (75 minutes over 2 lessons)" in certificate
    assert f"Date: {GRADED_ON}" in certificate


def test_forget_removes_the_trainee_everywhere_in_out(tmp_path: Path) -> None:
    """--forget deletes the rows, the pages and the trainee lists; others are kept."""
    folder, roster = _odd_cohort(tmp_path)
    out = tmp_path / "out"
    run_grade(folder, out, roster=roster)
    result = CliRunner().invoke(main, ["grade", str(folder), "--out", str(out), "--forget", "miss"])
    assert result.exit_code == 0, result.output
    assert "Removed 1 submission(s) of miss" in result.stdout
    assert (
        "Delete this submission file too, or the next run adds it back: miss.json" in result.stdout
    )
    assert rows(out, "SELECT trainee_id FROM trainees") == [(ODD_ID,)]
    assert rows(out, "SELECT DISTINCT trainee_id FROM submissions") == [(ODD_ID,)]
    for table in ("submission_quizzes", "responses", "item_scores", "quiz_scores"):
        orphans = rows(
            out,
            f"SELECT COUNT(*) FROM {table} WHERE submission_hash NOT IN "
            "(SELECT submission_hash FROM submissions)",
        )
        assert orphans == [(0,)], table
    assert rows(out, "SELECT COUNT(*) FROM responses") != [(0,)]
    assert not (out / "feedback" / f"{trainee_slug('miss')}.html").exists()
    assert not (out / "grades_moodle.csv").exists()
    assert (out / "feedback" / f"{trainee_slug(ODD_ID)}.html").exists()


def test_grade_command_exits_0_with_rejected_files_and_lists_them(tmp_path: Path) -> None:
    """The batch ran: exit 0, the summary names each rejected file and its reason."""
    folder = tmp_path / "in"
    write_json(folder, "ok.json", make_submission("ok", final_answers("1111")))
    (folder / "lesson.ipynb").write_text('{"cells": []}', encoding="utf-8")
    args = ["grade", str(folder), "--out", str(tmp_path / "out"), "--course", str(COURSE)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "2 file(s) read: 1 graded, 0 superseded, 0 duplicate, 1 rejected." in result.stdout
    assert "Rejected: lesson.ipynb: this is a notebook, not a submission" in result.stdout


def test_grade_command_exits_1_when_grading_cannot_run(tmp_path: Path) -> None:
    """A gradebook file that is not SQLite: 'Error: ...' with the fix, exit 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "gradebook.sqlite").write_bytes(b"this is not a database" * 100)
    args = ["grade", str(folder), "--out", str(out), "--course", str(COURSE)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "cannot be used as a gradebook" in result.stderr and "Fix:" in result.stderr
    same = CliRunner().invoke(
        main, ["grade", str(folder), "--out", str(folder), "--course", str(COURSE)]
    )
    assert same.exit_code == 1 and "is the submissions folder itself" in same.stderr
    missing = CliRunner().invoke(main, ["grade", str(tmp_path / "nope")])
    assert missing.exit_code == 2


def test_grader_aggregates_exactly_like_grade_quiz() -> None:
    """The memoised grader gives the same QuizResult as quiz.grading.grade_quiz."""
    quizzes = {quiz.id: quiz for quiz in load_quiz_files(Path(__file__).parents[2])}
    grader = Grader(quizzes)
    # Template questions are graded as the trainee's realised variant, never raw.
    quizzes = {quiz_id: realise_quiz(quiz, "jdoe")[0] for quiz_id, quiz in quizzes.items()}
    rng = random.Random(7)
    for _ in range(30):
        for quiz in quizzes.values():
            responses = {}
            for question in quiz.questions:
                key = question.key_value()
                wrong = None if rng.random() < 0.3 else "nonsense"
                responses[question.id] = key if rng.random() < 0.6 else wrong
            responses = {
                qid: (r.value if hasattr(r, "value") else r) for qid, r in responses.items()
            }
            assert grader.grade_quiz(quiz, responses) == grade_quiz(quiz, responses)
