"""Small nbconvert preprocessors that prepare an executed lesson for one handout edition.

Each does one job, in the style of nbconvert's ``TagRemovePreprocessor``. They read what they
need from ``resources["skinlessons"]`` (set by the exporter per page: edition, full quizzes,
citations, cell numbers) and write what the template needs to ``resources["handout"]``.
Run after ``TagRemovePreprocessor``, so cells removed from an edition are never looked at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any, Final

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_output

from ..errors import HandoutBuildError
from ..names import QUIZ_TAG, REFERENCE_MARKER
from .cells import is_quiz_cell, is_reference_list_cell, is_references_heading, quiz_id_of
from .editions import shows_answers
from .quiz_html import render_quiz_html
from .rewrites import (
    NotebookLinkPreprocessor,
    OptionalSectionPreprocessor,
    PlumbingCodePreprocessor,
)

WIDGET_VIEW_MIME: Final = "application/vnd.jupyter.widget-view+json"
IMAGE_MIMES: Final = ("image/png", "image/jpeg", "image/svg+xml")
EMPTY_MARKDOWN_ALT: Final = re.compile(r"!\[\s*\]\(")
TOP_HEADING: Final = re.compile(r"^#\s", re.MULTILINE)
DEFAULT_REPR: Final = re.compile(r"^<.*>$|^(Figure|Image|HBox|VBox)\(", re.DOTALL)
WIDGET_NOTE_HTML: Final = (
    '<p class="handout-widget-note">An interactive control is here in the notebook: '
    "open the lesson in JupyterLab to use it.</p>"
)


def _context(resources: dict[str, Any]) -> dict[str, Any]:
    context: dict[str, Any] = resources["skinlessons"]
    return context


def _handout(resources: dict[str, Any]) -> dict[str, Any]:
    handout: dict[str, Any] = resources.setdefault("handout", {})
    return handout


def _where(cell: NotebookNode, resources: dict[str, Any]) -> str:
    """``notebooks/02_x.ipynb, cell 7`` (numbered as in the source notebook)."""
    context = _context(resources)
    number = context.get("cell_numbers", {}).get(cell.get("id"), "?")
    return f"{context['notebook']}, cell {number}"


class QuizCellPreprocessor(Preprocessor):
    """Replace each quiz cell's outputs by the quiz's static HTML for this edition."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Render a ``quiz``-tagged cell from the full quiz file."""
        if not is_quiz_cell(cell):
            return cell, resources
        context = _context(resources)
        quiz_id = quiz_id_of(cell)
        if quiz_id is None:
            raise HandoutBuildError(
                f"{_where(cell, resources)}: the cell is tagged '{QUIZ_TAG}' but does not call "
                'quiz.show("<quiz-id>"). Fix: make the cell `quiz.show("<quiz-id>")`, or remove '
                "the tag."
            )
        quiz = context["quizzes"].get(quiz_id)
        if quiz is None:
            raise HandoutBuildError(
                f"{_where(cell, resources)}: quiz.show({quiz_id!r}) names no quiz file. "
                f"Fix: use one of {', '.join(sorted(context['quizzes']))}."
            )
        edition = context["edition"]
        html = render_quiz_html(quiz, edition)
        cell.outputs = [new_output("display_data", data={"text/html": html})]
        if shows_answers(quiz, edition):
            cited = _handout(resources).setdefault("quiz_references", [])
            cited.extend(ref for question in quiz.questions for ref in question.references)
        return cell, resources


class WidgetImagePreprocessor(Preprocessor):
    """Never show a dead control: keep a widget's static picture, or a note, and drop the state."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Remove the notebook's saved widget state, then treat each cell."""
        nb.metadata.pop("widgets", None)
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Keep the PNG (or else the HTML) of widget outputs that have one; others become a note."""
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW_MIME not in data:
                outputs.append(output)
            elif "image/png" in data:
                data.pop(WIDGET_VIEW_MIME)
                output.metadata.setdefault("skinlessons", {})["interactive"] = True
                outputs.append(output)
            elif "text/html" in data:  # the widget says in words what it does
                data.pop(WIDGET_VIEW_MIME)
                outputs.append(output)
            else:
                outputs.append(new_output("display_data", data={"text/html": WIDGET_NOTE_HTML}))
                _handout(resources).setdefault("notes", []).append(
                    f"{_where(cell, resources)}: a widget without a static picture was replaced "
                    "by a note (display it with a PNG of its state to show it in handouts)."
                )
        if "outputs" in cell:
            cell.outputs = outputs
        return cell, resources


def _alt_text(output: NotebookNode, mime: str) -> str:
    alt = output.get("metadata", {}).get(mime, {}).get("alt", "")
    if isinstance(alt, str) and alt.strip():
        return alt.strip()
    plain = output.get("data", {}).get("text/plain", "")
    plain = "".join(plain) if isinstance(plain, list) else str(plain)
    return "" if DEFAULT_REPR.match(plain.strip()) else plain.strip()


class ImageAltPreprocessor(Preprocessor):
    """Give every image its alt text, or stop the build naming the notebook and cell."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Resolve alt text for image outputs; reject markdown images without alt text."""
        if cell.cell_type == "markdown" and EMPTY_MARKDOWN_ALT.search(cell.source):
            raise HandoutBuildError(
                f"{_where(cell, resources)}: a Markdown image has no alt text (`![](...)`). "
                "Fix: describe the picture inside the brackets: `![what it shows](...)`."
            )
        for output in cell.get("outputs", []):
            for mime in IMAGE_MIMES:
                if mime not in output.get("data", {}):
                    continue
                alt = _alt_text(output, mime)
                if not alt:
                    raise HandoutBuildError(
                        f"{_where(cell, resources)}: an image output ({mime}) has no alt text. "
                        "Fix: show figures with skinlessons.display.show_figure(figure, alt), "
                        'or set metadata {"' + mime + '": {"alt": "what it shows"}}.'
                    )
                output.setdefault("metadata", {}).setdefault(mime, {})["alt"] = alt
        return cell, resources


def _without_lesson_reference_list(cells: list[NotebookNode]) -> list[NotebookNode]:
    """Drop the lesson's own reference list (and its heading): the page ends with one list."""
    kept: list[NotebookNode] = []
    for cell in cells:
        if is_reference_list_cell(cell):
            if kept and is_references_heading(kept[-1]):
                kept.pop()
            continue
        kept.append(cell)
    return kept


def _myth_references(notebook: str) -> list[str]:
    """The references of the myth-vs-fact claims the lesson shows (they carry no markers)."""
    from ..facts import load_facts
    from ..lesson_html.claims import lesson_claims

    lesson_id = PurePosixPath(notebook).stem
    return [
        ref for claim in lesson_claims(load_facts().claims, lesson_id) for ref in claim.references
    ]


class ReferencePreprocessor(Preprocessor):
    """Link ``[R17]`` markers to the page's reference list and collect the cited entries.

    The list at the end of the page replaces the lesson's own ``show_references`` cell, so each
    reference appears (and has its ``ref-R17`` anchor) once.
    """

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Rewrite markers in every markdown cell, then list each cited reference once."""
        handout = _handout(resources)
        handout["reference_ids"] = []
        nb.cells = _without_lesson_reference_list(nb.cells)
        nb, resources = super().preprocess(nb, resources)
        cite: Callable[[str], str | None] = _context(resources)["cite"]
        ids = list(
            dict.fromkeys(
                [
                    *handout["reference_ids"],
                    *_myth_references(_context(resources)["notebook"]),
                    *handout.get("quiz_references", []),
                ]
            )
        )
        references = []
        for reference_id in ids:
            text = cite(reference_id)
            if text is None:
                raise HandoutBuildError(
                    f"{_context(resources)['notebook']}: cites [{reference_id}], which is not in "
                    "the package's references data. Fix: correct the marker, or add the "
                    "reference to the references data (skinlessons check lists the ids)."
                )
            references.append({"id": reference_id, "text": text})
        handout["references"] = references
        return nb, resources

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Turn ``[R17]`` into a link to ``#ref-R17`` and remember the id."""
        if cell.cell_type != "markdown":
            return cell, resources
        found = _handout(resources)["reference_ids"]
        found.extend(REFERENCE_MARKER.findall(cell.source))
        cell.source = REFERENCE_MARKER.sub(r"[\\[\1\\]](#ref-\1)", cell.source)
        return cell, resources


def _has_h1(cell: NotebookNode) -> bool:
    if cell.cell_type == "markdown":
        return TOP_HEADING.search(cell.source) is not None
    return any(
        "<h1" in str(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", [])
    )


class OutlinePreprocessor(Preprocessor):
    """Note whether the lesson brings its own top-level heading (the page needs exactly one)."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Set ``resources["handout"]["has_h1"]``."""
        _handout(resources)["has_h1"] = any(_has_h1(cell) for cell in nb.cells)
        return nb, resources


HANDOUT_PREPROCESSORS: Final = (
    PlumbingCodePreprocessor,
    QuizCellPreprocessor,
    WidgetImagePreprocessor,
    ImageAltPreprocessor,
    ReferencePreprocessor,
    NotebookLinkPreprocessor,
    OptionalSectionPreprocessor,
    OutlinePreprocessor,
)
"""Run in this order, after nbconvert's own tag removal."""
