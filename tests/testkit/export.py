"""Shared helpers for the export tests: the sample quiz, golden files, readers as the LMSs read."""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

from skinlessons._util.zipped import read_entries
from skinlessons.export._variants import with_fixed_variants
from skinlessons.names import QUIZ_DIR
from skinlessons.quiz.loader import load_course_quizzes, load_quiz
from skinlessons.quiz.models import QUESTION_ADAPTER, Quiz

EXPORT_FILES = Path(__file__).parents[1] / "files" / "export"
SAMPLE_QUIZ = EXPORT_FILES / "50_export_sample.yaml"
UPDATE_ENV = "SKINLESSONS_UPDATE_GOLDEN"
MOODLE_COMBINED_FEEDBACK = (
    "correctfeedback",
    "partiallycorrectfeedback",
    "incorrectfeedback",
    "shownumcorrect",
)
"""The combined feedback elements (``qformat_xml::write_combined_feedback``)."""
MOODLE_ORDERING_OPTIONS = (
    "layouttype",
    "selecttype",
    "selectcount",
    "gradingtype",
    "showgrading",
    "numberingstyle",
)
"""The options ``qtype_ordering::export_to_xml()`` writes, in its order."""


def sample_quiz() -> Quiz:
    """The hand-written quiz with one question of each type (a summative one)."""
    return load_quiz(SAMPLE_QUIZ)


def one_question_quiz(question: dict[str, object]) -> Quiz:
    """A formative quiz holding just ``question`` (objectives and references filled in)."""
    base = {"objectives": ["L50.1"], "references": ["R1"], **question}
    QUESTION_ADAPTER.validate_python(base)
    return Quiz.model_validate(
        {
            "id": "50_export_sample",
            "title": "t",
            "lesson": "50_export_sample",
            "kind": "formative",
            "pass_mark_pct": 50,
            "questions": [base],
        }
    )


def texts_quiz(stem: str, option: str, feedback: str, explanation: str, *, key: str) -> Quiz:
    """One single-choice question ``q`` with these texts in every place a text goes.

    Option ``a`` carries ``option`` and ``feedback``; option ``b`` reads "other"; ``key`` is
    ``"a"`` or ``"b"``.
    """
    return one_question_quiz(
        {
            "id": "q",
            "type": "single_choice",
            "stem": stem,
            "options": [
                {"id": "a", "text": option, "feedback": feedback},
                {"id": "b", "text": "other"},
            ],
            "key": key,
            "explanation": explanation,
        }
    )


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/files/export/<name>``; rewrite it when asked to."""
    path = EXPORT_FILES / name
    if os.environ.get(UPDATE_ENV):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


def qti_as_text(data: bytes) -> str:
    """A QTI zip as one text: each entry's name, then its XML (the golden form)."""
    entries = read_entries(data)
    return "".join(f"===== {name}\n{entries[name].decode('utf-8')}" for name in sorted(entries))


def gift_unescape(text: str) -> str:
    r"""Undo GIFT escaping as Moodle's reader does: ``\n`` is a line break, ``\X`` is X."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def gift_split(text: str, separators: str) -> list[str]:
    """Split at every unescaped character of ``separators`` (the escapes stay in the parts)."""
    parts, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def gift_questions(text: str) -> list[dict[str, str]]:
    """Each GIFT question's title, stem and raw answer block (a tiny reader for the tests).

    Blocks are separated by blank lines; comment and category lines are dropped; the answer
    block is the text between the first unescaped ``{`` and the last unescaped ``}``.
    """
    found = []
    for block in text.split("\n\n"):
        lines = [line for line in block.split("\n") if not line.startswith(("//", "$CATEGORY"))]
        body = "\n".join(lines).strip("\n")
        if not body.strip():
            continue
        title, rest = _title_and_rest(body)
        stem, answers = _stem_and_answers(rest)
        found.append({"title": title, "stem": stem, "answers": answers})
    return found


def _title_and_rest(body: str) -> tuple[str, str]:
    assert body.startswith("::"), body
    parts = gift_split(body[2:], ":")  # the title ends at the first unescaped '::'
    title = parts[0]
    assert parts[1] == "", body
    rest = body[2 + len(title) + 2 :]
    return gift_unescape(title), rest


def _stem_and_answers(rest: str) -> tuple[str, str]:
    opening = gift_split(rest, "{")
    assert len(opening) == 2, f"not exactly one unescaped '{{' in {rest!r}"
    closing = gift_split(opening[1], "}")
    assert len(closing) == 2 and closing[1] == "", f"unbalanced '}}' in {rest!r}"
    stem = opening[0].removeprefix("[markdown]").removesuffix(" ")
    return stem, closing[0]


def _unescaped_positions(text: str) -> list[int]:
    positions, index = [], 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        positions.append(index)
        index += 1
    return positions


def gift_answers(block: str) -> tuple[list[tuple[str, str, str]], str]:
    """Read an answer block as Moodle does: general feedback after the unescaped '####',
    answers starting at each unescaped '=' or '~', feedback after an unescaped '#'.

    Returns ``([(mark, text, feedback), ...], general_feedback)``, unescaped and trimmed.
    """
    positions = _unescaped_positions(block)
    general = ""
    for index in positions:
        if block[index : index + 4] == "####":
            block, general = block[:index], block[index + 4 :]
            break
    starts = [i for i in _unescaped_positions(block) if block[i] in "=~"]
    answers = []
    for start, end in zip(starts, [*starts[1:], len(block)], strict=True):
        text, *feedback = gift_split(block[start + 1 : end], "#")
        answers.append(
            (block[start], gift_unescape(text).strip(), gift_unescape("#".join(feedback)).strip())
        )
    return answers, gift_unescape(general).strip()


def shown_text(html_text: str) -> str:
    """The text a reader sees in ``html_text``: tags dropped, entities read, spaces collapsed."""
    return " ".join(BeautifulSoup(html_text, "html.parser").get_text().split())


def _edge_trimmed(node: Tag) -> list[PageElement]:
    children = list(node.children)

    def removable(child: PageElement) -> bool:
        if isinstance(child, NavigableString):
            return not child.strip()
        return isinstance(child, Tag) and child.name == "br"

    while children and removable(children[0]):
        children.pop(0)
    while children and removable(children[-1]):
        children.pop()
    return children


def canvas_shows(texttype: str, content: str) -> str:
    """What a trainee reads in Canvas for a ``<mattext>``, following Canvas's QTI importer.

    Canvas's ``Qti::HtmlHelper#detect_html`` strips blank text and ``<br>`` at the edges, unwraps
    a lone ``<p>``, ``<div>`` or ``<span>`` without attributes, and when what is left is one
    text node it keeps that node's *serialised* HTML (``&amp;`` and all) as plain text; anything
    else is kept as HTML. A ``text/plain`` text is serialised the same way.
    """
    if texttype == "text/plain":
        return " ".join(html.escape(content, quote=False).split())
    node: Tag = BeautifulSoup(content, "html.parser")
    while True:
        children = _edge_trimmed(node)
        only = children[0] if len(children) == 1 else None
        if isinstance(only, Tag) and only.name in ("p", "div", "span") and not only.attrs:
            node = only
            continue
        break
    if len(children) == 1 and isinstance(children[0], NavigableString):
        return " ".join(html.escape(str(children[0]), quote=False).split())
    return " ".join(node.get_text().split())


GIFT_PEGJS = Path(__file__).parents[1] / "vendor" / "gift-pegjs" / "parse.js"


def gift_pegjs(text: str) -> list[dict[str, Any]]:
    """``text`` parsed by gift-pegjs (an independent GIFT parser, run with node), categories
    dropped. Skips the calling test when node is not installed."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the independent GIFT parser cannot run")
    done = subprocess.run(
        [node, str(GIFT_PEGJS)], input=text, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"gift-pegjs refused the file:\n{done.stderr[:2000]}"
    return [entry for entry in json.loads(done.stdout) if entry["type"] != "Category"]


def gift_categories(text: str) -> list[tuple[str, list[str]]]:
    """Each ``$CATEGORY:`` of a GIFT file with the titles of the questions under it."""
    found: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$CATEGORY: "):
            found.append((line.removeprefix("$CATEGORY: "), []))
        elif title := re.match(r"::([a-z0-9-]+)::", line):
            found[-1][1].append(title.group(1))
    return found


def bank_quizzes(root: Path) -> list[Quiz]:
    """The course's quizzes as the exporters write them: each template question replaced by
    its fixed variants (``<id>-v1`` ...), so each exported question has one YAML source.

    Loaded once per process for each state of the course's quiz files (the quizzes are frozen,
    so the tests share them); a list of their own for each caller."""
    files = [path for path in sorted((root / QUIZ_DIR).rglob("*")) if path.is_file()]
    state = tuple((str(path), hashlib.sha256(path.read_bytes()).digest()) for path in files)
    return list(_bank_quizzes(root.resolve(), state))


@functools.cache
def _bank_quizzes(root: Path, state: tuple[tuple[str, bytes], ...]) -> tuple[Quiz, ...]:
    """``state``: only the cache key (each quiz file and the digest of its bytes)."""
    return tuple(with_fixed_variants(quiz) for quiz in load_course_quizzes(root).quizzes.values())
