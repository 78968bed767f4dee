"""Template questions in a static handout: a handful of precomputed variants per question.

A page cannot run the course's logic, so Python realises the template's fixed variants
(``logic.variants.fixed_variants``) and puts, per variant, its stem as HTML and its check data
(``quiz_check.check_data``: the same numeric rules as every other self-check) into the page. The
self-check shows the first; its "Try another" button swaps in the next one, and the script only
compares, as for any question. The instructor copy shows the sample variant, with the generator
and the parameter ranges beside it. Trainees' handouts of a summative quiz show a sample
variant key-free (their own is in the notebook).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..logic.variants import fixed_variants, realise
from ..quiz.models import AnyQuestion, Numeric, Quiz
from ..quiz.templates import ParameterRange, Template
from .quiz_check import check_data


def with_sample_variants(quiz: Quiz) -> tuple[Quiz, dict[str, list[Numeric]]]:
    """The quiz with each template question as its first fixed variant, and every variant."""
    fixed: dict[str, list[Numeric]] = {}
    questions: list[AnyQuestion] = []
    for question in quiz.questions:
        if isinstance(question, Numeric) and question.template is not None:
            fixed[question.id] = [realise(question, v) for v in fixed_variants(question)]
            question = fixed[question.id][0]
        questions.append(question)
    if not fixed:
        return quiz, fixed
    return quiz.model_copy(update={"questions": questions}), fixed


def variants_data(variants: list[Numeric], stem_html: Callable[[str], str]) -> list[dict[str, Any]]:
    """What "Try another" swaps in, per variant: the stem's HTML and its check data."""
    return [{"stem_html": stem_html(v.stem), "check": check_data(v)} for v in variants]


def template_text(template: Template, count: int) -> str:
    """The instructor copy's line: generator, each parameter's values, how many fixed variants."""
    parts = []
    for name in sorted(template.parameters):
        given = template.parameters[name]
        if isinstance(given, ParameterRange):
            parts.append(f"{name} {given.low:g} to {given.high:g} in steps of {given.step:g}")
        else:
            parts.append(f"{name} {', '.join(str(value) for value in given)}")
    return (
        f"{template.generator}: {'; '.join(parts)} (each trainee their own variant; "
        f"{count} fixed variants in handouts and exports; sample shown)"
    )
