"""Fixtures of the handout tests."""

from __future__ import annotations

import pytest

from testkit.handouts import Build, fixture_build


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Both editions of the fixture course (tests/files/handouts/course), built once per run."""
    return fixture_build(tmp_path_factory.getbasetemp() / "handouts-fixture")
