"""Lesson helpers: the header, the myth-vs-fact table, the reference list and small tables.

In a lesson notebook::

    from skinlessons import lesson
    lesson.show_header("03_chemical")      # title line, objectives and time, from objectives.yaml
    lesson.show_myths("03_chemical")       # the article's claims checked in this lesson
    lesson.show_references("03_chemical")  # every reference the lesson cites as [R17]

Each ``show_*`` function displays accessible HTML (tables with a caption and header cells); the
matching ``*_html`` function (from :mod:`skinlessons.lesson_html`, importable from here too)
returns the markup, so tests need no notebook.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from .course import find_course_root, notebook_dir
from .lesson_html.claims import lesson_claims, myths_html, verdict_words
from .lesson_html.course_map import (
    course_map_html,
    find_lesson,
    header_html,
    load_course_objectives,
)
from .lesson_html.references import reference_ids_in, references_html
from .lesson_html.tables import EMPTY_CELL, range_text, table_html
from .lesson_html.words import CLAIMED_BY_WORDS, KIND_WORDS, VERDICT_WORDS

__all__ = [
    "CLAIMED_BY_WORDS",
    "EMPTY_CELL",
    "KIND_WORDS",
    "VERDICT_WORDS",
    "course_map_html",
    "find_lesson",
    "header_html",
    "lesson_claims",
    "load_course_objectives",
    "myths_html",
    "range_text",
    "reference_ids_in",
    "references_html",
    "show_course_map",
    "show_header",
    "show_myths",
    "show_practice",
    "show_references",
    "show_regulations",
    "show_table",
    "table_html",
    "verdict_words",
]


def _display(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def show_table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Display a small table built in a lesson from :func:`skinlessons.facts.load_facts` data."""
    _display(table_html(caption, headers, rows))


def show_header(lesson_id: str, *, course: Path | str | None = None) -> None:
    """Display the lesson's title line, objectives and duration from ``objectives.yaml``."""
    _display(header_html(find_lesson(load_course_objectives(course), lesson_id)))


def show_course_map(*, course: Path | str | None = None) -> None:
    """Display the table of lessons (used in lesson 00)."""
    _display(course_map_html(load_course_objectives(course)))


def show_myths(lesson_id: str) -> None:
    """Display the myth-vs-fact table for the claims ``lesson_id`` discusses."""
    from .facts import load_facts

    _display(myths_html(lesson_claims(load_facts().claims, lesson_id), lesson_id))


def show_references(lesson_id: str, *, course: Path | str | None = None) -> None:
    """Display the references cited in ``notebooks/<lesson_id>.ipynb`` and its myth table."""
    from .facts import load_facts

    facts = load_facts()
    cited = set(reference_ids_in(notebook_dir(find_course_root(course)) / f"{lesson_id}.ipynb"))
    cited.update(
        ref for claim in lesson_claims(facts.claims, lesson_id) for ref in claim.references
    )
    ordered = sorted(cited, key=lambda ref: int(ref[1:]))
    _display(references_html(ordered, facts.references))


def show_practice(*topics: str) -> None:
    """Display the practice facts of each topic (``consultation``...), each with its label."""
    from .facts import load_facts
    from .lesson_html.practice import practice_html

    _display(practice_html(load_facts(), topics))


def show_regulations() -> None:
    """Display the dated regulations, each with the date it was last checked."""
    from .facts import load_facts
    from .lesson_html.practice import regulations_html

    _display(regulations_html(load_facts().regulations.values()))
