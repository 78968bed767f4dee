"""A grading run killed with SIGKILL leaves a consistent gradebook; a re-run completes it.

The kill is deterministic: the child process kills itself from the progress hook once it has
read and stored a set number of files, so the test never depends on when a signal lands.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from skinlessons.gradebook.lock import LOCK_FILE
from skinlessons.gradebook.store import STORE_BATCH
from testkit.gradebook import COURSE, FINAL, GRADED_ON, final_answers, make_submission, write_json

TRAINEES = 250
KILL_AFTER = 150
"""Files read before the child kills itself: one whole batch committed, half a batch not."""
QUESTIONS_PER_SUBMISSION = 6  # 4 in the final + 2 in the lesson check
SCRIPT = """
import os, signal, sys
from pathlib import Path
from skinlessons.gradebook import GradeOptions, grade_folder
kill_after = int(sys.argv[5])
def progress(done, total):
    if done == kill_after:
        os.kill(os.getpid(), signal.SIGKILL)
grade_folder(GradeOptions(submissions=Path(sys.argv[1]), out=Path(sys.argv[2]),
                          course=Path(sys.argv[3]), graded_on=sys.argv[4]), progress=progress)
"""


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
    """SIGKILL mid-batch: the committed batches are whole, the open one is gone entirely, the
    lock left behind is taken over, and the next run adds the rest."""
    folder = tmp_path / "in"
    lesson = {"gradebook-free-acid": "half", "gradebook-horny-layer": "horny layer"}
    for number in range(TRAINEES):
        marks = format(number % 16, "04b")
        document = make_submission(f"t{number:04d}", final_answers(marks), lesson)
        write_json(folder, f"t{number:04d}.json", document)
    out = tmp_path / "out"
    args = [sys.executable, "-c", SCRIPT, str(folder), str(out), str(COURSE), GRADED_ON]
    killed = subprocess.run([*args, str(KILL_AFTER)], capture_output=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (out / LOCK_FILE).exists()  # left by the killed run
    assert _check_consistent(out) == KILL_AFTER - KILL_AFTER % STORE_BATCH
    result = subprocess.run([*args, "0"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert _check_consistent(out) == TRAINEES
