"""Static HTML for a quiz, per handout edition: a self-check form or the instructor's key sheet.

Presentation only: this module turns a :class:`~skinlessons.quiz.models.Quiz` into a view model
and renders ``templates/quiz_static.html.j2``. A self-check grades as Python does: the check data
it embeds (:mod:`.quiz_check`) is precomputed from the grader's own rules, and the handout's
small local script (``quiz.js``) only normalises what is typed and compares.

What each edition receives:

* **trainee**, formative quiz: real form controls with labels, a *Check* button per question,
  hidden option feedback and explanation revealed in text after a check. Formative keys ship in
  the page (allowed by the design: they are self-checks, not grades).
* **trainee**, summative quiz: the question text only, from the key-free projection; nothing that
  could reveal an answer (no key, no explanation, no option feedback) is ever rendered.
* **instructor**: every question with its key, explanation, objectives and must-pass flag (and,
  in a pooled final, its pool and how many of the pool each trainee is shown).

Which edition holds what is decided in :mod:`.editions`; this module only renders it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Final

from nbconvert.filters import markdown2html

from .._util.jinja import environment
from ..quiz import models
from ..quiz.models import AnyQuestion, Quiz
from ..quiz.projection import key_free
from .editions import Edition, QuizMode, quiz_for, quiz_mode, shows_answers
from .quiz_check import check_data, page_rules
from .quiz_variants import template_text, variants_data, with_sample_variants

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


def _no_text(question: Any) -> str:
    return ""  # choice keys are marked on the options instead


def _true_false_key(question: models.TrueFalse) -> str:
    return "True" if question.key else "False"


def _shown(value: float) -> str:
    """A key as an instructor reads it: a computed 40.3371 as 40.34, a written 0.075 as is."""
    return f"{round(value, 2):g}" if abs(value) >= 1 else f"{value:.3g}"


def _numeric_key(question: models.Numeric) -> str:
    if question.key is None:
        return ""
    key, unit = question.key, f" {question.unit}" if question.unit else ""
    if key.tolerance is not None:
        return f"{_shown(key.value)}{unit} (± {key.tolerance:g}{unit})"
    return f"{_shown(key.value)}{unit} (± {100 * (key.relative_tolerance or 0):g} %)"


def _short_text_key(question: models.ShortText) -> str:
    return " · ".join(question.key or [])


def _matching_key(question: models.Matching) -> str:
    texts = {match.id: match.text for match in question.matches}
    prompts = {prompt.id: prompt.text for prompt in question.prompts}
    return "; ".join(f"{prompts[p]} → {texts[m]}" for p, m in (question.key or {}).items())


def _ordering_key(question: models.Ordering) -> str:
    items = {item.id: item.text for item in question.items}
    return " → ".join(items[item_id] for item_id in question.key or [])


_KEY_TEXT: Final[dict[type[Any], Callable[[Any], str]]] = {
    models.SingleChoice: _no_text,
    models.MultipleAnswers: _no_text,
    models.TrueFalse: _true_false_key,
    models.Numeric: _numeric_key,
    models.Matching: _matching_key,
    models.Ordering: _ordering_key,
    models.ShortText: _short_text_key,
}
"""The key in words, for the instructor sheet."""


def _choice_parts(question: Any, mode: QuizMode, reveal: bool) -> dict[str, Any]:
    keys = question.key if isinstance(question.key, list) else [question.key]
    options = [
        {
            "id": option.id,
            "html": markdown_inline(option.text),
            "feedback_html": markdown_inline(option.feedback) if reveal else "",
            "is_key": mode == "key" and option.id in keys,
        }
        for option in question.options
    ]
    return {"options": options}


def _no_parts(question: Any, mode: QuizMode, reveal: bool) -> dict[str, Any]:
    return {}


def _numeric_parts(question: models.Numeric, mode: QuizMode, reveal: bool) -> dict[str, Any]:
    return {"unit": question.unit}


def _matching_parts(question: models.Matching, mode: QuizMode, reveal: bool) -> dict[str, Any]:
    return {"prompts": _entries(question.prompts), "matches": _entries(question.matches)}


def _ordering_parts(question: models.Ordering, mode: QuizMode, reveal: bool) -> dict[str, Any]:
    return {"ordering_items": _entries(question.items)}


_PARTS: Final[dict[type[Any], Callable[[Any, QuizMode, bool], dict[str, Any]]]] = {
    models.SingleChoice: _choice_parts,
    models.MultipleAnswers: _choice_parts,
    models.TrueFalse: _no_parts,
    models.Numeric: _numeric_parts,
    models.Matching: _matching_parts,
    models.Ordering: _ordering_parts,
    models.ShortText: _no_parts,
}
"""What each type shows beyond the stem: options, unit, prompts and matches, or items."""


def _question_view(
    quiz_id: str,
    question: AnyQuestion,
    checked: AnyQuestion,
    number: int,
    mode: QuizMode,
    reveal: bool,
) -> dict[str, Any]:
    """The view of ``question`` as shown; ``checked`` is the same question with its key."""
    view: dict[str, Any] = {
        "number": number,
        "id": question.id,
        "dom_id": f"q-{quiz_id}-{question.id}",
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
        "unit": None,
        "key_text": _KEY_TEXT[type(question)](question) if mode == "key" else "",
        "check_json": "",
        "variants_json": "",
        "template": "",
    }
    view.update(_PARTS[type(question)](question, mode, reveal))
    if mode == "form":
        view["check_json"] = _json_for_script(check_data(checked))
    return view


def pools_of(quiz: Quiz) -> dict[str, str]:
    """Question id → its pool as the instructor copy names it (``slot-x, 1 of 3 drawn``)."""
    return {
        qid: f"{pool.id}, {pool.draw} of {len(pool.questions)} drawn per trainee"
        for pool in quiz.pools
        for qid in pool.questions
    }


def render_quiz_html(quiz: Quiz, edition: Edition) -> str:
    """Render a quiz as static, accessible HTML for one handout edition.

    Args:
        quiz: the full quiz (with keys) as loaded from the instructor's YAML.
        edition: ``"trainee"`` (self-check form; summative quizzes as question text only)
            or ``"instructor"`` (keys, explanations, objectives and must-pass flags shown).

    Returns:
        An HTML fragment (a ``<section>``) to place in the handout page.
    """
    # Render what the edition holds (a summative quiz reaches trainees key-free), so nothing
    # can leak even if the template changes. A self-check form shows the key-free projection
    # too (matches and ordering items in id order, not key order); only its check data, made
    # from the full quiz, carries the key.
    mode = quiz_mode(quiz, edition)
    original, (quiz, fixed) = quiz, with_sample_variants(quiz)
    held = key_free(quiz) if mode == "form" else quiz_for(quiz, edition)
    reveal = shows_answers(quiz, edition)
    questions = [
        _question_view(quiz.id, shown, checked, number, mode, reveal)
        for number, (shown, checked) in enumerate(
            zip(held.questions, quiz.questions, strict=True), start=1
        )
    ]
    for view in questions:
        variants = fixed.get(view["id"])
        if mode == "key":
            view["pool"] = pools_of(quiz).get(view["id"], "")
            template = getattr(original.question(view["id"]), "template", None)
            view["template"] = template_text(template, len(variants or ())) if template else ""
        elif mode == "form" and variants and len(variants) > 1:
            view["variants_json"] = _json_for_script(variants_data(variants, markdown_block))
    rules = _json_for_script(page_rules()) if mode == "form" else ""
    template = environment("skinlessons.handouts").get_template(TEMPLATE_NAME)
    return template.render(
        quiz=held, questions=questions, mode=mode, edition=edition, rules_json=rules
    )
