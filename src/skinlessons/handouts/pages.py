"""Write one handout page (only when its inputs changed) and an edition's shared assets.

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
from .editions import Edition
from .report import Progress
from .site import (
    ASSET_FILES,
    ASSETS_DIR,
    EDITION_LABELS,
    STYLESHEETS,
    PageLink,
    asset_paths,
    page_scripts,
    write_assets,
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
    """Everything an edition's pages share: the course, the lessons to show, the hashes."""

    sources: CourseSources
    stems: tuple[str, ...]
    """The lessons some edition has a page for, in course order."""
    titles: dict[str, str]
    inputs: tuple[str, ...]
    cite: Callable[[str], str | None]
    max_page_bytes: int
    today: dt.date


@dataclass
class PageOutcome:
    """One page as exported: where (None when it could not be), its problems and notes."""

    path: Path | None
    problems: list[str]
    notes: list[str]


class Exporter:
    """The edition's HTMLExporter, made (and nbconvert imported) only when first needed."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self._made: HTMLExporter | None = None

    def get(self) -> HTMLExporter:
        """The exporter (made on first use)."""
        if self._made is None:
            from .export import make_exporter

            self._made = make_exporter(self.edition)
        return self._made


def page_context(
    edition: Edition,
    title: str,
    links: tuple[PageLink | None, PageLink | None],
    lesson: LessonPage,
    course_title: str,
) -> dict[str, Any]:
    """What the page template reads besides the notebook (``links``: previous and next page)."""
    previous, following = links
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


def write_page(
    stem: str,
    page: dict[str, Any],
    lesson: LessonPage,
    job: EditionJob,
    exporter: Exporter,
    stamps: PageStamps,
    progress: Progress,
) -> PageOutcome:
    """Export one lesson page into its edition folder, unless it is current."""
    edition = exporter.edition
    path = stamps.path.parent / f"{stem}.html"
    stamp = stamp_of(job.inputs, edition, lesson.execution_key, lesson.source_hash, page)
    if stamps.is_current(path, stamp):
        progress(f"unchanged {edition}/{stem}.html")
        return PageOutcome(path, [], [])
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
        progress(f"FAILED    {edition}/{stem}.html: {exc}")
        return PageOutcome(None, [str(exc)], [])
    except Exception as exc:  # one page that cannot be exported stops only itself
        progress(f"FAILED    {edition}/{stem}.html: {type(exc).__name__}: {exc}")
        return PageOutcome(
            None,
            [
                f"{edition}/{stem}.html: internal error while exporting notebooks/{stem}.ipynb "
                f"({type(exc).__name__}: {exc}). Fix: look for an unusual output in that lesson; "
                "if you find none, please report it."
            ],
            [],
        )
    size = len(html.encode("utf-8"))
    if size > job.max_page_bytes:
        progress(f"FAILED    {edition}/{stem}.html: {size / 1e6:.2f} MB is too large")
        return PageOutcome(
            None,
            [
                f"{edition}/{stem}.html is {size / 1e6:.2f} MB, over the "
                f"{job.max_page_bytes / 1e6:g} MB limit — notebooks/{stem}.ipynb. "
                "Fix: show fewer or smaller figures (lower dpi), or split the lesson."
            ],
            [],
        )
    path.write_text(html, encoding="utf-8")
    stamps.record(path, stamp)
    progress(f"wrote     {edition}/{stem}.html ({size / 1024:.0f} KB)")
    return PageOutcome(path, [], list(resources.get("handout", {}).get("notes", [])))


def write_edition_assets(
    exporter: Exporter, stamps: PageStamps, inputs: tuple[str, ...]
) -> list[str]:
    """Write the shared assets unless they are current; their paths relative to the folder."""
    folder = stamps.path.parent
    assets = folder / ASSETS_DIR
    names = [f"{ASSETS_DIR}/{name}" for name in ASSET_FILES]
    stamp = stamp_of(inputs, "assets")
    current = stamps.is_current(assets, stamp) and all((folder / n).is_file() for n in names)
    if not current:
        from .export import lab_css

        write_assets(folder, lab_css(exporter.get()))
        stamps.record(assets, stamp)
    return names
