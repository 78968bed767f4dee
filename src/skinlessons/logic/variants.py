"""Computed variants of template questions: the valid ones, a trainee's own, and its key.

Everyone who shows, grades or exports a template question asks this module: the live quiz shows
``realise(question, trainee_variant(...))``, the grader grades the same realised question (its
key recomputed from the stored parameters), exports write a handful of realised variants. A
realised question is a plain numeric question (no template), so grading, the response rules and
the answer log treat it like any other. The pick is ``skinlessons.quiz.draw.variant_index``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..facts import Facts, load_facts
from ..quiz.draw import FIRST_SITTING, drawn_quiz, variant_index
from ..quiz.models import AnyQuestion, Numeric, NumericKey, Quiz
from ..quiz.templates import Variant, render_stem
from .generators import GENERATORS, Generator

SAMPLE_LIMIT: Final = 2000
"""``check`` evaluates a parameter space this large or smaller whole, a larger one by sample."""


def generator_of(question: Numeric) -> Generator:
    """The registry's generator this template names.

    Raises:
        KeyError: the name is not in the registry (``check`` reports it with its line).
    """
    assert question.template is not None
    return GENERATORS[question.template.generator]


def stem_values(
    question: Numeric, variant: Mapping[str, str | float], facts: Facts
) -> dict[str, str | float]:
    """What the stem may show for ``variant`` (never the key).

    Raises:
        ValueError: the logic cannot compute this combination (it is no variant).
    """
    return generator_of(question).given(variant, facts)


_SPACES: dict[tuple[int, int], tuple[Numeric, Facts, list[Variant]]] = {}
"""Valid variants per (question, facts) object: a cohort's grading asks for them over and over."""
_SPACES_KEPT: Final = 256


def valid_variants(question: Numeric, facts: Facts | None = None) -> list[Variant]:
    """The template's parameter combinations the logic can compute, in a fixed order."""
    facts = facts or load_facts()
    known = _SPACES.get((id(question), id(facts)))
    if known is not None and known[0] is question and known[1] is facts:
        return known[2]
    if len(_SPACES) >= _SPACES_KEPT:
        _SPACES.clear()
    valid = _computable(question, facts)
    _SPACES[(id(question), id(facts))] = (question, facts, valid)
    return valid


def _computable(question: Numeric, facts: Facts) -> list[Variant]:
    assert question.template is not None
    valid = []
    for variant in question.template.space():
        try:
            stem_values(question, variant, facts)
        except (ValueError, KeyError):
            continue
        valid.append(variant)
    return valid


def trainee_variant(
    question: Numeric,
    *,
    trainee_id: str,
    quiz_id: str,
    sitting: int = FIRST_SITTING,
    attempt: int = 0,
    facts: Facts | None = None,
) -> Variant:
    """The variant this trainee is shown (attempt 0) or practises next ("Try another": 1, 2...)."""
    space = valid_variants(question, facts)
    index = variant_index(
        len(space),
        trainee_id=trainee_id,
        quiz_id=quiz_id,
        question_id=question.id,
        sitting=sitting,
        attempt=attempt,
    )
    return space[index]


def realise(
    question: Numeric, variant: Mapping[str, str | float], facts: Facts | None = None
) -> Numeric:
    """The template question as a plain numeric question for ``variant``.

    The stem is rendered; the key is computed when the template carries its key rule (the
    instructor's copy, or a lesson self-check) and left out in a key-free copy.
    """
    facts = facts or load_facts()
    template = question.template
    assert template is not None
    stem = render_stem(question.stem, stem_values(question, variant, facts))
    key = None
    if template.has_key_rule:
        key = NumericKey(
            value=generator_of(question).key(variant, facts),
            tolerance=template.tolerance,
            relative_tolerance=template.relative_tolerance,
        )
    return question.model_copy(update={"stem": stem, "key": key, "template": None})


def is_template(question: AnyQuestion) -> bool:
    """True for a numeric question with a ``template:``."""
    return isinstance(question, Numeric) and question.template is not None


def realise_quiz(
    quiz: Quiz,
    trainee_id: str,
    sitting: int = FIRST_SITTING,
    *,
    attempts: Mapping[str, int] | None = None,
    facts: Facts | None = None,
) -> tuple[Quiz, dict[str, Variant]]:
    """The quiz with each template question realised for this trainee, and the variants used.

    ``attempts`` gives a question's practice attempt ("Try another"); absent questions take 0.
    """
    if not any(is_template(question) for question in quiz.questions):
        return quiz, {}
    facts = facts or load_facts()
    used: dict[str, Variant] = {}
    questions: list[AnyQuestion] = []
    for question in quiz.questions:
        if isinstance(question, Numeric) and question.template is not None:
            variant = trainee_variant(
                question,
                trainee_id=trainee_id,
                quiz_id=quiz.id,
                sitting=sitting,
                attempt=(attempts or {}).get(question.id, 0),
                facts=facts,
            )
            used[question.id] = variant
            question = realise(question, variant, facts)
        questions.append(question)
    return quiz.model_copy(update={"questions": questions}), used


def shown_quiz(quiz: Quiz, trainee_id: str, sitting: int = FIRST_SITTING) -> Quiz:
    """What this trainee is shown in this sitting: their draw of the pools, their variants."""
    return realise_quiz(drawn_quiz(quiz, trainee_id, sitting), trainee_id, sitting)[0]


def realise_stored(
    quiz: Quiz, variants: Mapping[str, Mapping[str, str | float]], facts: Facts | None = None
) -> Quiz:
    """The quiz with each template question realised for a stored variant (regrading).

    A template question with no stored variant stays as it is.
    """
    facts = facts or load_facts()
    questions: list[AnyQuestion] = []
    for question in quiz.questions:
        if (
            isinstance(question, Numeric)
            and question.template is not None
            and question.id in variants
        ):
            question = realise(question, variants[question.id], facts)
        questions.append(question)
    return quiz.model_copy(update={"questions": questions})


FIXED_COUNT: Final = 8
"""How many fixed variants an export category or a static handout holds per template."""


def fixed_variants(
    question: Numeric, count: int = FIXED_COUNT, facts: Facts | None = None
) -> list[Variant]:
    """A handful of the template's valid variants, spread evenly over its space (all if fewer).

    The same for every caller and run: exports write these as a category of fixed questions,
    the static handout precomputes them for "Try another".
    """
    space = valid_variants(question, facts)
    if len(space) <= count:
        return list(space)
    return [space[(index * len(space)) // count] for index in range(count)]
