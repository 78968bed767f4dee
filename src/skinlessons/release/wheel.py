"""The package as a reproducible wheel that carries no quiz file.

The wheel is built from the package's source tree with ``pip wheel --no-deps`` (hatchling, the
build backend, honours ``SOURCE_DATE_EPOCH``), then rewritten entry by entry with one fixed
timestamp and fixed permissions, so the same source always gives the same bytes. The contents
are never changed, so the wheel's ``RECORD`` hashes stay valid.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath
from typing import Final

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .._util.zipped import read_entries, source_date_epoch, zip_bytes
from ..errors import ReleaseError
from ..names import QUIZ_DIR

PROJECT_NAME: Final = 'name = "skinlessons"'
_DATA_SUFFIXES: Final = (".yaml", ".yml", ".json")


def project_dir() -> Path:
    """The source tree the installed package comes from (the folder with pyproject.toml).

    Raises:
        ReleaseError: the package is not installed from a source checkout.
    """
    package = Path(__file__).resolve().parents[1]
    candidate = package.parents[1]
    pyproject = candidate / "pyproject.toml"
    is_checkout = package.parent.name == "src" and pyproject.is_file()
    if is_checkout and PROJECT_NAME in pyproject.read_text(encoding="utf-8"):
        return candidate
    raise ReleaseError(
        f"the skinlessons package at {package} is not a source checkout, so its wheel cannot "
        "be built. Fix: run from the course repository's environment (pip install -e .), or "
        "pass --wheel FILE with a wheel built from it."
    )


def build_wheel(project: Path, destination: Path) -> Path:
    """Build the wheel of ``project`` into ``destination`` and make it reproducible.

    Raises:
        ReleaseError: the build failed (pip's output is in the message).
    """
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch())}
    with tempfile.TemporaryDirectory(prefix="skinlessons-wheel-") as scratch:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", scratch]
        done = subprocess.run(
            [*command, str(project)], capture_output=True, text=True, env=env, check=False
        )
        built = sorted(Path(scratch).glob("skinlessons-*.whl"))
        if done.returncode != 0 or len(built) != 1:
            raise ReleaseError(
                f"building the skinlessons wheel from {project} failed:\n"
                f"{done.stdout[-2000:]}{done.stderr[-2000:]}\n"
                "Fix: make sure 'python -m pip wheel --no-deps .' works in that folder."
            )
        target = destination / built[0].name
        target.write_bytes(normalise_wheel(built[0].read_bytes()))
    return target


def normalise_wheel(data: bytes) -> bytes:
    """The wheel with every entry's timestamp and permissions fixed (contents and order kept)."""
    return zip_bytes(read_entries(data), keep_order=True)


def _is_quiz(name: str, content: bytes) -> bool:
    path = PurePosixPath(name)
    if QUIZ_DIR in path.parts[:-1]:
        return True
    if path.suffix not in _DATA_SUFFIXES:
        return False
    try:
        data = YAML(typ="safe").load(content)
    except (YAMLError, ValueError):
        return False
    return isinstance(data, dict) and "questions" in data


def quiz_files_in_wheel(data: bytes) -> list[str]:
    """Entries of a wheel that are quiz files (in a ``quizzes/`` folder, or with ``questions:``)."""
    return [name for name, content in read_entries(data).items() if _is_quiz(name, content)]


def check_wheel(path: Path) -> bytes:
    """The wheel's bytes, after making sure it ships no quiz file.

    Raises:
        ReleaseError: a quiz file is package data (it could carry answer keys).
    """
    data = path.read_bytes()
    found = quiz_files_in_wheel(data)
    if found:
        raise ReleaseError(
            f"the wheel {path.name} contains quiz files: {', '.join(found)}. Quiz keys must "
            "never be package data. Fix: keep quizzes in the course's quizzes/ folder, outside "
            "src/skinlessons/."
        )
    return data
