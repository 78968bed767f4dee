"""``skinlessons submit``: exit codes, the receipt on stdout, --trainee and --out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.trainee.recording import open_recorder
from testkit.trainee import COURSE_DIR, FINAL_QUIZ

pytestmark = pytest.mark.usefixtures("data_dir")


def _submit(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["submit", "--course", str(COURSE_DIR), *args])
    return result.exit_code, result.stdout, result.stderr


def test_submit_without_trainee_id_exits_1_with_the_fix(data_dir: Path) -> None:
    """No id set: exit 1, 'Error: ...' on stderr naming both ways to set one."""
    code, out, err = _submit()
    assert code == 1
    assert err.startswith("Error: No trainee id is set")
    assert "--trainee" in err and "set_trainee_id" in err
    assert out == ""
    assert not (data_dir / "submissions").exists()


def test_submit_with_trainee_prints_the_receipt(data_dir: Path) -> None:
    """With --trainee: exit 0; the receipt names the file and the unanswered questions."""
    open_recorder().record(FINAL_QUIZ, "v", "fixture-final-agent", "salicylic")
    code, out, _err = _submit("--trainee", "jdoe")
    assert code == 0
    written = next((data_dir / "submissions").iterdir())
    assert f"Submission saved to: {written}" in out
    assert "Trainee id: jdoe" in out
    assert "Not answered yet: 1 (fixture-final-patch-test), 3 (fixture-final-depth)." in out


def test_submit_out_writes_where_asked(tmp_path: Path) -> None:
    """--out FILE puts the submission there."""
    target = tmp_path / "handin" / "mine.json"
    code, out, _err = _submit("--trainee", "jdoe", "--out", str(target))
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["trainee_id"] == "jdoe"
    assert str(target) in out


@pytest.mark.parametrize(
    ("trainee", "fragment"),
    [("j doe", "contains a space"), ("a/b", "path separator"), ("", "it is empty")],
    ids=["space", "slash", "empty"],
)
def test_invalid_trainee_option_is_a_usage_error(trainee: str, fragment: str) -> None:
    """A bad --trainee exits 2 and says what is allowed."""
    code, _out, err = _submit("--trainee", trainee)
    assert code == 2
    assert "Invalid value for '--trainee'" in err
    assert fragment in err and "1 to 100 letters" in err


def test_missing_course_folder_is_a_usage_error(tmp_path: Path) -> None:
    """--course must exist."""
    result = CliRunner().invoke(main, ["submit", "--course", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_submit_help_describes_every_option() -> None:
    """--help names --course, --trainee and --out with their help sentences."""
    result = CliRunner().invoke(main, ["submit", "--help"])
    assert result.exit_code == 0
    for option in ("--course", "--trainee", "--out"):
        assert option in result.stdout
    assert "receipt" in result.stdout
