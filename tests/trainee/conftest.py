"""Fixtures of the trainee runtime tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.trainee import isolate_trainee


@pytest.fixture
def fake_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A temporary user home and no skinlessons setting (see ``isolate_trainee``)."""
    return isolate_trainee(monkeypatch, tmp_path)
