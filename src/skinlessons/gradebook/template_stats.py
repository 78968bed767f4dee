"""Item analysis of a template question: one row for the template, then its variants.

A template question is one item of the quiz (every trainee who was shown it answered their own
variant of it), so its facility and discrimination are the template's. Below that row the
report lists the variants trainees were shown, each with how many answered it and its
facility, so an instructor can see whether some parameter values make the item harder.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from ..quiz.models import Numeric, Quiz
from .cohort import TraineeOutcome
from .item_analysis import facility

MAX_VARIANT_ROWS: Final = 12
"""At most this many variants are listed per template (the most answered first)."""


@dataclass(frozen=True)
class VariantRow:
    """One variant of a template as trainees saw it: its values, how many answered, facility."""

    values: str
    answered: int
    facility: float | None


@dataclass(frozen=True)
class TemplateRows:
    """A template's generator, the variants trainees were shown, and those left unlisted."""

    generator: str
    variants: list[VariantRow]
    unlisted: int


def template_label(stem: str) -> str:
    """A template's stem with each ``{field}`` shown as ``[field]`` (not a variant's value)."""
    return "".join(
        literal + (f"[{name}]" if name is not None else "")
        for literal, name, _spec, _conversion in string.Formatter().parse(stem)
    )


def _values(variant: Mapping[str, str | float]) -> str:
    return ", ".join(
        f"{name} {value:g}" if isinstance(value, float | int) else f"{name} {value}"
        for name, value in sorted(variant.items())
    )


def template_rows(quiz: Quiz, outcomes: Sequence[TraineeOutcome]) -> dict[str, TemplateRows]:
    """Per template question of ``quiz``: each variant shown, with answers and facility."""
    templates = {
        q.id: q for q in quiz.questions if isinstance(q, Numeric) and q.template is not None
    }
    marks: dict[str, dict[str, list[float]]] = {qid: {} for qid in templates}
    for outcome in outcomes:
        graded = outcome.graded.quizzes.get(quiz.id)
        if graded is None:
            continue
        for qid, variant in graded.variants.items():
            result = graded.first_results.get(qid)
            if qid in marks and result is not None and result.is_answered:
                marks[qid].setdefault(_values(variant), []).append(result.score)
    found: dict[str, TemplateRows] = {}
    for qid, question in templates.items():
        assert question.template is not None
        ordered = sorted(marks[qid].items(), key=lambda item: (-len(item[1]), item[0]))
        rows = [
            VariantRow(values, len(scores), facility(scores, question.points))
            for values, scores in ordered[:MAX_VARIANT_ROWS]
        ]
        found[qid] = TemplateRows(
            question.template.generator, rows, max(0, len(ordered) - MAX_VARIANT_ROWS)
        )
    return found
