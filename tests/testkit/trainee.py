"""A clean trainee environment for tests: a temporary home, no skinlessons variables set."""

from __future__ import annotations

from pathlib import Path

import pytest

from skinlessons.names import COURSE_ENV, HOME_ENV, HUB_USER_ENV, MODE_ENV, TRAINEE_ENV
from skinlessons.trainee.mode import UNATTENDED

COURSE_DIR = Path(__file__).parents[1] / "files" / "course_live_quiz"
"""A tiny course: a formative quiz with one question of each type, and a summative one."""
LESSON_QUIZ = "10_fixture_lesson"
FINAL_QUIZ = "19_fixture_final"


def isolate_trainee(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point the user's home at ``tmp_path/home`` and clear every skinlessons setting.

    Returns the fake home; the real home is never read or written.
    """
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    for name in (HOME_ENV, MODE_ENV, TRAINEE_ENV, HUB_USER_ENV, COURSE_ENV):
        monkeypatch.delenv(name, raising=False)
    UNATTENDED.forget()
    return home


def all_files(folder: Path) -> list[Path]:
    """Every file below ``folder``, sorted."""
    return sorted(path for path in folder.rglob("*") if path.is_file())


def live_trainee(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, trainee_id: str = "jdoe") -> Path:
    """A clean trainee environment with a data folder and a trainee id set; returns the folder."""
    isolate_trainee(monkeypatch, tmp_path)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(TRAINEE_ENV, trainee_id)
    return tmp_path / "data"
