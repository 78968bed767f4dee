"""``skinlessons check`` and ``build`` on quiz and data files that are not what they should be.

Binary, empty, huge, nested thousands of levels deep, an alias bomb, a folder where the file
should be: each command prints what is wrong, in which file (and line where there is one) and
how to fix it, exits 1 because it cannot do its job, and never shows a traceback. Each case
runs the real command line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from skinlessons.cli import main
from skinlessons.facts import default_data_dir
from skinlessons.names import CONTENT_MAX_BYTES
from testkit.gradebook import cli_process
from testkit.handouts import copy_course


def _alias_bomb() -> bytes:
    """Nine levels of nine aliases each: 9**9 values from a file of a few hundred bytes."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _deep_block(levels: int) -> bytes:
    return ("a:\n" + "".join(" " * (level + 1) + "a:\n" for level in range(levels))).encode()


BAD: dict[str, tuple[bytes | None, str]] = {
    "binary": (bytes(range(256)) * 10, ":2: file is not UTF-8 text (byte 128)"),
    "empty": (b"", ":1: file is empty"),
    "zero-bytes": (b"a: 1\n" + b"\x00" * 1000, ":2: the file holds the control character U+0000"),
    "huge": (b"- " + b"y" * CONTENT_MAX_BYTES + b"\n", "more than the 1,024 kB a content file"),
    "deep-brackets": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", ":1: the file nests too deeply"),
    "deep-indentation": (_deep_block(1200), ": the file nests too deeply to read"),
    "alias-bomb": (_alias_bomb(), "aliases (*name) make the file stand for more than"),
    "a-folder": (None, ": cannot read the file: Is a directory"),
}


def _spoil(path: Path, content: bytes | None) -> Path:
    path.unlink()
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    return path


def _assert_clear_failure(result: Result, path: Path, problem: str) -> None:
    """Exit 1, the file and its problem on one line with a fix, no exception escaped."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    assert any(problem in line and "Fix: " in line for line in lines), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", list(BAD))
def test_check_names_a_bad_quiz_file(case: str, tmp_path: Path) -> None:
    """``check --only quizzes`` on a course with one spoiled quiz file."""
    course = copy_course(tmp_path / "course")
    path = _spoil(course / "quizzes" / "01_basics.yaml", BAD[case][0])
    arguments = ["check", "--course", str(course), "--only", "quizzes"]
    _assert_clear_failure(CliRunner().invoke(main, arguments), path, BAD[case][1])


@pytest.mark.parametrize("case", ["binary", "huge", "deep-brackets", "alias-bomb"])
def test_check_names_a_bad_objectives_file(case: str, tmp_path: Path) -> None:
    """The course's objectives file spoiled the same ways."""
    course = copy_course(tmp_path / "course")
    path = _spoil(course / "quizzes" / "objectives.yaml", BAD[case][0])
    arguments = ["check", "--course", str(course), "--only", "quizzes"]
    _assert_clear_failure(CliRunner().invoke(main, arguments), path, BAD[case][1])


@pytest.mark.parametrize("case", list(BAD))
def test_check_names_a_bad_data_file(case: str, tmp_path: Path) -> None:
    """``check --only facts --data`` on a copy of the course data with one file spoiled."""
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    path = _spoil(data / "agents.yaml", BAD[case][0])
    arguments = ["check", "--only", "facts", "--data", str(data)]
    _assert_clear_failure(CliRunner().invoke(main, arguments), path, BAD[case][1])


@pytest.mark.parametrize("case", ["binary", "empty", "huge", "deep-brackets", "alias-bomb"])
def test_build_stops_on_a_bad_quiz_file_before_running_lessons(case: str, tmp_path: Path) -> None:
    """``build`` reads the quizzes first: it stops with the file and the fix, writes no page."""
    course = copy_course(tmp_path / "course")
    path = _spoil(course / "quizzes" / "01_basics.yaml", BAD[case][0])
    out = tmp_path / "out"
    arguments = ["build", "--course", str(course), "--out", str(out), "--edition", "trainee"]
    result = CliRunner().invoke(main, arguments)
    _assert_clear_failure(result, path, BAD[case][1])
    assert not list(out.rglob("*.html"))


def test_real_processes_exit_1_without_a_traceback(tmp_path: Path) -> None:
    """As an author runs them: check on an alias-bomb data file, build on a deep quiz file."""
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    bomb = _spoil(data / "rules.yaml", _alias_bomb())
    checked = cli_process("check", "--only", "facts", "--data", str(data))
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    assert f"{bomb}: aliases (*name) make the file stand for more than" in checked.stdout
    course = copy_course(tmp_path / "course")
    deep = _spoil(course / "quizzes" / "03_final.yaml", _deep_block(1200))
    built = cli_process("build", "--course", str(course), "--out", str(tmp_path / "out"))
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert f"{deep}: the file nests too deeply to read" in built.stderr
