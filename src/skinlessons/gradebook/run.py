"""``skinlessons grade``: read a folder of submissions, grade, store, and write every output.

Order of work: load the course, overrides and roster (any problem there stops the run before a
file is touched); lock the output folder (one run at a time); read each file (a bad one is
rejected with its reason, the batch goes on); store each new submission with its scores, whole;
regrade every stored submission with the current keys; then write the feedback pages, the
report and the CSV files. Nothing is written outside the output folder.

Defence in depth: whatever a file holds, an unexpected exception while reading, grading or
storing it rejects that file alone ("internal error while grading FILE: ...; please report it"),
with its partial writes rolled back. A stored submission that cannot be regraded is reported
and left out of this run's outputs, so nothing a file once stored can stop a later run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .._util.clock import utc_timestamp
from ..cases import course_cases
from ..course import find_course_root, objectives_file
from ..errors import GradingError
from ..facts import load_facts
from ..quiz.loader import load_objectives, load_quiz_files
from ..submission.format import MAX_BYTES
from ..submission.trainee_ids import FORMULA_STARTS
from ._quote import quoted, shorten
from ._storable import StoreRefused
from .cohort import TraineeOutcome, build_cohort, current_submissions, summative_quiz_id
from .intake import display_name, find_files
from .lock import run_lock
from .outputs import write_outputs
from .overrides import load_overrides
from .reading import Read, read_files
from .records import Rejected, Submission
from .regrade import Grader, SubmissionGrade
from .roster import check_roster, load_roster
from .store import Gradebook, open_gradebook
from .summary import (
    DUPLICATE,
    GRADED,
    REJECTED,
    SUPERSEDED,
    FileOutcome,
    GradeRun,
    internal_error,
)
from .variants_store import load_variants

ProgressHook = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each file is read."""


@dataclass(frozen=True)
class GradeOptions:
    """What ``skinlessons grade`` was asked to do (the CLI and the Python API share it)."""

    submissions: Path
    out: Path
    course: Path | None = None
    roster: Path | None = None
    overrides: Path | None = None
    max_file_bytes: int = MAX_BYTES
    graded_on: str | None = None
    """The date printed on pages and certificates (default: today, UTC)."""
    workers: int | None = None
    """Worker processes that read the files and write the pages (default: by batch size and
    cores; 0 does everything in this process)."""


def prepare_out(submissions: Path, out: Path) -> Path:
    """Create the output folder; refuse one that is a file or the submissions folder itself."""
    if out.resolve() == submissions.resolve():
        raise GradingError(
            f"--out {out} is the submissions folder itself. Fix: choose a separate folder, "
            "for example --out graded."
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GradingError(
            f"cannot create the output folder {out} ({exc.strerror or exc}). "
            "Fix: choose a folder you can write to with --out DIR."
        ) from exc
    return out


def trainee_id_problem(trainee_id: str) -> str | None:
    """Why ``grade`` refuses a (parsed or stored) trainee id, or None: formula-like ids.

    The rule of ``set_trainee_id``: no id begins with ``= + - @`` (not even ``-5``).
    """
    if not trainee_id.startswith(FORMULA_STARTS):
        return None
    return (
        f"the trainee id {quoted(trainee_id)} begins with {trainee_id[0]!r}, which spreadsheets "
        "run as a formula and no LMS login does; ask the trainee to set their LMS username "
        "with quiz.set_trainee_id and run skinlessons submit again"
    )


@dataclass
class _Intake:
    """What reading the folder gave: file outcomes so far, and the submissions stored."""

    files: list[FileOutcome] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)
    """Content hash → the files that hold it (first one first)."""
    fresh: dict[str, tuple[Submission, SubmissionGrade]] = field(default_factory=dict)
    """Submissions stored by this run, with their grades."""


def _take_file(
    item: Read,
    source: str,
    book: Gradebook,
    grader: Grader,
    stored: set[str],
    intake: _Intake,
) -> FileOutcome | None:
    """Grade and store one file as read; its outcome if it is rejected or a duplicate."""
    if isinstance(item, str):
        return FileOutcome(source, REJECTED, item)
    if isinstance(item, Rejected):
        return FileOutcome(item.source, REJECTED, item.reason)
    try:
        problem = trainee_id_problem(item.trainee_id)
        if problem is not None:
            return FileOutcome(item.source, REJECTED, problem)
        if item.content_hash in intake.sources:
            first = intake.sources[item.content_hash][0]
            intake.sources[item.content_hash].append(item.source)
            reason = f"same content as {shorten(first)}; counted once"
            return FileOutcome(item.source, DUPLICATE, reason, item.trainee_id)
        if item.content_hash not in stored:
            graded = grader.grade_submission(item)
            book.add(item, graded)
            intake.fresh[item.content_hash] = (item, graded)
        intake.sources[item.content_hash] = [item.source]
    except StoreRefused as refused:
        return FileOutcome(source, REJECTED, str(refused))
    except Exception as error:  # defence in depth: this file alone is rejected
        return FileOutcome(source, REJECTED, internal_error("grading", source, error))
    return None


def _read_folder(
    options: GradeOptions, book: Gradebook, grader: Grader, progress: ProgressHook | None
) -> _Intake:
    """Read every file (ahead, on the other cores, for a large batch); store the new ones."""
    stored = book.stored_hashes()
    paths = list(find_files(options.submissions, skip=options.out))
    intake = _Intake()
    items = read_files(paths, options.submissions, options.max_file_bytes, options.workers)
    for done, (path, item) in enumerate(zip(paths, items, strict=True), start=1):
        source = display_name(path, options.submissions)
        outcome = _take_file(item, source, book, grader, stored, intake)
        if outcome is not None:
            intake.files.append(outcome)
        if progress is not None:
            progress(done, len(paths))
    book.flush()
    return intake


def _regrade_stored(
    book: Gradebook, grader: Grader, fresh: Mapping[str, tuple[Submission, SubmissionGrade]]
) -> tuple[dict[str, Submission], dict[str, SubmissionGrade], dict[str, str]]:
    """Every stored submission with its grade; and the ones that could not be used, with why."""
    submissions = {key: item for key, (item, _graded) in fresh.items()}
    grades = {key: graded for key, (_item, graded) in fresh.items()}
    broken: dict[str, str] = {}
    regraded: dict[str, SubmissionGrade] = {}
    kept = load_variants(book.connection)
    for submission in book.load_submissions(skip=set(fresh)):
        key = submission.content_hash
        submissions[key] = submission
        problem = trainee_id_problem(submission.trainee_id)
        if problem is not None:
            broken[key] = problem
            continue
        try:
            regraded[key] = grader.grade_submission(submission, kept.get(key))
        except Exception as error:  # defence in depth: this submission alone is left out
            broken[key] = internal_error("regrading", shorten(submission.source), error)
    for key, failure in book.replace_scores(regraded).items():
        broken[key] = internal_error(
            "storing the scores of", shorten(submissions[key].source), failure
        )
        del regraded[key]
    grades.update(regraded)
    for key in broken:
        del submissions[key]
    return submissions, grades, broken


def _classify(
    sources: dict[str, list[str]],
    stored: Mapping[str, Submission],
    current: dict[str, Submission],
    broken: Mapping[str, str],
    grades: Mapping[str, SubmissionGrade],
) -> list[FileOutcome]:
    """Each file read: rejected (stored but unusable), graded or superseded (with its notes)."""
    files = []
    for key, names in sources.items():
        if key in broken:
            files.append(FileOutcome(names[0], REJECTED, broken[key]))
            continue
        submission = stored[key]
        winner = current[submission.trainee_id]
        if winner.content_hash == key:
            notes = "; ".join([*submission.notes, *grades[key].notes])
            files.append(FileOutcome(names[0], GRADED, notes, submission.trainee_id))
            continue
        where = shorten(
            sources.get(winner.content_hash, ["a submission already in the gradebook"])[0]
        )
        reason = (
            f"superseded by {where} (last_seq {winner.last_seq} > {submission.last_seq})"
            if winner.last_seq > submission.last_seq
            else f"same last_seq as {where}; that one was kept (check with the trainee)"
        )
        reason = "; ".join([reason, *submission.notes])
        files.append(FileOutcome(names[0], SUPERSEDED, reason, submission.trainee_id))
    return files


def _stored_problems(broken: Mapping[str, str], sources: Iterable[str]) -> list[str]:
    """Broken stored submissions that no file of this run holds (those files say it already)."""
    seen = set(sources)
    return [
        f"a stored submission was left out of this run's outputs: {reason}"
        for key, reason in sorted(broken.items())
        if key not in seen
    ]


def grade_folder(options: GradeOptions, progress: ProgressHook | None = None) -> GradeRun:
    """Grade every submission file below ``options.submissions``; write all outputs.

    Raises:
        ContentErrors: the course's quizzes, the overrides or the roster have problems.
        GradingError: the output folder or the gradebook cannot be used, or another run is
            using the output folder.
    """
    started = utc_timestamp()
    facts = load_facts()
    root = find_course_root(options.course)
    # Each quiz file fully validated, as for submit; course-wide coverage rules are the
    # author's job (skinlessons check) and must not stop grading.
    quizzes = {quiz.id: quiz for quiz in load_quiz_files(root)}
    objectives = load_objectives(objectives_file(root))
    overrides = load_overrides(options.overrides, quizzes)
    roster = load_roster(options.roster) if options.roster is not None else None
    out = prepare_out(options.submissions, options.out)
    graded_on = options.graded_on or datetime.now(UTC).date().isoformat()
    grader = Grader(quizzes, overrides, course_cases(root))
    with run_lock(out):
        book = open_gradebook(out)
        try:
            intake = _read_folder(options, book, grader, progress)
            stored, grades, broken = _regrade_stored(book, grader, intake.fresh)
            current = current_submissions(stored.values())
            files = [*intake.files, *_classify(intake.sources, stored, current, broken, grades)]
            final_id = summative_quiz_id(quizzes)
            outcomes: list[TraineeOutcome] = build_cohort(current, grades, roster, final_id)
            run = GradeRun(
                sorted(files, key=lambda f: f.source),
                outcomes,
                check_roster(roster, current),
                overrides=[
                    f"{o.action} {o.question_id}: {o.detail}".rstrip(": ")
                    for o in overrides.applied
                ],
                problems=_stored_problems(broken, intake.sources),
            )
            citations = {rid: ref.cite() for rid, ref in facts.references.items()}
            write_outputs(
                out, run, grader, objectives, citations, final_id, graded_on, options.workers
            )
            counts = (len(run.files), run.count(GRADED), run.count(REJECTED))
            book.record_run(started, counts, overrides.applied)
        finally:
            book.close()
    return run


__all__ = [
    "DUPLICATE",
    "GradeOptions",
    "ProgressHook",
    "grade_folder",
    "prepare_out",
    "trainee_id_problem",
]
