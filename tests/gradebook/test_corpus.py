"""No file stops or poisons a batch: a corpus of bad submission files, made at test time.

Each bad file starts as a real submission (the course's own quizzes answered in the answer log,
then ``skinlessons submit``), so the corpus follows every quiz edit. Each case changes one thing:
a number out of range, a value of the wrong type, a response of the wrong shape for its
question type, a hostile trainee id. Graded through ``skinlessons grade`` as an instructor runs
it, each file is rejected with a reason that names the problem, or kept, its answer scored 0
and noted on the trainee's page and in ``files.csv``; no traceback, exit 0, and nothing stored
stops a later run.
"""

from __future__ import annotations

import copy
import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from skinlessons.gradebook.feedback_pages import page_name
from skinlessons.gradebook.summary import GRADED, REJECTED
from skinlessons.quiz.models import AnyQuestion
from skinlessons.quiz.responses import misfit_note
from testkit.gradebook import (
    first_of_each_type,
    grade_cli,
    grade_in_process,
    read_csv,
    rows,
    submit_real,
)

TYPES = first_of_each_type()
BIG = int("9" * 400)
HUGE_LITERAL = "7" * 5_000
"""A JSON integer above Python's 4,300-digit limit: written into the text, not by ``json``."""


@dataclass(frozen=True)
class Case:
    """One bad file: how it differs from a real one, and what ``grade`` must say about it."""

    name: str
    change: Callable[[dict[str, Any]], object]
    status: str
    reason: str | Callable[[], str]
    """A fragment of the reason in ``files.csv`` (graded files: of the note)."""
    page: bool = False
    """The note must also be on the trainee's feedback page."""
    zero: str | None = None
    """A question type whose answer must be stored and scored 0."""

    def expected(self) -> str:
        return self.reason if isinstance(self.reason, str) else self.reason()


def _answer(document: dict[str, Any], kind: str) -> dict[str, Any]:
    quiz_id, question = TYPES[kind]
    entry: dict[str, Any] = document["quizzes"][quiz_id]["answers"][question.id]
    return entry


def _set(kind: str, field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        _answer(document, kind)[field] = value

    return change


def _top(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda document: document.__setitem__(field, value)


def _quiz(kind: str, **fields: object) -> Callable[[dict[str, Any]], None]:
    return lambda document: document["quizzes"][TYPES[kind][0]].update(fields)


def _entry(kind: str, value: object) -> Callable[[dict[str, Any]], None]:
    quiz_id, question = TYPES[kind]
    return lambda document: document["quizzes"][quiz_id]["answers"].update({question.id: value})


def _misfit(name: str, kind: str, response: object, field: str = "response") -> Case:
    question: AnyQuestion = TYPES[kind][1]
    zero = kind if field == "response" else None  # the first try does not count
    return Case(
        name, _set(kind, field, response), GRADED, lambda: misfit_note(question), True, zero
    )


def _unreadable(name: str, response: object) -> Case:
    question = TYPES["numeric"][1]
    note = f"answer to '{question.id}' was kept and scored 0: Please type an ordinary number."
    return Case(name, _set("numeric", "response", response), GRADED, note, True, "numeric")


def _nested(depth: int) -> object:
    value: object = "x"
    for _level in range(depth):
        value = [value]
    return value


WHOLE = "'last_seq' must be a whole number of 0 or more"
STORE = "larger than the gradebook can store"
DIGITS = "holds a number of more than 4,300 digits"
FORMULA = "which spreadsheets run as a formula and no LMS login does"
BAD_SEQ = "has a bad seq or attempts; left out"

# fmt: off
CASES = [
    # Numbers out of range, or not the number expected.
    _unreadable("numeric-400-digits", BIG),
    _unreadable("numeric-minus-400-digits", -BIG),
    _unreadable("numeric-nan", float("nan")),
    _unreadable("numeric-infinity", float("inf")),
    Case("numeric-400-digit-text", _set("numeric", "response", "9" * 400), GRADED,
         "could not be read as a number", True, "numeric"),
    Case("int-5000-digits-last-seq", _top("last_seq", "HUGE"), REJECTED, DIGITS),
    Case("int-5000-digits-extra-field", _top("comment", "HUGE"), REJECTED, DIGITS),
    Case("int-5000-digits-response", _set("single_choice", "response", "HUGE"), REJECTED, DIGITS),
    Case("last-seq-2-63", _top("last_seq", 2**63), REJECTED, STORE),
    Case("last-seq-4000-digits", _top("last_seq", int("8" * 4000)), REJECTED, STORE),
    Case("seq-2-63", _set("true_false", "seq", 2**63), REJECTED, STORE),
    Case("attempts-2-64", _set("ordering", "attempts", 2**64), REJECTED, STORE),
    Case("last-seq-negative", _top("last_seq", -1), REJECTED, WHOLE),
    Case("last-seq-float", _top("last_seq", 3.5), REJECTED, WHOLE),
    Case("last-seq-nan", _top("last_seq", float("nan")), REJECTED, WHOLE),
    Case("last-seq-true", _top("last_seq", True), REJECTED, WHOLE),
    Case("last-seq-text", _top("last_seq", "12"), REJECTED, WHOLE),
    Case("format-version-true", _top("format_version", True), REJECTED,
         "format version True is not one"),
    Case("format-version-float", _top("format_version", 1.0), REJECTED,
         "format version 1.0 is not one"),
    Case("seq-negative", _set("matching", "seq", -4), GRADED, BAD_SEQ),
    Case("seq-float", _set("matching", "seq", 2.5), GRADED, BAD_SEQ),
    Case("seq-true", _set("short_text", "seq", True), GRADED, BAD_SEQ),
    Case("attempts-null", _set("multiple_answers", "attempts", None), GRADED, BAD_SEQ),
    # Responses of the wrong shape for their question type: kept, scored 0, noted.
    _misfit("single-choice-object", "single_choice", {"a": 1}),
    _misfit("single-choice-list", "single_choice", ["a"]),
    _misfit("single-choice-number", "single_choice", 3),
    _misfit("single-choice-unknown-id", "single_choice", "no-such-option"),
    _misfit("single-choice-4000-digits", "single_choice", int("6" * 4000)),
    _misfit("multiple-nested-lists", "multiple_answers", [["a"], ["b"]]),
    _misfit("multiple-object", "multiple_answers", {"a": True}),
    _misfit("multiple-list-of-objects", "multiple_answers", [{"a": 1}]),
    _misfit("multiple-text", "multiple_answers", "a, b"),
    _misfit("multiple-first-try-nested", "multiple_answers", [[["x"]]], "first_response"),
    _misfit("true-false-text", "true_false", "true"),
    _misfit("true-false-list", "true_false", [True]),
    _misfit("true-false-one", "true_false", 1),
    _misfit("numeric-object", "numeric", {"value": 7}),
    _misfit("numeric-list", "numeric", [7]),
    _misfit("matching-list", "matching", [["p", "m"]]),
    _misfit("matching-nested-object", "matching", {"p": {"deep": "m"}}),
    _misfit("matching-number-value", "matching", {"p": 5}),
    _misfit("ordering-nested", "ordering", [["a"], {"b": 1}]),
    _misfit("ordering-text", "ordering", "abc"),
    _misfit("ordering-object", "ordering", {"a": 1}),
    _misfit("short-text-object", "short_text", {"text": "x"}),
    _misfit("short-text-nested-list", "short_text", [["x"]]),
    _misfit("short-text-number", "short_text", 12),
    # More of the same kind: other fields of the wrong type, hostile ids, deep nesting.
    Case("nested-too-deeply", _set("short_text", "response", _nested(40)), REJECTED,
         "nests too deeply"),
    Case("trainee-id-number", _top("trainee_id", 12), REJECTED, "the trainee id (12) is missing"),
    Case("trainee-id-10kb", _top("trainee_id", "x" * 10_000), REJECTED,
         "(text of 10,000 characters)"),
    Case("trainee-id-hyperlink", _top("trainee_id", '=HYPERLINK("http://x.test","y")'), REJECTED,
         FORMULA),
    Case("trainee-id-cmd", _top("trainee_id", "+cmd|' /C calc'!A0"), REJECTED, FORMULA),
    Case("trainee-id-sum", _top("trainee_id", "@SUM(1+1)"), REJECTED, FORMULA),
    Case("trainee-id-minus", _top("trainee_id", "-2+3"), REJECTED, FORMULA),
    Case("quiz-answers-number", _quiz("single_choice", answers=5), GRADED,
         "entry is not an object with 'answers'; it was left out", True),
    Case("quiz-version-object", _quiz("single_choice", quiz_version={"v": 1}), GRADED, ""),
    Case("created-at-list", _top("created_at", [1, 2]), GRADED, ""),
    Case("answer-not-object", _entry("ordering", [1]), GRADED,
         "has no 'response'; it was left out", True),
]
# fmt: on


def _write_case(folder: Path, good: dict[str, Any], case: Case) -> Path:
    document = copy.deepcopy(good)
    document["trainee_id"] = f"trainee.{case.name}"
    case.change(document)
    text = json.dumps(document, ensure_ascii=False)
    text = text.replace('"HUGE"', HUGE_LITERAL)  # a literal json.dumps cannot write
    path = folder / f"{case.name}.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real submission: every question of the course answered, then submitted."""
    made = tmp_path_factory.mktemp("trainee")
    path = submit_real(made / "data", "ana.pass", made / "submission.json")
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _check_case(case: Case, logged: dict[str, dict[str, str]], out: Path) -> None:
    row = logged[f"{case.name}.json"]
    assert (row["Status"], case.name) == (case.status, case.name), row["Reason"]
    assert case.expected() in row["Reason"], (case.name, row["Reason"])
    assert len(row["Reason"]) <= 600
    if case.status == REJECTED:
        return
    trainee = f"trainee.{case.name}"
    assert row["Trainee ID"] == trainee
    if case.page:
        page = (out / "feedback" / page_name(trainee)).read_text(encoding="utf-8")
        assert case.expected() in html.unescape(page), case.name
    if case.zero is not None:
        quiz_id, question = TYPES[case.zero]
        scored = rows(
            out,
            "SELECT i.score FROM item_scores i JOIN current_submissions c USING "
            "(submission_hash) WHERE c.trainee_id = ? AND i.quiz_id = ? AND i.question_id = ?",
            trainee,
            quiz_id,
            question.id,
        )
        assert scored == [(0.0,)], case.name


def test_corpus_covers_every_question_type() -> None:
    """Each of the seven question types has wrong-shape cases (the course has each type)."""
    assert {case.zero for case in CASES if case.zero} == set(TYPES)
    assert len(TYPES) == 7


def test_whole_corpus_in_one_run(good: dict[str, Any], tmp_path: Path) -> None:
    """One run over every bad file and a good one: exit 0, no traceback, every file has its
    status and a reason naming the problem; notes are on the pages; a second run agrees."""
    folder = tmp_path / "handed-in"
    folder.mkdir()
    for case in CASES:
        _write_case(folder, good, case)
    (folder / "good.json").write_text(json.dumps(good), encoding="utf-8")
    out = tmp_path / "graded"
    for _run in range(2):  # the second run regrades what the first stored
        result = grade_cli(folder, out)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        logged = {row["File"]: row for row in read_csv(out / "files.csv")}
        assert logged.pop("good.json")["Status"] == GRADED
        assert set(logged) == {f"{case.name}.json" for case in CASES}
        for case in CASES:
            _check_case(case, logged, out)
        summary = result.stdout
        assert f"{len(CASES) + 1} file(s) read" in summary
        assert "internal error" not in summary


@pytest.mark.slow  # one grading run per bad file
def test_each_bad_file_after_a_good_one_poisons_nothing(
    good: dict[str, Any], tmp_path: Path
) -> None:
    """A good file is stored first; each bad file then goes through its own run on the same
    gradebook, and every later run (including a regrade-only run) still completes."""
    out = tmp_path / "graded"
    first = tmp_path / "first"
    first.mkdir()
    (first / "good.json").write_text(json.dumps(good), encoding="utf-8")
    assert grade_cli(first, out).returncode == 0
    kept = 1
    for case in CASES:
        folder = tmp_path / case.name
        folder.mkdir()
        _write_case(folder, good, case)
        result = grade_in_process(folder, out)
        assert result.exit_code == 0, (case.name, result.output)
        assert result.exception is None
        _check_case(case, {row["File"]: row for row in read_csv(out / "files.csv")}, out)
        kept += case.status == GRADED
    empty = tmp_path / "nothing-new"
    empty.mkdir()
    result = grade_in_process(empty, out)
    assert result.exit_code == 0, result.output
    assert "Problem:" not in result.stdout
    assert f"{kept} trainee(s) in the gradebook" in result.stdout
