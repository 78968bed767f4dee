"""The type-specific elements of each Moodle XML question: one writer per question type.

Each writer returns the lines Moodle's own exporter writes for that type (read from
``question/format/xml/format.php`` and, for ordering, ``qtype_ordering``'s ``export_to_xml``),
so that every element the importer reads without a default is present:

* multichoice and matching: ``<correctfeedback>``, ``<partiallycorrectfeedback>``,
  ``<incorrectfeedback>`` and ``<shownumcorrect/>`` as Moodle writes them;
* ordering: the six options, the combined feedback and ``<shownumcorrect>1</shownumcorrect>``.
  Without ``shownumcorrect`` the ordering importer adds two hint rows with no ``hintformat``,
  which PostgreSQL (and MySQL in strict mode) refuse, stopping the whole import;
* numerical: each answer with its ``<tolerance>``, the units and the four unit settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final
from xml.sax.saxutils import escape

from ..quiz import models
from ..quiz.models import AnyQuestion, Quiz
from ._common import CannotExpress, ExportOptions, Rendered, version_text
from ._fractions import correct_option_weights, number, percent, wrong_option_weight
from ._numeric import lost_forms
from ._numeric import plan as numeric_plan
from ._short import NOT_CARRIED, moodle_pattern, variants
from ._text import html_block, html_inline, plain, xml_text

ORDERING_GRADING: Final = "RELATIVE_NEXT_EXCLUDE_LAST"
COMBINED_FEEDBACK: Final = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")


@dataclass(frozen=True)
class Context:
    """What a type writer may need besides the question: its quiz, the options, the result."""

    quiz: Quiz
    options: ExportOptions
    result: Rendered


def cdata(html: str) -> str:
    """``html`` in a CDATA section ('' for no text); a ``]]>`` inside is split safely."""
    if not html:
        return ""
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def plain_xml(text: str) -> str:
    """Plain text escaped for an XML element."""
    return escape(xml_text(text))


def html_element(tag: str, html: str) -> str:
    """``<tag format="html"><text>…</text></tag>`` with the HTML in CDATA."""
    return f'<{tag} format="html"><text>{cdata(html)}</text></{tag}>'


def answer(fraction: str, text: str, feedback_html: str = "", *, is_html: bool = True) -> str:
    """One ``<answer>`` with its feedback (HTML answers in CDATA, plain ones escaped)."""
    body = cdata(text) if is_html else plain_xml(text)
    answer_format = "html" if is_html else "moodle_auto_format"
    return (
        f'<answer fraction="{fraction}" format="{answer_format}"><text>{body}</text>'
        f"{html_element('feedback', feedback_html)}</answer>"
    )


def _combined_feedback() -> list[str]:
    return [html_element(tag, "") for tag in COMBINED_FEEDBACK] + ["<shownumcorrect/>"]


def _choice(question: models.SingleChoice | models.MultipleAnswers) -> list[str]:
    if isinstance(question, models.SingleChoice):
        weights = {o.id: "100" if o.id == question.key else "0" for o in question.options}
    else:
        key = list(question.key or ())
        right = iter(correct_option_weights(len(key), question_id=question.id))
        wrong = percent(wrong_option_weight(len(key)))
        weights = {o.id: percent(next(right)) if o.id in key else wrong for o in question.options}
    return [
        f"<single>{'true' if isinstance(question, models.SingleChoice) else 'false'}</single>",
        f"<shuffleanswers>{str(question.shuffle).lower()}</shuffleanswers>",
        "<answernumbering>abc</answernumbering>",
        "<showstandardinstruction>0</showstandardinstruction>",
        *_combined_feedback(),
        *(
            answer(weights[option.id], html_inline(option.text), html_block(option.feedback))
            for option in question.options
        ),
    ]


def _single(question: models.SingleChoice, context: Context) -> list[str]:
    return _choice(question)


def _multiple(question: models.MultipleAnswers, context: Context) -> list[str]:
    return _choice(question)


def _true_false(question: models.TrueFalse, context: Context) -> list[str]:
    return [
        answer("100" if question.key else "0", "true", is_html=False),
        answer("0" if question.key else "100", "false", is_html=False),
    ]


def _numeric(question: models.Numeric, context: Context) -> list[str]:
    plan = numeric_plan(question)
    if plan.note:
        context.result.notes.append(plan.note)
    context.result.warn(
        context.quiz, question, lost_forms(question, lms="Moodle", carries_units=True)
    )
    answers = [
        answer("100", number(value), is_html=False).replace(
            "</answer>", f"<tolerance>{number(tolerance)}</tolerance></answer>"
        )
        for value, tolerance in plan.answers
    ]
    units = "".join(
        f"<unit><multiplier>{number(multiplier)}</multiplier>"
        f"<unit_name>{plain_xml(name)}</unit_name></unit>"
        for name, multiplier in plan.units
    )
    return [
        *([f"<!-- {plan.note} -->"] if plan.note else []),
        *answers,
        *([f"<units>{units}</units>"] if units else []),
        "<unitgradingtype>0</unitgradingtype><unitpenalty>0</unitpenalty>",
        f"<showunits>{0 if units else 3}</showunits><unitsleft>0</unitsleft>",
    ]


def _matching(question: models.Matching, context: Context) -> list[str]:
    key = question.key or {}
    texts = {match.id: plain(match.text) for match in question.matches}
    pairs = [(html_inline(prompt.text), texts[key[prompt.id]]) for prompt in question.prompts]
    pairs += [("", texts[m.id]) for m in question.matches if m.id not in set(key.values())]
    return [
        f"<shuffleanswers>{str(question.shuffle).lower()}</shuffleanswers>",
        *_combined_feedback(),
        *(
            f'<subquestion format="html"><text>{cdata(prompt)}</text>'
            f"<answer><text>{plain_xml(match)}</text></answer></subquestion>"
            for prompt, match in pairs
        ),
    ]


def _ordering(question: models.Ordering, context: Context) -> list[str]:
    if not context.options.moodle_has_ordering:
        wanted = version_text(context.options.moodle_version)
        raise CannotExpress(
            "left out by --no-ordering"
            if not context.options.ordering
            else f"Moodle {wanted} has no ordering question type (core since 4.4)"
        )
    context.result.warn(
        context.quiz,
        question,
        f"Moodle grades a partly right order by correct next neighbours ({ORDERING_GRADING}); "
        "skinlessons by key neighbours in order, so partial credit can differ",
    )
    items = {item.id: item for item in question.items}
    return [
        "<layouttype>VERTICAL</layouttype>",
        "<selecttype>ALL</selecttype>",
        f"<selectcount>{len(question.items)}</selectcount>",
        f"<gradingtype>{ORDERING_GRADING}</gradingtype>",
        "<showgrading>SHOW</showgrading>",
        "<numberingstyle>none</numberingstyle>",
        *(html_element(tag, "") for tag in COMBINED_FEEDBACK),
        "<shownumcorrect>1</shownumcorrect>",
        *(
            answer(str(position), html_inline(items[item_id].text))
            for position, item_id in enumerate(question.key or (), start=1)
        ),
    ]


def _short_text(question: models.ShortText, context: Context) -> list[str]:
    context.result.warn(context.quiz, question, NOT_CARRIED.format(lms="Moodle"))
    return ["<usecase>0</usecase>"] + [
        answer("100", moodle_pattern(text), is_html=False) for text in variants(question.key)
    ]


WRITERS: Final[dict[str, tuple[str, Callable[[Any, Context], list[str]]]]] = {
    "single_choice": ("multichoice", _single),
    "multiple_answers": ("multichoice", _multiple),
    "true_false": ("truefalse", _true_false),
    "numeric": ("numerical", _numeric),
    "matching": ("matching", _matching),
    "ordering": ("ordering", _ordering),
    "short_text": ("shortanswer", _short_text),
}
"""Our question type → (Moodle's ``<question type=...>``, the writer of its own elements)."""


def type_elements(question: AnyQuestion, context: Context) -> tuple[str, list[str]]:
    """Moodle's type name and the type-specific lines for ``question``.

    Raises:
        CannotExpress: the chosen Moodle release cannot hold this question.
    """
    moodle_type, writer = WRITERS[question.type]
    return moodle_type, writer(question, context)
