"""``grade_folder`` end to end on a hand-worked cohort: scores, statistics, idempotence,
supersede, regrade after a key fix, overrides and the roster."""

from __future__ import annotations

import csv
import os
import re
import shutil
from pathlib import Path

import pytest

from skinlessons.errors import ContentErrors
from skinlessons.gradebook.summary import DUPLICATE, GRADED, REJECTED, SUPERSEDED
from testkit.gradebook import (
    COHORT,
    COURSE,
    FINAL,
    FINAL_IDS,
    LESSON,
    final_answers,
    final_scores,
    make_submission,
    rows,
    run_grade,
    write_json,
)

DATA_TABLES = (
    "trainees",
    "submissions",
    "submission_quizzes",
    "responses",
    "item_scores",
    "quiz_scores",
)


def _report_rows(out: Path) -> dict[str, tuple[str, str, str, str]]:
    html = (out / "item_analysis.html").read_text(encoding="utf-8")
    pattern = (
        r'<th scope="row">(gradebook-[a-z-]+)(?: \(must-pass\))?<br>.*?</th>'
        r'<td class="num">([^<]*)</td><td class="num">([^<]*)</td>'
        r'<td class="num">([^<]*)</td><td>([^<]*)</td>'
    )
    return {m[0]: m[1:] for m in re.findall(pattern, html, flags=re.S)}


def _dump(out: Path) -> dict[str, list[tuple[object, ...]]]:
    return {table: sorted(rows(out, f"SELECT * FROM {table}")) for table in DATA_TABLES}


def test_hand_worked_cohort_scores_and_statistics(cohort: Path, tmp_path: Path) -> None:
    """Scores, pass decisions and the report's statistics are the hand-worked numbers."""
    out = tmp_path / "out"
    run = run_grade(cohort, out)
    assert final_scores(out) == {
        "ana": (4, 4, 1),
        "ben": (3, 4, 1),
        "cai": (2, 4, 0),
        "dee": (2, 4, 0),
        "eve": (0, 4, 0),
    }
    assert {o.trainee_id: o.status for o in run.outcomes} == {
        "ana": "pass",
        "ben": "pass",
        "cai": "fail",
        "dee": "fail",
        "eve": "fail: must-pass",
    }
    # Facility %, discrimination x 100 and alpha x 100 from the hand working.
    assert _report_rows(out) == {
        FINAL_IDS[0]: ("5", "80", "68.64", "too few answers to judge"),
        FINAL_IDS[1]: ("5", "60", "48.04", "too few answers to judge"),
        FINAL_IDS[2]: ("5", "60", "48.04", "too few answers to judge"),
        FINAL_IDS[3]: ("5", "20", "45.64", "too few answers to judge"),
        "gradebook-free-acid": ("1", "100", "—", "too few answers to judge"),
        "gradebook-horny-layer": ("0", "0", "—", "too few answers to judge"),
    }
    html = (out / "item_analysis.html").read_text(encoding="utf-8")
    assert "Cronbach's alpha × 100: 72.73." in html
    assert sorted(p.name for p in (out / "certificates").iterdir()) == sorted(
        p.name for p in (out / "feedback").iterdir() if p.name.startswith(("ana-", "ben-"))
    )


def test_grading_twice_gives_the_same_rows(cohort: Path, tmp_path: Path) -> None:
    """Idempotent: a second run over the same folder leaves every data row as it was."""
    out = tmp_path / "out"
    run_grade(cohort, out)
    before = _dump(out)
    run = run_grade(cohort, out)
    assert _dump(out) == before
    assert [f.status for f in run.files] == [GRADED] * 5
    assert rows(out, "SELECT COUNT(*) FROM runs") == [(2,)]


def test_later_submission_supersedes_by_last_seq_not_file_time(
    cohort: Path, tmp_path: Path
) -> None:
    """The larger last_seq counts, even when the older file is newer on disk; both are kept."""
    later = make_submission("cai", final_answers("1111"), first_seq=50)
    write_json(cohort, "a-cai-resubmitted.json", later)
    older = cohort / "cai.json"
    stamp = older.stat().st_mtime + 3600
    os.utime(older, (stamp, stamp))
    out = tmp_path / "out"
    run = run_grade(cohort, out)
    assert final_scores(out)["cai"] == (4, 4, 1)
    status = {f.source: (f.status, f.reason) for f in run.files}
    assert status["a-cai-resubmitted.json"] == (GRADED, "")
    assert status["cai.json"][0] == SUPERSEDED
    assert "superseded by a-cai-resubmitted.json (last_seq 53 > 4)" in status["cai.json"][1]
    assert rows(out, "SELECT COUNT(*) FROM submissions WHERE trainee_id = 'cai'") == [(2,)]


def test_copy_of_a_file_is_a_duplicate(cohort: Path, tmp_path: Path) -> None:
    """The same content twice is graded once; the copy is listed as a duplicate."""
    shutil.copy(cohort / "ana.json", cohort / "copy-of-ana.json")
    run = run_grade(cohort, tmp_path / "out")
    status = {f.source: (f.status, f.reason) for f in run.files}
    assert status["copy-of-ana.json"] == (DUPLICATE, "same content as ana.json; counted once")
    assert len(run.files) == 6


def test_key_fix_changes_every_affected_score(cohort: Path, tmp_path: Path) -> None:
    """After the key of one question is corrected, re-running regrades stored submissions."""
    course = tmp_path / "course"
    shutil.copytree(COURSE, course)
    out = tmp_path / "out"
    run_grade(cohort, out, course=course)
    final_file = course / "quizzes" / f"{FINAL}.yaml"
    text = final_file.read_text(encoding="utf-8")
    head, tail = text.split("id: gradebook-isotretinoin")
    final_file.write_text(
        head + "id: gradebook-isotretinoin" + tail.replace("key: true", "key: false")
    )
    empty = tmp_path / "nothing-new"
    empty.mkdir()
    run_grade(empty, out, course=course)  # no file at all: the stored ones are regraded
    assert final_scores(out) == {
        "ana": (3, 4, 1),
        "ben": (4, 4, 1),
        "cai": (3, 4, 1),
        "dee": (3, 4, 1),
        "eve": (1, 4, 0),
    }


def test_overrides_void_and_accept_are_applied_and_recorded(cohort: Path, tmp_path: Path) -> None:
    """Voiding removes a question from score and max; accept gives credit for another answer."""
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(
        f"void:\n  - question: {FINAL_IDS[3]}\n    reason: ambiguous stem\n"
        f"accept:\n  - question: {FINAL_IDS[2]}\n    answer: true\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run = run_grade(cohort, out, overrides=overrides)
    # Q4 voided (max 3); Q3 now right for every answer (true was wrong, false is the key).
    assert final_scores(out) == {
        "ana": (3, 3, 1),
        "ben": (3, 3, 1),
        "cai": (3, 3, 1),
        "dee": (2, 3, 0),
        "eve": (1, 3, 0),
    }
    recorded = rows(out, "SELECT question_id, action, detail FROM overrides_applied ORDER BY 2")
    assert recorded == [
        (FINAL_IDS[2], "accept", "also accept True"),
        (FINAL_IDS[3], "void", "ambiguous stem"),
    ]
    assert rows(out, "SELECT COUNT(*) FROM item_scores WHERE question_id = ?", FINAL_IDS[3]) == [
        (0,)
    ]
    assert "Override applied: void gradebook-isotretinoin: ambiguous stem" in run.summary_lines()


def test_bad_overrides_stop_the_run_with_the_line(cohort: Path, tmp_path: Path) -> None:
    """An unknown question or an answer of the wrong shape is a located error; nothing is graded."""
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(
        "void:\n  - question: no-such-question\naccept:\n"
        f"  - question: {FINAL_IDS[0]}\n    answer: [1, 2]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as caught:
        run_grade(cohort, tmp_path / "out", overrides=overrides)
    text = str(caught.value)
    assert "overrides.yaml:2: unknown question 'no-such-question'" in text
    assert "overrides.yaml:5: answer [1, 2] does not fit question" in text
    assert not (tmp_path / "out" / "gradebook.sqlite").exists()


def test_roster_maps_ids_flags_unknown_and_lists_non_submitters(
    cohort: Path, tmp_path: Path
) -> None:
    """Rostered trainees get LMS identities; unknown ids and non-submitters are listed."""
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "\ufefftrainee_id,username,id_number,name,canvas_id,sis_user_id,sis_login_id,section\n"
        "ana,ana.m,1001,Ana Maria,501,S1001,ana.m,Evening\n"
        "ben,ben.k,1002,Ben Kay,502,S1002,ben.k,Evening\n"
        "cai,cai.l,1003,Cai Li,503,S1003,cai.l,Day\n"
        "dee,dee.o,1004,Dee O,504,S1004,dee.o,Day\n"
        "zed,zed.q,1099,Zed Q,599,S1099,zed.q,Day\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run = run_grade(cohort, out, roster=roster)
    assert run.roster_check.unknown_ids == ["eve"]
    assert [e.trainee_id for e in run.roster_check.non_submitters] == ["zed"]
    with open(out / "grades_moodle.csv", encoding="utf-8", newline="") as handle:
        moodle = list(csv.DictReader(handle))
    # No email in this roster, so no blank "Email address" column: Moodle would give a blank
    # row's grade to the row above (test_lms_grade_import explains it from the importer).
    assert list(moodle[0]) == [
        "Username",
        "ID number",
        "Full name",
        "Final assessment",
        "Percentage",
        "Status",
    ]
    assert [
        (r["Username"], r["ID number"], r["Final assessment"], r["Percentage"], r["Status"])
        for r in moodle
    ] == [
        ("ana.m", "1001", "4", "100", "pass"),
        ("ben.k", "1002", "3", "75", "pass"),
        ("cai.l", "1003", "2", "50", "fail"),
        ("dee.o", "1004", "2", "50", "fail"),
    ]
    with open(out / "grades_canvas.csv", encoding="utf-8", newline="") as handle:
        canvas = list(csv.reader(handle))
    assert canvas[0] == [
        "Student",
        "ID",
        "SIS User ID",
        "SIS Login ID",
        "Section",
        "Final assessment",
    ]
    assert canvas[1] == ["Points Possible", "", "", "", "", "4"]
    assert canvas[2] == ["Ana Maria", "501", "S1001", "ana.m", "Evening", "4"]
    with open(out / "roster_check.csv", encoding="utf-8", newline="") as handle:
        check = list(csv.reader(handle))
    assert check[1:] == [
        ["eve", "", "submitted, but not on the roster: match the id by hand"],
        ["zed", "Zed Q", "on the roster, but no submission was received"],
    ]
    assert "No submission from: zed Zed Q" in run.summary_lines()


def test_formative_progress_is_separate_and_never_counted(cohort: Path, tmp_path: Path) -> None:
    """Lesson answers appear in formative_progress.csv only; the final's score ignores them."""
    out = tmp_path / "out"
    run_grade(cohort, out)
    with open(out / "formative_progress.csv", encoding="utf-8", newline="") as handle:
        progress = list(csv.DictReader(handle))
    assert list(progress[0]) == [
        "Trainee ID",
        "Quiz",
        "Answered",
        "Questions",
        "Score",
        "Max points",
        "Percentage",
        "Checks",
    ]
    ana = [r for r in progress if r["Trainee ID"] == "ana"]
    assert ana == [
        {
            "Trainee ID": "ana",
            "Quiz": LESSON,
            "Answered": "1",
            "Questions": "2",
            "Score": "1",
            "Max points": "2",
            "Percentage": "50",
            "Checks": "1",
        }
    ]
    assert final_scores(out)["ana"] == (4, 4, 1)


def test_unknown_version_and_removed_question_grade_what_can_be_graded(tmp_path: Path) -> None:
    """An old quiz version and an answer to a removed question: the rest is graded, and noted."""
    document = make_submission("old", final_answers("1111"))
    document["quizzes"][FINAL]["quiz_version"] = "0123456789abcdef"
    document["quizzes"][FINAL]["answers"]["gradebook-removed"] = {
        "response": True,
        "seq": 9,
        "attempts": 1,
        "first_response": True,
    }
    document["quizzes"]["99_gone"] = {"quiz_version": "x", "kind": "formative", "answers": {}}
    folder = tmp_path / "in"
    write_json(folder, "old.json", document)
    out = tmp_path / "out"
    run = run_grade(folder, out)
    assert final_scores(out)["old"] == (4, 4, 1)
    page = next((out / "feedback").iterdir()).read_text(encoding="utf-8")
    assert "was answered in version &#39;0123456789abcdef&#39;" in page
    assert "no longer has were not graded: gradebook-removed" in page
    assert "quizzes the course does not have were not graded: 99_gone" in page
    assert [f.status for f in run.files] == [GRADED]


def test_every_file_is_accounted_for_and_nothing_is_written_outside_out(
    cohort: Path, tmp_path: Path
) -> None:
    """Graded, rejected and nested files all appear in files.csv; only --out changes."""
    (cohort / "nested" / "..hidden").mkdir(parents=True)
    (cohort / "nested" / "..hidden" / "x\u202eevil.json").write_text("{}", encoding="utf-8")
    (cohort / "notes.txt").write_text("not a submission", encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    out = tmp_path / "out"
    run = run_grade(cohort, out)
    after = sorted(p for p in tmp_path.rglob("*") if out not in p.parents and p != out)
    assert after == before
    with open(out / "files.csv", encoding="utf-8", newline="") as handle:
        logged = {r["File"]: r["Status"] for r in csv.DictReader(handle)}
    assert logged == {
        **{f"{t}.json": GRADED for t in COHORT},
        "nested/..hidden/x\\u202eevil.json": REJECTED,
        "notes.txt": REJECTED,
    }
    assert run.count(REJECTED) == 2


def test_output_folder_inside_the_submissions_is_not_read_back(cohort: Path) -> None:
    """--out inside the submissions folder is skipped when reading files."""
    run_grade(cohort, cohort / "graded")
    run = run_grade(cohort, cohort / "graded")
    assert len(run.files) == 5
