"""The embedded SQLite gradebook: open and migrate it, add submissions, rewrite scores.

Every write is all-or-nothing: a submission with its answers and scores goes in at once (a
savepoint inside a transaction that commits every :data:`STORE_BATCH` submissions), and the
regrade of all stored submissions replaces the scores in one transaction, so a run killed at any
moment leaves either the old rows or the new ones, never half of a submission. A submission whose
rows cannot be written is rolled back alone and reported; the others are kept.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from .._util.clock import utc_timestamp
from ..errors import GradingError
from ..submission.format import AnswerRecord, QuizAnswers
from ._json import canonical_json
from ._rows import QUIZ_COLUMNS, delete_scores, write_answers, write_scores
from ._storable import StoreRefused, storable_problem
from .overrides import AppliedOverride
from .records import Submission
from .regrade import SubmissionGrade
from .schema import MIGRATIONS, SCHEMA_VERSION

GRADEBOOK_FILE: Final = "gradebook.sqlite"
STORE_BATCH: Final = 100
"""New submissions per committed transaction (each one is still whole: a savepoint)."""
_SUBMISSION_COLUMNS: Final = (
    "submission_hash, trainee_id, last_seq, created_at, package_version, source_name, "
    "answer_count, notes"
)


class Gradebook:
    """An open gradebook file. Use :func:`open_gradebook`; close it when done."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._pending = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one transaction: all of it is written, or none."""
        self.flush()
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            yield self.connection

    def close(self) -> None:
        """Commit what :meth:`add` stored, then close the file."""
        self.flush()
        self.connection.close()

    def flush(self) -> None:
        """Commit the submissions :meth:`add` stored since the last commit."""
        if self.connection.in_transaction:
            self.connection.commit()
        self._pending = 0

    @contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        """One submission's writes: kept whole, or rolled back alone if anything raises."""
        db = self.connection
        if not db.in_transaction:
            db.execute("BEGIN IMMEDIATE")
        db.execute("SAVEPOINT submission")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK TO submission")
            db.execute("RELEASE submission")
            raise
        db.execute("RELEASE submission")

    def stored_hashes(self) -> set[str]:
        """The content hashes of every stored submission."""
        rows = self.connection.execute("SELECT submission_hash FROM submissions")
        return {row[0] for row in rows}

    def add(self, submission: Submission, graded: SubmissionGrade) -> None:
        """Store a new submission, its answers and its scores, all at once.

        Committed with the batch (every :data:`STORE_BATCH` submissions, :meth:`flush`,
        :meth:`close`).

        Raises:
            StoreRefused: a number in it is too large for the gradebook (nothing is written).
        """
        try:
            with self._savepoint() as db:
                db.execute("INSERT OR IGNORE INTO trainees VALUES (?)", (submission.trainee_id,))
                number = db.execute(
                    f"INSERT INTO submissions ({_SUBMISSION_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        submission.content_hash,
                        submission.trainee_id,
                        submission.last_seq,
                        submission.created_at,
                        submission.package_version,
                        submission.source,
                        submission.answer_count,
                        canonical_json(submission.notes),
                    ),
                ).lastrowid
                assert number is not None
                write_answers(db, number, submission)
                write_scores(db, number, graded)
        except OverflowError:  # SQLite takes 64-bit integers only: rolled back, refused
            problem = storable_problem(submission)
            if problem is None:
                raise
            raise StoreRefused(problem) from None
        self._pending += 1
        if self._pending >= STORE_BATCH:
            self.flush()

    def load_submissions(self, skip: frozenset[str] | set[str] = frozenset()) -> list[Submission]:
        """Every stored submission but those in ``skip``, rebuilt from its rows (to regrade)."""
        db = self.connection
        self.flush()
        found = [
            row
            for row in db.execute(
                f"SELECT submission_id, {_SUBMISSION_COLUMNS} FROM submissions "
                "ORDER BY submission_hash"
            )
            if row[1] not in skip
        ]
        quizzes: dict[int, dict[str, QuizAnswers]] = {row[0]: {} for row in found}
        for number, quiz_id, version, kind, sitting, shown in db.execute(
            f"SELECT {QUIZ_COLUMNS} FROM submission_quiz_rows"
        ):
            if number in quizzes:
                ids = None if shown is None else json.loads(shown)
                quizzes[number][quiz_id] = QuizAnswers(quiz_id, version, kind, {}, sitting, ids)
        loads = json.loads
        for number, quiz_id, qid, response, first, seq, attempts in db.execute(
            "SELECT * FROM response_rows"
        ):
            if number in quizzes:
                record = AnswerRecord(loads(response), seq, attempts, loads(first))
                quizzes[number][quiz_id].answers[qid] = record
        return [
            Submission(
                content_hash=key,
                trainee_id=trainee_id,
                last_seq=last_seq,
                created_at=created_at,
                package_version=package_version,
                quizzes=quizzes[number],
                source=source,
                notes=json.loads(notes),
            )
            for number, key, trainee_id, last_seq, created_at, package_version, source, _count, notes in found  # noqa: E501
        ]

    def replace_scores(self, grades: Mapping[str, SubmissionGrade]) -> dict[str, Exception]:
        """Rewrite the scores of these submissions in one transaction.

        Returns the submissions whose scores could not be written, with the error; each of
        those keeps its old scores, every other one gets its new ones.
        """
        failed: dict[str, Exception] = {}
        with self.transaction() as db:
            numbers = dict(db.execute("SELECT submission_hash, submission_id FROM submissions"))
            for key, graded in grades.items():
                try:
                    with self._savepoint():
                        delete_scores(db, numbers[key])
                        write_scores(db, numbers[key], graded)
                except Exception as exc:  # one bad row must not cost the others their scores
                    failed[key] = exc
        return failed

    def record_run(
        self, started_at: str, counts: tuple[int, int, int], applied: Iterable[AppliedOverride]
    ) -> None:
        """Log this run and the overrides it applied (which, and when)."""
        finished = utc_timestamp()
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (started_at, finished_at, files_seen, graded, rejected) "
                "VALUES (?, ?, ?, ?, ?)",
                (started_at, finished, *counts),
            )
            db.executemany(
                "INSERT INTO overrides_applied VALUES (?, ?, ?, ?, ?)",
                [(cursor.lastrowid, o.question_id, o.action, o.detail, finished) for o in applied],
            )

    def forget(self, trainee_id: str) -> list[str]:
        """Delete every row about one trainee; return the file names their submissions had."""
        with self.transaction() as db:
            sources = [
                row[0]
                for row in db.execute(
                    "SELECT source_name FROM submissions WHERE trainee_id = ?", (trainee_id,)
                )
            ]
            db.execute("DELETE FROM trainees WHERE trainee_id = ?", (trainee_id,))
        self.connection.execute("VACUUM")
        return sources


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Apply the migrations the file lacks, each with its version row as one transaction.

    Foreign keys are off meanwhile (a migration may rebuild a table that others refer to, as
    version 4 does), and checked before the connection turns them on again.
    """
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)"
    )
    found = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
    if found > SCHEMA_VERSION:
        raise GradingError(
            f"{path} has gradebook schema version {found}, newer than this skinlessons "
            f"understands ({SCHEMA_VERSION}). Fix: upgrade skinlessons, or use another --out."
        )
    pending = [(version, script) for version, script in MIGRATIONS if version > found]
    if not pending:
        return
    connection.execute("PRAGMA foreign_keys = OFF")
    for version, script in pending:
        # executescript commits first; the script and its version row form one unit here.
        connection.executescript(
            f"BEGIN;\n{script}\nINSERT INTO schema_version VALUES ({version}, "
            f"'{utc_timestamp()}');\nCOMMIT;"
        )
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise sqlite3.DatabaseError(f"{len(broken)} rows refer to rows that do not exist")


def open_gradebook(folder: Path) -> Gradebook:
    """Open (creating and migrating as needed) ``<folder>/gradebook.sqlite``.

    Raises:
        GradingError: the file is not a gradebook, is damaged, or is from a newer version.
    """
    path = folder / GRADEBOOK_FILE
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA secure_delete = ON")
        _migrate(connection, path)
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise GradingError(
            f"{path} cannot be used as a gradebook ({exc}). "
            "Fix: move the file away (keep it if it holds grades) and grade again, "
            "or choose another --out folder."
        ) from exc
    return Gradebook(connection)
