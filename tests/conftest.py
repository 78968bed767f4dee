"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.handouts import Build, run_build

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def real_course_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The course itself built once per test run, both editions, from an empty cache.

    Tests using it carry ``pytest.mark.xdist_group(REAL_COURSE_GROUP)``: under ``pytest -n 2
    --dist loadgroup`` (``make test``) they share one worker, so the build runs once.

    This is the one execution of the lesson notebooks in a test run: each lesson runs top to
    bottom in its own fresh kernel, but for the cells the build renders at export (see
    ``tests/lessons/test_execute.py``, which runs those).
    """
    return run_build(REPO, tmp_path_factory.mktemp("real-course"))
