"""Shared helpers for the release tests: a course copy, one wheel per session, editing quizzes."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
FINAL = "08_final_assessment"


def copy_course(target: Path) -> Path:
    """Copy the course's notebooks/ and quizzes/ to ``target`` and return it."""
    for folder in ("notebooks", "quizzes"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    return target


def edit_quiz(course: Path, quiz_id: str, change: Callable[[Any], None]) -> None:
    """Load ``quizzes/<quiz_id>.yaml`` round-trip, apply ``change`` to it, write it back."""
    path = course / "quizzes" / f"{quiz_id}.yaml"
    yaml = YAML(typ="rt")
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def first(data: Any, question_type: str) -> Any:
    """The first question of that type in a loaded quiz file."""
    return next(q for q in data["questions"] if q["type"] == question_type)


def all_texts(archive: bytes) -> dict[str, str]:
    """Every file in the archive, and every file inside a bundled wheel, decoded as text."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(archive)) as outer:
        for name in outer.namelist():
            content = outer.read(name)
            found[name] = content.decode("utf-8", errors="replace")
            if name.endswith(".whl"):
                with zipfile.ZipFile(io.BytesIO(content)) as wheel:
                    for inner in wheel.namelist():
                        text = wheel.read(inner).decode("utf-8", errors="replace")
                        found[f"{name}!{inner}"] = text
    return found
