"""Moodle XML (docs.moodle.org/en/Moodle_XML_format), every question type including ordering.

The file is a ``<quiz>`` with a category question per lesson followed by that lesson's
questions. HTML texts (stems, options, feedback, explanations; rendered from the author's
Markdown) go in ``<![CDATA[...]]>``; plain texts are escaped. Each question carries
``<idnumber>`` = its id, its objectives as tags, ``<generalfeedback>`` = the explanation, and
per-answer feedback. Weights are Moodle's accepted grade fractions (see ``_fractions``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final
from xml.sax.saxutils import escape

from ..quiz.models import (
    AnyQuestion,
    Matching,
    MultipleAnswers,
    Numeric,
    Ordering,
    Quiz,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from ._common import (
    Rendered,
    absolute_tolerance,
    category,
    html_block,
    html_inline,
    plain,
    xml_text,
)
from ._fractions import correct_option_weights, number, percent, wrong_option_weight

HEADER: Final = (
    "<!-- skinlessons question export (Moodle XML). It contains the answer keys: "
    "never give this file to trainees. -->"
)
MOODLE_TYPES: Final = {
    "single_choice": "multichoice",
    "multiple_answers": "multichoice",
    "true_false": "truefalse",
    "numeric": "numerical",
    "matching": "matching",
    "ordering": "ordering",
    "short_text": "shortanswer",
}
"""Our question type → Moodle's ``<question type=...>``."""


def cdata(html: str) -> str:
    """``html`` in a CDATA section ('' for no text); a ``]]>`` inside is split safely."""
    if not html:
        return ""
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _plain(text: str) -> str:
    return escape(xml_text(text))


def _html_element(tag: str, html: str) -> str:
    return f'<{tag} format="html"><text>{cdata(html)}</text></{tag}>'


def _answer(fraction: str, text: str, feedback_html: str = "", *, is_html: bool = True) -> str:
    body = cdata(text) if is_html else _plain(text)
    answer_format = "html" if is_html else "moodle_auto_format"
    return (
        f'<answer fraction="{fraction}" format="{answer_format}"><text>{body}</text>'
        f"{_html_element('feedback', feedback_html)}</answer>"
    )


def _choice_answers(question: SingleChoice | MultipleAnswers) -> list[str]:
    if isinstance(question, SingleChoice):
        weights = {
            option.id: "100" if option.id == question.key else "0" for option in question.options
        }
    else:
        key = list(question.key or ())
        right = iter(correct_option_weights(len(key), question_id=question.id))
        wrong = percent(wrong_option_weight(len(key)))
        weights = {o.id: percent(next(right)) if o.id in key else wrong for o in question.options}
    return [
        "<single>" + ("true" if isinstance(question, SingleChoice) else "false") + "</single>",
        f"<shuffleanswers>{str(question.shuffle).lower()}</shuffleanswers>",
        "<answernumbering>abc</answernumbering>",
        *(
            _answer(weights[option.id], html_inline(option.text), html_block(option.feedback))
            for option in question.options
        ),
    ]


def _type_elements(question: AnyQuestion, notes: list[str]) -> list[str]:
    if isinstance(question, SingleChoice | MultipleAnswers):
        return _choice_answers(question)
    if isinstance(question, TrueFalse):
        return [
            _answer("100" if question.key else "0", "true", is_html=False),
            _answer("0" if question.key else "100", "false", is_html=False),
        ]
    if isinstance(question, Numeric) and question.key is not None:
        tolerance, note = absolute_tolerance(question.id, question.key)
        if note:
            notes.append(note)
        answer = _answer("100", number(question.key.value), is_html=False)
        answer = answer.replace("</answer>", f"<tolerance>{number(tolerance)}</tolerance></answer>")
        units = []
        if question.unit:
            units = [
                "<units><unit><multiplier>1</multiplier>"
                f"<unit_name>{_plain(question.unit)}</unit_name></unit></units>",
                "<unitgradingtype>0</unitgradingtype><unitpenalty>0</unitpenalty>",
                "<showunits>3</showunits><unitsleft>0</unitsleft>",
            ]
        return [*([f"<!-- {note} -->"] if note else []), answer, *units]
    if isinstance(question, Matching):
        key = question.key or {}
        texts = {match.id: plain(match.text) for match in question.matches}
        pairs = [(html_inline(prompt.text), texts[key[prompt.id]]) for prompt in question.prompts]
        pairs += [("", texts[m.id]) for m in question.matches if m.id not in set(key.values())]
        return [f"<shuffleanswers>{str(question.shuffle).lower()}</shuffleanswers>"] + [
            f'<subquestion format="html"><text>{cdata(prompt)}</text>'
            f"<answer><text>{_plain(match)}</text></answer></subquestion>"
            for prompt, match in pairs
        ]
    if isinstance(question, Ordering):
        items = {item.id: item for item in question.items}
        return [
            "<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype>"
            "<selectcount>0</selectcount>",
            "<gradingtype>RELATIVE_NEXT_EXCLUDE_LAST</gradingtype><showgrading>SHOW</showgrading>"
            "<numberingstyle>none</numberingstyle>",
            *(
                _answer(str(position), html_inline(items[item_id].text))
                for position, item_id in enumerate(question.key or (), start=1)
            ),
        ]
    if isinstance(question, ShortText):
        variants = [variant for variant in question.key or () if variant.strip()]
        return ["<usecase>0</usecase>"] + [_answer("100", v, is_html=False) for v in variants]
    raise AssertionError(f"unhandled question type {question.type}")  # pragma: no cover


def _question(question: AnyQuestion, notes: list[str]) -> list[str]:
    tags = [*question.objectives, *(["must-pass"] if question.must_pass else [])]
    body = [
        f"<name><text>{_plain(question.id)}</text></name>",
        _html_element("questiontext", html_block(question.stem)),
        _html_element("generalfeedback", html_block(question.explanation)),
        f"<defaultgrade>{number(question.points)}</defaultgrade>",
        "<penalty>0</penalty>",
        "<hidden>0</hidden>",
        f"<idnumber>{_plain(question.id)}</idnumber>",
        *_type_elements(question, notes),
        "<tags>" + "".join(f"<tag><text>{_plain(tag)}</text></tag>" for tag in tags) + "</tags>",
    ]
    return [
        f'  <question type="{MOODLE_TYPES[question.type]}">',
        *(f"    {line}" for line in body),
        "  </question>",
    ]


def to_moodle_xml(quizzes: Iterable[Quiz]) -> Rendered:
    """All the questions of ``quizzes`` as one Moodle XML file (UTF-8), a category per lesson."""
    result = Rendered(b"")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', HEADER, "<quiz>"]
    for quiz in quizzes:
        lines += [
            '  <question type="category">',
            f"    <category><text>{_plain(category(quiz))}</text></category>",
            "  </question>",
        ]
        for question in quiz.questions:
            lines += _question(question, result.notes)
            result.exported.append(f"{quiz.id}/{question.id}")
    lines.append("</quiz>")
    result.content = ("\n".join(lines) + "\n").encode("utf-8")
    return result
