"""GIFT, Moodle's plain-text question format (docs.moodle.org/en/GIFT_format).

One ``$CATEGORY:`` line per lesson, then one block per question::

    // [id:glycolic-free-acid-at-pka]
    // [tag:L03.2]
    ::glycolic-free-acid-at-pka::[markdown]What fraction ... {#0.5:0.02
    ####The explanation.
    }

Every text (titles, stems, answers, feedback) is escaped as Moodle's own exporter does: a
backslash before ``\\ ~ = # { } :`` and ``\\n`` for a line break, so a block never contains a
blank line. Stems and the explanation are Markdown (``[markdown]``); answers are taken as
written. ``// [id:...]`` and ``// [tag:...]`` comment lines give the id number and the tags
(Moodle 3.6 or later). GIFT has no ordering question and no units: ordering questions are
skipped and listed, and each numeric question gets a warning naming what cannot be typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Final

from ..errors import ExportError
from ..quiz import models
from ..quiz.models import AnyQuestion, Quiz
from ._common import (
    MOODLE_BASE,
    CannotExpress,
    ExportOptions,
    Rendered,
    categories,
    version_text,
)
from ._fractions import correct_option_weights, number, percent, wrong_option_weight
from ._numeric import lost_forms
from ._numeric import plan as numeric_plan
from ._short import NOT_CARRIED, moodle_pattern, variants
from ._text import plain

HEADER: Final = (
    "// skinlessons question export (GIFT). It contains the answer keys: "
    "never give this file to trainees."
)
_RESERVED: Final = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}"}
_ARROW: Final = "->"


def escape(text: str) -> str:
    """``text`` trimmed (Moodle's importer trims every text), with GIFT's reserved characters
    escaped and line breaks written as ``\\n``."""
    out = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n").strip():
        if char == "\n":
            out.append("\\n")
        elif char == ":":
            out.append("\\:")
        else:
            out.append(_RESERVED.get(char, char))
    return "".join(out)


def _answer(text: str, *, weight: str | None = None) -> str:
    """An answer's text, escaped; a weight is written first when the text starts with ``%``."""
    if weight is None and text.startswith("%"):
        weight = "100"
    prefix = f"%{weight}%" if weight is not None else ""
    return prefix + escape(text)


def _feedback(text: str | None) -> str:
    return f"#{escape(text)}" if text else ""


def _no_arrow(question: AnyQuestion, texts: Iterable[str]) -> None:
    for text in texts:
        if _ARROW in text:
            raise ExportError(
                f"question '{question.id}': the text {text!r} contains '->', which GIFT reads "
                "as a matching pair and cannot escape. Fix: write '→' instead, or export "
                "with --format moodle-xml."
            )


def _single(question: models.SingleChoice, result: Rendered, quiz: Quiz) -> list[str]:
    return [
        ("=" + escape(option.text) if option.id == question.key else "~" + _answer(option.text))
        + _feedback(option.feedback)
        for option in question.options
    ]


def _multiple(question: models.MultipleAnswers, result: Rendered, quiz: Quiz) -> list[str]:
    key = list(question.key or ())
    right = iter(correct_option_weights(len(key), question_id=question.id))
    wrong = percent(wrong_option_weight(len(key)))
    return [
        "~"
        + _answer(option.text, weight=percent(next(right)) if option.id in key else wrong)
        + _feedback(option.feedback)
        for option in question.options
    ]


def _true_false(question: models.TrueFalse, result: Rendered, quiz: Quiz) -> list[str]:
    return ["T" if question.key else "F"]


def _numeric(question: models.Numeric, result: Rendered, quiz: Quiz) -> list[str]:
    plan = numeric_plan(question)
    if plan.note:
        result.notes.append(plan.note)
    result.warn(quiz, question, lost_forms(question, lms="Moodle", carries_units=False))
    if len(plan.answers) == 1:
        ((value, tolerance),) = plan.answers
        return [f"#{number(value)}:{number(tolerance)}"]
    return ["#"] + [f"={number(value)}:{number(tolerance)}" for value, tolerance in plan.answers]


def _matching(question: models.Matching, result: Rendered, quiz: Quiz) -> list[str]:
    texts = {match.id: plain(match.text) for match in question.matches}
    _no_arrow(question, [prompt.text for prompt in question.prompts] + list(texts.values()))
    pairs = [
        f"={escape(prompt.text)} -> {escape(texts[(question.key or {})[prompt.id]])}"
        for prompt in question.prompts
    ]
    used = set((question.key or {}).values())
    return pairs + [f"= -> {escape(texts[m.id])}" for m in question.matches if m.id not in used]


def _ordering(question: models.Ordering, result: Rendered, quiz: Quiz) -> list[str]:
    raise CannotExpress("GIFT has no ordering question; use --format moodle-xml")


def _short_text(question: models.ShortText, result: Rendered, quiz: Quiz) -> list[str]:
    texts = variants(question.key)
    _no_arrow(question, texts)
    result.warn(quiz, question, NOT_CARRIED.format(lms="Moodle"))
    return ["=" + _answer(moodle_pattern(text)) for text in texts]


WRITERS: dict[str, Callable[[Any, Rendered, Quiz], list[str]]] = {
    "single_choice": _single,
    "multiple_answers": _multiple,
    "true_false": _true_false,
    "numeric": _numeric,
    "matching": _matching,
    "ordering": _ordering,
    "short_text": _short_text,
}
"""Our question type → the writer of the lines inside its braces (before the explanation)."""


def _block(quiz: Quiz, question: AnyQuestion, result: Rendered) -> str:
    lines = [f"// [id:{question.id}]"]
    lines += [f"// [tag:{objective}]" for objective in question.objectives]
    if question.must_pass:
        lines.append("// [tag:must-pass]")
    points = number(question.points)
    lines.append(f"// {quiz.id}: {question.type}, {points} point{'s' if points != '1' else ''}")
    before = len(result.notes)
    body = WRITERS[question.type](question, result, quiz)
    lines += [f"// {note}" for note in result.notes[before:]]
    head = f"::{escape(question.id)}::[markdown]{escape(question.stem)} {{"
    if question.explanation:
        body.append(f"####{escape(question.explanation)}")
    if isinstance(question, models.TrueFalse | models.Numeric):
        # GIFT tells these types by the first character in the braces: keep it right after '{'.
        if len(body) == 1:
            return "\n".join([*lines, head + body[0] + "}"])
        return "\n".join([*lines, head + body[0], *body[1:], "}"])
    return "\n".join([*lines, head, *body, "}"])


def to_gift(quizzes: Iterable[Quiz], options: ExportOptions | None = None) -> Rendered:
    """All the questions of ``quizzes`` as one GIFT file (UTF-8), one category per lesson (and
    a sub-category per pool).

    Ordering questions are skipped and listed in ``Rendered.skipped``; relative tolerances
    converted to absolute ones are listed in ``Rendered.notes`` and in a comment beside the
    question; what a question accepts that GIFT cannot carry is in ``Rendered.warnings``.

    Raises:
        ExportError: a text GIFT cannot carry (``->`` in a matching or short-answer text).
    """
    result = Rendered(b"", needs=f"Moodle {version_text(MOODLE_BASE)} or later")
    parts = [HEADER]
    for quiz, name, questions in ((q, n, qs) for q in quizzes for n, qs in categories(q)):
        parts.append(f"$CATEGORY: {name}")
        written = result.write_each(quiz, questions, partial(_block, quiz, result=result))
        parts += [block for _question, block in written]
    result.content = ("\n\n".join(parts) + "\n").encode("utf-8")
    return result
