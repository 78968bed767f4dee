"""Fixtures of the gradebook tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.gradebook import COHORT, final_answers, make_submission, write_json


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """The hand-worked cohort's submission files (:data:`testkit.gradebook.COHORT`), ana with
    one lesson answer too, in ``tmp_path/handed-in``."""
    folder = tmp_path / "handed-in"
    for trainee, marks in COHORT.items():
        lesson = {"gradebook-free-acid": "half"} if trainee == "ana" else None
        write_json(
            folder, f"{trainee}.json", make_submission(trainee, final_answers(marks), lesson)
        )
    return folder
