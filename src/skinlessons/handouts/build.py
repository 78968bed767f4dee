"""``skinlessons build``: execute each lesson once, export the trainee and instructor handouts.

Steps: read the course; stage a key-free copy for the kernels; execute every notebook an edition
needs (in parallel, cached); export each edition's pages from the same executed notebooks with
reusable exporters; write assets and index pages; report. A failing notebook is reported with
its cell and error and the rest still build; the report says whether the build succeeded.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..course import find_course_root, notebook_dir
from ..errors import HandoutBuildError
from ..names import COURSE_ENV, HOME_ENV, MODE_ENV
from .cache import ExecutionCache, PageStamps, package_fingerprint
from .execute import ExecutionResult, ExecutionSettings, execute_notebooks
from .export import export_page, lab_css, make_exporter
from .quiz_html import EDITIONS, Edition
from .site import (
    EDITION_LABELS,
    SCRIPTS,
    STYLESHEETS,
    PageLink,
    asset_paths,
    last_reviewed,
    lesson_title,
    write_assets,
    write_index,
)
from .staging import (
    CourseSources,
    full_quizzes_fingerprint,
    load_course_sources,
    stage_key_free_course,
)

MAX_PAGE_BYTES: Final = 1_500_000
"""A handout page larger than this fails the build (1.5 MB)."""
BUILD_MODE: Final = "build"


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
        default_factory=lambda: os.cpu_count() or 1, ge=1, description="Kernels at once."
    )
    timeout_s: int = Field(600, gt=0, description="Longest a single cell may run, in seconds.")
    cite: Callable[[str], str | None] = Field(
        _default_cite, description="Citation text of a reference id (None if unknown)."
    )


@dataclass
class BuildReport:
    """What a build did: per-notebook execution, pages written, problems found."""

    out: Path
    executions: list[ExecutionResult] = field(default_factory=list)
    pages: dict[str, list[Path]] = field(default_factory=dict)
    indexes: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every notebook executed and every page was written."""
        return not self.problems

    def status_of(self, name: str) -> str | None:
        """``executed``, ``cached`` or ``failed`` for a notebook file name, if it was run."""
        for result in self.executions:
            if result.name == name:
                return result.status
        return None


Progress = Callable[[str], None]


def _progress_line(result: ExecutionResult) -> str:
    if result.status == "cached":
        return f"cached    {result.name}"
    if result.status == "executed":
        return f"executed  {result.name} in {result.seconds:.1f} s"
    failure = result.failure.describe(result.name) if result.failure else result.name
    return f"FAILED    {failure}"


def _notebooks_needed(sources: CourseSources, editions: tuple[Edition, ...]) -> list[Path]:
    if "instructor" in editions:
        return list(sources.notebooks)
    return [path for path in sources.notebooks if not sources.is_summative(path.stem)]


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
    sources = load_course_sources(root)
    out = (options.out or root / "build" / "handouts").resolve()
    cache = ExecutionCache((options.cache_dir or root / "build" / "cache").resolve())
    report = BuildReport(out)
    paths = _notebooks_needed(sources, options.editions)
    # Both read every file they cover: once per build, not once per notebook or edition.
    package = package_fingerprint()
    page_inputs = (package, full_quizzes_fingerprint(root))
    with tempfile.TemporaryDirectory(prefix="skinlessons-build-") as scratch:
        staged = stage_key_free_course(sources, Path(scratch) / "course")
        env = {
            **os.environ,
            COURSE_ENV: str(staged),
            MODE_ENV: BUILD_MODE,
            HOME_ENV: str(Path(scratch) / "home"),
        }
        settings = ExecutionSettings(
            cwd=notebook_dir(staged),
            env=env,
            cache=cache,
            package_fingerprint=package,
            quizzes_fingerprint=sources.key_free_fingerprint(),
            jobs=options.jobs,
            timeout_s=options.timeout_s,
        )
        staged_paths = [notebook_dir(staged) / path.name for path in paths]
        report.executions = execute_notebooks(
            staged_paths, settings, lambda result: progress(_progress_line(result))
        )
    report.problems.extend(
        result.failure.describe(result.name) for result in report.executions if result.failure
    )
    executed = {result.path.stem: result for result in report.executions if result.notebook}
    for edition in options.editions:
        _write_edition(edition, sources, executed, page_inputs, options, report, progress)
    return report


def _write_edition(
    edition: Edition,
    sources: CourseSources,
    executed: dict[str, ExecutionResult],
    page_inputs: tuple[str, str],
    options: BuildOptions,
    report: BuildReport,
    progress: Progress,
) -> None:
    folder = report.out / edition
    folder.mkdir(parents=True, exist_ok=True)
    exporter = make_exporter(edition)
    write_assets(folder, lab_css(exporter))
    today = dt.date.today()
    stems = [
        path.stem
        for path in sources.notebooks
        if path.stem in executed
        and (edition == "instructor" or not sources.is_summative(path.stem))
    ]
    notebooks = {stem: notebook for stem in stems if (notebook := executed[stem].notebook)}
    titles = {stem: lesson_title(stem, notebooks[stem], sources.lesson(stem)) for stem in stems}
    stamps = PageStamps(folder)
    inputs = (*page_inputs, edition)
    links = [PageLink(f"{stem}.html", titles[stem]) for stem in stems]
    written: list[Path] = []
    listed: list[dict[str, Any]] = []
    for position, stem in enumerate(stems):
        notebook = notebooks[stem]
        source_path = notebook_dir(sources.root) / f"{stem}.ipynb"
        reviewed, reviewed_source = last_reviewed(source_path, notebook, today)
        page = {
            "title": titles[stem],
            "edition": edition,
            "edition_label": EDITION_LABELS[edition],
            "course_title": sources.objectives.title,
            "previous": links[position - 1] if position > 0 else None,
            "next": links[position + 1] if position + 1 < len(links) else None,
            "stylesheets": asset_paths(STYLESHEETS),
            "scripts": asset_paths(SCRIPTS) if edition == "trainee" else [],
            "last_reviewed": reviewed,
            "last_reviewed_source": reviewed_source,
        }
        context = {
            "edition": edition,
            "notebook": f"notebooks/{stem}.ipynb",
            "quizzes": sources.quizzes,
            "cite": options.cite,
            "cell_numbers": {
                cell.get("id"): number for number, cell in enumerate(notebook.cells, start=1)
            },
        }
        path = folder / f"{stem}.html"
        stamp = PageStamps.stamp(inputs, executed[stem].key, page)
        lesson = sources.lesson(stem)
        entry = {
            "href": f"{stem}.html",
            "title": titles[stem],
            "duration_min": lesson.duration_min if lesson else None,
            "objectives": list(lesson.objectives) if lesson else [],
        }
        if stamps.is_current(path, stamp):
            written.append(path)
            listed.append(entry)
            progress(f"unchanged {edition}/{stem}.html")
            continue
        try:
            html, resources = export_page(
                exporter, notebook, context=context, page=page, notebook_folder=source_path.parent
            )
        except HandoutBuildError as exc:
            report.problems.append(str(exc))
            progress(f"FAILED    {edition}/{stem}.html: {exc}")
            continue
        size = len(html.encode("utf-8"))
        if size > MAX_PAGE_BYTES:
            report.problems.append(
                f"{edition}/{stem}.html is {size / 1e6:.2f} MB, over the "
                f"{MAX_PAGE_BYTES / 1e6:g} MB limit — notebooks/{stem}.ipynb. "
                "Fix: show fewer or smaller figures (lower dpi), or split the lesson."
            )
            progress(f"FAILED    {edition}/{stem}.html: {size / 1e6:.2f} MB is too large")
            continue
        path.write_text(html, encoding="utf-8")
        stamps.record(path, stamp)
        written.append(path)
        report.notes.extend(resources.get("handout", {}).get("notes", []))
        progress(f"wrote     {edition}/{stem}.html ({size / 1024:.0f} KB)")
        listed.append(entry)
    stamps.save(written)
    report.pages[edition] = written
    report.indexes[edition] = write_index(folder, edition, listed, today, sources.objectives.title)


Selection = Literal["trainee", "instructor", "both"]


def editions_for(selection: Selection) -> tuple[Edition, ...]:
    """The editions a ``--edition`` choice stands for."""
    return EDITIONS if selection == "both" else (selection,)
