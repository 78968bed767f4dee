"""``skinlessons check --data DIR``: exit codes and file:line output on good and broken data."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.facts import default_data_dir

FIXTURES = Path(__file__).parents[1] / "files" / "facts"
REPO = Path(__file__).resolve().parents[2]


def data_copy(tmp_path: Path, case: str | None = None) -> Path:
    """A copy of the package data, with one case's broken files swapped in if given."""
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    if case is not None:
        for fixture in (FIXTURES / case).glob("*.yaml"):
            shutil.copy(fixture, data / fixture.name)
    return data


FACTS_ONLY = ("--only", "facts")
"""Run only the data checker, so these tests do not depend on the quiz files."""


def test_check_on_broken_data_exits_1_and_prints_file_and_line(tmp_path: Path) -> None:
    """A broken copy is reported as path:line with the rule, and the command exits 1."""
    data = data_copy(tmp_path, "unknown_reference")
    result = CliRunner().invoke(main, ["check", *FACTS_ONLY, "--data", str(data)])
    assert result.exit_code == 1, result.output
    assert f"{data / 'phototypes.yaml'}:17: phototypes.2.references.1: unknown reference id" in (
        result.output
    )
    assert "1 problem found." in result.output


def test_check_on_bad_yaml_reports_the_line(tmp_path: Path) -> None:
    """Unreadable YAML in an edited copy is reported at its line, exit 1."""
    data = data_copy(tmp_path, "bad_yaml")
    result = CliRunner().invoke(main, ["check", *FACTS_ONLY, "--data", str(data)])
    assert result.exit_code == 1
    assert f"{data / 'claims.yaml'}:5: not valid YAML" in result.output


def test_check_on_good_data_exits_0_with_counts(tmp_path: Path) -> None:
    """An unchanged copy of the data passes, and the summary counts what was checked."""
    result = CliRunner().invoke(main, ["check", *FACTS_ONLY, "--data", str(data_copy(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "All good: 234 references" in result.output


def test_check_with_missing_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    """A --data folder that does not exist is a usage error (exit 2)."""
    result = CliRunner().invoke(main, ["check", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "--data" in result.output


def test_full_check_of_this_course_with_a_data_copy_passes(tmp_path: Path) -> None:
    """The repository's course and an unchanged data copy pass the whole check together."""
    data = data_copy(tmp_path)
    result = CliRunner().invoke(main, ["check", "--course", str(REPO), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "234 references" in result.output
    assert "quizzes" in result.output
