"""Reading submission files: every bad file is rejected with a reason, never an exception."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from skinlessons.gradebook import intake
from skinlessons.gradebook.intake import NOTEBOOK_REASON, find_files, read_submission
from skinlessons.gradebook.records import Rejected, Submission
from testkit.gradebook import FINAL, FINAL_IDS, final_answers, make_submission

GOOD = make_submission("jdoe", final_answers("1111"))


def _write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


BAD_FILES = [
    ("empty.json", b"", "the file is empty"),
    ("blank.json", b"  \n\t\n", "only blank space"),
    ("cut.json", json.dumps(GOOD)[:200], "not valid JSON (line 1"),
    ("picture.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("latin1.json", '{"trainee_id": "Zo\xeb"}'.encode("latin-1"), "binary data"),
    ("list.json", "[1, 2, 3]", "valid JSON, but a list, not a submission"),
    ("other.json", '{"name": "my homework"}', "not a skinlessons submission"),
    ("lesson.ipynb", '{"cells": [], "nbformat": 4, "metadata": {}}', NOTEBOOK_REASON),
    ("renamed.json", '{"cells": [], "nbformat": 4, "nbformat_minor": 5}', NOTEBOOK_REASON),
    ("broken.ipynb", '{"cells": [', NOTEBOOK_REASON),
    ("future.json", json.dumps({**GOOD, "format_version": 3}), "format version 3 is not"),
    ("no-id.json", json.dumps({**GOOD, "trainee_id": " "}), "trainee id ' ' is missing"),
    ("ctrl-id.json", json.dumps({**GOOD, "trainee_id": "a\u0007b"}), "control characters"),
    ("seq.json", json.dumps({**GOOD, "last_seq": -3}), "'last_seq' must be a whole number"),
    ("quizzes.json", json.dumps({**GOOD, "quizzes": []}), "'quizzes' must be an object"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nests too deeply"),
]


@pytest.mark.parametrize(
    ("name", "content", "reason"), BAD_FILES, ids=[name for name, _c, _r in BAD_FILES]
)
def test_bad_file_is_rejected_with_its_reason(
    tmp_path: Path, name: str, content: bytes | str, reason: str
) -> None:
    """Each kind of bad file gives a Rejected entry whose reason says what is wrong."""
    result = read_submission(_write(tmp_path, name, content), tmp_path)
    assert isinstance(result, Rejected)
    assert reason in result.reason
    assert result.source == name


def test_notebook_reason_tells_what_to_do() -> None:
    """The notebook message names the command the trainee should run."""
    assert NOTEBOOK_REASON.startswith(
        "this is a notebook, not a submission; ask the trainee to run skinlessons submit"
    )


def test_large_file_is_refused_from_stat_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file above the limit is refused by its size; the file is never opened."""
    big = tmp_path / "huge.json"
    with open(big, "wb") as handle:
        handle.truncate(6 * 1024 * 1024)  # sparse: 6 MB by stat, nothing on disk

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the large file was opened")

    monkeypatch.setattr(intake, "open", no_open, raising=False)
    result = read_submission(big, tmp_path)
    assert isinstance(result, Rejected)
    assert "6.0 MB, above the 5 MB limit" in result.reason


def test_symlink_and_fifo_are_rejected_without_reading_them(tmp_path: Path) -> None:
    """Links are never followed (a link to a file outside the folder is not read); a pipe
    does not hang the batch."""
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(GOOD), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.json").symlink_to(outside)
    (folder / "linked-dir").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "pipe.json")
    results = {p.name: read_submission(p, folder) for p in find_files(folder)}
    assert set(results) == {"link.json", "linked-dir", "pipe.json"}
    assert "symbolic link" in results["link.json"].reason  # type: ignore[union-attr]
    assert "symbolic link" in results["linked-dir"].reason  # type: ignore[union-attr]
    assert "not a regular file" in results["pipe.json"].reason  # type: ignore[union-attr]


def test_duplicate_answer_keeps_the_larger_seq_and_says_so(tmp_path: Path) -> None:
    """A question answered twice in one file: the answer with the larger seq is kept."""
    text = json.dumps(GOOD)
    entry = '"{}": {{"response": {}, "seq": {}, "attempts": 1, "first_response": {}}}'
    first = entry.format(FINAL_IDS[1], "false", 90, "false")
    older = entry.format(FINAL_IDS[1], "true", 2, "true")
    answers_at = text.index('"answers": {', text.index(f'"{FINAL}"')) + len('"answers": {')
    text = text[:answers_at] + first + ", " + older + ", " + text[answers_at:]
    result = read_submission(_write(tmp_path, "twice.json", text), tmp_path)
    assert isinstance(result, Submission)
    kept = result.quizzes[FINAL].answers[FINAL_IDS[1]]
    assert (kept.response, kept.seq) == (False, 90)
    assert any(f"'{FINAL_IDS[1]}' appears twice" in note for note in result.notes)


def test_same_content_gives_the_same_hash_whatever_the_layout(tmp_path: Path) -> None:
    """The content hash ignores indentation and key order, so a re-saved copy is a duplicate."""
    one = read_submission(_write(tmp_path, "a.json", json.dumps(GOOD, indent=2)), tmp_path)
    two = read_submission(_write(tmp_path, "b.json", json.dumps(GOOD, sort_keys=True)), tmp_path)
    assert isinstance(one, Submission) and isinstance(two, Submission)
    assert one.content_hash == two.content_hash


def test_unusual_trainee_id_is_kept_exactly_with_a_note(tmp_path: Path) -> None:
    """An id with markup, right-to-left text, emoji and combining marks is stored as written."""
    trainee = "<script>alert(1)</script> שרה 👩‍⚕️ Zoe\u0308"
    path = _write(tmp_path, "odd.json", json.dumps({**GOOD, "trainee_id": trainee}))
    result = read_submission(path, tmp_path)
    assert isinstance(result, Submission)
    assert result.trainee_id == trainee
    assert any("does not follow the id rule" in note for note in result.notes)


def test_tricky_file_names_are_shown_safely(tmp_path: Path) -> None:
    """File names with control characters are shown escaped, relative to the folder."""
    sub = tmp_path / "class a"
    sub.mkdir()
    path = _write(sub, "..\nevil<script>.json", "[]")
    result = read_submission(path, tmp_path)
    assert isinstance(result, Rejected)
    assert result.source == "class a/..\\nevil<script>.json"
