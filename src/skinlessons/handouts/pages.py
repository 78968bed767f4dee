"""Write one edition's folder: its lesson pages (only those whose inputs changed), assets, index.

A page is made from the lesson as it is now (prose, tags, metadata) with the code outputs of its
execution (:func:`.cache.with_current_prose`), the full quizzes, the navigation and the dates.
Its stamp hashes all of these; a page whose stamp is unchanged is left as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..course import notebook_dir
from ..errors import HandoutBuildError
from ..facts import load_facts
from .editions import Edition, has_lesson_page
from .forms import FORMS_DIR, form_links, write_forms
from .report import BuildReport, Progress
from .site import (
    ASSET_FILES,
    ASSETS_DIR,
    EDITION_LABELS,
    STYLESHEETS,
    PageLink,
    asset_paths,
    lesson_title,
    page_scripts,
    write_assets,
    write_index,
)
from .staging import CourseSources
from .stamps import PageStamps, stamp_of

if TYPE_CHECKING:
    from nbconvert import HTMLExporter
    from nbformat import NotebookNode


@dataclass(frozen=True)
class LessonPage:
    """What one lesson's pages are made from: the merged notebook, and the hashes behind it."""

    notebook: NotebookNode
    execution_key: str
    source_hash: str
    reviewed: tuple[str, str]


@dataclass(frozen=True)
class EditionJob:
    """Everything an edition's pages share."""

    sources: CourseSources
    lessons: dict[str, LessonPage]
    inputs: tuple[str, ...]
    cite: Callable[[str], str | None]
    max_page_bytes: int
    today: dt.date


class _Exporter:
    """The edition's HTMLExporter, made (and nbconvert imported) only when first needed."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self._made: HTMLExporter | None = None

    def get(self) -> HTMLExporter:
        if self._made is None:
            from .export import make_exporter

            self._made = make_exporter(self.edition)
        return self._made


def write_edition(
    edition: Edition, job: EditionJob, report: BuildReport, progress: Progress
) -> list[str]:
    """Write ``<out>/<edition>/``; record pages, index and problems in ``report``.

    Returns:
        The asset files and the forms of the edition folder (relative to it).
    """
    folder = report.out / edition
    folder.mkdir(parents=True, exist_ok=True)
    exporter = _Exporter(edition)
    stamps = PageStamps(folder)
    sources = job.sources
    stems = [
        path.stem
        for path in sources.notebooks
        if path.stem in job.lessons
        and has_lesson_page(edition, summative=sources.is_summative(path.stem))
    ]
    titles = {
        stem: lesson_title(stem, job.lessons[stem].notebook, sources.lesson(stem)) for stem in stems
    }
    links = [PageLink(f"{stem}.html", titles[stem]) for stem in stems]
    written: list[Path] = []
    listed: list[dict[str, Any]] = []
    for position, stem in enumerate(stems):
        lesson = sources.lesson(stem)
        entry = {
            "href": f"{stem}.html",
            "title": titles[stem],
            "duration_min": lesson.duration_min if lesson else None,
            "objectives": list(lesson.objectives) if lesson else [],
        }
        previous = links[position - 1] if position > 0 else None
        following = links[position + 1] if position + 1 < len(links) else None
        page = _page_context(
            edition, titles[stem], previous, following, job.lessons[stem], sources.objectives.title
        )
        path = _write_page(edition, stem, page, job, exporter, stamps, report, progress)
        if path is not None:
            written.append(path)
            listed.append(entry)
    assets = _write_assets(folder, exporter, stamps, job.inputs)
    stamps.save([*written, folder / ASSETS_DIR])
    report.pages[edition] = written
    forms = write_forms(folder, edition, load_facts(), sources.objectives.title, job.today)
    progress(f"wrote     {edition}/{FORMS_DIR}/ ({len(forms)} forms)")
    report.indexes[edition] = write_index(
        folder, edition, listed, job.today, sources.objectives.title, form_links()
    )
    return [*assets, *forms]


def _page_context(
    edition: Edition,
    title: str,
    previous: PageLink | None,
    following: PageLink | None,
    lesson: LessonPage,
    course_title: str,
) -> dict[str, Any]:
    """What the page template reads besides the notebook."""
    return {
        "title": title,
        "edition": edition,
        "edition_label": EDITION_LABELS[edition],
        "course_title": course_title,
        "previous": previous,
        "next": following,
        "stylesheets": asset_paths(STYLESHEETS),
        "scripts": page_scripts(edition),
        "last_reviewed": lesson.reviewed[0],
        "last_reviewed_source": lesson.reviewed[1],
    }


def _write_page(
    edition: Edition,
    stem: str,
    page: dict[str, Any],
    job: EditionJob,
    exporter: _Exporter,
    stamps: PageStamps,
    report: BuildReport,
    progress: Progress,
) -> Path | None:
    """Export one page unless it is current; None when it could not be written."""
    lesson = job.lessons[stem]
    path = report.out / edition / f"{stem}.html"
    stamp = stamp_of(job.inputs, edition, lesson.execution_key, lesson.source_hash, page)
    if stamps.is_current(path, stamp):
        progress(f"unchanged {edition}/{stem}.html")
        return path
    from .export import export_page

    source_path = notebook_dir(job.sources.root) / f"{stem}.ipynb"
    context = {
        "edition": edition,
        "notebook": f"notebooks/{stem}.ipynb",
        "quizzes": job.sources.quizzes,
        "cite": job.cite,
        "cell_numbers": {
            cell.get("id"): number for number, cell in enumerate(lesson.notebook.cells, start=1)
        },
    }
    try:
        html, resources = export_page(
            exporter.get(),
            lesson.notebook,
            context=context,
            page=page,
            notebook_folder=source_path.parent,
        )
    except HandoutBuildError as exc:
        report.problems.append(str(exc))
        progress(f"FAILED    {edition}/{stem}.html: {exc}")
        return None
    size = len(html.encode("utf-8"))
    if size > job.max_page_bytes:
        report.problems.append(
            f"{edition}/{stem}.html is {size / 1e6:.2f} MB, over the "
            f"{job.max_page_bytes / 1e6:g} MB limit — notebooks/{stem}.ipynb. "
            "Fix: show fewer or smaller figures (lower dpi), or split the lesson."
        )
        progress(f"FAILED    {edition}/{stem}.html: {size / 1e6:.2f} MB is too large")
        return None
    path.write_text(html, encoding="utf-8")
    stamps.record(path, stamp)
    report.notes.extend(resources.get("handout", {}).get("notes", []))
    progress(f"wrote     {edition}/{stem}.html ({size / 1024:.0f} KB)")
    return path


def _write_assets(
    folder: Path, exporter: _Exporter, stamps: PageStamps, inputs: tuple[str, ...]
) -> list[str]:
    """Write the shared assets unless they are current; their paths relative to ``folder``."""
    assets = folder / ASSETS_DIR
    names = [f"{ASSETS_DIR}/{name}" for name in ASSET_FILES]
    stamp = stamp_of(inputs, "assets")
    current = stamps.is_current(assets, stamp) and all((folder / n).is_file() for n in names)
    if not current:
        from .export import lab_css

        write_assets(folder, lab_css(exporter.get()))
        stamps.record(assets, stamp)
    return names
