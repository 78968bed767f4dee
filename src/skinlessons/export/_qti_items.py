"""The per-type parts of a QTI 1.2 item as Canvas reads them: responses, scoring, feedback.

One writer per question type (``WRITERS``). Canvas scores on a 0-100 ``SCORE`` scale and
multiplies by the item's ``points_possible``. Choice questions set 100 for the right response;
for multiple answers Canvas keeps only which options are right (those tested inside the
``<and>``, not under ``<not>``) and applies its own partial credit (Classic Quizzes: each right
option chosen earns 1/k, each wrong one chosen costs 1/k, never below 0, the same rule as
ours). Matching adds ``100/prompts`` per right pair; numeric accepts the exact value or
anything within the absolute tolerance; short answer accepts each variant. Per-option feedback
is an ``itemfeedback`` shown when that option is chosen. Texts get the ``texttype`` Canvas needs
to show them as the source says (``_text.canvas_text``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from ..quiz.models import (
    AnyQuestion,
    Matching,
    MultipleAnswers,
    Numeric,
    Option,
    Ordering,
    Quiz,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from ._common import CannotExpress, Rendered
from ._fractions import number
from ._numeric import lost_forms
from ._numeric import plan as numeric_plan
from ._short import NOT_CARRIED, variants
from ._text import canvas_text, plain, xml_text

RESPONSE = "response1"


@dataclass
class ItemParts:
    """The response elements, the ``resprocessing`` element and the feedback (ident → Markdown)."""

    responses: list[ET.Element]
    processing: ET.Element
    feedback: dict[str, str] = field(default_factory=dict)


def mattext(parent: ET.Element, text: str, *, inline: bool = False) -> ET.Element:
    """A ``<material><mattext>`` under ``parent`` holding author Markdown as Canvas shows it."""
    texttype, content = canvas_text(text, inline=inline)
    element = ET.SubElement(ET.SubElement(parent, "material"), "mattext", texttype=texttype)
    element.text = content
    return element


def _choices(labels: Sequence[tuple[str, str]], cardinality: str) -> ET.Element:
    response = ET.Element("response_lid", ident=RESPONSE, rcardinality=cardinality)
    render = ET.SubElement(response, "render_choice")
    for ident, text in labels:
        mattext(ET.SubElement(render, "response_label", ident=ident), text, inline=True)
    return response


def _processing() -> ET.Element:
    processing = ET.Element("resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    return processing


def _condition(processing: ET.Element, *, stop: bool = False) -> tuple[ET.Element, ET.Element]:
    condition = ET.SubElement(processing, "respcondition", {"continue": "No" if stop else "Yes"})
    return condition, ET.SubElement(condition, "conditionvar")


def _equal(parent: ET.Element, value: str, respident: str = RESPONSE) -> ET.Element:
    element = ET.SubElement(parent, "varequal", respident=respident)
    element.text = xml_text(value)
    return element


def _score(condition: ET.Element, value: str, action: str = "Set") -> None:
    ET.SubElement(condition, "setvar", action=action, varname="SCORE").text = value


def _option_feedback(processing: ET.Element, options: list[Option], parts: ItemParts) -> None:
    for option in options:
        if option.feedback:
            condition, test = _condition(processing)
            _equal(test, option.id)
            ET.SubElement(
                condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{option.id}_fb"
            )
            parts.feedback[f"{option.id}_fb"] = option.feedback


def _general_feedback(processing: ET.Element, question: AnyQuestion) -> None:
    if question.explanation:
        condition, test = _condition(processing)
        ET.SubElement(test, "other")
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")


def _choice(question: SingleChoice | MultipleAnswers, parts: ItemParts) -> None:
    labels = [(option.id, option.text) for option in question.options]
    is_single = isinstance(question, SingleChoice)
    parts.responses.append(_choices(labels, "Single" if is_single else "Multiple"))
    _option_feedback(parts.processing, question.options, parts)
    condition, test = _condition(parts.processing, stop=True)
    if isinstance(question, SingleChoice):
        _equal(test, str(question.key))
    else:
        every = ET.SubElement(test, "and")
        for option in question.options:
            parent = every if option.id in (question.key or ()) else ET.SubElement(every, "not")
            _equal(parent, option.id)
    _score(condition, "100")


def _single(question: SingleChoice, parts: ItemParts, context: ItemContext) -> None:
    _choice(question, parts)


def _multiple(question: MultipleAnswers, parts: ItemParts, context: ItemContext) -> None:
    _choice(question, parts)


def _true_false(question: TrueFalse, parts: ItemParts, context: ItemContext) -> None:
    parts.responses.append(_choices([("true", "True"), ("false", "False")], "Single"))
    condition, test = _condition(parts.processing, stop=True)
    _equal(test, "true" if question.key else "false")
    _score(condition, "100")


def _numeric(question: Numeric, parts: ItemParts, context: ItemContext) -> None:
    plan = numeric_plan(question)
    if plan.note:
        context.result.notes.append(plan.note)
    context.warn(question, lost_forms(question, lms="Canvas", carries_units=False))
    response = ET.Element("response_str", ident=RESPONSE, rcardinality="Single")
    ET.SubElement(
        ET.SubElement(response, "render_fib", fibtype="Decimal"), "response_label", ident="answer1"
    )
    parts.responses.append(response)
    for value, tolerance in plan.answers:
        condition, test = _condition(parts.processing, stop=True)
        either = ET.SubElement(test, "or")
        _equal(either, number(value))
        band = ET.SubElement(either, "and")
        ET.SubElement(band, "vargte", respident=RESPONSE).text = number(value - tolerance)
        ET.SubElement(band, "varlte", respident=RESPONSE).text = number(value + tolerance)
        _score(condition, "100")


def _matching(question: Matching, parts: ItemParts, context: ItemContext) -> None:
    key = question.key or {}
    share = number(round(100 / len(question.prompts), 2))
    for prompt in question.prompts:
        respident = f"response_{prompt.id}"
        response = ET.Element("response_lid", ident=respident)
        mattext(response, prompt.text, inline=True)
        render = ET.SubElement(response, "render_choice")
        for match in question.matches:
            label = ET.SubElement(render, "response_label", ident=match.id)
            ET.SubElement(ET.SubElement(label, "material"), "mattext").text = plain(match.text)
        parts.responses.append(response)
        condition, test = _condition(parts.processing)
        _equal(test, key[prompt.id], respident=respident)
        _score(condition, share, action="Add")


def _ordering(question: Ordering, parts: ItemParts, context: ItemContext) -> None:
    raise CannotExpress("Canvas QTI 1.2 has no ordering question; use --format moodle-xml")


def _short_text(question: ShortText, parts: ItemParts, context: ItemContext) -> None:
    context.warn(question, NOT_CARRIED.format(lms="Canvas"))
    response = ET.Element("response_str", ident=RESPONSE, rcardinality="Single")
    ET.SubElement(
        ET.SubElement(response, "render_fib"), "response_label", ident="answer1", rshuffle="No"
    )
    parts.responses.append(response)
    condition, test = _condition(parts.processing, stop=True)
    for text in variants(question.key):
        _equal(test, text)
    _score(condition, "100")


@dataclass(frozen=True)
class ItemContext:
    """The quiz an item belongs to and the result that collects notes and warnings."""

    quiz: Quiz
    result: Rendered

    def warn(self, question: AnyQuestion, message: str) -> None:
        """Record one warning about ``question``."""
        self.result.warn(self.quiz, question, message)


WRITERS: Final[dict[str, Callable[[Any, ItemParts, ItemContext], None]]] = {
    "single_choice": _single,
    "multiple_answers": _multiple,
    "true_false": _true_false,
    "numeric": _numeric,
    "matching": _matching,
    "ordering": _ordering,
    "short_text": _short_text,
}
"""Our question type → the writer of its responses and scoring."""


def item_parts(question: AnyQuestion, context: ItemContext) -> ItemParts:
    """Build the parts of ``question``'s item.

    Raises:
        CannotExpress: Canvas has no such question type (ordering).
    """
    parts = ItemParts(responses=[], processing=_processing())
    _general_feedback(parts.processing, question)
    WRITERS[question.type](question, parts, context)
    return parts
