"""The gradebook's SQLite schema, as numbered migrations applied in order.

``schema_version`` records every migration applied and when. Add a migration to change the
schema; never edit one that has shipped. Personal data: ``trainees.trainee_id`` and
``submissions.trainee_id`` (the LMS username or id number), ``submissions.source_name`` (the
file name handed in) and ``responses`` (what the trainee typed, free text included).
"""

from __future__ import annotations

from typing import Final

_V1: Final = """
CREATE TABLE trainees (
    trainee_id TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE submissions (
    submission_hash TEXT PRIMARY KEY,      -- SHA-256 of the canonical JSON content
    trainee_id TEXT NOT NULL REFERENCES trainees(trainee_id) ON DELETE CASCADE,
    last_seq INTEGER NOT NULL,             -- a later submission has the larger last_seq
    created_at TEXT NOT NULL,
    package_version TEXT NOT NULL,
    source_name TEXT NOT NULL,             -- the file it was first read from
    answer_count INTEGER NOT NULL,         -- rows it has in responses (consistency check)
    notes TEXT NOT NULL                    -- JSON list of what intake left out
) WITHOUT ROWID;
CREATE INDEX submissions_by_trainee ON submissions (trainee_id, last_seq);

CREATE TABLE submission_quizzes (
    submission_hash TEXT NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    quiz_version TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (submission_hash, quiz_id)
) WITHOUT ROWID;

CREATE TABLE responses (
    submission_hash TEXT NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    response TEXT NOT NULL,                -- JSON, exactly as submitted
    first_response TEXT NOT NULL,          -- JSON
    seq INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    PRIMARY KEY (submission_hash, quiz_id, question_id)
) WITHOUT ROWID;

CREATE TABLE item_scores (                 -- rewritten on every run, with the current keys
    submission_hash TEXT NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    score REAL NOT NULL,
    max_points REAL NOT NULL,
    is_correct INTEGER NOT NULL,
    is_answered INTEGER NOT NULL,
    first_score REAL NOT NULL,             -- the first checked try (formative), else = score
    problem TEXT,
    PRIMARY KEY (submission_hash, quiz_id, question_id)
) WITHOUT ROWID;

CREATE TABLE quiz_scores (
    submission_hash TEXT NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    score REAL NOT NULL,
    max_points REAL NOT NULL,
    percentage REAL NOT NULL,
    passed INTEGER NOT NULL,
    must_pass_failed TEXT NOT NULL,        -- JSON list of question ids
    notes TEXT NOT NULL,                   -- JSON list
    PRIMARY KEY (submission_hash, quiz_id)
) WITHOUT ROWID;

CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    files_seen INTEGER NOT NULL DEFAULT 0,
    graded INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE overrides_applied (
    run_id INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    action TEXT NOT NULL,                  -- void | accept
    detail TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- The submission that counts for each trainee: the largest last_seq (ties: larger hash).
CREATE VIEW current_submissions AS
SELECT s.* FROM submissions AS s
WHERE NOT EXISTS (
    SELECT 1 FROM submissions AS t
    WHERE t.trainee_id = s.trainee_id
      AND (t.last_seq > s.last_seq
           OR (t.last_seq = s.last_seq AND t.submission_hash > s.submission_hash))
);
"""

_V2: Final = """
-- Submission format 2: the sitting of a pooled quiz and the question ids it showed.
ALTER TABLE submission_quizzes ADD COLUMN sitting INTEGER NOT NULL DEFAULT 1;
ALTER TABLE submission_quizzes ADD COLUMN shown TEXT;  -- JSON list, or null without pools
"""

MIGRATIONS: Final[tuple[tuple[int, str], ...]] = ((1, _V1), (2, _V2))
"""``(version, SQL script)`` pairs, in order."""
SCHEMA_VERSION: Final = MIGRATIONS[-1][0]
"""The schema version this code writes."""
