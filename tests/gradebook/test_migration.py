"""An instructor's existing ``--out`` folder keeps working: a gradebook of schema version 3
(rows keyed by the submission hash) is migrated to integer submission keys, keeps every row,
and grades to the same outputs as a gradebook that was never migrated."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from skinlessons.gradebook.forget import forget_trainee
from skinlessons.gradebook.schema import SCHEMA_VERSION
from skinlessons.quiz.loader import load_quiz_files
from skinlessons.quiz.projection import quiz_version
from skinlessons.trainee.recording import AnswerEvent
from skinlessons.trainee.submit import build_submission
from testkit.gradebook import final_answers, make_submission, rows, run_grade, write_json
from testkit.old_gradebook import downgrade

OLD_TABLES = (
    "trainees",
    "submissions",
    "submission_quizzes",
    "responses",
    "item_scores",
    "quiz_scores",
    "variants",
)
"""Every data table of version 3; version 4 keeps each name (as a table or a view)."""
ROW_TABLES = (
    "submission_quiz_rows",
    "response_rows",
    "item_score_rows",
    "quiz_score_rows",
    "variant_rows",
)
TEMPLATES = Path(__file__).parents[1] / "files" / "course_templates"


def _cohort(folder: Path) -> Path:
    """Five trainees, one with a lesson check and one who handed in twice."""
    for trainee, marks in {"ana": "1111", "ben": "1110", "cai": "1100", "eve": "0-00"}.items():
        lesson = {"gradebook-free-acid": "half"} if trainee == "ana" else None
        write_json(
            folder, f"{trainee}.json", make_submission(trainee, final_answers(marks), lesson)
        )
    later = make_submission("cai", final_answers("1111"), first_seq=50)
    write_json(folder, "cai-again.json", later)
    return folder


def _old_rows(out: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every version 3 table, as a version 3 query reads it (no submission_id)."""
    found = {}
    for table in OLD_TABLES:
        names = [row[1] for row in rows(out, f"PRAGMA table_info({table})")]
        columns = ", ".join(name for name in names if name != "submission_id")
        found[table] = sorted(rows(out, f"SELECT {columns} FROM {table}"))
    return found


def _outputs(out: Path) -> dict[str, bytes]:
    """Every file a run writes but the gradebook itself."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and not path.name.startswith("gradebook.sqlite")
    }


def _kind(out: Path, name: str) -> str:
    return str(rows(out, "SELECT type FROM sqlite_master WHERE name = ?", name)[0][0])


def test_a_version_3_gradebook_is_migrated_with_every_row_and_grades_the_same(
    tmp_path: Path,
) -> None:
    folder = _cohort(tmp_path / "in")
    fresh, old = tmp_path / "fresh", tmp_path / "old"
    run_grade(folder, fresh)
    shutil.copytree(fresh, old)
    downgrade(old, 3)
    assert rows(old, "SELECT MAX(version) FROM schema_version") == [(3,)]
    assert _kind(old, "item_scores") == "table"
    before = _old_rows(old)
    assert before == _old_rows(fresh)
    assert len(before["responses"]) > 10 and len(before["submissions"]) == 5

    run_grade(folder, fresh)
    old_run = run_grade(folder, old)
    assert rows(old, "SELECT MAX(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    assert _kind(old, "item_scores") == "view"
    assert _old_rows(old) == before  # every row kept, and regraded to the same scores
    assert _outputs(old) == _outputs(fresh)  # CSV files, pages, certificates, report
    assert {f.source: f.status for f in old_run.files}["cai.json"] == "superseded"
    assert rows(old, "PRAGMA integrity_check") == [("ok",)]
    assert rows(old, "PRAGMA foreign_key_check") == []
    queries = rows(
        old,
        "SELECT c.trainee_id, q.score FROM current_submissions c JOIN quiz_scores q "
        "USING (submission_hash) WHERE q.quiz_id = '29_grading_final' ORDER BY 1",
    )  # a version 3 query, unchanged
    assert queries == [("ana", 4.0), ("ben", 3.0), ("cai", 4.0), ("eve", 0.0)]


def test_forgetting_a_trainee_in_a_migrated_gradebook_removes_every_row(tmp_path: Path) -> None:
    folder = _cohort(tmp_path / "in")
    out = tmp_path / "out"
    run_grade(folder, out)
    downgrade(out, 3)
    run_grade(folder, out)
    numbers = [
        n for (n,) in rows(out, "SELECT submission_id FROM submissions WHERE trainee_id = 'cai'")
    ]
    assert len(numbers) == 2
    forget_trainee(out, "cai")
    for table in ROW_TABLES:
        held = rows(out, f"SELECT COUNT(*) FROM {table} WHERE submission_id IN (?, ?)", *numbers)
        assert held == [(0,)], table
    assert rows(out, "SELECT COUNT(*) FROM responses") != [(0,)]  # the others are kept
    assert "cai" not in {trainee for (trainee,) in rows(out, "SELECT trainee_id FROM trainees")}


def _template_document(trainee: str) -> dict[str, object]:
    """A submission of the template course answering its computed question (wrong is fine)."""
    quizzes = load_quiz_files(TEMPLATES)
    quiz = next(quiz for quiz in quizzes if quiz.id == "38_template_final")
    events = [
        AnswerEvent(1, quiz.id, quiz_version(quiz), "templates-free-acid", "3.5", False),
    ]
    return build_submission(events, quizzes, trainee, created_at="2026-11-30T10:00:00Z").to_json()


def test_the_stored_variants_survive_the_migration(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for trainee in ("ana", "ben"):
        write_json(folder, f"{trainee}.json", _template_document(trainee))
    out = tmp_path / "out"
    run_grade(folder, out, course=TEMPLATES)
    query = "SELECT submission_hash, quiz_id, question_id, parameters FROM variants ORDER BY 1"
    stored = rows(out, query)
    assert len(stored) == 2 and all(json.loads(row[3]) for row in stored)
    downgrade(out, 3)
    run_grade(folder, out, course=TEMPLATES)
    assert rows(out, query) == stored
    assert _kind(out, "variants") == "view"
