"""A build that has something to do: read the course, execute what the cache lacks, write pages.

Steps: read the course (full quizzes, objectives, the notebooks as they are now); key each
notebook on its code (:mod:`.cache`); take what the cache holds; stage a key-free copy of the
course and execute only the rest, in parallel; put the code outputs into the current notebooks,
so the prose is always today's; write each edition, exporting only the pages whose inputs
changed. A failing notebook is reported with its cell and error and the rest still build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..course import notebook_dir
from ..names import COURSE_ENV, HOME_ENV, MODE_ENV
from .cache import (
    EXPORT_LIBRARIES,
    ExecutionCache,
    cache_key,
    kernel_environment,
    library_versions,
    package_fingerprint,
    with_current_prose,
)
from .editions import Edition, has_lesson_page
from .pages import EditionJob, LessonPage, write_edition
from .report import BuildReport, ExecutionResult, Progress
from .site import last_reviewed
from .staging import (
    CourseSources,
    course_files_fingerprint,
    full_quizzes_fingerprint,
    load_course_sources,
    stage_key_free_course,
)

BUILD_MODE = "build"


@dataclass(frozen=True)
class RunSettings:
    """Where a build reads and writes, and how it runs kernels."""

    root: Path
    out: Path
    cache_dir: Path
    editions: tuple[Edition, ...]
    jobs: int
    timeout_s: int
    cite: Callable[[str], str | None]
    max_page_bytes: int


@dataclass(frozen=True)
class _Lesson:
    path: Path
    notebook: nbformat.NotebookNode
    key: str
    source_hash: str


def _read_lessons(
    sources: CourseSources, editions: tuple[Edition, ...], package: str
) -> list[_Lesson]:
    """The notebooks some edition has a page for, as they are now, with their cache keys."""
    shared = (
        package,
        json.dumps(kernel_environment(os.environ), sort_keys=True),
        sources.key_free_fingerprint(),
        course_files_fingerprint(sources.root),
    )
    lessons = []
    for path in sources.notebooks:
        summative = sources.is_summative(path.stem)
        if not any(has_lesson_page(edition, summative=summative) for edition in editions):
            continue
        raw = path.read_bytes()
        notebook = nbformat.reads(raw.decode("utf-8"), as_version=4)
        source_hash = hashlib.sha256(raw).hexdigest()
        lessons.append(_Lesson(path, notebook, cache_key(notebook, *shared), source_hash))
    return lessons


def _execute(
    missing: list[_Lesson],
    sources: CourseSources,
    settings: RunSettings,
    cache: ExecutionCache,
    progress: Progress,
) -> list[ExecutionResult]:
    """Execute the notebooks the cache lacks, in a key-free copy of the course."""
    from .execute import ExecutionJob, ExecutionSettings, execute_notebooks

    with tempfile.TemporaryDirectory(prefix="skinlessons-build-") as scratch:
        staged = stage_key_free_course(sources, Path(scratch) / "course")
        env = {
            **os.environ,
            COURSE_ENV: str(staged),
            MODE_ENV: BUILD_MODE,
            HOME_ENV: str(Path(scratch) / "home"),
        }
        kernels = ExecutionSettings(
            cwd=notebook_dir(staged),
            env=env,
            cache=cache,
            jobs=settings.jobs,
            timeout_s=settings.timeout_s,
        )
        jobs = [ExecutionJob(lesson.path, lesson.notebook, lesson.key) for lesson in missing]
        return execute_notebooks(jobs, kernels, lambda result: progress(result.progress_line()))


def run_build(
    settings: RunSettings, progress: Progress
) -> tuple[BuildReport, dict[str, list[str]]]:
    """Build the handouts; see the module docstring.

    Returns:
        The report, and per edition the asset files written (for the build stamp).

    Raises:
        HandoutBuildError, ContentErrors: the course itself cannot be read.
    """
    sources = load_course_sources(settings.root)
    cache = ExecutionCache(settings.cache_dir)
    report = BuildReport(settings.out)
    package = package_fingerprint()  # reads every package file: once per build
    lessons = _read_lessons(sources, settings.editions, package)
    results: dict[str, ExecutionResult] = {}
    missing = []
    for lesson in lessons:
        executed = cache.get(lesson.path.stem, lesson.key)
        if executed is None:
            missing.append(lesson)
            continue
        result = ExecutionResult(lesson.path, "cached", 0.0, notebook=executed, key=lesson.key)
        results[lesson.path.stem] = result
        progress(result.progress_line())
    if missing:
        for result in _execute(missing, sources, settings, cache, progress):
            results[result.path.stem] = result
    report.executions = [results[lesson.path.stem] for lesson in lessons]
    report.problems.extend(
        result.failure.describe(result.name) for result in report.executions if result.failure
    )
    today = dt.date.today()
    pages = {}
    for lesson in lessons:
        executed = results[lesson.path.stem].notebook
        if executed is None:
            continue
        merged = with_current_prose(lesson.notebook, executed)
        reviewed = last_reviewed(lesson.path, merged, today)
        pages[lesson.path.stem] = LessonPage(merged, lesson.key, lesson.source_hash, reviewed)
    job = EditionJob(
        sources=sources,
        lessons=pages,
        inputs=(
            package,
            library_versions(EXPORT_LIBRARIES),
            full_quizzes_fingerprint(settings.root),
        ),
        cite=settings.cite,
        max_page_bytes=settings.max_page_bytes,
        today=today,
    )
    assets: dict[str, list[str]] = {
        edition: write_edition(edition, job, report, progress) for edition in settings.editions
    }
    return report, assets
