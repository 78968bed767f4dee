"""Static HTML for a quiz, per handout edition: a self-check form or the instructor's key sheet.

Presentation only: this module turns a :class:`~skinlessons.quiz.models.Quiz` into a view model
and renders ``templates/quiz_static.html.j2``; the self-check logic lives in the handout's small
local script (``quiz.js``), which reads the per-question check data this module embeds.

What each edition receives:

* **trainee**, formative quiz: real form controls with labels, a *Check* button per question,
  hidden option feedback and explanation revealed in text after a check. Formative keys ship in
  the page (allowed by the design: they are self-checks, not grades).
* **trainee**, summative quiz: the question text only, from the key-free projection; nothing that
  could reveal an answer (no key, no explanation, no option feedback) is ever rendered.
* **instructor**: every question with its key, explanation, objectives and must-pass flag.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final, Literal

from nbconvert.filters import markdown2html

from .._util.jinja import environment
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

Edition = Literal["trainee", "instructor"]
"""The two handout editions."""
EDITIONS: Final[tuple[Edition, ...]] = ("trainee", "instructor")

TEMPLATE_NAME: Final = "quiz_static.html.j2"
_SINGLE_PARAGRAPH: Final = re.compile(r"^\s*<p>(.*)</p>\s*$", re.DOTALL)


def markdown_block(text: str | None) -> str:
    """Render author Markdown (stems, explanations) to HTML blocks."""
    return markdown2html(text or "").strip()


def markdown_inline(text: str | None) -> str:
    """Render one line of author Markdown (option texts) without the wrapping paragraph."""
    rendered = markdown_block(text)
    match = _SINGLE_PARAGRAPH.match(rendered)
    return match.group(1) if match and "<p>" not in match.group(1) else rendered


def _json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (no ``</script>``)."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _entries(entries: list[Any]) -> list[dict[str, str]]:
    return [{"id": entry.id, "html": markdown_inline(entry.text)} for entry in entries]


def _key_text(question: AnyQuestion) -> str:
    """The key in words, for the instructor sheet (choice keys are marked on the options)."""
    if isinstance(question, TrueFalse):
        return "True" if question.key else "False"
    if isinstance(question, Numeric) and question.key is not None:
        key = question.key
        unit = f" {question.unit}" if question.unit else ""
        if key.tolerance is not None:
            return f"{key.value:g}{unit} (± {key.tolerance:g}{unit})"
        return f"{key.value:g}{unit} (± {100 * (key.relative_tolerance or 0):g} %)"
    if isinstance(question, ShortText):
        return " · ".join(question.key or [])
    if isinstance(question, Matching):
        texts = {match.id: match.text for match in question.matches}
        prompts = {prompt.id: prompt.text for prompt in question.prompts}
        return "; ".join(f"{prompts[p]} → {texts[m]}" for p, m in (question.key or {}).items())
    if isinstance(question, Ordering):
        items = {item.id: item.text for item in question.items}
        return " → ".join(items[item_id] for item_id in question.key or [])
    return ""


def _check_data(question: AnyQuestion) -> dict[str, Any]:
    """What the local script needs to check one formative answer."""
    data: dict[str, Any] = {"type": question.type, "key": None}
    key = question.key_value()
    if isinstance(question, Numeric) and question.key is not None:
        data.update(unit=question.unit, allow=list(question.allow), key=question.key.model_dump())
    else:
        data["key"] = key
    return data


def _question_view(
    quiz: Quiz, question: AnyQuestion, number: int, edition: Edition
) -> dict[str, Any]:
    reveal = edition == "instructor" or not quiz.is_summative
    view: dict[str, Any] = {
        "number": number,
        "id": question.id,
        "dom_id": f"q-{quiz.id}-{question.id}",
        "type": question.type,
        "points": f"{question.points:g}",
        "stem_html": markdown_block(question.stem),
        "objectives": list(question.objectives),
        "must_pass": question.must_pass,
        "references": list(question.references),
        "explanation_html": markdown_block(question.explanation) if reveal else "",
        "options": [],
        "prompts": [],
        "matches": [],
        "ordering_items": [],
        "unit": question.unit if isinstance(question, Numeric) else None,
        "key_text": _key_text(question) if edition == "instructor" else "",
        "check_json": "",
    }
    if isinstance(question, SingleChoice | MultipleAnswers):
        keys = question.key if isinstance(question.key, list) else [question.key]
        view["options"] = [
            {
                "id": option.id,
                "html": markdown_inline(option.text),
                "feedback_html": markdown_inline(option.feedback) if reveal else "",
                "is_key": edition == "instructor" and option.id in keys,
            }
            for option in question.options
        ]
    elif isinstance(question, Matching):
        view["prompts"] = _entries(question.prompts)
        view["matches"] = _entries(question.matches)
    elif isinstance(question, Ordering):
        view["ordering_items"] = _entries(question.items)
    if edition == "trainee" and not quiz.is_summative:
        view["check_json"] = _json_for_script(_check_data(question))
    return view


def render_quiz_html(quiz: Quiz, edition: Edition) -> str:
    """Render a quiz as static, accessible HTML for one handout edition.

    Args:
        quiz: the full quiz (with keys) as loaded from the instructor's YAML.
        edition: ``"trainee"`` (self-check form; summative quizzes as question text only)
            or ``"instructor"`` (keys, explanations, objectives and must-pass flags shown).

    Returns:
        An HTML fragment (a ``<section>``) to place in the handout page.
    """
    if edition == "trainee" and quiz.is_summative:
        # Render from a copy with every answer-revealing field removed, so nothing can leak
        # even if the template changes.
        quiz = _without_answers(quiz)
    mode = "key" if edition == "instructor" else ("form" if not quiz.is_summative else "text")
    questions = [
        _question_view(quiz, question, number, edition)
        for number, question in enumerate(quiz.questions, start=1)
    ]
    template = environment("skinlessons.handouts").get_template(TEMPLATE_NAME)
    return template.render(quiz=quiz, questions=questions, mode=mode, edition=edition)


def _without_answers(quiz: Quiz) -> Quiz:
    """A copy of ``quiz`` with no key, explanation or option feedback."""
    questions = []
    for question in quiz.questions:
        update: dict[str, Any] = {"key": None, "explanation": None}
        if isinstance(question, SingleChoice | MultipleAnswers):
            update["options"] = [
                option.model_copy(update={"feedback": None}) for option in question.options
            ]
        questions.append(question.model_copy(update=update))
    return quiz.model_copy(update={"questions": questions, "key_free": True})
