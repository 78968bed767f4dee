"""Grading a pooled final: the grader's own draw, the sitting allowed, the store, report, Canvas."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

from skinlessons.errors import ContentErrors
from skinlessons.gradebook.item_analysis import ItemStats, analyse_items
from skinlessons.gradebook.pool_stats import pool_flags, slot_matrix
from skinlessons.gradebook.schema import MIGRATIONS
from skinlessons.quiz.draw import drawn_ids
from skinlessons.quiz.loader import load_quiz, load_quiz_files
from skinlessons.quiz.projection import quiz_version
from skinlessons.submission.parse import parse
from skinlessons.submission.trainee_ids import trainee_slug
from skinlessons.trainee.recording import AnswerEvent
from skinlessons.trainee.submit import build_submission
from testkit.gradebook import read_csv, rows, run_grade, write_json
from testkit.old_gradebook import downgrade

COURSE = Path(__file__).parents[1] / "files" / "course_pools"
QUIZ_ID = "39_pooled_final"
QUIZ = load_quiz(COURSE / "quizzes" / f"{QUIZ_ID}.yaml")
KEYS = {question.id: question.key for question in QUIZ.questions}


def _document(trainee_id: str, sitting: int = 1, *, every_question: bool = False) -> dict[str, Any]:
    """A submission made by ``build_submission``: every question of the draw answered right
    (``every_question``: every question of the bank, as a trainee who saw them all would)."""
    version = quiz_version(QUIZ)
    events = [
        AnswerEvent(seq, QUIZ_ID, version, question.id, KEYS[question.id], False)
        for seq, question in enumerate(QUIZ.questions, start=1)
    ]
    document = build_submission(
        events, load_quiz_files(COURSE), trainee_id, created_at="2026-11-30T10:00:00Z",
        sitting=sitting,
    )  # fmt: skip
    data = document.to_json()
    if every_question:
        answers = data["quizzes"][QUIZ_ID]["answers"]
        for event in events:
            answers.setdefault(event.question_id, {**next(iter(answers.values()))})
            answers[event.question_id]["response"] = event.response
    return data


def _grade(tmp_path: Path, documents: dict[str, Any], **options: Any) -> Path:
    folder = tmp_path / "in"
    for name, document in documents.items():
        write_json(folder, f"{name}.json", document)
    out = tmp_path / "out"
    run_grade(folder, out, course=COURSE, **options)
    return out


def _notes(out: Path) -> dict[str, str]:
    return {row["Trainee ID"]: row["Reason"] for row in read_csv(out / "files.csv")}


def test_submit_records_the_sitting_and_the_draw_and_keeps_only_its_answers() -> None:
    data = _document("jdoe")
    entry = data["quizzes"][QUIZ_ID]
    assert data["format_version"] == 2
    assert entry["sitting"] == 1
    assert entry["shown"] == drawn_ids(QUIZ, "jdoe")
    assert sorted(entry["answers"]) == sorted(entry["shown"])
    parsed = parse(data)
    assert not isinstance(parsed, str)
    assert parsed.quizzes[QUIZ_ID].shown == entry["shown"]


def test_the_grader_grades_its_own_draw_and_stores_what_was_shown(tmp_path: Path) -> None:
    out = _grade(tmp_path, {"ana": _document("ana"), "ben": _document("ben")})
    scores = rows(out, "SELECT c.trainee_id, q.score, q.max_points FROM current_submissions c "
                       "JOIN quiz_scores q USING (submission_hash)")  # fmt: skip
    assert sorted(scores) == [("ana", 3.0, 3.0), ("ben", 3.0, 3.0)]
    for trainee in ("ana", "ben"):
        items = rows(out, "SELECT i.question_id FROM item_scores i JOIN submissions s "
                          "USING (submission_hash) WHERE s.trainee_id = ?", trainee)  # fmt: skip
        assert sorted(qid for (qid,) in items) == sorted(drawn_ids(QUIZ, trainee))
        stored = rows(out, "SELECT q.sitting, q.shown FROM submission_quizzes q JOIN "
                           "submissions s USING (submission_hash) WHERE s.trainee_id = ?",
                      trainee)  # fmt: skip
        assert stored == [(1, json.dumps(drawn_ids(QUIZ, trainee)))]
    assert _notes(out)["ana"] == ""


def test_an_edited_draw_is_noted_and_the_extra_answers_are_not_graded(tmp_path: Path) -> None:
    data = _document("ana", every_question=True)
    data["quizzes"][QUIZ_ID]["shown"] = [question.id for question in QUIZ.questions]
    out = _grade(tmp_path, {"ana": data})
    assert rows(out, "SELECT score, max_points FROM quiz_scores") == [(3.0, 3.0)]
    note = _notes(out)["ana"]
    assert "the questions the file says were shown differ from this trainee's draw" in note
    undrawn = sorted(set(KEYS) - set(drawn_ids(QUIZ, "ana")))
    assert all(qid in note for qid in undrawn)


def test_a_version_1_file_grades_as_a_first_sitting(tmp_path: Path) -> None:
    data = _document("ana")
    data["format_version"] = 1
    for entry in data["quizzes"].values():
        entry.pop("sitting", None)
        entry.pop("shown", None)
    out = _grade(tmp_path, {"ana": data})
    assert rows(out, "SELECT score, max_points FROM quiz_scores") == [(3.0, 3.0)]
    assert rows(out, "SELECT sitting, shown FROM submission_quizzes") == [(1, "null")]
    assert _notes(out)["ana"] == ""


def _resit_in(trainee: str, sitting: int) -> list[str]:
    return drawn_ids(QUIZ, trainee, sitting)


def test_a_resit_not_allowed_is_graded_as_the_allowed_sitting(tmp_path: Path) -> None:
    trainee = next(t for t in (f"t{n}" for n in range(50)) if _resit_in(t, 2) != _resit_in(t, 1))
    out = _grade(tmp_path, {trainee: _document(trainee, sitting=2)})
    items = rows(out, "SELECT question_id FROM item_scores")
    assert sorted(qid for (qid,) in items) == sorted(drawn_ids(QUIZ, trainee, 1))
    assert (
        "was handed in as sitting 2, but sitting 1 is the last one allowed" in _notes(out)[trainee]
    )


def test_a_resit_the_overrides_allow_is_graded_on_its_own_draw(tmp_path: Path) -> None:
    trainee = next(t for t in (f"t{n}" for n in range(50)) if _resit_in(t, 2) != _resit_in(t, 1))
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(
        f"resits:\n  - trainee: ' {trainee}'\n    quiz: {QUIZ_ID}\n    sitting: 2\n"
        "    reason: ill on the day\n",
        encoding="utf-8",
    )
    out = _grade(tmp_path, {trainee: _document(trainee, sitting=2)}, overrides=overrides)
    items = rows(out, "SELECT question_id FROM item_scores")
    assert sorted(qid for (qid,) in items) == sorted(drawn_ids(QUIZ, trainee, 2))
    assert rows(out, "SELECT score, max_points FROM quiz_scores") == [(3.0, 3.0)]
    assert _notes(out)[trainee] == ""


def test_an_overrides_resit_of_an_unpooled_quiz_is_refused_with_its_line(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text("resits:\n  - trainee: ana\n    quiz: no_such_quiz\n    sitting: 2\n")
    folder = tmp_path / "in"
    write_json(folder, "ana.json", _document("ana"))
    with pytest.raises(ContentErrors) as caught:
        run_grade(folder, tmp_path / "out", course=COURSE, overrides=overrides)
    assert "overrides.yaml:3: 'no_such_quiz' is not a pooled quiz of the course" in str(
        caught.value
    )


def test_canvas_points_possible_is_one_draw(tmp_path: Path) -> None:
    out = _grade(tmp_path, {"ana": _document("ana")})
    with open(out / "grades_canvas.csv", encoding="utf-8") as handle:
        assert handle.read().splitlines()[1].endswith(",3")


def test_the_report_shows_pools_and_does_not_crash_on_undrawn_questions(tmp_path: Path) -> None:
    documents = {f"t{n}": _document(f"t{n}") for n in range(12)}
    out = _grade(tmp_path, documents)
    page = (out / "item_analysis.html").read_text(encoding="utf-8")
    assert "(pool slot-acids)" in page and "(pool slot-defer)" in page
    assert "mean score 100 %" in page


def test_an_old_gradebook_is_migrated_and_regrades(tmp_path: Path) -> None:
    """A gradebook written before submission format 2 gains the columns and keeps its rows."""
    out = _grade(tmp_path, {"ana": _document("ana")})
    downgrade(out, 1)
    assert rows(out, "SELECT MAX(version) FROM schema_version") == [(1,)]
    run_grade(tmp_path / "in", out, course=COURSE)
    assert rows(out, "SELECT MAX(version) FROM schema_version") == [(MIGRATIONS[-1][0],)]
    assert rows(out, "SELECT sitting, shown FROM submission_quizzes") == [(1, None)]
    assert rows(out, "SELECT score, max_points FROM quiz_scores") == [(3.0, 3.0)]


def test_item_statistics_of_a_pooled_column_use_only_the_trainees_shown_it() -> None:
    full = [[1.0, 1.0], [0.0, 1.0], [1.0, 0.0], [0.0, 0.0]]
    gappy: list[list[float | None]] = [[*row, None] for row in full]
    gappy.append([None, 1.0, 1.0])
    stats = analyse_items(["a", "b", "c"], [1, 1, 1], gappy, [4, 5, 1])
    reference = analyse_items(["a", "b"], [1, 1], full, [4, 4])
    assert stats[0] == reference[0]
    assert stats[2].facility == 1.0


def test_slots_sum_a_pool_and_keep_an_unpooled_quiz_as_it_is() -> None:
    row: list[float | None] = [1.0, None, 0.0, None, 1.0, None, None]
    assert slot_matrix(QUIZ, [row]) == [[1.0, 0.0, 1.0]]
    plain = QUIZ.model_copy(update={"pools": []})
    full: list[float | None] = [1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0]
    assert slot_matrix(plain, [full]) == [full]


def _stats(question_id: str, answered: int, facility: float) -> ItemStats:
    return ItemStats(question_id, answered, facility, None, ())


def test_a_pool_whose_facilities_differ_by_more_than_20_points_is_flagged() -> None:
    acids = ["pools-salicylic-aha", "pools-glycolic-aha", "pools-mandelic-size"]
    uneven = [_stats(acids[0], 30, 0.9), _stats(acids[1], 30, 0.8), _stats(acids[2], 31, 0.6)]
    flags = pool_flags(QUIZ, uneven)
    assert len(flags) == 1 and flags[0].startswith("pool 'slot-acids': facility differs by 30")
    assert pool_flags(QUIZ, [_stats(qid, 30, 0.7 + i / 20) for i, qid in enumerate(acids)]) == []
    too_few = [_stats(acids[0], 29, 0.9), _stats(acids[1], 30, 0.5), _stats(acids[2], 30, 0.5)]
    assert pool_flags(QUIZ, too_few) == []


def test_the_feedback_page_shows_the_trainee_their_own_questions(tmp_path: Path) -> None:
    data = _document("ana")
    for answer in data["quizzes"][QUIZ_ID]["answers"].values():
        answer["response"] = answer["first_response"] = not answer["response"]
    out = _grade(tmp_path, {"ana": data})
    page = (out / "feedback" / f"{trainee_slug('ana')}.html").read_text(encoding="utf-8")
    drawn = drawn_ids(QUIZ, "ana")
    for question in QUIZ.questions:
        assert (html.escape(question.stem, quote=False) in page) == (question.id in drawn)
    assert "Question 3:" in page and "Question 4:" not in page
