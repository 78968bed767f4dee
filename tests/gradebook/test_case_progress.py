"""The virtual clients in the gradebook: a formative_progress.csv row each, never counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skinlessons.cases import load_cases
from skinlessons.cases.record import CASES_ID, CaseAnswer, cases_version
from skinlessons.course import cases_file
from skinlessons.quiz.loader import load_quiz_files
from skinlessons.submission.format import AnswerRecord, QuizAnswers
from skinlessons.trainee.submit import build_submission
from testkit.gradebook import grade_in_process, read_csv, write_json
from testkit.release import ROOT

CASES = load_cases(cases_file(ROOT))


def _document(trainee: str, answers: dict[str, AnswerRecord]) -> dict[str, Any]:
    part = QuizAnswers(CASES_ID, cases_version(CASES), "formative", answers)
    document = build_submission(
        [], load_quiz_files(ROOT), trainee, created_at="2026-12-07T10:00:00Z", extra=[part]
    )
    return document.to_json()


def _decided(decision: str | None, *, checks: int = 1, first: str | None = None) -> AnswerRecord:
    latest = CaseAnswer(decision=decision).to_json()
    return AnswerRecord(latest, 1, checks, CaseAnswer(decision=first or decision).to_json())


def _grade(tmp_path: Path, documents: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    folder = tmp_path / "in"
    for trainee, document in documents.items():
        write_json(folder, f"{trainee}.json", document)
    result = grade_in_process(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    rows = read_csv(tmp_path / "out" / "formative_progress.csv")
    return {row["Trainee ID"]: row for row in rows if row["Quiz"] == CASES_ID}


def test_each_trainee_gets_a_cases_row_of_decided_and_right_first_time(tmp_path: Path) -> None:
    first, second, third = CASES.cases[:3]
    wrong = next(d for d in ("proceed", "refer") if d != second.expected.decision)
    documents = {
        "ana": _document(
            "ana",
            {
                first.id: _decided(first.expected.decision),
                second.id: _decided(second.expected.decision, checks=2, first=wrong),
                third.id: _decided(third.expected.decision, checks=0),  # never checked
            },
        ),
        "ben": _document("ben", {}),
    }
    rows = _grade(tmp_path, documents)
    total = str(len(CASES.cases))
    assert rows["ana"]["Answered"] == "2" and rows["ana"]["Questions"] == total
    assert rows["ana"]["Score"] == "1" and rows["ana"]["Checks"] == "3"
    assert rows["ben"]["Answered"] == "0" and rows["ben"]["Score"] == "0"
    files = read_csv(tmp_path / "out" / "files.csv")
    assert not any("does not have" in " ".join(row.values()) for row in files)


def test_the_cases_never_change_the_final_result(tmp_path: Path) -> None:
    with_cases = {
        "ana": _document("ana", {c.id: _decided(c.expected.decision) for c in CASES.cases})
    }
    without = {"ana": _document("ana", {})}
    _grade(tmp_path / "a", with_cases)
    _grade(tmp_path / "b", without)
    moodle_a = (tmp_path / "a" / "out" / "grades_moodle.csv").read_text(encoding="utf-8")
    moodle_b = (tmp_path / "b" / "out" / "grades_moodle.csv").read_text(encoding="utf-8")
    assert moodle_a == moodle_b


def test_responses_that_are_not_case_answers_count_as_not_right(tmp_path: Path) -> None:
    case = CASES.cases[0]
    junk: list[object] = [12, "refer", ["refer"], {"decision": "operate"}, {"asked": "all"}, None]
    answers = {
        case.id: AnswerRecord(junk[0], 1, 1, junk[0]),
        **{c.id: AnswerRecord(j, 1, 1, j) for c, j in zip(CASES.cases[1:], junk[1:], strict=False)},
        "no-such-case": _decided("refer"),
    }
    rows = _grade(tmp_path, {"ana": _document("ana", answers)})
    assert rows["ana"]["Score"] == "0"
    assert rows["ana"]["Answered"] == str(len(junk))  # checked, so decided, but none right
