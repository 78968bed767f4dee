"""``skinlessons collect``: copy submissions out of hub home folders, never following links."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.gradebook.collect import collect_submissions
from skinlessons.submission.format import MAX_BYTES

SUBMISSION = "submission-{user}-0123456789.json"


def _submit(home: Path, user: str, text: str = '{"trainee_id": "x"}') -> Path:
    """Put a submission file where ``skinlessons submit`` writes it in ``home``."""
    folder = home / ".skinlessons" / "submissions"
    folder.mkdir(parents=True)
    path = folder / SUBMISSION.format(user=user)
    path.write_text(text, encoding="utf-8")
    return path


def _copies(out: Path) -> list[str]:
    return sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())


def test_each_homes_submissions_are_copied_into_a_folder_named_after_the_home(
    tmp_path: Path,
) -> None:
    """Two trainees' files land in OUT/<home name>/ with their content unchanged."""
    homes = tmp_path / "home"
    _submit(homes / "alice", "alice", '{"who": "alice"}')
    _submit(homes / "bob", "bob", '{"who": "bob"}')
    out = tmp_path / "collected"

    report = collect_submissions(sorted(homes.iterdir()), out)

    assert _copies(out) == [
        f"alice/{SUBMISSION.format(user='alice')}",
        f"bob/{SUBMISSION.format(user='bob')}",
    ]
    assert (out / "bob" / SUBMISSION.format(user="bob")).read_text() == '{"who": "bob"}'
    assert [item.home.name for item in report.collected] == ["alice", "bob"]
    assert report.skipped == [] and report.without_submission == []


def test_homes_without_a_submission_are_listed(tmp_path: Path) -> None:
    """A home with no data folder, or an empty submissions folder, is reported, not an error."""
    (tmp_path / "carol").mkdir()
    (tmp_path / "dave" / ".skinlessons" / "submissions").mkdir(parents=True)

    report = collect_submissions([tmp_path / "carol", tmp_path / "dave"], tmp_path / "out")

    assert report.without_submission == [tmp_path / "carol", tmp_path / "dave"]
    assert "No submission in " + str(tmp_path / "carol") in report.lines()


def test_a_linked_data_folder_is_skipped_not_followed(tmp_path: Path) -> None:
    """A trainee who links ~/.skinlessons to another home does not collect that home's file."""
    _submit(tmp_path / "alice", "alice")
    (tmp_path / "mallory").mkdir()
    (tmp_path / "mallory" / ".skinlessons").symlink_to(tmp_path / "alice" / ".skinlessons")

    report = collect_submissions([tmp_path / "mallory"], tmp_path / "out")

    assert _copies(tmp_path / "out") == []
    assert [(item.path.name, "symbolic link" in item.reason) for item in report.skipped] == [
        (".skinlessons", True)
    ]


def test_linked_files_and_homes_are_skipped_not_followed(tmp_path: Path) -> None:
    """A submission file that links outside, or a home that is a link, is never read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("instructor only", encoding="utf-8")
    folder = tmp_path / "homes" / "mallory" / ".skinlessons" / "submissions"
    folder.mkdir(parents=True)
    (folder / "submission-mallory-0123456789.json").symlink_to(secret)
    _submit(tmp_path / "real-home", "eve")
    (tmp_path / "homes" / "eve").symlink_to(tmp_path / "real-home")

    report = collect_submissions(
        [tmp_path / "homes" / "mallory", tmp_path / "homes" / "eve"], tmp_path / "out"
    )

    assert _copies(tmp_path / "out") == []
    assert sorted(item.path.name for item in report.skipped) == [
        "eve",
        "submission-mallory-0123456789.json",
    ]


def test_oversized_and_unrelated_files_are_not_copied(tmp_path: Path) -> None:
    """Only submission-*.json files up to the size limit are copied."""
    path = _submit(tmp_path / "alice", "alice")
    (path.parent / "notes.txt").write_text("not a submission", encoding="utf-8")
    big = path.parent / "submission-alice-big.json"
    with open(big, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)

    report = collect_submissions([tmp_path / "alice"], tmp_path / "out")

    assert _copies(tmp_path / "out") == [f"alice/{path.name}"]
    assert [item.path.name for item in report.skipped] == [big.name]


def test_two_homes_with_the_same_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    """The second home called 'alice' is skipped with a reason instead of replacing the first."""
    first = _submit(tmp_path / "a" / "alice", "alice", "first")
    _submit(tmp_path / "b" / "alice", "alice", "second")

    report = collect_submissions(
        [tmp_path / "a" / "alice", tmp_path / "b" / "alice"], tmp_path / "out"
    )

    assert (tmp_path / "out" / "alice" / first.name).read_text() == "first"
    assert "also called 'alice'" in report.skipped[0].reason


def test_cli_collect_prints_copies_and_missing_homes(tmp_path: Path) -> None:
    """The command copies, prints one line per copy and missing home, and exits 0."""
    _submit(tmp_path / "alice", "alice")
    (tmp_path / "bob").mkdir()
    out = tmp_path / "out"

    result = CliRunner().invoke(
        main, ["collect", str(tmp_path / "alice"), str(tmp_path / "bob"), "--out", str(out)]
    )

    assert result.exit_code == 0, result.output
    assert f"No submission in {tmp_path / 'bob'}" in result.output
    assert "Collected 1 submission file(s) from 1 home(s)." in result.output
    assert os.listdir(out) == ["alice"]
