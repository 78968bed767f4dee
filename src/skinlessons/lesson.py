"""Lesson helpers: the header, the myth-vs-fact table, the reference list and small tables.

In a lesson notebook::

    from skinlessons import lesson
    lesson.show_header("03_chemical")      # title line, objectives and time, from objectives.yaml
    lesson.show_myths("03_chemical")       # the article's claims checked in this lesson
    lesson.show_references("03_chemical")  # every reference the lesson cites as [R17]

Each ``show_*`` function displays accessible HTML (tables with a caption and header cells); the
matching ``*_html`` function returns the markup, so tests need no notebook.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .course import find_course_root, notebook_dir, objectives_file
from .errors import LessonFormatError
from .names import OBJECTIVES_FILE, REFERENCE_MARKER

if TYPE_CHECKING:
    from .facts import Claim, Range, Reference
    from .quiz.models import Lesson, Objectives

"""A reference marker in lesson prose: ``[R17]``."""
VERDICT_WORDS: Final = {
    "supported": "Supported",
    "largely-supported": "Largely supported",
    "partly-supported": "Partly supported",
    "overstated": "Overstated",
    "unsupported": "Unsupported",
}
KIND_WORDS: Final = {
    "peer-reviewed": "peer-reviewed",
    "regulator": "regulator",
    "textbook": "textbook",
    "secondary": "secondary source",
    "low-authority": "low-authority source",
}
EMPTY_CELL: Final = "–"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _inline(text: str) -> str:
    """Escape ``text`` and keep its light Markdown emphasis (``**bold**``, ``*italic*``)."""
    escaped = _esc(text)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
    return re.sub(r"(?<!\*)\*(?!\s)(.+?)(?<!\s)\*", r"<em>\1</em>", escaped)


def range_text(value: Range) -> str:
    """A range for a table cell: ``10–20``, ``600+`` or ``3.83``, plus "(approximate)" when the
    data marks it uncertain (unverified, disputed or converted from an anatomical level)."""
    text = value.text().replace("-", "–", 1)  # an en dash between the two ends
    return f"{text} (approximate)" if value.uncertain else text


def _cell(value: object) -> str:
    from .facts import Range

    if value is None or value == "":
        return EMPTY_CELL
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return _esc(f"{value:g}")
    if isinstance(value, Range):
        return _esc(range_text(value))
    return _inline(str(value))


def _display(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


_TABLE_STYLE = (
    "<style>.skinlessons-table th, .skinlessons-table td "
    "{text-align: left; vertical-align: top;}</style>"
)
"""JupyterLab's and the handouts' lab stylesheet right-align every cell; text reads left."""


def table_html(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An HTML table with a caption, column headers and the first cell of each row as its header.

    Floats print without trailing zeros, booleans as yes/no, ranges as :func:`range_text`, None
    and empty strings as a dash; text keeps light Markdown emphasis.
    """
    head = "".join(f'<th scope="col">{_esc(header)}</th>' for header in headers)
    body = []
    for row in rows:
        first, *rest = row
        cells = "".join(f"<td>{_cell(value)}</td>" for value in rest)
        body.append(f'<tr><th scope="row">{_cell(first)}</th>{cells}</tr>')
    return (
        f"{_TABLE_STYLE}"
        f'<table class="skinlessons-table"><caption>{_esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def show_table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Display a small table built in a lesson from :func:`skinlessons.facts.load_facts` data."""
    _display(table_html(caption, headers, rows))


def load_course_objectives(course: Path | str | None = None) -> Objectives:
    """Read ``quizzes/objectives.yaml`` of the course folder (found as every command finds it)."""
    from .quiz.loader import load_objectives

    return load_objectives(objectives_file(find_course_root(course)))


def find_lesson(objectives: Objectives, lesson_id: str) -> Lesson:
    """The entry of ``lesson_id`` in the objectives.

    Raises:
        LessonFormatError: the lesson is not listed; the message says where to add it.
    """
    for entry in objectives.lessons:
        if entry.id == lesson_id:
            return entry
    known = ", ".join(entry.id for entry in objectives.lessons)
    raise LessonFormatError(
        f"lesson {lesson_id!r} is not listed in {OBJECTIVES_FILE} (listed: {known})",
        hint=f"check the spelling, or add '{lesson_id}' under 'lessons:'.",
    )


def header_html(entry: Lesson) -> str:
    """The lesson's title line, its time and its objectives, each mapped to course objectives."""
    number = entry.id.split("_", 1)[0]
    title = f"Lesson {number} · {_esc(entry.title)}"
    time = f"about {entry.duration_min} minutes"
    if entry.optional_min:
        time += (
            f" on the core path, and about {entry.optional_min} minutes more for the optional "
            '"Deeper" sections'
        )
    parts = [f"<p><strong>{title}</strong> · {time}</p>"]
    if entry.objectives:
        items = "".join(
            f"<li>{_inline(objective.text)} <small>({_esc(objective.id)}: "
            f"{_esc(', '.join(objective.course))})</small></li>"
            for objective in entry.objectives
        )
        parts.append(f"<p>By the end of this lesson you can:</p><ul>{items}</ul>")
    body = "".join(parts)
    return f'<section class="skinlessons-header" aria-label="About this lesson">{body}</section>'


def show_header(lesson_id: str, *, course: Path | str | None = None) -> None:
    """Display the lesson's title line, objectives and duration from ``objectives.yaml``."""
    _display(header_html(find_lesson(load_course_objectives(course), lesson_id)))


def course_map_html(objectives: Objectives) -> str:
    """A table of every lesson: number, title, time and the course objectives it serves."""
    rows = [
        (
            entry.id.split("_", 1)[0],
            entry.title,
            entry.duration_min,
            ", ".join(dict.fromkeys(lo for obj in entry.objectives for lo in obj.course)),
        )
        for entry in objectives.lessons
    ]
    headers = ("Lesson", "Title", "Time (min)", "Course objectives")
    return table_html("The lessons of this course", headers, rows)


def show_course_map(*, course: Path | str | None = None) -> None:
    """Display the table of lessons (used in lesson 00)."""
    _display(course_map_html(load_course_objectives(course)))


def lesson_claims(claims: Mapping[str, Claim], lesson_id: str) -> list[Claim]:
    """The article's claims discussed in ``lesson_id``, in the article's order."""
    found = [claim for claim in claims.values() if lesson_id in claim.lessons]
    return sorted(found, key=lambda claim: claim.number)


def verdict_words(claim: Claim) -> str:
    """The verdict for trainees: ``Partly supported (name misleading)``."""
    words = VERDICT_WORDS.get(claim.verdict, claim.verdict.replace("-", " ").capitalize())
    return f"{words} ({claim.verdict_detail})" if claim.verdict_detail else words


def myths_html(claims: Sequence[Claim], lesson_id: str) -> str:
    """The myth-vs-fact table: claim, verdict in words, what is known, references."""
    if not claims:
        return f"<p>No claim of the article is checked in lesson {_esc(lesson_id)}.</p>"
    rows = [
        (
            claim.number,
            claim.claim,
            verdict_words(claim),
            claim.known,
            " ".join(f"[{ref}]" for ref in claim.references),
        )
        for claim in claims
    ]
    headers = ("Claim", "What the article says", "Verdict", "What is known", "References")
    return table_html("Myth vs fact: the article's claims checked in this lesson", headers, rows)


def show_myths(lesson_id: str) -> None:
    """Display the myth-vs-fact table for the claims ``lesson_id`` discusses."""
    from .facts import load_facts

    _display(myths_html(lesson_claims(load_facts().claims, lesson_id), lesson_id))


def reference_ids_in(notebook: Path) -> list[str]:
    """Every reference id cited as ``[Rnn]`` in the notebook's markdown cells, in id order.

    The notebook is read as plain JSON: importing and validating with nbformat would cost
    seconds in a fresh kernel, and only the markdown sources are needed.
    """
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    sources = (cell.get("source", "") for cell in cells if cell.get("cell_type") == "markdown")
    text = "\n".join(s if isinstance(s, str) else "".join(s) for s in sources)
    return sorted(set(REFERENCE_MARKER.findall(text)), key=lambda ref: int(ref[1:]))


def references_html(reference_ids: Iterable[str], references: Mapping[str, Reference]) -> str:
    """The reference list: id, short citation, title, venue, link and the kind of source."""
    items = []
    for ref_id in reference_ids:
        reference = references.get(ref_id)
        if reference is None:
            items.append(f"<li><strong>[{_esc(ref_id)}]</strong> not in the references data</li>")
            continue
        if reference.authors:
            parts = [_esc(reference.cite().rstrip(".")), f"<cite>{_esc(reference.title)}</cite>"]
        else:  # cite() would shorten the title; show it whole
            year = f" {reference.year}" if reference.year else ""
            parts = [f"<cite>{_esc(reference.title)}</cite>{year}"]
        if reference.venue:
            parts.append(_esc(reference.venue))
        kind = KIND_WORDS.get(reference.kind, reference.kind)
        status = "" if reference.verified else "; unverified"
        link = reference.url or f"https://doi.org/{reference.doi}"
        items.append(
            f'<li id="ref-{_esc(ref_id)}"><strong>[{_esc(ref_id)}]</strong> '
            f"{'. '.join(parts)}. "
            f'<a href="{_esc(link)}" aria-label="Open the source of {_esc(ref_id)}">Source</a> '
            f"<small>({_esc(kind)}{status})</small></li>"
        )
    body = "".join(items)
    return (
        f'<section class="skinlessons-references" aria-label="References"><ul>{body}</ul></section>'
    )


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
