"""The lesson header (title, time, objectives) and the table of every lesson, from
``objectives.yaml``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..course import find_course_root, objectives_file
from ..errors import LessonFormatError
from ..names import OBJECTIVES_FILE
from .tables import esc, inline, table_html

if TYPE_CHECKING:
    from ..quiz.models import Lesson, Objectives


def load_course_objectives(course: Path | str | None = None) -> Objectives:
    """Read ``quizzes/objectives.yaml`` of the course folder (found as every command finds it)."""
    from ..quiz.loader import load_objectives

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
    title = f"Lesson {number} · {esc(entry.title)}"
    time = f"about {entry.duration_min} minutes"
    if entry.optional_min:
        time += (
            f" on the core path, and about {entry.optional_min} minutes more for the optional "
            '"Deeper" sections'
        )
    parts = [f"<p><strong>{title}</strong> · {time}</p>"]
    if entry.objectives:
        items = "".join(
            f"<li>{inline(objective.text)} <small>({esc(objective.id)}: "
            f"{esc(', '.join(objective.course))})</small></li>"
            for objective in entry.objectives
        )
        parts.append(f"<p>By the end of this lesson you can:</p><ul>{items}</ul>")
    body = "".join(parts)
    return f'<section class="skinlessons-header" aria-label="About this lesson">{body}</section>'


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
