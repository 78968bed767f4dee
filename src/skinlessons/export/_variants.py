"""Template questions in an export: each becomes a category of fixed variants.

An LMS cannot run the course's logic, so a template question is written as a handful of fixed
questions (``logic.variants.fixed_variants``, realised with their keys by the same generator the
grader uses; the formula is never written out). They form a pool drawing one, so every format
writes them the way it writes a pool: a Moodle sub-category named for the question (a "random
question from category" slot draws one per trainee) and a Canvas question group picking one.
A template that already sits in a pool puts its variants in that pool.
"""

from __future__ import annotations

from ..logic.variants import fixed_variants, is_template, realise
from ..quiz.models import AnyQuestion, Numeric, Quiz
from ..quiz.pools import Pool


def variant_id(question_id: str, number: int) -> str:
    """The id of fixed variant ``number`` (from 1) of a template question: ``<id>-v<number>``."""
    return f"{question_id}-v{number}"


def with_fixed_variants(quiz: Quiz) -> Quiz:
    """The quiz with each template question replaced by its fixed variants, drawn one per slot."""
    if not any(is_template(question) for question in quiz.questions):
        return quiz
    questions: list[AnyQuestion] = []
    expanded: dict[str, list[str]] = {}
    for question in quiz.questions:
        if not (isinstance(question, Numeric) and question.template is not None):
            questions.append(question)
            continue
        ids = []
        for number, variant in enumerate(fixed_variants(question), start=1):
            fixed = realise(question, variant)
            ids.append(variant_id(question.id, number))
            questions.append(fixed.model_copy(update={"id": ids[-1]}))
        expanded[question.id] = ids
    pools = []
    for pool in quiz.pools:
        members = [qid for old in pool.questions for qid in expanded.pop(old, [old])]
        pools.append(pool.model_copy(update={"questions": members}))
    pools += [Pool(id=qid, draw=1, questions=ids) for qid, ids in expanded.items()]
    return quiz.model_copy(update={"questions": questions, "pools": pools})
