"""Build the trainee release: one reproducible zip a trainee installs and a hub serves as is.

``skinlessons-trainee-<version>.zip`` holds one folder, ``skinlessons-trainee-<version>/``::

    README.md            install, start JupyterLab, set your id, submit, hand in
    requirements.txt     installs ./wheels/<the wheel> (what pip and repo2docker read)
    runtime.txt          python-3.11, for repo2docker (Binder)
    wheels/skinlessons-<version>-py3-none-any.whl
    notebooks/*.ipynb    trainee editions (no instructor or solution cells, no outputs)
    quizzes/*.yaml       formative quizzes with their keys; summative ones key-free
    quizzes/objectives.yaml
    quizzes/cases.yaml   the virtual clients of lesson 07 (formative only), when the course has it

Nothing in it depends on when or where it was built, and nothing depends on a summative key,
explanation or option feedback: changing one leaves the archive byte-identical.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Final

from .. import __version__
from .._util.zipped import read_entries, zip_bytes
from ..course import (
    cases_file,
    find_course_root,
    lesson_notebooks,
    notebook_dir,
    objectives_file,
)
from ..errors import ReleaseError
from ..handouts.editions import quiz_for
from ..names import CASES_FILE, NOTEBOOK_DIR, OBJECTIVES_FILE, QUIZ_DIR, QUIZ_SUFFIX
from ..quiz.loader import load_course_quizzes
from ..quiz.models import Quiz
from ..quiz.projection import to_yaml
from .notebooks import trainee_notebook_bytes
from .wheel import build_wheel, check_wheel, project_dir

RUNTIME: Final = "python-3.11\n"
QUIZ_HEADER: Final = "Trainee copy written by `skinlessons release`.{extra}"
SUMMATIVE_NOTE: Final = " Key-free: graded by the instructor."
_MIN_SECRET_LENGTH: Final = 20


@dataclass(frozen=True)
class ReleaseReport:
    """What ``build_release`` wrote: the archive and what it holds."""

    path: Path
    folder: str
    wheel: str
    notebooks: list[str]
    quizzes: list[str]
    summative_quizzes: list[str]
    removed_cells: int
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A few lines for the instructor: where the archive is and what is inside."""
        return "\n".join(
            [
                f"Trainee release: {self.path}",
                f"  {len(self.notebooks)} lessons ({self.removed_cells} instructor/solution "
                "cells removed), "
                f"{len(self.quizzes)} quizzes (key-free: {', '.join(self.summative_quizzes)}), "
                f"wheel {self.wheel}",
            ]
        )


def _template(name: str) -> str:
    return resources.files("skinlessons.release").joinpath("templates", name).read_text("utf-8")


def _quiz_text(quiz: Quiz) -> str:
    extra = SUMMATIVE_NOTE if quiz.is_summative else ""
    return to_yaml(quiz_for(quiz, "trainee"), header=QUIZ_HEADER.format(extra=extra))


def _secrets(quizzes: dict[str, Quiz]) -> list[tuple[str, str]]:
    """(where, text) of every summative explanation and option feedback long enough to search."""
    found = []
    for quiz in quizzes.values():
        if not quiz.is_summative:
            continue
        for question in quiz.questions:
            texts = [question.explanation or ""]
            texts += [option.feedback or "" for option in getattr(question, "options", [])]
            found += [(f"{quiz.id}/{question.id}", text) for text in texts]
    return [(where, text) for where, text in found if len(text) >= _MIN_SECRET_LENGTH]


def check_no_secrets(entries: dict[str, bytes], quizzes: dict[str, Quiz]) -> None:
    """Refuse a release in which a summative explanation or option feedback appears.

    The wheel is searched entry by entry (it is itself a zip).

    Raises:
        ReleaseError: naming the archive entry and the question the text belongs to.
    """
    blobs = dict(entries)
    for name, content in entries.items():
        if name.endswith(".whl"):
            blobs.update({f"{name}!{inner}": data for inner, data in read_entries(content).items()})
    for where, secret in _secrets(quizzes):
        needle = secret.encode("utf-8")
        for name, content in blobs.items():
            if needle in content:
                raise ReleaseError(
                    f"{name} contains the explanation or feedback of summative question "
                    f"{where}. Fix: remove it from that file (tag the notebook cell "
                    "'instructor'), then build the release again."
                )


def release_entries(root: Path, wheel_path: Path) -> tuple[dict[str, bytes], ReleaseReport]:
    """Every file of the release (archive name → bytes) and the report, for the course at root."""
    course = load_course_quizzes(root)
    folder = f"skinlessons-trainee-{__version__}"
    wheel_bytes = check_wheel(wheel_path)
    entries: dict[str, bytes] = {}

    def add(name: str, content: bytes) -> None:
        entries[f"{folder}/{name}"] = content

    notebooks = lesson_notebooks(root)
    if not notebooks:
        raise ReleaseError(
            f"no lesson notebooks in {notebook_dir(root)}. Fix: pass --course DIR pointing at "
            "the course folder (the one with notebooks/ and quizzes/)."
        )
    removed = 0
    for path in notebooks:
        content, count = trainee_notebook_bytes(path.read_text("utf-8"), where=str(path))
        add(f"{NOTEBOOK_DIR}/{path.name}", content)
        removed += count
    for quiz_id, quiz in course.quizzes.items():
        add(f"{QUIZ_DIR}/{quiz_id}{QUIZ_SUFFIX}", _quiz_text(quiz).encode("utf-8"))
    add(f"{QUIZ_DIR}/{OBJECTIVES_FILE}", objectives_file(root).read_bytes())
    if cases_file(root).is_file():
        add(f"{QUIZ_DIR}/{CASES_FILE}", cases_file(root).read_bytes())
    add(f"wheels/{wheel_path.name}", wheel_bytes)
    requirements = _template("requirements.txt").replace("@WHEEL@", wheel_path.name)
    add("requirements.txt", requirements.encode("utf-8"))
    add("runtime.txt", RUNTIME.encode("utf-8"))
    readme = _template("README.md").replace("@VERSION@", __version__)
    add("README.md", readme.replace("@WHEEL@", wheel_path.name).encode("utf-8"))
    check_no_secrets(entries, course.quizzes)
    report = ReleaseReport(
        path=Path(),
        folder=folder,
        wheel=wheel_path.name,
        notebooks=[path.stem for path in notebooks],
        quizzes=sorted(course.quizzes),
        summative_quizzes=sorted(q.id for q in course.quizzes.values() if q.is_summative),
        removed_cells=removed,
        files=sorted(entries),
    )
    return entries, report


def build_release(
    course: Path | str | None = None, *, out: Path | None = None, wheel: Path | None = None
) -> ReleaseReport:
    """Write ``skinlessons-trainee-<version>.zip`` into ``out`` (default: ``<course>/dist``).

    Args:
        course: the course folder (default: found from ``$SKINLESSONS_COURSE`` or upwards).
        out: the folder to write the archive into (created if missing).
        wheel: a wheel to bundle instead of building one from the package's source tree.

    Raises:
        ReleaseError: no notebooks, the wheel cannot be built or carries quiz files, a
            summative explanation appears in a file, or the archive cannot be written.
        ContentErrors: a quiz file has problems (run ``skinlessons check``).
    """
    root = find_course_root(course)
    target_dir = out if out is not None else root / "dist"
    with tempfile.TemporaryDirectory(prefix="skinlessons-release-") as scratch:
        wheel_path = wheel if wheel is not None else build_wheel(project_dir(), Path(scratch))
        entries, report = release_entries(root, wheel_path)
    path = target_dir / f"{report.folder}.zip"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(zip_bytes(entries))
    except OSError as exc:
        raise ReleaseError(
            f"could not write {path} ({exc.strerror or exc}). Fix: choose another --out folder."
        ) from exc
    return dataclasses.replace(report, path=path)
