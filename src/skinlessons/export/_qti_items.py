"""The per-type parts of a QTI 1.2 item as Canvas reads them: responses, scoring, feedback.

Canvas scores on a 0-100 ``SCORE`` scale and multiplies by the item's ``points_possible``.
Choice questions set 100 for the right response; matching adds ``100/prompts`` per right pair;
numeric accepts the exact value or anything within the absolute tolerance; short answer
accepts each variant. Per-option feedback is an ``itemfeedback`` shown when that option is
chosen.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..quiz.models import (
    AnyQuestion,
    Matching,
    MultipleAnswers,
    Numeric,
    Option,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from ._common import absolute_tolerance, html_block, html_inline, plain, xml_text
from ._fractions import number

RESPONSE = "response1"


@dataclass
class ItemParts:
    """The response elements, the ``resprocessing`` element and the feedback (ident → HTML)."""

    responses: list[ET.Element]
    processing: ET.Element
    feedback: dict[str, str] = field(default_factory=dict)


def _choices(labels: Sequence[tuple[str, str, str | None]], cardinality: str) -> ET.Element:
    response = ET.Element("response_lid", ident=RESPONSE, rcardinality=cardinality)
    render = ET.SubElement(response, "render_choice")
    for ident, text, texttype in labels:
        label = ET.SubElement(render, "response_label", ident=ident)
        mattext = ET.SubElement(ET.SubElement(label, "material"), "mattext")
        if texttype:
            mattext.set("texttype", texttype)
        mattext.text = text
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
            parts.feedback[f"{option.id}_fb"] = html_block(option.feedback)


def _general_feedback(processing: ET.Element, question: AnyQuestion) -> None:
    if question.explanation:
        condition, test = _condition(processing)
        ET.SubElement(test, "other")
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")


def _choice(question: SingleChoice | MultipleAnswers, parts: ItemParts) -> None:
    labels = [(option.id, html_inline(option.text), "text/html") for option in question.options]
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


def item_parts(question: AnyQuestion, notes: list[str]) -> ItemParts:
    """Build the parts of ``question``'s item (any type but ordering)."""
    parts = ItemParts(responses=[], processing=_processing())
    _general_feedback(parts.processing, question)
    if isinstance(question, SingleChoice | MultipleAnswers):
        _choice(question, parts)
    elif isinstance(question, TrueFalse):
        parts.responses.append(
            _choices([("true", "True", None), ("false", "False", None)], "Single")
        )
        condition, test = _condition(parts.processing, stop=True)
        _equal(test, "true" if question.key else "false")
        _score(condition, "100")
    elif isinstance(question, Numeric) and question.key is not None:
        tolerance, note = absolute_tolerance(question.id, question.key)
        if note:
            notes.append(note)
        response = ET.Element("response_str", ident=RESPONSE, rcardinality="Single")
        ET.SubElement(
            ET.SubElement(response, "render_fib", fibtype="Decimal"),
            "response_label",
            ident="answer1",
        )
        parts.responses.append(response)
        condition, test = _condition(parts.processing, stop=True)
        either = ET.SubElement(test, "or")
        _equal(either, number(question.key.value))
        band = ET.SubElement(either, "and")
        low, high = question.key.value - tolerance, question.key.value + tolerance
        ET.SubElement(band, "vargte", respident=RESPONSE).text = number(low)
        ET.SubElement(band, "varlte", respident=RESPONSE).text = number(high)
        _score(condition, "100")
    elif isinstance(question, Matching):
        _matching(question, parts)
    elif isinstance(question, ShortText):
        response = ET.Element("response_str", ident=RESPONSE, rcardinality="Single")
        ET.SubElement(
            ET.SubElement(response, "render_fib"), "response_label", ident="answer1", rshuffle="No"
        )
        parts.responses.append(response)
        condition, test = _condition(parts.processing, stop=True)
        for variant in question.key or ():
            if variant.strip():
                _equal(test, variant)
        _score(condition, "100")
    return parts


def _matching(question: Matching, parts: ItemParts) -> None:
    key = question.key or {}
    share = number(round(100 / len(question.prompts), 2))
    for prompt in question.prompts:
        respident = f"response_{prompt.id}"
        response = ET.Element("response_lid", ident=respident)
        material = ET.SubElement(response, "material")
        ET.SubElement(material, "mattext", texttype="text/html").text = html_inline(prompt.text)
        render = ET.SubElement(response, "render_choice")
        for match in question.matches:
            label = ET.SubElement(render, "response_label", ident=match.id)
            ET.SubElement(ET.SubElement(label, "material"), "mattext").text = plain(match.text)
        parts.responses.append(response)
        condition, test = _condition(parts.processing)
        _equal(test, key[prompt.id], respident=respident)
        _score(condition, share, action="Add")
