"""``skinlessons grade``: read a folder of submissions, grade, store, and write every output.

Order of work: load the course, overrides and roster (any problem there stops the run before a
file is touched); read each file (a bad one is rejected with its reason, the batch goes on);
store each new submission with its scores in one transaction; regrade every stored submission
with the current keys; then write the CSV files, the feedback pages and the report. Nothing is
written outside the output folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..course import find_course_root, objectives_file
from ..errors import GradingError
from ..facts import load_facts
from ..quiz.loader import load_objectives
from ..quiz.recording import utc_timestamp
from ..quiz.submission import load_submittable_quizzes
from . import lms_csv
from .cohort import build_cohort, current_submissions, summative_quiz_id
from .feedback_pages import PageContext, write_pages
from .intake import MAX_FILE_BYTES, find_files, read_submission
from .overrides import load_overrides
from .records import Rejected, Submission
from .regrade import Grader, SubmissionGrade
from .report import write_report
from .roster import check_roster, load_roster
from .store import GRADEBOOK_FILE, Gradebook, open_gradebook
from .summary import DUPLICATE, GRADED, REJECTED, SUPERSEDED, FileOutcome, GradeRun, write_file_log

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
    max_file_bytes: int = MAX_FILE_BYTES
    graded_on: str | None = None
    """The date printed on pages and certificates (default: today, UTC)."""


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


def _read_folder(
    options: GradeOptions, book: Gradebook, grader: Grader, progress: ProgressHook | None
) -> tuple[list[FileOutcome], dict[str, list[str]], dict[str, SubmissionGrade]]:
    """Read every file; store new submissions. Returns rejects/duplicates, sources, new grades."""
    stored = book.stored_hashes()
    paths = list(find_files(options.submissions, skip=options.out))
    files: list[FileOutcome] = []
    sources: dict[str, list[str]] = {}
    fresh: dict[str, SubmissionGrade] = {}
    for done, path in enumerate(paths, start=1):
        item = read_submission(path, options.submissions, limit=options.max_file_bytes)
        if isinstance(item, Rejected):
            files.append(FileOutcome(item.source, REJECTED, item.reason))
        elif item.content_hash in sources:
            first = sources[item.content_hash][0]
            sources[item.content_hash].append(item.source)
            reason = f"same content as {first}; counted once"
            files.append(FileOutcome(item.source, DUPLICATE, reason, item.trainee_id))
        else:
            sources[item.content_hash] = [item.source]
            if item.content_hash not in stored:
                fresh[item.content_hash] = grader.grade_submission(item)
                book.add(item, fresh[item.content_hash])
        if progress is not None:
            progress(done, len(paths))
    return files, sources, fresh


def _classify(
    sources: dict[str, list[str]], stored: list[Submission], current: dict[str, Submission]
) -> list[FileOutcome]:
    by_hash = {submission.content_hash: submission for submission in stored}
    files = []
    for key, names in sources.items():
        submission = by_hash[key]
        winner = current[submission.trainee_id]
        if winner.content_hash == key:
            files.append(FileOutcome(names[0], GRADED, "", submission.trainee_id))
            continue
        where = sources.get(winner.content_hash, ["a submission already in the gradebook"])[0]
        reason = (
            f"superseded by {where} (last_seq {winner.last_seq} > {submission.last_seq})"
            if winner.last_seq > submission.last_seq
            else f"same last_seq as {where}; that one was kept (check with the trainee)"
        )
        files.append(FileOutcome(names[0], SUPERSEDED, reason, submission.trainee_id))
    return files


def grade_folder(options: GradeOptions, progress: ProgressHook | None = None) -> GradeRun:
    """Grade every submission file below ``options.submissions``; write all outputs.

    Raises:
        ContentErrors: the course's quizzes, the overrides or the roster have problems.
        GradingError: the output folder or the gradebook cannot be used.
    """
    started = utc_timestamp()
    facts = load_facts()
    root = find_course_root(options.course)
    # Each quiz file fully validated, as for submit; course-wide coverage rules are the
    # author's job (skinlessons check) and must not stop grading.
    quizzes = {quiz.id: quiz for quiz in load_submittable_quizzes(root)}
    objectives = load_objectives(objectives_file(root))
    overrides = load_overrides(options.overrides, quizzes)
    roster = load_roster(options.roster) if options.roster is not None else None
    out = prepare_out(options.submissions, options.out)
    graded_on = options.graded_on or datetime.now(UTC).date().isoformat()
    grader = Grader(quizzes, overrides)
    book = open_gradebook(out)
    try:
        files, sources, grades = _read_folder(options, book, grader, progress)
        stored = book.load_submissions()
        regraded = {
            s.content_hash: grader.grade_submission(s)
            for s in stored
            if s.content_hash not in grades
        }
        book.replace_scores(regraded)
        grades.update(regraded)
        current = current_submissions(stored)
        files = sorted([*files, *_classify(sources, stored, current)], key=lambda f: f.source)
        final_id = summative_quiz_id(quizzes)
        outcomes = build_cohort(current, grades, roster, final_id)
        check = check_roster(roster, current)
        applied = [f"{o.action} {o.question_id}: {o.detail}" for o in overrides.applied]
        run = GradeRun(files, outcomes, check, overrides=[text.rstrip(": ") for text in applied])
        final_max = grader.quizzes[final_id].questions if final_id else []
        run.outputs = {
            "gradebook": out / GRADEBOOK_FILE,
            "Moodle grades": lms_csv.write_moodle(out, outcomes),
            "Canvas grades": lms_csv.write_canvas(out, outcomes, sum(q.points for q in final_max)),
            "formative progress": lms_csv.write_formative(out, outcomes),
            "roster check": lms_csv.write_roster_check(out, check),
            "file log": write_file_log(out, files),
        }
        citations = {rid: ref.cite() for rid, ref in facts.references.items()}
        context = PageContext(grader.quizzes, objectives, citations, final_id, graded_on)
        write_pages(out, outcomes, context)
        run.outputs["feedback pages"] = out / "feedback"
        run.outputs["item analysis"] = write_report(
            out, outcomes, grader.quizzes, final_id, graded_on
        )
        counts = (len(files), run.count(GRADED), run.count(REJECTED))
        book.record_run(started, counts, overrides.applied)
    finally:
        book.close()
    return run


__all__ = ["DUPLICATE", "GradeOptions", "ProgressHook", "grade_folder", "prepare_out"]
