"""Links inside a handout edition lead somewhere: an existing page, and on it the anchor named.

``broken_links`` is what the real course test runs over both editions (glossary links, the
``.ipynb`` links rewritten to ``.html`` pages, reference markers, navigation); the tests here
show it finds each kind of broken link.
"""

from __future__ import annotations

from pathlib import Path

from testkit.handouts import broken_links


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
