"""Links inside a handout edition lead somewhere: an existing page, and on it the anchor named.

``broken_links`` is what the real course test runs over both editions (glossary links, the
``.ipynb`` links rewritten to ``.html`` pages, reference markers, navigation); the tests here
show it finds each kind of broken link.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

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


def _site(folder: Path, lesson_body: str) -> Path:
    """A glossary page with one entry, and a lesson page ``01.html`` with this body."""
    pages = {"glossary.html": '<dl><dt id="term-pih">PIH</dt></dl>', "01.html": lesson_body}
    for name, body in pages.items():
        (folder / name).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return folder


def test_sound_links_pass(tmp_path: Path) -> None:
    lesson = (
        '<a href="glossary.html#term-pih">PIH</a> <a href="#ref-R1">[R1]</a>'
        '<li id="ref-R1">R1</li> <a href="https://example.org/x">out</a>'
    )
    assert broken_links(_site(tmp_path, lesson)) == []


def test_each_kind_of_broken_link_is_named(tmp_path: Path) -> None:
    lesson = (
        '<a href="glossary.html#term-pie">PIE</a> <a href="02.html">next</a>'
        ' <a href="glossary.ipynb#term-pih">PIH</a> <a href="#ref-R9">[R9]</a>'
    )
    assert broken_links(_site(tmp_path, lesson)) == [
        "01.html: glossary.html#term-pie (no anchor #term-pie on glossary.html)",
        "01.html: 02.html (no page 02.html)",
        "01.html: glossary.ipynb#term-pih (a notebook link, not a page)",
        "01.html: #ref-R9 (no anchor #ref-R9 on 01.html)",
    ]
