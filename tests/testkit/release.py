"""Shared helpers for the release tests: a course copy, one wheel per session, editing quizzes,
and a wheelhouse of the package's dependencies for installing a release without an index."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
FINAL = "08_final_assessment"
WHEELHOUSES = ROOT / "build" / "test-wheelhouse"
"""Kept between test runs (``make clean`` removes it); one folder per set of requirements."""


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


def plant_sentinels(data: Any, sentinel: str, number: str, *, tail: str = "") -> None:
    """Replace each explanation, option feedback, free-text key and numeric key of a loaded quiz
    file by ``sentinel`` texts and the ``number`` (a template's key rule: its tolerance)."""
    for index, question in enumerate(data["questions"]):
        question["explanation"] = f"{sentinel}-EXPLANATION-{index}{tail}"
        for option in question.get("options", []):
            option["feedback"] = f"{sentinel}-FEEDBACK-{index}{tail}"
        if question["type"] == "short_text":
            question["key"] = [f"{sentinel}-KEY-{index}"]
        if question["type"] == "numeric" and "template" in question:
            question["template"]["tolerance"] = float(number)
        elif question["type"] == "numeric":
            question["key"] = {"value": float(number), "tolerance": 0}


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


def requirements_of(wheel: Path) -> list[str]:
    """The ``Requires-Dist`` lines of a wheel's metadata, but those of an extra, sorted."""
    with zipfile.ZipFile(wheel) as opened:
        name = next(n for n in opened.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = opened.read(name).decode("utf-8")
    found = [
        line.removeprefix("Requires-Dist:").strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    ]
    return sorted(line for line in found if "extra ==" not in line)


def wheelhouse(wheel: Path) -> Path:
    """A folder holding a wheel of every dependency of ``wheel`` (and theirs), for
    ``pip install --no-index --find-links``.

    Built once with ``pip wheel`` under ``build/test-wheelhouse/<key>``, the key being a hash
    of the requirements and this Python; later runs reuse it and download nothing.
    """
    requirements = requirements_of(wheel)
    tag = f"{sys.implementation.cache_tag}\n{sys.platform}\n" + "\n".join(requirements)
    target = WHEELHOUSES / hashlib.sha256(tag.encode()).hexdigest()[:16]
    if target.is_dir():
        return target
    WHEELHOUSES.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".partial-", dir=WHEELHOUSES))
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(scratch)]
    done = subprocess.run([*command, *requirements], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(scratch, ignore_errors=True)
        raise AssertionError(f"pip wheel failed for {requirements}:\n{done.stderr[-3000:]}")
    try:
        scratch.rename(target)
    except OSError:  # another run finished the same wheelhouse first
        shutil.rmtree(scratch, ignore_errors=True)
    return target
