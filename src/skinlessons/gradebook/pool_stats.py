"""Item analysis of a pooled quiz: its slots (for alpha) and pools whose questions differ.

A trainee answers one draw, so the trainees × questions matrix has gaps; Cronbach's alpha is
taken over the slots instead (an always-shown question, or a pool's drawn questions summed),
which every trainee has. A pool is flagged when its questions' facilities differ by more than
:data:`POOL_FACILITY_SPREAD` once each was answered by enough trainees to judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..quiz.models import Quiz
from .item_analysis import MIN_ANSWERS_TO_JUDGE, ItemStats

POOL_FACILITY_SPREAD: Final = 0.20
"""Facilities of one pool's questions further apart than this (20 points) are flagged."""


def slot_matrix(quiz: Quiz, rows: Sequence[Sequence[float | None]]) -> list[list[float]]:
    """Each trainee's marks per slot; without pools, the rows themselves."""
    column = {question.id: index for index, question in enumerate(quiz.questions)}
    pooled = {qid for pool in quiz.pools for qid in pool.questions}
    groups = [[index] for index, q in enumerate(quiz.questions) if q.id not in pooled]
    groups += [[column[qid] for qid in pool.questions if qid in column] for pool in quiz.pools]
    groups = [group for group in groups if group]
    return [
        [sum(mark for index in group if (mark := row[index]) is not None) for group in groups]
        for row in rows
    ]


def pool_flags(quiz: Quiz, stats: Sequence[ItemStats]) -> list[str]:
    """One sentence per pool whose questions are not equally difficult (by facility)."""
    by_id = {item.question_id: item for item in stats}
    flags = []
    for pool in quiz.pools:
        members = [by_id[qid] for qid in pool.questions if qid in by_id]
        judged = [
            m for m in members if m.answered >= MIN_ANSWERS_TO_JUDGE and m.facility is not None
        ]
        if len(judged) < 2 or len(judged) < len(members):
            continue
        easiest = max(judged, key=lambda item: item.facility or 0.0)
        hardest = min(judged, key=lambda item: item.facility or 0.0)
        spread = (easiest.facility or 0.0) - (hardest.facility or 0.0)
        if spread > POOL_FACILITY_SPREAD:
            flags.append(
                f"pool '{pool.id}': facility differs by {100 * spread:.0f} points, from "
                f"{100 * (hardest.facility or 0.0):.0f} % ({hardest.question_id}) to "
                f"{100 * (easiest.facility or 0.0):.0f} % ({easiest.question_id}), so some draws "
                "are harder than others; rewrite or replace the outlier"
            )
    return flags


def pool_names(quiz: Quiz) -> dict[str, str]:
    """Question id → the id of its pool (questions in no pool are left out)."""
    return {qid: pool.id for pool in quiz.pools for qid in pool.questions}
