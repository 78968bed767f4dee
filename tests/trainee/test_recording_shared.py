"""What both answer logs share through ``AnswerRecorder``: one ``record``, and warnings that
point at the code that recorded or read the log."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from skinlessons.trainee.recording import (
    AnswerLog,
    AnswerLogWarning,
    AnswerRecorder,
    MemoryAnswerLog,
)

pytestmark = pytest.mark.usefixtures("fake_home")


@pytest.mark.parametrize("kind", ["file", "memory"])
def test_both_logs_record_the_same_event(tmp_path: Path, kind: str) -> None:
    log: AnswerRecorder = (
        AnswerLog(tmp_path / "answers.jsonl") if kind == "file" else MemoryAnswerLog()
    )
    log.record("03_chemical", "v1", "q1", "a")
    event = log.record(
        "03_chemical", "v1", "q2", 2.5, is_check=True, practice={"attempt": 1, "variant": {}}
    )
    assert (event.seq, event.quiz_id, event.quiz_version, event.question_id) == (
        2,
        "03_chemical",
        "v1",
        "q2",
    )
    assert (event.response, event.is_check, event.practice) == (
        2.5,
        True,
        {"attempt": 1, "variant": {}},
    )
    assert event.recorded_at
    assert log.events()[-1] == event


def test_a_skipped_line_warns_at_the_caller_of_record_and_of_events(tmp_path: Path) -> None:
    path = tmp_path / "answers.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        AnswerLog(path).record("03_chemical", "v1", "q1", "a")
        AnswerLog(path).events()
    skipped = [w for w in caught if issubclass(w.category, AnswerLogWarning)]
    assert [Path(w.filename).name for w in skipped] == [Path(__file__).name] * 2
    assert skipped[0].lineno + 1 == skipped[1].lineno
