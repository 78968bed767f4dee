"""The trainee release of a pooled final: key-free, and the draw in it is the grader's."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from skinlessons.quiz.draw import drawn_ids
from skinlessons.quiz.loader import load_course_quizzes
from skinlessons.quiz.models import Quiz
from skinlessons.release import build_release
from skinlessons.release.wheel import build_wheel, project_dir
from testkit.release import FINAL, all_texts, copy_course, edit_quiz, plant_sentinels

SENTINEL = "SENTINEL-5e2a"
SENTINEL_NUMBER = "6161.2929"
POOLS = [
    {"id": "slot-peel-depth", "draw": 1,
     "questions": ["final-medium-peel-level", "final-procedure-depth-match"]},
    {"id": "slot-free-acid", "draw": 1,
     "questions": ["final-salicylic-free-acid-ph-4", "final-same-percent-different-ph"]},
]  # fmt: skip


def _pooled_with_sentinels(data: Any) -> None:
    data["pools"] = POOLS
    plant_sentinels(data, SENTINEL, SENTINEL_NUMBER, tail=" and more words")


def test_a_pooled_final_ships_key_free_with_the_pools_the_grader_draws(tmp_path: Path) -> None:
    course = copy_course(tmp_path / "course")
    edit_quiz(course, FINAL, _pooled_with_sentinels)
    instructor = load_course_quizzes(course).quizzes[FINAL]
    assert len(instructor.pools) == 2
    (tmp_path / "wheel").mkdir()
    wheel = build_wheel(project_dir(), tmp_path / "wheel")
    archive = build_release(course, out=tmp_path / "out", wheel=wheel).path.read_bytes()
    texts = all_texts(archive)
    assert [
        name for name, text in texts.items() if SENTINEL in text or SENTINEL_NUMBER in text
    ] == []
    with zipfile.ZipFile(io.BytesIO(archive)) as bundle:
        name = next(n for n in bundle.namelist() if n.endswith(f"quizzes/{FINAL}.yaml"))
        shipped = Quiz.model_validate(YAML(typ="safe").load(bundle.read(name)))
    assert shipped.key_free
    assert all(question.key_value() is None for question in shipped.questions)
    assert shipped.pools == instructor.pools
    for trainee in ("ana", "ben", "cai", "dee", "eve"):
        for sitting in (1, 2):
            assert drawn_ids(shipped, trainee, sitting) == drawn_ids(instructor, trainee, sitting)
