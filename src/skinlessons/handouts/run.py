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
from .pages import EditionJob, LessonPage
from .report import BuildReport, ExecutionResult, Progress
from .site import last_reviewed, lesson_title
from .staging import (
    CourseSources,
    course_files_fingerprint,
    full_quizzes_fingerprint,
    load_course_sources,
    stage_key_free_course,
)
from .writers import edition_writers

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
    on_result: Callable[[ExecutionResult], None],
) -> list[ExecutionResult]:
    """Execute the notebooks the cache lacks, in a key-free copy of the course.

    The longest lessons (by code cells) start first, so no long one is left to run alone.
    """
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
        longest_first = sorted(missing, key=lambda lesson: -_code_cells(lesson.notebook))
        jobs = [ExecutionJob(lesson.path, lesson.notebook, lesson.key) for lesson in longest_first]
        return execute_notebooks(jobs, kernels, on_result)


def _code_cells(notebook: nbformat.NotebookNode) -> int:
    return sum(cell.cell_type == "code" for cell in notebook.cells)


def _titles(lessons: list[_Lesson], sources: CourseSources) -> dict[str, str]:
    return {
        lesson.path.stem: lesson_title(
            lesson.path.stem, lesson.notebook, sources.lesson(lesson.path.stem)
        )
        for lesson in lessons
    }


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
    today = dt.date.today()
    job = EditionJob(
        sources=sources,
        stems=tuple(lesson.path.stem for lesson in lessons),
        titles=_titles(lessons, sources),
        inputs=(
            package,
            library_versions(EXPORT_LIBRARIES),
            full_quizzes_fingerprint(settings.root),
        ),
        cite=settings.cite,
        max_page_bytes=settings.max_page_bytes,
        today=today,
    )
    by_stem = {lesson.path.stem: lesson for lesson in lessons}
    results: dict[str, ExecutionResult] = {}
    fork = settings.jobs > 1
    with edition_writers(settings.editions, job, settings.out, progress, fork=fork) as writers:

        def ready(result: ExecutionResult) -> None:
            """Hand a finished lesson to every edition's writer."""
            stem = result.path.stem
            results[stem] = result
            progress(result.progress_line())
            page = None
            if result.notebook is not None:
                lesson = by_stem[stem]
                merged = with_current_prose(lesson.notebook, result.notebook)
                reviewed = last_reviewed(lesson.path, merged, today)
                page = LessonPage(merged, lesson.key, lesson.source_hash, reviewed)
            for writer in writers:
                writer.add(stem, page)

        missing = []
        for lesson in lessons:
            key = lesson.key
            executed = cache.get(lesson.path.stem, key)
            if executed is None:
                missing.append(lesson)
            else:
                ready(ExecutionResult(lesson.path, "cached", 0.0, notebook=executed, key=key))
        if missing:
            _execute(missing, sources, settings, cache, ready)
        outcomes = [writer.finish() for writer in writers]
    report.executions = [results[lesson.path.stem] for lesson in lessons]
    report.problems.extend(
        result.failure.describe(result.name) for result in report.executions if result.failure
    )
    assets: dict[str, list[str]] = {}
    for outcome in outcomes:
        report.problems.extend(outcome.problems)
        report.notes.extend(outcome.notes)
        report.pages[outcome.edition] = outcome.pages
        if outcome.index is not None:
            report.indexes[outcome.edition] = outcome.index
        assets[outcome.edition] = outcome.files
    return report, assets
