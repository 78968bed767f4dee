"""Shared set-up for the handout tests: build the fixture course once per test session, and
read the code inputs and the links a page shows."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from skinlessons.handouts import BuildOptions, BuildReport, build_handouts

FIXTURE_COURSE = Path(__file__).parents[1] / "files" / "handouts" / "course"


@dataclass
class Build:
    """One build of a course copy: where it is, what it printed, what it reported."""

    course: Path
    out: Path
    cache: Path
    report: BuildReport
    lines: list[str]

    def page(self, edition: str, stem: str) -> str:
        """The text of one handout page."""
        return (self.out / edition / f"{stem}.html").read_text(encoding="utf-8")


def copy_course(destination: Path) -> Path:
    """A private copy of the fixture course (tests may change it)."""
    shutil.copytree(FIXTURE_COURSE, destination)
    return destination


def run_build(course: Path, root: Path, out_name: str = "out", **options: Any) -> Build:
    """Build ``course`` into ``root/<out_name>`` with its cache in ``root/cache``."""
    lines: list[str] = []
    out, cache_dir = root / out_name, root / "cache"
    settings = BuildOptions(course=course, out=out, cache_dir=cache_dir, **{"jobs": 2, **options})
    report = build_handouts(settings, progress=lines.append)
    return Build(course, out, cache_dir, report, lines)


@cache
def fixture_build(root: Path) -> Build:
    """Both editions of the fixture course, built once per session under ``root``."""
    course = copy_course(root / "course")
    return run_build(course, root)


def code_blocks(html: str) -> list[Tag]:
    """The code inputs a page shows (nbconvert's lab template: ``.jp-InputArea`` of a code cell)."""
    soup = BeautifulSoup(html, "html.parser")
    return [area for cell in soup.select(".jp-CodeCell") for area in cell.select(".jp-InputArea")]


def cell_of(block: Tag) -> Tag:
    """The code cell a code input belongs to."""
    cell = block.find_parent(class_="jp-CodeCell")
    assert isinstance(cell, Tag)
    return cell


def code_outside_exercises(html: str) -> list[str]:
    """The text of each code input shown outside a cell tagged ``exercise``."""
    return [
        block.get_text(" ", strip=True)
        for block in code_blocks(html)
        if "celltag_exercise" not in (cell_of(block).get("class") or [])
    ]


OUTSIDE_SCHEMES = ("http", "https", "mailto", "data")


def _anchors(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        cache[page] = {str(tag["id"]) for tag in soup.select("[id]")} | {
            str(tag["name"]) for tag in soup.select("a[name]")
        }
    return cache[page]


def page_links(page: Path) -> list[str]:
    """Every ``href`` of the page's links."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [str(link["href"]) for link in soup.select("a[href]")]


def broken_links(folder: Path) -> list[str]:
    """``page: href (why)`` for each link in the folder's pages that leads nowhere.

    A link to another course notebook (``.ipynb``) is broken too: the build rewrites those to
    the notebook's handout page.
    """
    cache: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(folder.glob("*.html")):
        for href in page_links(page):
            parts = urlsplit(href)
            if parts.scheme in OUTSIDE_SCHEMES:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            where = f"{page.name}: {href}"
            if parts.path.endswith(".ipynb"):
                broken.append(f"{where} (a notebook link, not a page)")
            elif not target.is_file():
                broken.append(f"{where} (no page {parts.path})")
            elif parts.fragment and unquote(parts.fragment) not in _anchors(target, cache):
                broken.append(f"{where} (no anchor #{parts.fragment} on {target.name})")
    return broken
