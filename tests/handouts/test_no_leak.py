"""No summative key or explanation reaches any file a trainee build writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.handouts import copy_course, run_build
from testkit.release import edit_quiz, plant_sentinels

pytestmark = pytest.mark.slow

SENTINEL = "SENTINEL-7f3a"
SENTINEL_NUMBER = "7373.4242"


def _files_containing(folder: Path, needles: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            found.extend(f"{path}: {needle}" for needle in needles if needle in text)
    return found


@pytest.mark.parametrize(
    "editions", [("trainee",), ("trainee", "instructor")], ids=["trainee", "both"]
)
def test_summative_answers_never_reach_trainee_files(
    tmp_path: Path, editions: tuple[str, ...]
) -> None:
    """Sentinel keys/explanations appear in no trainee page, asset or cached notebook."""
    course = copy_course(tmp_path / "course")
    edit_quiz(course, "03_final", lambda data: plant_sentinels(data, SENTINEL, SENTINEL_NUMBER))
    build = run_build(course, tmp_path, editions=editions)
    assert build.report.ok, build.report.problems
    needles = (SENTINEL, SENTINEL_NUMBER)
    assert _files_containing(build.out / "trainee", needles) == []
    assert _files_containing(build.cache, needles) == []
    if "instructor" in editions:
        # The check can fail: the instructor edition does carry the planted answers.
        final = build.page("instructor", "03_final")
        assert f"{SENTINEL}-KEY-1" in final
        assert f"{SENTINEL}-EXPLANATION-0" in final
        assert f"{SENTINEL}-FEEDBACK-0" in final
        assert "7373.42" in final
