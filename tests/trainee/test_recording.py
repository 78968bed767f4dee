"""The answer log: growing sequence numbers, restarts, torn lines, and the keeping rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skinlessons.names import HOME_ENV, MODE_ENV
from skinlessons.submission.format import AnswerRecord
from skinlessons.trainee.answers import is_answered, keep_answers
from skinlessons.trainee.recording import (
    AnswerEvent,
    AnswerLog,
    AnswerLogWarning,
    MemoryAnswerLog,
    open_recorder,
)
from testkit.trainee import all_files

pytestmark = pytest.mark.usefixtures("fake_home")


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "answers.jsonl"


def _record(log: AnswerLog | MemoryAnswerLog, question: str, response: object, **kw: bool) -> int:
    return log.record("03_chemical", "v1", question, response, **kw).seq


def test_sequence_numbers_grow_by_one(log_path: Path) -> None:
    """Each record gets the next sequence number, starting at 1."""
    log = AnswerLog(log_path)
    assert [_record(log, "q1", "a"), _record(log, "q1", "b"), _record(log, "q2", "c")] == [1, 2, 3]


def test_records_are_json_lines_with_the_documented_fields(log_path: Path) -> None:
    """A line holds seq, time, quiz id, quiz version, question id, response and check."""
    AnswerLog(log_path).record("03_chemical", "v1", "q1", ["a", "b"], is_check=True)
    record = json.loads(log_path.read_text(encoding="utf-8"))
    assert set(record) == {
        "seq",
        "time",
        "quiz_id",
        "quiz_version",
        "question_id",
        "response",
        "check",
    }
    assert record["seq"] == 1
    assert (record["quiz_id"], record["quiz_version"], record["question_id"]) == (
        "03_chemical",
        "v1",
        "q1",
    )
    assert (record["response"], record["check"]) == (["a", "b"], True)
    assert record["time"].endswith("Z")


def test_sequence_survives_a_restart(log_path: Path) -> None:
    """A new log object (a new kernel) continues after the last number on disk."""
    first = AnswerLog(log_path)
    _record(first, "q1", "a")
    _record(first, "q1", "b")
    again = AnswerLog(log_path)
    assert [event.response for event in again.events()] == ["a", "b"]
    assert _record(again, "q2", "c") == 3


def test_two_writers_never_reuse_a_number(log_path: Path) -> None:
    """Two kernels appending to one log keep the numbers unique and growing."""
    one, two = AnswerLog(log_path), AnswerLog(log_path)
    seqs = [_record(one, "q", 1), _record(two, "q", 2), _record(one, "q", 3)]
    assert seqs == [1, 2, 3]
    assert [event.seq for event in AnswerLog(log_path).events()] == [1, 2, 3]


def test_torn_last_line_is_skipped_with_a_warning(log_path: Path) -> None:
    """A last line cut off mid-write is skipped with a warning; earlier answers survive."""
    log = AnswerLog(log_path)
    _record(log, "q1", "a")
    _record(log, "q1", "b")
    with log_path.open("ab") as stream:
        stream.write(b'{"seq": 3, "quiz_id": "03_chem')
    with pytest.warns(AnswerLogWarning, match=r"answers\.jsonl:3: .*incomplete"):
        events = AnswerLog(log_path).events()
    assert [event.seq for event in events] == [1, 2]


def test_append_after_a_torn_line_stays_readable(log_path: Path) -> None:
    """After a torn line the next record starts on its own line and gets the next number."""
    log = AnswerLog(log_path)
    _record(log, "q1", "a")
    with log_path.open("ab") as stream:
        stream.write(b'{"seq": 2, "qu')
    with pytest.warns(AnswerLogWarning):
        seq = _record(AnswerLog(log_path), "q1", "c")
    assert seq == 2
    with pytest.warns(AnswerLogWarning, match=r"answers\.jsonl:2: "):
        events = AnswerLog(log_path).events()
    assert [(event.seq, event.response) for event in events] == [(1, "a"), (2, "c")]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (b"not json at all", "Expecting value"),
        (
            b'{"seq": 0, "quiz_id": "x", "quiz_version": "v", "question_id": "q", "response": 1}',
            "'seq' must be a whole number",
        ),
        (
            b'{"seq": 9, "quiz_id": "", "quiz_version": "v", "question_id": "q", "response": 1}',
            "'quiz_id' must be a non-empty string",
        ),
        (
            b'{"seq": 9, "quiz_id": "x", "quiz_version": "v", "question_id": "q"}',
            "'response' is missing",
        ),
        (b"\xff\xfe", "can't decode"),
    ],
    ids=["not-json", "seq-zero", "empty-quiz-id", "no-response", "not-utf8"],
)
def test_corrupt_middle_line_is_skipped_with_its_reason(
    log_path: Path, line: bytes, fragment: str
) -> None:
    """Any unreadable line is skipped with a warning naming the line; reading goes on."""
    log = AnswerLog(log_path)
    _record(log, "q1", "a")
    with log_path.open("ab") as stream:
        stream.write(line + b"\n")
    with pytest.warns(AnswerLogWarning):
        _record(AnswerLog(log_path), "q1", "b")
    with pytest.warns(AnswerLogWarning, match=rf"answers\.jsonl:2: .*{fragment}"):
        events = AnswerLog(log_path).events()
    assert [event.response for event in events] == ["a", "b"]


def test_missing_log_reads_as_empty(log_path: Path) -> None:
    """No log yet means no answers, not an error."""
    assert AnswerLog(log_path).events() == []


def test_recorder_writes_under_skinlessons_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_home: Path
) -> None:
    """Answers go to $SKINLESSONS_HOME/answers.jsonl, nowhere else."""
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    open_recorder().record("03_chemical", "v1", "q1", "a")
    assert all_files(tmp_path / "data") == [tmp_path / "data" / "answers.jsonl"]
    assert all_files(fake_home) == []


def test_recorder_defaults_to_the_trainee_home(fake_home: Path) -> None:
    """Without $SKINLESSONS_HOME answers go to ~/.skinlessons/answers.jsonl."""
    open_recorder().record("03_chemical", "v1", "q1", "a")
    assert all_files(fake_home) == [fake_home / ".skinlessons" / "answers.jsonl"]


@pytest.mark.parametrize("mode", ["build", "test", " TEST "])
def test_unattended_mode_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_home: Path, mode: str
) -> None:
    """In build or test mode answers stay in memory: no file is created anywhere."""
    monkeypatch.setenv(MODE_ENV, mode)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    recorder = open_recorder()
    recorder.record("03_chemical", "v1", "q1", "a")
    assert not recorder.is_persistent
    assert [event.response for event in open_recorder().events()] == ["a"]
    assert not (tmp_path / "data").exists()
    assert all_files(fake_home) == []


def _events(*rows: tuple[str, object, bool]) -> list[AnswerEvent]:
    return [
        AnswerEvent(seq, "03_chemical", "v1", question, response, is_check)
        for seq, (question, response, is_check) in enumerate(rows, start=1)
    ]


def test_formative_keeps_first_checked_attempt_and_counts_checks() -> None:
    """Formative: first_response is the first CHECKED answer; attempts counts checks."""
    events = _events(
        ("q1", "wrong", False),  # changed, not checked
        ("q1", "also-wrong", True),  # first check
        ("q1", "right", False),
        ("q1", "right", True),  # second check
        ("q1", "other", False),  # latest, unchecked
    )
    kept = keep_answers(events, "03_chemical", "formative")
    assert kept == {"q1": AnswerRecord("other", 5, 2, "also-wrong")}


def test_formative_answer_never_checked_has_no_attempts() -> None:
    """An answer only typed in, never checked, keeps no first attempt."""
    kept = keep_answers(_events(("q1", "a", False)), "03_chemical", "formative")
    assert kept["q1"] == AnswerRecord("a", 1, 0, None)
    assert is_answered(kept["q1"], "formative")


def test_summative_keeps_the_latest_answer() -> None:
    """Summative: the latest answer is kept, whatever came before."""
    events = _events(("q1", "a", False), ("q2", True, False), ("q1", "c", False))
    kept = keep_answers(events, "03_chemical", "summative")
    assert kept == {"q1": AnswerRecord("c", 3, 1, "c"), "q2": AnswerRecord(True, 2, 1, True)}


def test_keeping_ignores_other_quizzes() -> None:
    """Events of another quiz do not leak into this one."""
    events = [
        AnswerEvent(1, "03_chemical", "v1", "q1", "a"),
        AnswerEvent(2, "04_devices", "v1", "q1", "b"),
    ]
    assert keep_answers(events, "04_devices", "summative")["q1"].response == "b"


@pytest.mark.parametrize(
    ("response", "answered"),
    [
        ("a", True),
        ("", False),
        ("  ", False),
        ([], False),
        (["", ""], False),
        ({}, False),
        (False, True),
        (["x", ""], True),
        ({"p": "m"}, True),
        (None, False),
    ],
)
def test_blank_summative_answers_count_as_unanswered(response: object, answered: bool) -> None:
    """A cleared answer (no text, no option, no position) is not an answer."""
    kept = keep_answers(_events(("q1", response, False)), "03_chemical", "summative")
    assert is_answered(kept["q1"], "summative") is answered
