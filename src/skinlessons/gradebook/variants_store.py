"""The variant of each template question a trainee was shown, as the gradebook keeps it.

Written with a submission's scores (``_rows.write_scores``), so it lives and goes with them; a
regrade reads it back (:func:`load_variants`) and grades the same variant, recomputing only its
key. A trainee who is forgotten loses these rows with their submissions.
"""

from __future__ import annotations

import json
import sqlite3

from ..quiz.templates import Variant

StoredVariants = dict[str, dict[str, dict[str, Variant]]]
"""submission hash -> quiz id -> question id -> the variant's parameters."""


def load_variants(db: sqlite3.Connection) -> StoredVariants:
    """Every stored variant, by submission, quiz and question."""
    found: StoredVariants = {}
    for key, quiz_id, qid, parameters in db.execute("SELECT * FROM variants"):
        found.setdefault(key, {}).setdefault(quiz_id, {})[qid] = json.loads(parameters)
    return found
