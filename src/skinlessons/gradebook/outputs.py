"""Write a run's outputs: feedback pages, the item analysis, the CSV files, the file log.

Each output is written on its own: if one raises where nothing should (a page for a value no
one foresaw), that one is reported, naming the file it came from, and the others are still
written; ``files.csv`` always comes last, so it lists every problem.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from .._util.forked import forked_map, worker_count
from ..quiz.draw import draw_max_points
from ..quiz.models import Objectives
from . import lms_csv
from .feedback_pages import FEEDBACK_DIR, PageContext, write_pages
from .regrade import Grader
from .report import write_report
from .store import GRADEBOOK_FILE
from .summary import GradeRun, internal_error, write_file_log

T = TypeVar("T")


def _attempt(run: GradeRun, what: str, action: Callable[[], T]) -> T | None:
    """``action()``, or None with a problem noted if it raises."""
    try:
        return action()
    except Exception as error:  # defence in depth: the other outputs are still written
        run.problems.append(internal_error("writing", what, error))
        return None


def _pages_and_report(out: Path, run: GradeRun, context: PageContext, workers: int) -> Path | None:
    """Every trainee's pages, one trainee at a time, and the item analysis; a large cohort's
    in forked workers. A page that fails is noted on that trainee's file; the report's path."""

    def task(index: int) -> Path | str | tuple[str, str] | None:
        if index == 0:
            try:
                return write_report(
                    out, run.outcomes, context.quizzes, context.final_quiz_id, context.graded_on
                )
            except Exception as error:  # defence in depth: the other outputs are still written
                return internal_error("writing", "the item analysis", error)
        outcome = run.outcomes[index - 1]
        try:
            write_pages(out, [outcome], context)
        except Exception as error:
            source = outcome.submission.source
            return source, "graded, but " + internal_error(
                "writing the feedback page for", source, error
            )
        return None

    report, *pages = forked_map(task, len(run.outcomes) + 1, workers)
    failed = dict(page for page in pages if isinstance(page, tuple))
    run.files = [
        dataclasses.replace(item, reason=failed[item.source]) if item.source in failed else item
        for item in run.files
    ]
    if isinstance(report, str):
        run.problems.append(report)
    return report if isinstance(report, Path) else None


def output_workers(trainees: int) -> int:
    """Worker processes for the pages of ``trainees``: every core for a large cohort, or none."""
    return worker_count(trainees, alongside=False)


def write_outputs(
    out: Path,
    run: GradeRun,
    grader: Grader,
    objectives: Objectives,
    citations: Mapping[str, str],
    final_id: str | None,
    graded_on: str,
    workers: int | None = None,
) -> None:
    """Write every output of ``run`` into ``out``; record their paths in ``run.outputs``.

    ``workers``: processes for the pages and the report (default: by cohort size and cores).
    """
    quizzes = grader.quizzes
    context = PageContext(quizzes, objectives, citations, final_id, graded_on)
    count = output_workers(len(run.outcomes)) if workers is None else workers
    report = _pages_and_report(out, run, context, count)
    final_max = draw_max_points(quizzes[final_id]) if final_id else 0  # a pooled final: one draw
    written: dict[str, Path | None] = {
        "gradebook": out / GRADEBOOK_FILE,
        "Moodle grades": _attempt(
            run, lms_csv.MOODLE_FILE, lambda: lms_csv.write_moodle(out, run.outcomes)
        ),
        "Canvas grades": _attempt(
            run, lms_csv.CANVAS_FILE, lambda: lms_csv.write_canvas(out, run.outcomes, final_max)
        ),
        "formative progress": _attempt(
            run,
            lms_csv.FORMATIVE_FILE,
            lambda: lms_csv.write_formative(out, run.outcomes, grader.cases),
        ),
        "roster check": _attempt(
            run,
            lms_csv.ROSTER_CHECK_FILE,
            lambda: lms_csv.write_roster_check(out, run.roster_check),
        ),
        "file log": write_file_log(out, run.files),
        "feedback pages": out / FEEDBACK_DIR,
        "item analysis": report,
    }
    run.outputs = {name: path for name, path in written.items() if path is not None}
