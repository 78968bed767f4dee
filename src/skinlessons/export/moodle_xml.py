"""Moodle XML (docs.moodle.org/en/Moodle_XML_format), every question type including ordering.

The file is a ``<quiz>`` with a category question per lesson followed by that lesson's
questions; each pool of a pooled final gets a sub-category of its own. HTML texts (stems,
options, feedback, explanations; rendered from the author's Markdown) go in
``<![CDATA[...]]>``; plain texts are escaped. Each question carries its ``<name>`` and
``<idnumber>`` (the question id), its objectives as tags (and ``must-pass`` for a must-pass
question), ``<generalfeedback>`` = the explanation, and per-answer feedback. The type-specific
elements are written by ``_moodle_types``.

Ordering is core since Moodle 4.4: for an older release (``--moodle-version``) or with
``--no-ordering`` those questions are left out, each named with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Final

from ..quiz.models import AnyQuestion, Quiz
from ._common import (
    MOODLE_BASE,
    ORDERING_SINCE,
    ExportOptions,
    Rendered,
    categories,
    version_text,
)
from ._fractions import number
from ._moodle_types import WRITERS, Context, html_element, plain_xml, type_elements
from ._text import html_block

HEADER: Final = (
    "<!-- skinlessons question export (Moodle XML). It contains the answer keys: "
    "never give this file to trainees. -->"
)
MOODLE_TYPES: Final = {ours: moodle for ours, (moodle, _writer) in WRITERS.items()}
"""Our question type → Moodle's ``<question type=...>``."""
MUST_PASS_TAG: Final = "must-pass"


def tags(question: AnyQuestion) -> list[str]:
    """The question's Moodle tags: its objectives, then ``must-pass`` when it is one."""
    return [*question.objectives, *([MUST_PASS_TAG] if question.must_pass else [])]


def _question(question: AnyQuestion, context: Context) -> list[str]:
    moodle_type, own = type_elements(question, context)
    body = [
        f"<name><text>{plain_xml(question.id)}</text></name>",
        html_element("questiontext", html_block(question.stem)),
        html_element("generalfeedback", html_block(question.explanation)),
        f"<defaultgrade>{number(question.points)}</defaultgrade>",
        "<penalty>0</penalty>",
        "<hidden>0</hidden>",
        f"<idnumber>{plain_xml(question.id)}</idnumber>",
        *own,
        "<tags>"
        + "".join(f"<tag><text>{plain_xml(tag)}</text></tag>" for tag in tags(question))
        + "</tags>",
    ]
    return [
        f'  <question type="{moodle_type}">',
        *(f"    {line}" for line in body),
        "  </question>",
    ]


def to_moodle_xml(quizzes: Iterable[Quiz], options: ExportOptions | None = None) -> Rendered:
    """All the questions of ``quizzes`` as one Moodle XML file (UTF-8), a category per lesson
    (and per pool)."""
    options = options or ExportOptions()
    result = Rendered(b"")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', HEADER, "<quiz>"]
    needed = MOODLE_BASE
    for quiz, name, questions in ((q, n, qs) for q in quizzes for n, qs in categories(q)):
        lines += [
            '  <question type="category">',
            f"    <category><text>{plain_xml(name)}</text></category>",
            "  </question>",
        ]
        context = Context(quiz, options, result)
        for question, written in result.write_each(
            quiz, questions, partial(_question, context=context)
        ):
            lines += written
            if question.type == "ordering":
                needed = ORDERING_SINCE
    lines.append("</quiz>")
    result.content = ("\n".join(lines) + "\n").encode("utf-8")
    result.needs = f"Moodle {version_text(needed)} or later"
    return result
