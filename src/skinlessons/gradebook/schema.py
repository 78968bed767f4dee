"""The gradebook's SQLite schema, as numbered migrations applied in order.

``schema_version`` records every migration applied and when. Add a migration to change the
schema; never edit one that has shipped. Personal data: ``trainees.trainee_id`` and
``submissions.trainee_id`` (the LMS username or id number), ``submissions.source_name`` (the
file name handed in) and ``responses`` (what the trainee typed, free text included).

Since version 4 a submission's rows are keyed by its number, ``submissions.submission_id``, in
the ``*_rows`` tables; ``submission_quizzes``, ``responses``, ``item_scores``, ``quiz_scores``
and ``variants`` are views of them with the columns of versions 1 to 3, the submission's hash
included, so a query written for an older gradebook still works on a migrated one.
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

_V3: Final = """
-- Computed variants: the parameters of each template question's variant a trainee was shown.
CREATE TABLE IF NOT EXISTS variants (
    submission_hash TEXT NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    parameters TEXT NOT NULL,              -- JSON object: parameter -> value
    PRIMARY KEY (submission_hash, quiz_id, question_id)
) WITHOUT ROWID;
"""

_V4: Final = """
-- Integer submission keys. A submission is numbered (submission_id) and its child rows are
-- keyed by that number instead of repeating its 64-character hash, which made a submission's
-- ~300 rows half hash and their keys slow to insert. The rows live in the *_rows tables; the
-- views keep the names and columns of versions 1-3 (submission_hash included), so every query
-- written for them still works. Runs with foreign keys off (the old tables are dropped).
DROP VIEW current_submissions;
CREATE TABLE submissions_v4 (
    submission_id INTEGER PRIMARY KEY,     -- what the *_rows tables refer to
    submission_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the canonical JSON content
    trainee_id TEXT NOT NULL REFERENCES trainees(trainee_id) ON DELETE CASCADE,
    last_seq INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    package_version TEXT NOT NULL,
    source_name TEXT NOT NULL,
    answer_count INTEGER NOT NULL,
    notes TEXT NOT NULL
);
INSERT INTO submissions_v4 (submission_hash, trainee_id, last_seq, created_at, package_version,
                            source_name, answer_count, notes)
SELECT submission_hash, trainee_id, last_seq, created_at, package_version, source_name,
       answer_count, notes
FROM submissions ORDER BY submission_hash;

CREATE TABLE submission_quiz_rows (
    submission_id INTEGER NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    quiz_version TEXT NOT NULL,
    kind TEXT NOT NULL,
    sitting INTEGER NOT NULL DEFAULT 1,
    shown TEXT,                            -- JSON list, or null without pools
    PRIMARY KEY (submission_id, quiz_id)
) WITHOUT ROWID;
INSERT INTO submission_quiz_rows
SELECT s.submission_id, q.quiz_id, q.quiz_version, q.kind, q.sitting, q.shown
FROM submission_quizzes AS q JOIN submissions_v4 AS s USING (submission_hash);

CREATE TABLE response_rows (
    submission_id INTEGER NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    response TEXT NOT NULL,                -- JSON, exactly as submitted
    first_response TEXT NOT NULL,          -- JSON
    seq INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    PRIMARY KEY (submission_id, quiz_id, question_id)
) WITHOUT ROWID;
INSERT INTO response_rows
SELECT s.submission_id, r.quiz_id, r.question_id, r.response, r.first_response, r.seq,
       r.attempts
FROM responses AS r JOIN submissions_v4 AS s USING (submission_hash);

CREATE TABLE item_score_rows (             -- rewritten on every run, with the current keys
    submission_id INTEGER NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    score REAL NOT NULL,
    max_points REAL NOT NULL,
    is_correct INTEGER NOT NULL,
    is_answered INTEGER NOT NULL,
    first_score REAL NOT NULL,             -- the first checked try (formative), else = score
    problem TEXT,
    PRIMARY KEY (submission_id, quiz_id, question_id)
) WITHOUT ROWID;
INSERT INTO item_score_rows
SELECT s.submission_id, i.quiz_id, i.question_id, i.score, i.max_points, i.is_correct,
       i.is_answered, i.first_score, i.problem
FROM item_scores AS i JOIN submissions_v4 AS s USING (submission_hash);

CREATE TABLE quiz_score_rows (
    submission_id INTEGER NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    score REAL NOT NULL,
    max_points REAL NOT NULL,
    percentage REAL NOT NULL,
    passed INTEGER NOT NULL,
    must_pass_failed TEXT NOT NULL,        -- JSON list of question ids
    notes TEXT NOT NULL,                   -- JSON list
    PRIMARY KEY (submission_id, quiz_id)
) WITHOUT ROWID;
INSERT INTO quiz_score_rows
SELECT s.submission_id, q.quiz_id, q.kind, q.score, q.max_points, q.percentage, q.passed,
       q.must_pass_failed, q.notes
FROM quiz_scores AS q JOIN submissions_v4 AS s USING (submission_hash);

CREATE TABLE variant_rows (
    submission_id INTEGER NOT NULL REFERENCES submissions ON DELETE CASCADE,
    quiz_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    parameters TEXT NOT NULL,              -- JSON object: parameter -> value
    PRIMARY KEY (submission_id, quiz_id, question_id)
) WITHOUT ROWID;
INSERT INTO variant_rows
SELECT s.submission_id, v.quiz_id, v.question_id, v.parameters
FROM variants AS v JOIN submissions_v4 AS s USING (submission_hash);

DROP TABLE submission_quizzes;
DROP TABLE responses;
DROP TABLE item_scores;
DROP TABLE quiz_scores;
DROP TABLE variants;
DROP TABLE submissions;
ALTER TABLE submissions_v4 RENAME TO submissions;
CREATE INDEX submissions_by_trainee ON submissions (trainee_id, last_seq);

CREATE VIEW submission_quizzes AS
SELECT s.submission_hash, q.quiz_id, q.quiz_version, q.kind, q.sitting, q.shown
FROM submission_quiz_rows AS q JOIN submissions AS s USING (submission_id);
CREATE VIEW responses AS
SELECT s.submission_hash, r.quiz_id, r.question_id, r.response, r.first_response, r.seq,
       r.attempts
FROM response_rows AS r JOIN submissions AS s USING (submission_id);
CREATE VIEW item_scores AS
SELECT s.submission_hash, i.quiz_id, i.question_id, i.score, i.max_points, i.is_correct,
       i.is_answered, i.first_score, i.problem
FROM item_score_rows AS i JOIN submissions AS s USING (submission_id);
CREATE VIEW quiz_scores AS
SELECT s.submission_hash, q.quiz_id, q.kind, q.score, q.max_points, q.percentage, q.passed,
       q.must_pass_failed, q.notes
FROM quiz_score_rows AS q JOIN submissions AS s USING (submission_id);
CREATE VIEW variants AS
SELECT s.submission_hash, v.quiz_id, v.question_id, v.parameters
FROM variant_rows AS v JOIN submissions AS s USING (submission_id);

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

MIGRATIONS: Final[tuple[tuple[int, str], ...]] = ((1, _V1), (2, _V2), (3, _V3), (4, _V4))
"""``(version, SQL script)`` pairs, in order."""
SCHEMA_VERSION: Final = MIGRATIONS[-1][0]
"""The schema version this code writes."""
