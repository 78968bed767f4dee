"""``skinlessons build``: execute each lesson once, export the trainee and instructor handouts.

First it decides whether there is anything to do at all: one hash over every file the build
reads (:class:`.stamps.BuildStamp`), made without importing nbformat, nbclient or nbconvert.
If it matches the last successful build into the same folder, the build reports that and stops.
Otherwise :mod:`.run` does the work: it executes only the notebooks whose code or kernel inputs
changed and exports only the pages whose inputs changed; the report says whether it succeeded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..course import find_course_root, notebook_dir, quiz_dir
from .cache import (
    EXPORT_LIBRARIES,
    files_fingerprint,
    kernel_environment,
    library_versions,
    package_fingerprint,
)
from .editions import EDITIONS, Edition
from .report import BuildReport, Progress
from .stamps import BuildStamp, stamp_of

MAX_PAGE_BYTES: Final = 1_500_000
"""A handout page larger than this fails the build (1.5 MB)."""
_IGNORED_DIRS: Final = frozenset({".ipynb_checkpoints", "__pycache__"})


def _default_cite(reference_id: str) -> str | None:
    from ..facts import load_facts

    reference = load_facts().references.get(reference_id)
    return None if reference is None else reference.cite()


class BuildOptions(BaseModel):
    """What to build, where, and how."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    course: Path | None = Field(None, description="Course folder; default: found as usual.")
    editions: tuple[Edition, ...] = Field(EDITIONS, description="Editions to write.")
    out: Path | None = Field(None, description="Output folder; default <course>/build/handouts.")
    cache_dir: Path | None = Field(
        None, description="Execution cache; default <course>/build/cache."
    )
    jobs: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="Kernels at once; above 1, the editions are written in processes beside them.",
    )
    timeout_s: int = Field(600, gt=0, description="Longest a single cell may run, in seconds.")
    cite: Callable[[str], str | None] = Field(
        _default_cite, description="Citation text of a reference id (None if unknown)."
    )


def _course_files(root: Path) -> list[Path]:
    """Every file of the notebooks and quizzes folders (what a build reads from the course)."""
    found = []
    for folder in (notebook_dir(root), quiz_dir(root)):
        for path in folder.rglob("*"):
            if path.is_file() and not _IGNORED_DIRS & set(path.relative_to(root).parts):
                found.append(path)
    return found


def _git_commit(folder: Path) -> str:
    """The commit checked out where the lessons are ("" outside git): dates come from it."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def build_inputs(root: Path, editions: tuple[Edition, ...], max_page_bytes: int) -> str:
    """One hash of everything a build reads; equal hashes mean equal handouts."""
    return stamp_of(
        editions,
        max_page_bytes,
        files_fingerprint(_course_files(root), root),
        package_fingerprint(),
        library_versions(EXPORT_LIBRARIES),
        json.dumps(kernel_environment(os.environ), sort_keys=True),
        dt.date.today().isoformat(),
        _git_commit(notebook_dir(root)),
    )


def build_handouts(options: BuildOptions, progress: Progress = lambda line: None) -> BuildReport:
    """Build the handouts; see the module docstring.

    Args:
        options: what to build and where.
        progress: called with one line per step (notebook executed or cached, page written).

    Returns:
        The report; ``report.ok`` is False when a notebook failed or a page could not be written.

    Raises:
        HandoutBuildError, ContentErrors: the course itself cannot be read.
    """
    root = find_course_root(options.course)
    out = (options.out or root / "build" / "handouts").resolve()
    cache_dir = (options.cache_dir or root / "build" / "cache").resolve()
    limit = MAX_PAGE_BYTES  # read at call time, so a test can lower it
    # With a citation function of the caller's, the inputs cannot be hashed: always build.
    stamp = None
    if options.cite is _default_cite:
        stamp = BuildStamp(out, build_inputs(root, options.editions, limit))
        done = stamp.replay(progress)
        if done is not None:
            return done
    from .run import RunSettings, run_build

    settings = RunSettings(
        root=root,
        out=out,
        cache_dir=cache_dir,
        editions=options.editions,
        jobs=options.jobs,
        timeout_s=options.timeout_s,
        cite=options.cite,
        max_page_bytes=limit,
    )
    report, assets = run_build(settings, progress)
    if stamp is not None and report.ok:
        stamp.save(report, assets)
    return report


Selection = Literal["trainee", "instructor", "both"]


def editions_for(selection: Selection) -> tuple[Edition, ...]:
    """The editions a ``--edition`` choice stands for."""
    return EDITIONS if selection == "both" else (selection,)
