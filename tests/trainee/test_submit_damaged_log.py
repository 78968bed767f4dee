"""``skinlessons submit`` with a damaged answer log.

A torn last line, binary garbage, valid JSON with fields of the wrong type, a huge line or a huge
log: ``submit`` still writes a submission from every readable line, ``grade`` accepts it, and
the receipt tells the trainee which lines were skipped and why. A log that is a folder cannot be
read at all: exit 1 with what to do, nothing written, never a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from skinlessons.cli import main
from skinlessons.names import HOME_ENV
from skinlessons.submission.format import MAX_SEQ, SubmissionDocument
from skinlessons.submission.parse import parse
from testkit.gradebook import cli_process, grade_in_process, read_csv
from testkit.trainee import COURSE_DIR, FINAL_QUIZ, isolate_trainee

AGENT = "fixture-final-agent"
PATCH = "fixture-final-patch-test"
DEPTH = "fixture-final-depth"


@pytest.fixture
def data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    isolate_trainee(monkeypatch, tmp_path)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def _line(
    seq: object, question: object = AGENT, response: object = "salicylic", **extra: Any
) -> bytes:
    record = {"seq": seq, "time": "2026-12-01T10:00:00Z", "quiz_id": FINAL_QUIZ}
    record.update(quiz_version="v", question_id=question, response=response, **extra)
    return json.dumps(record).encode("utf-8") + b"\n"


def _write_log(data: Path, *chunks: bytes) -> Path:
    path = data / "answers.jsonl"
    path.write_bytes(b"".join(chunks))
    return path


def _submit(out: Path) -> Result:
    arguments = ["submit", "--course", str(COURSE_DIR), "--trainee", "jdoe", "--out", str(out)]
    return CliRunner().invoke(main, arguments)


def _submitted(result: Result, out: Path) -> SubmissionDocument:
    """The file ``submit`` wrote, as ``grade`` parses it; the run ended cleanly."""
    assert result.exit_code == 0, result.output
    assert result.exception is None
    document = parse(json.loads(out.read_text(encoding="utf-8")))
    assert isinstance(document, SubmissionDocument), document
    return document


def _responses(document: SubmissionDocument) -> dict[str, object]:
    return {key: answer.response for key, answer in document.quizzes[FINAL_QUIZ].answers.items()}


def _skipped_line(stdout: str) -> str:
    found = [line for line in stdout.splitlines() if line.startswith("Skipped ")]
    assert len(found) == 1, stdout
    return found[0]


TORN = b'{"seq": 3, "quiz_id": "19_fixture_final", "quest'
GARBAGE = bytes(byte for byte in range(256) if byte != ord("\n")) * 4


# fmt: off
DAMAGED = [
    ("torn-last-line", [_line(1), _line(2, PATCH, True), TORN], 3,
     "the last line is incomplete"),
    ("binary-garbage", [_line(1), GARBAGE + b"\n", _line(3, PATCH, True)], 2,
     "can't decode as UTF-8 (binary data)"),
    ("zero-bytes-after-a-crash", [_line(1), b"\x00" * 4096 + b"\n", _line(3, PATCH, True)], 2,
     "not valid JSON"),
    ("seq-as-text", [_line(1), _line("2", PATCH, False), _line(3, PATCH, True)], 2,
     "'seq' must be a whole number from 1"),
    ("seq-too-large", [_line(1), _line(MAX_SEQ + 1, PATCH, False), _line(3, PATCH, True)], 2,
     f"from 1 to {MAX_SEQ}"),
    ("seq-true", [_line(1), _line(True, PATCH, False), _line(3, PATCH, True)], 2,
     "'seq' must be a whole number"),
    ("question-id-number", [_line(1), _line(2, 7), _line(3, PATCH, True)], 2,
     "'question_id' must be a non-empty string, got 7"),
    ("check-as-text", [_line(1), _line(2, PATCH, False, check="yes"), _line(3, PATCH, True)], 2,
     "'check' must be true or false"),
    ("a-list-not-an-object", [_line(1), b"[1, 2, 3]\n", _line(3, PATCH, True)], 2,
     "not a JSON object"),
    ("response-nan", [_line(1), _line(2, DEPTH, "x").replace(b'"x"', b"NaN"),
                      _line(3, PATCH, True)], 2, "NaN is not a number a quiz answer can hold"),
    ("response-5000-digits", [_line(1), _line(2, DEPTH, "x").replace(b'"x"', b"7" * 5000),
                              _line(3, PATCH, True)], 2, "more than 4,300 digits"),
    ("response-too-deep", [_line(1), _line(2, DEPTH, [[[[[[[[[[[[[["x"]]]]]]]]]]]]]]),
                           _line(3, PATCH, True)], 2, "nests lists or objects too deeply"),
    ("seq-going-back", [_line(1), _line(5, PATCH, False), _line(4, PATCH, True)], 3,
     "sequence number 4 does not follow"),
]
# fmt: on


@pytest.mark.parametrize(
    ("chunks", "line", "problem"),
    [case[1:] for case in DAMAGED],
    ids=[case[0] for case in DAMAGED],
)
def test_a_damaged_line_is_skipped_and_named_on_the_receipt(
    data: Path, tmp_path: Path, chunks: list[bytes], line: int, problem: str
) -> None:
    """The submission holds every readable answer (also those after the damage); the receipt
    names the log, the skipped line's number and its problem."""
    log = _write_log(data, *chunks)
    out = tmp_path / "handin.json"
    result = _submit(out)
    document = _submitted(result, out)
    going_back = "follow" in problem  # then the line before the skipped one holds False
    assert _responses(document) == {AGENT: "salicylic", PATCH: not going_back}
    skipped = _skipped_line(result.stdout)
    assert f"Skipped 1 unreadable line of your answer log {log}: line {line}." in skipped
    assert f"line {line}: " in result.stdout and problem in result.stdout
    assert result.stderr == ""  # no warnings on top of the receipt


def test_an_undamaged_log_has_no_skipped_notice(data: Path, tmp_path: Path) -> None:
    """The notice appears only when something was skipped."""
    _write_log(data, _line(1), _line(2, PATCH, True))
    out = tmp_path / "handin.json"
    result = _submit(out)
    assert _responses(_submitted(result, out)) == {AGENT: "salicylic", PATCH: True}
    assert "Skipped" not in result.stdout


def test_a_huge_log_is_read_line_by_line(data: Path, tmp_path: Path) -> None:
    """A 20 MB line is skipped without being held; a log of over 5 MB of real records still
    gives a small submission with the latest answer."""
    changes = [_line(seq, DEPTH, f"{seq},5") for seq in range(2, 40_002)]
    log = _write_log(data, _line(1), b"x" * (20 * 1024 * 1024) + b"\n", *changes)
    assert log.stat().st_size > 25 * 1024 * 1024
    out = tmp_path / "handin.json"
    result = _submit(out)
    document = _submitted(result, out)
    assert _responses(document) == {AGENT: "salicylic", DEPTH: "40001,5"}
    assert document.last_seq == 40_001
    assert out.stat().st_size < 10_000
    assert "line 2: the line is 20,971,521 bytes long, more than the 16 kB" in result.stdout


def test_many_bad_lines_give_a_short_receipt(data: Path, tmp_path: Path) -> None:
    """A thousand bad lines: the receipt counts them, lists the first ten numbers and quotes
    three problems, so it stays a few lines long."""
    _write_log(data, _line(1), b"not json\n" * 1000, _line(1002, PATCH, True))
    out = tmp_path / "handin.json"
    result = _submit(out)
    assert _responses(_submitted(result, out)) == {AGENT: "salicylic", PATCH: True}
    skipped = _skipped_line(result.stdout)
    assert "Skipped 1,000 unreadable lines" in skipped
    assert "lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 990 more." in skipped
    assert len(re.findall(r"line \d+: not valid JSON", result.stdout)) == 3
    assert len(result.stdout) < 2_000


def test_everything_damaged_at_once_is_still_graded(data: Path, tmp_path: Path) -> None:
    """Every kind of damage in one log: the submission ``submit`` writes is graded, not
    rejected, by ``grade`` on the same course."""
    chunks = [chunk for case in DAMAGED for chunk in case[1] if chunk not in (TORN,)]
    chunks = [chunk if chunk.endswith(b"\n") else chunk + b"\n" for chunk in chunks]
    _write_log(data, *chunks, TORN)
    folder = tmp_path / "handed-in"
    result = _submit(folder / "jdoe.json")
    assert _submitted(result, folder / "jdoe.json").trainee_id == "jdoe"
    graded = grade_in_process(folder, tmp_path / "graded", course=COURSE_DIR)
    assert graded.exit_code == 0, graded.output
    [row] = read_csv(tmp_path / "graded" / "files.csv")
    assert (row["File"], row["Status"], row["Trainee ID"]) == ("jdoe.json", "graded", "jdoe")


def test_a_log_that_is_a_folder_stops_submit_with_the_fix(data: Path, tmp_path: Path) -> None:
    """The log cannot be read at all: exit 1, the error names it and says what to do, no
    submission is written and there is no traceback (a real process, as a trainee runs it)."""
    (data / "answers.jsonl").mkdir()
    out = tmp_path / "handin.json"
    arguments = ["--course", str(COURSE_DIR), "--trainee", "jdoe", "--out", str(out)]
    result = cli_process("submit", *arguments)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"Your answer log {data / 'answers.jsonl'} cannot be read (Is a directory)" in (
        result.stderr
    )
    assert "Fix: make sure it is a file you can read" in result.stderr
    assert not out.exists()
