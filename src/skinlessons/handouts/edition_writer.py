"""One edition's folder, written page by page as the lessons become ready.

Lessons arrive in any order, as their kernels finish, and each page is exported at once. Its
links to the previous and next page assume that every lesson still running will succeed. When
the last lesson is in, a page whose neighbour failed is exported again with the right links, so
the folder ends up as if it had been written in course order after every execution: a failed
lesson has no page and is left out of the navigation and the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..facts import load_facts
from .editions import Edition, has_lesson_page
from .forms import FORMS_DIR, form_links, write_forms
from .pages import (
    EditionJob,
    Exporter,
    LessonPage,
    PageOutcome,
    page_context,
    write_edition_assets,
    write_page,
)
from .report import Progress
from .site import ASSETS_DIR, PageLink, write_index
from .stamps import PageStamps


@dataclass
class EditionOutcome:
    """What writing one edition did: its pages, index and files, and what went wrong."""

    edition: Edition
    pages: list[Path] = field(default_factory=list)
    index: Path | None = None
    files: list[str] = field(default_factory=list)
    """The assets and forms written, relative to the edition folder (for the build stamp)."""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def writer_failed(edition: Edition, reason: str) -> EditionOutcome:
    """The outcome of a writer that stopped: nothing more of its edition was written."""
    return EditionOutcome(
        edition,
        problems=[
            f"the {edition} pages could not be written ({reason}). "
            "Fix: run the build again; if it happens again, please report it."
        ],
    )


class EditionWriter:
    """Writes ``<out>/<edition>/``: call :meth:`add` per lesson, then :meth:`finish` once."""

    def __init__(self, edition: Edition, job: EditionJob, out: Path, progress: Progress) -> None:
        self.edition = edition
        self.job = job
        self.progress = progress
        self.folder = out / edition
        self.folder.mkdir(parents=True, exist_ok=True)
        self.exporter = Exporter(edition)
        self.stamps = PageStamps(self.folder)
        sources = job.sources
        self.stems = [
            stem
            for stem in job.stems
            if has_lesson_page(edition, summative=sources.is_summative(stem))
        ]
        self._failed: set[str] = set()
        self._lessons: dict[str, LessonPage] = {}
        self._made: dict[str, tuple[dict[str, Any], PageOutcome]] = {}
        self._files: list[str] | None = None

    def prepare(self) -> None:
        """Do what needs no lesson (assets, forms, nbconvert's set-up) while kernels run."""
        self.exporter.get()
        self._write_files()

    def add(self, stem: str, lesson: LessonPage | None) -> None:
        """A lesson is ready (None: it failed, so it gets no page); export its page now."""
        if stem not in self.stems:
            return
        if lesson is None:
            self._failed.add(stem)
            return
        self._lessons[stem] = lesson
        self._export(stem)

    def finish(self) -> EditionOutcome:
        """Correct the links around failed lessons, then write the index; what was written."""
        self._failed.update(stem for stem in self.stems if stem not in self._lessons)
        for stem in list(self._made):
            used, made = self._made[stem]
            if made.path is not None and used != self._page(stem):
                self._export(stem)
        outcome = EditionOutcome(self.edition)
        listed: list[dict[str, Any]] = []
        for stem in self.stems:
            if stem not in self._made:
                continue
            page = self._made[stem][1]
            outcome.problems.extend(page.problems)
            outcome.notes.extend(page.notes)
            if page.path is not None:
                outcome.pages.append(page.path)
                listed.append(self._entry(stem))
        outcome.files = self._write_files()
        self.stamps.save([*outcome.pages, self.folder / ASSETS_DIR])
        outcome.index = write_index(
            self.folder,
            self.edition,
            listed,
            self.job.today,
            self.job.sources.objectives.title,
            form_links(),
        )
        return outcome

    def _write_files(self) -> list[str]:
        """The assets and forms, written once per build."""
        if self._files is None:
            assets = write_edition_assets(self.exporter, self.stamps, self.job.inputs)
            forms = write_forms(
                self.folder,
                self.edition,
                load_facts(),
                self.job.sources.objectives.title,
                self.job.today,
            )
            self.progress(f"wrote     {self.edition}/{FORMS_DIR}/ ({len(forms)} forms)")
            self._files = [*assets, *forms]
        return self._files

    def _link(self, stem: str) -> PageLink:
        return PageLink(f"{stem}.html", self.job.titles[stem])

    def _page(self, stem: str) -> dict[str, Any]:
        """The page's template context, with links to its nearest neighbours not failed."""
        shown = [s for s in self.stems if s not in self._failed]
        position = shown.index(stem)
        previous = self._link(shown[position - 1]) if position > 0 else None
        following = self._link(shown[position + 1]) if position + 1 < len(shown) else None
        return page_context(
            self.edition,
            self.job.titles[stem],
            (previous, following),
            self._lessons[stem],
            self.job.sources.objectives.title,
        )

    def _export(self, stem: str) -> None:
        page = self._page(stem)
        outcome = write_page(
            stem, page, self._lessons[stem], self.job, self.exporter, self.stamps, self.progress
        )
        self._made[stem] = (page, outcome)

    def _entry(self, stem: str) -> dict[str, Any]:
        """The lesson's line in the edition's index."""
        lesson = self.job.sources.lesson(stem)
        return {
            "href": f"{stem}.html",
            "title": self.job.titles[stem],
            "duration_min": lesson.duration_min if lesson else None,
            "objectives": list(lesson.objectives) if lesson else [],
        }
