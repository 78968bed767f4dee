"""What every exporter shares: which quizzes to export, text conversions, tolerances, the report.

Question text is author Markdown. The HTML formats (Moodle XML, QTI) receive it rendered by the
same Markdown renderer the handouts use; GIFT receives the Markdown itself under ``[markdown]``.
Texts an LMS shows as plain text (matching answers) are rendered and stripped of tags.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Final

from ..handouts.quiz_html import markdown_block, markdown_inline
from ..quiz.models import NumericKey, Quiz
from ._fractions import number

CATEGORY_ROOT: Final = "$course$/top/skinlessons"
"""The Moodle question-bank category under which each lesson gets its own category."""
_TAG: Final = re.compile(r"<[^>]+>")
# Characters XML 1.0 cannot carry at all (C0 controls except tab, LF, CR; surrogates; FFFE/FFFF).
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Skipped:
    """A question a format cannot express, left out of the file."""

    quiz_id: str
    question_id: str
    question_type: str

    def label(self) -> str:
        """``quiz-id/question-id (type)``."""
        return f"{self.quiz_id}/{self.question_id} ({self.question_type})"


@dataclass
class Rendered:
    """One exporter's output: the file's bytes and what it had to leave out or change."""

    content: bytes
    exported: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def category(quiz: Quiz) -> str:
    """The Moodle category path of a quiz's lesson: ``$course$/top/skinlessons/03_chemical``."""
    return f"{CATEGORY_ROOT}/{quiz.lesson}"


def xml_text(text: str) -> str:
    """``text`` without the few characters XML 1.0 cannot hold (NUL and other C0 controls)."""
    return _NOT_XML.sub("", text)


def html_block(text: str | None) -> str:
    """Author Markdown as HTML blocks (stems, explanations, feedback); '' for no text."""
    return xml_text(markdown_block(text)) if text else ""


def html_inline(text: str) -> str:
    """One line of author Markdown (an option) as inline HTML."""
    return xml_text(markdown_inline(text))


def plain(text: str) -> str:
    """One line of author Markdown as the plain text it shows (tags dropped, entities decoded)."""
    return xml_text(html.unescape(_TAG.sub("", markdown_inline(text))).strip())


def absolute_tolerance(question_id: str, key: NumericKey) -> tuple[float, str | None]:
    """The key's tolerance in the answer's unit, and a note when it was relative.

    LMS numeric questions take an absolute tolerance only, so ``relative_tolerance`` r becomes
    ``|value| * r``, and the note says so (the exporters write it beside the question).
    """
    if key.relative_tolerance is None:
        return key.tolerance or 0.0, None
    tolerance = float(number(abs(key.value) * key.relative_tolerance))
    note = (
        f"question '{question_id}': relative tolerance {number(key.relative_tolerance * 100)}% "
        f"of {number(key.value)} written as the absolute tolerance {number(tolerance)}"
    )
    return tolerance, note
