"""A grading run killed with SIGKILL leaves a consistent gradebook; a re-run completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .gradebook_support import COURSE, FINAL, GRADED_ON, final_answers, make_submission, write_json

TRAINEES = 600
QUESTIONS_PER_SUBMISSION = 6  # 4 in the final + 2 in the lesson check
SCRIPT = """
import sys
from pathlib import Path
from skinlessons.gradebook import GradeOptions, grade_folder
grade_folder(GradeOptions(submissions=Path(sys.argv[1]), out=Path(sys.argv[2]),
                          course=Path(sys.argv[3]), graded_on=sys.argv[4]))
"""


def _stored(out: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{out / 'gradebook.sqlite'}?mode=ro", uri=True)
        try:
            return int(connection.execute("SELECT COUNT(*) FROM submissions").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def _check_consistent(out: Path) -> int:
    """Every stored submission is whole: its answers and a score for every question."""
    connection = sqlite3.connect(out / "gradebook.sqlite")
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        broken = connection.execute(
            "SELECT s.submission_hash FROM submissions s WHERE s.answer_count != "
            "(SELECT COUNT(*) FROM responses r WHERE r.submission_hash = s.submission_hash) "
            "OR (SELECT COUNT(*) FROM item_scores i WHERE i.submission_hash = s.submission_hash) "
            f"!= {QUESTIONS_PER_SUBMISSION} "
            "OR NOT EXISTS (SELECT 1 FROM quiz_scores q "
            f"WHERE q.submission_hash = s.submission_hash AND q.quiz_id = '{FINAL}')"
        ).fetchall()
        assert broken == []
        return int(connection.execute("SELECT COUNT(*) FROM submissions").fetchone()[0])
    finally:
        connection.close()


def test_killed_run_leaves_a_consistent_gradebook_and_rerun_completes(tmp_path: Path) -> None:
    """SIGKILL after writing started: no half-written submission; the next run adds the rest."""
    folder = tmp_path / "in"
    lesson = {"gradebook-free-acid": "half", "gradebook-horny-layer": "horny layer"}
    for number in range(TRAINEES):
        marks = format(number % 16, "04b")
        document = make_submission(f"t{number:04d}", final_answers(marks), lesson)
        write_json(folder, f"t{number:04d}.json", document)
    out = tmp_path / "out"
    args = [sys.executable, "-c", SCRIPT, str(folder), str(out), str(COURSE), GRADED_ON]
    process = subprocess.Popen(args, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 120
        while _stored(out) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    stored_after_kill = _check_consistent(out)
    assert 0 < stored_after_kill < TRAINEES, "the kill should land while files are being stored"
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert _check_consistent(out) == TRAINEES
