"""Question pools of a summative quiz, and the one function that draws a trainee's questions.

A quiz may list ``pools:`` after ``questions:``; each pool names some of the quiz's questions and
how many of them each trainee is shown (``draw: k``). Questions in no pool are always shown; a
question is in at most one pool. The draw is fixed by the normalised trainee id, the quiz id, the
pool id and the sitting (1 for the first attempt; a re-sit the instructor allows draws afresh),
never by the quiz version, so fixing a typo in a question re-draws nobody. The draw itself is
``skinlessons.quiz.draw``.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from ._rules import Violation
from .parts import Slug, _Model
from .questions import AnyQuestion


class Pool(_Model):
    """A slot of the final: ``draw`` of its ``questions`` (ids of the quiz) per trainee."""

    id: Slug
    draw: int = Field(default=1, ge=1)
    questions: list[Slug] = Field(min_length=1)


def pool_violations(
    pools: Sequence[Pool], questions: Sequence[AnyQuestion], *, is_summative: bool
) -> list[Violation]:
    """The rules a quiz's pools break: unknown or repeated ids, pools on a lesson self-check."""
    found: list[Violation] = []
    if pools and not is_summative:
        found.append(
            Violation(
                ("pools",),
                "pools are for the summative final; a lesson self-check shows every question",
                "remove 'pools:', or set 'kind: summative'.",
            )
        )
    known = {question.id for question in questions}
    pool_ids: set[str] = set()
    owner: dict[str, str] = {}
    for index, pool in enumerate(pools):
        if pool.id in pool_ids:
            found.append(
                Violation(
                    ("pools", index, "id"),
                    f"pool id '{pool.id}' is used twice",
                    "give each pool its own id.",
                )
            )
        pool_ids.add(pool.id)
        for q_index, question_id in enumerate(pool.questions):
            loc = ("pools", index, "questions", q_index)
            if question_id not in known:
                found.append(
                    Violation(
                        loc,
                        f"pool '{pool.id}' names '{question_id}', which is not a question of "
                        "this quiz",
                        "list ids of questions under 'questions:' of this file.",
                    )
                )
            elif question_id in owner:
                found.append(
                    Violation(
                        loc,
                        f"question '{question_id}' is in pool '{owner[question_id]}' "
                        f"and again in pool '{pool.id}'",
                        "put each question in one pool at most.",
                    )
                )
            else:
                owner[question_id] = pool.id
    return found
