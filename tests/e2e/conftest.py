"""Shared fixtures of the end-to-end tests: JupyterLab over the trainee course."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from skinlessons.names import COURSE_ENV, HOME_ENV, MODE_ENV, TRAINEE_ENV
from testkit.jupyterlab import LabServer, copy_trainee_course, running_lab
from testkit.lab_driver import ROOT, TRAINEE


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[tuple[LabServer, Path]]:
    """JupyterLab over the course as trainees receive it; their home is a temporary folder."""
    course = copy_trainee_course(ROOT, tmp_path / "course")
    home = tmp_path / "home"
    env: dict[str, str | None] = {
        HOME_ENV: str(home),
        TRAINEE_ENV: TRAINEE,
        COURSE_ENV: str(course),
        MODE_ENV: None,  # a real trainee session: answers are recorded
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
    }
    with running_lab(course, tmp_path / "lab", env) as server:
        yield server, home
