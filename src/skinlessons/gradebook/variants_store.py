"""The variant of each template question a trainee was shown, as the gradebook keeps it.

Written with a submission's scores (``Gradebook._write_scores``), so it lives and goes with
them; a regrade reads it back (:func:`load_variants`) and grades the same variant, recomputing
only its key. A trainee who is forgotten loses these rows with their submissions.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..quiz.templates import Variant
from .regrade import SubmissionGrade

StoredVariants = dict[str, dict[str, dict[str, Variant]]]
"""submission hash -> quiz id -> question id -> the variant's parameters."""


def write_variants(db: sqlite3.Connection, key: str, graded: SubmissionGrade) -> None:
    """Replace the stored variants of submission ``key`` with those of ``graded``."""
    db.execute("DELETE FROM variants WHERE submission_hash = ?", (key,))
    rows: list[tuple[Any, ...]] = [
        (key, quiz_id, qid, json.dumps(variant, sort_keys=True))
        for quiz_id, quiz in graded.quizzes.items()
        for qid, variant in quiz.variants.items()
    ]
    db.executemany("INSERT INTO variants VALUES (?, ?, ?, ?)", rows)


def load_variants(db: sqlite3.Connection) -> StoredVariants:
    """Every stored variant, by submission, quiz and question."""
    found: StoredVariants = {}
    for key, quiz_id, qid, parameters in db.execute("SELECT * FROM variants"):
        found.setdefault(key, {}).setdefault(quiz_id, {})[qid] = json.loads(parameters)
    return found
