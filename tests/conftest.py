"""Fixtures shared by every test folder."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from skinlessons.facts import Facts, load_facts
from skinlessons.names import HOME_ENV
from testkit.handouts import Build, run_build
from testkit.trainee import isolate_trainee

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def real_course_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Build:
    """The course itself built once per test run, both editions, from an empty cache.

    This is the one execution of the lesson notebooks in a test run: each lesson runs top to
    bottom in its own fresh kernel, but for the cells the build renders at export (see
    ``tests/lessons/test_execute.py``, which runs those). Under ``pytest -n 2`` the workers share
    one cache and take turns: the first builds and executes, a later one finds every lesson in
    the build cache this run filled (status ``cached``) and executes nothing. Each worker writes
    its own pages, so no worker reads a page while another rewrites it.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the xdist workers of one run share this folder
    with (shared / "real-course.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return run_build(REPO, shared / "real-course", out_name=f"out-{worker_id}")


@pytest.fixture(scope="session")
def facts() -> Facts:
    """The course facts from the package data (loaded once)."""
    return load_facts()


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A clean trainee environment whose data folder (``SKINLESSONS_HOME``) is ``tmp_path/data``."""
    isolate_trainee(monkeypatch, tmp_path)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    return tmp_path / "data"
