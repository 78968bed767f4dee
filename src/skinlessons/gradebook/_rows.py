"""A submission and its grades as gradebook rows, each keyed by the submission's number.

The rows of schema version 4 (``schema.py``): ``submission_quiz_rows`` and ``response_rows``
hold what was handed in, ``item_score_rows``, ``quiz_score_rows`` and ``variant_rows`` the
grades, which every run rewrites. JSON cells are canonical (:func:`~._json.canonical_json`).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Final

from ._json import canonical_json
from .records import Submission
from .regrade import SubmissionGrade

QUIZ_COLUMNS: Final = "submission_id, quiz_id, quiz_version, kind, sitting, shown"
"""``shown``: the JSON list of ids a pooled quiz showed, JSON ``null`` (or SQL NULL) otherwise."""


def write_answers(db: sqlite3.Connection, number: int, submission: Submission) -> None:
    """Insert the quiz and response rows of submission ``number`` (``OverflowError``: a seq or
    attempts too large for an SQLite INTEGER)."""
    dump = canonical_json
    quizzes = submission.quizzes.values()
    db.executemany(
        f"INSERT INTO submission_quiz_rows ({QUIZ_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        [(number, q.quiz_id, q.quiz_version, q.kind, q.sitting, dump(q.shown)) for q in quizzes],
    )
    db.executemany(
        "INSERT INTO response_rows VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (number, quiz.quiz_id, qid, dump(a.response), dump(a.first_response), a.seq, a.attempts)
            for quiz in quizzes
            for qid, a in quiz.answers.items()
        ],
    )


def write_scores(db: sqlite3.Connection, number: int, graded: SubmissionGrade) -> None:
    """Insert the item, quiz and variant rows of submission ``number`` (none there yet)."""
    dump = canonical_json
    items: list[tuple[Any, ...]] = []
    quizzes: list[tuple[Any, ...]] = []
    variants: list[tuple[Any, ...]] = []
    for quiz_id, quiz in graded.quizzes.items():
        result = quiz.result
        first = quiz.first_results
        items += [
            (
                number,
                quiz_id,
                qid,
                item.score,
                item.max_points,
                int(item.is_correct),
                int(item.is_answered),
                first[qid].score,
                item.problem,
            )
            for qid, item in result.results.items()
        ]
        quizzes.append(
            (
                number,
                quiz_id,
                quiz.kind,
                result.score,
                result.max_points,
                result.percentage,
                int(result.passed),
                dump(result.must_pass_failed),
                dump(quiz.notes),
            )
        )
        variants += [
            (number, quiz_id, qid, json.dumps(variant, sort_keys=True))
            for qid, variant in quiz.variants.items()
        ]
    db.executemany("INSERT INTO item_score_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", items)
    db.executemany("INSERT INTO quiz_score_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", quizzes)
    db.executemany("INSERT INTO variant_rows VALUES (?, ?, ?, ?)", variants)


def delete_scores(db: sqlite3.Connection, number: int) -> None:
    """Delete the item, quiz and variant rows of submission ``number``."""
    for table in ("item_score_rows", "quiz_score_rows", "variant_rows"):
        db.execute(f"DELETE FROM {table} WHERE submission_id = ?", (number,))
