"""``skinlessons collect`` with homes it may not read and an --out it cannot write.

Homes belong to trainees: one that the instructor's account may not read (or a data folder or a
file in it) is skipped with a reason that says how to fix it, and the readable homes are still
collected, exit 0. An --out that cannot be written stops the command at once: exit 1, what and
where, no traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from testkit.gradebook import cli_process

NOBODY = 65534
"""Root may read every file, so as root the command runs in a child as this user."""
SUBMISSIONS = Path(".skinlessons") / "submissions"


def _home(homes: Path, name: str, *files: str) -> Path:
    folder = homes / name / SUBMISSIONS
    folder.mkdir(parents=True)
    for file in files:
        (folder / file).write_text("{}", encoding="utf-8")
    return homes / name


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder every user may enter (a test run as root hands it to ``nobody``)."""
    folder = Path(tempfile.mkdtemp(prefix="collect-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def _collect_as_instructor(arguments: list[str], result_file: Path) -> dict[str, object]:
    """Run ``collect`` through the command line without root's power to read anything.

    Not root: in this process. Root: in a forked child that becomes ``nobody`` first (the
    command ran once before, so every module it needs is loaded and the child reads no file
    it may not).
    """
    if os.geteuid() != 0:
        result = CliRunner().invoke(main, arguments)
        return {"code": result.exit_code, "out": result.output, "error": repr(result.exception)}
    warm = result_file.parent / "warm-up"
    CliRunner().invoke(main, ["collect", str(warm / "no-home"), "--out", str(warm)])  # imports
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            result = CliRunner().invoke(main, arguments)
            found = {"code": result.exit_code, "out": result.output}
            found["error"] = repr(result.exception)
            result_file.write_text(json.dumps(found), encoding="utf-8")
            status = 0
        finally:
            os._exit(status)
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the child could not run collect"
    found: dict[str, object] = json.loads(result_file.read_text(encoding="utf-8"))
    return found


def test_unreadable_homes_folders_and_files_are_skipped_with_the_fix(shared: Path) -> None:
    """A home, a data folder and a submission file the instructor may not read: each skipped
    with 'cannot be read' and what to do; the readable home is still collected; exit 0."""
    homes = shared / "homes"
    _home(homes, "ana", "submission-ana-0123456789.json")
    locked_home = _home(homes, "ben", "submission-ben-0123456789.json")
    locked_data = _home(homes, "cai", "submission-cai-0123456789.json") / SUBMISSIONS
    dee = _home(homes, "dee", "submission-dee-0123456789.json", "submission-dee-9876543210.json")
    locked_file = dee / SUBMISSIONS / "submission-dee-9876543210.json"
    for path in (homes, *homes.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    locked_home.chmod(0o700)
    locked_data.chmod(0o700)
    locked_file.chmod(0o600)
    out = shared / "collected"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    arguments = ["collect", *(str(homes / name) for name in ("ana", "ben", "cai", "dee"))]
    report = shared / "child"
    report.mkdir()
    report.chmod(0o777)
    found = _collect_as_instructor([*arguments, "--out", str(out)], report / "result.json")
    assert found["code"] == 0, found
    assert found["error"] == "None"
    lines = str(found["out"]).splitlines()
    skipped = [line for line in lines if line.startswith("Skipped ")]
    assert [line.split(": ")[0] for line in skipped] == [
        f"Skipped {locked_home}",
        f"Skipped {locked_data}",
        f"Skipped {locked_file}",
    ]
    for line in skipped:
        assert "cannot be read (Permission denied); run collect as a user who may read" in line
    assert "Collected 2 submission file(s) from 2 home(s)." in lines
    assert sorted(path.name for path in out.rglob("*.json")) == [
        "submission-ana-0123456789.json",
        "submission-dee-0123456789.json",
    ]


def test_an_out_that_cannot_be_created_exits_1_without_a_traceback(tmp_path: Path) -> None:
    """--out below a regular file: exit 1 at once, the error names the folder and the fix."""
    homes = tmp_path / "homes"
    _home(homes, "ana", "submission-ana-0123456789.json")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cli_process("collect", str(homes / "ana"), "--out", str(blocker / "collected"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"Error: cannot write the copies to {blocker / 'collected'} (Not a directory)" in (
        result.stderr
    )
    assert "Fix: give --out a folder you can write to" in result.stderr


def test_a_copy_that_cannot_be_written_stops_with_the_folder(tmp_path: Path) -> None:
    """A file where the home's copy folder should be: exit 1, the error names that folder."""
    homes = tmp_path / "homes"
    _home(homes, "ana", "submission-ana-0123456789.json")
    out = tmp_path / "collected"
    out.mkdir()
    (out / "ana").write_text("in the way", encoding="utf-8")
    result = CliRunner().invoke(main, ["collect", str(homes / "ana"), "--out", str(out)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"Error: cannot write the copies to {out / 'ana'} (File exists)" in result.stderr
