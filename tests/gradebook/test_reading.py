"""Reading files and writing pages in worker processes gives exactly what a serial run gives."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from skinlessons._util.forked import FORK_FROM
from skinlessons.gradebook.intake import find_files
from skinlessons.gradebook.reading import read_files, reading_workers
from skinlessons.gradebook.summary import REJECTED
from skinlessons.submission.format import MAX_BYTES
from testkit.gradebook import final_answers, make_submission, rows, run_grade, write_json

MARKS = ("1111", "1110", "1100", "1010", "0000", "11-1", "----")


def _batch(folder: Path, count: int) -> Path:
    """``count`` files: submissions of several shapes, a duplicate, and bad files among them."""
    for number, marks in zip(range(count), itertools.cycle(MARKS), strict=False):
        trainee = f"t{number:03d}"
        write_json(folder, f"{trainee}.json", make_submission(trainee, final_answers(marks)))
    (folder / "broken.json").write_text('{"format": "skinlessons-submission", ', encoding="utf-8")
    (folder / "binary.json").write_bytes(bytes(range(256)))
    (folder / "huge-number.json").write_text('{"last_seq": ' + "9" * 5000 + "}", encoding="utf-8")
    (folder / "copy.json").write_bytes((folder / "t001.json").read_bytes())
    return folder


def test_workers_read_every_file_as_this_process_does(tmp_path: Path) -> None:
    folder = _batch(tmp_path / "in", 40)
    paths = list(find_files(folder, skip=tmp_path / "out"))
    serial = list(read_files(paths, folder, MAX_BYTES, workers=0))
    parallel = list(read_files(paths, folder, MAX_BYTES, workers=2))
    assert parallel == serial
    assert len(serial) == len(paths) == 44


def test_a_run_with_workers_writes_the_same_outputs(tmp_path: Path) -> None:
    folder = _batch(tmp_path / "in", 40)
    run_grade(folder, tmp_path / "serial", workers=0)
    run_grade(folder, tmp_path / "parallel", workers=2)
    for name in ("files.csv", "grades_moodle.csv", "formative_progress.csv"):
        serial = (tmp_path / "serial" / name).read_text(encoding="utf-8")
        assert (tmp_path / "parallel" / name).read_text(encoding="utf-8") == serial
    query = "SELECT submission_hash, question_id, score FROM item_scores ORDER BY 1, 2"
    assert rows(tmp_path / "parallel", query) == rows(tmp_path / "serial", query)
    pages = sorted((tmp_path / "serial" / "feedback").iterdir())
    assert len(pages) == 40
    for page in pages:
        assert (tmp_path / "parallel" / "feedback" / page.name).read_bytes() == page.read_bytes()
    report = (tmp_path / "serial" / "item_analysis.html").read_bytes()
    assert (tmp_path / "parallel" / "item_analysis.html").read_bytes() == report
    assert REJECTED in (tmp_path / "parallel" / "files.csv").read_text(encoding="utf-8")


def test_only_a_large_batch_uses_workers() -> None:
    assert reading_workers(FORK_FROM - 1) == 0
    assert reading_workers(FORK_FROM) == len(os.sched_getaffinity(0)) - 1  # spare cores
