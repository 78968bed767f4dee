"""What ``skinlessons check`` verifies of each template question, each problem with file:line.

The generator is in the registry; the parameters are the generator's, each value inside its
domain; the stem names only values the generator gives; and every variant (or a seeded sample of
a large space) renders, has a computable key and a key inside what the lessons teach.
"""

from __future__ import annotations

import random

from ..errors import ContentError
from ..facts import Facts
from ..quiz.course_checks import LoadedQuiz
from ..quiz.models import Numeric
from ..quiz.templates import ParameterRange, Variant, render_stem, stem_fields
from .generators import GENERATORS
from .variants import SAMPLE_LIMIT, generator_of, stem_values, valid_variants


def template_problems(loaded: LoadedQuiz, facts: Facts) -> list[ContentError]:
    """Every broken template rule of one (valid) quiz."""
    problems: list[ContentError] = []
    for index, question in enumerate(loaded.quiz.questions):
        if isinstance(question, Numeric) and question.template is not None:
            where = ("questions", index, "numeric")
            problems += _question_problems(loaded, where, question, facts)
    return problems


def _question_problems(
    loaded: LoadedQuiz, where: tuple[int | str, ...], question: Numeric, facts: Facts
) -> list[ContentError]:
    template = question.template
    assert template is not None
    at = (*where, "template")
    if template.generator not in GENERATORS:
        return [
            loaded.problem(
                f"template of '{question.id}' names generator '{template.generator}', which is "
                "not in the registry",
                (*at, "generator"),
                f"use one of: {', '.join(sorted(GENERATORS))}.",
            )
        ]
    generator = generator_of(question)
    problems = []
    wanted, given = set(generator.parameters), set(template.parameters)
    for name in sorted(given - wanted):
        problems.append(
            loaded.problem(
                f"generator '{template.generator}' takes no parameter '{name}'",
                (*at, "parameters", name),
                f"its parameters are: {', '.join(sorted(wanted))}.",
            )
        )
    for name in sorted(wanted - given):
        problems.append(
            loaded.problem(
                f"template of '{question.id}' gives no values for '{name}' "
                f"({generator.parameters[name].about})",
                (*at, "parameters"),
                f"add '{name}:' with a list of values or a range (low, high, step).",
            )
        )
    for name in sorted(wanted & given):
        values = template.values_of(name)
        for position, value in enumerate(values):
            why = generator.parameters[name].problem(value, facts)
            if why is not None:
                is_range = isinstance(template.parameters[name], ParameterRange)
                loc = (*at, "parameters", name) if is_range else (*at, "parameters", name, position)
                problems.append(
                    loaded.problem(
                        f"parameter '{name}' of '{question.id}': {why}",
                        loc,
                        f"keep to {generator.parameters[name].about}.",
                    )
                )
                break
    if problems:
        return problems
    return _stem_problems(loaded, where, question, facts)


def _stem_problems(
    loaded: LoadedQuiz, where: tuple[int | str, ...], question: Numeric, facts: Facts
) -> list[ContentError]:
    variants = valid_variants(question, facts)
    if not variants:
        return [
            loaded.problem(
                f"no parameter combination of '{question.id}' can be computed",
                (*where, "template", "parameters"),
                "choose values the course data covers.",
            )
        ]
    known = set(stem_values(question, variants[0], facts))
    try:
        fields = stem_fields(question.stem)
    except ValueError as error:
        return [
            loaded.problem(
                f"the stem of '{question.id}' is not a valid template ({error})",
                (*where, "stem"),
                "write each value as {name}; write a literal brace as {{ or }}.",
            )
        ]
    unknown = sorted({name for name in fields if name not in known})
    if unknown:
        return [
            loaded.problem(
                f"the stem of '{question.id}' names {', '.join(unknown)}, which the generator "
                "does not give",
                (*where, "stem"),
                f"use only: {', '.join(sorted(known))}.",
            )
        ]
    return _variant_problems(loaded, where, question, _sample(variants, question.id), facts)


def _sample(variants: list[Variant], seed: str) -> list[Variant]:
    if len(variants) <= SAMPLE_LIMIT:
        return variants
    return random.Random(seed).sample(variants, SAMPLE_LIMIT)


def _variant_problems(
    loaded: LoadedQuiz,
    where: tuple[int | str, ...],
    question: Numeric,
    variants: list[Variant],
    facts: Facts,
) -> list[ContentError]:
    generator = generator_of(question)
    low, high = generator.taught
    for variant in variants:
        shown = ", ".join(f"{name}={value}" for name, value in variant.items())
        try:
            render_stem(question.stem, stem_values(question, variant, facts))
            key = generator.key(variant, facts)
        except (ValueError, KeyError, TypeError) as error:
            return [
                loaded.problem(
                    f"variant {shown} of '{question.id}' cannot be computed ({error})",
                    (*where, "template"),
                    "narrow the parameters, or fix the stem's format of that value.",
                )
            ]
        if not low <= key <= high:
            return [
                loaded.problem(
                    f"variant {shown} of '{question.id}' has the key {key:g}, outside what the "
                    f"lessons teach ({low:g} to {high:g})",
                    (*where, "template", "parameters"),
                    "narrow the parameters to what the lesson covers.",
                )
            ]
    return []
