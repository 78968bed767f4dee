"""Instructor commands over trainees' files: ``grade`` and ``collect``."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import click

from .options import course_option, path_option


class _StderrProgress:
    """A progress bar on stderr for folders of 50 files or more (called as ``(done, total)``)."""

    def __init__(self) -> None:
        self.bar: click._termui_impl.ProgressBar[int] | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < 50:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Grading", file=sys.stderr)
        self.bar.update(1)
        if done == total:
            self.bar.render_finish()


@click.command()
@course_option
@click.argument("submissions", type=click.Path(exists=True, file_okay=False, path_type=Path))
@path_option(
    "--out",
    "out",
    folder=True,
    default=Path("graded"),
    show_default=True,
    help="Folder for the gradebook, CSV files, feedback pages and report; nothing is "
    "written anywhere else.",
)
@path_option(
    "--roster",
    "roster",
    folder=False,
    exists=True,
    default=None,
    help="CSV mapping trainee_id to LMS username, id number, SIS ids and name.",
)
@path_option(
    "--overrides",
    "overrides",
    folder=False,
    exists=True,
    default=None,
    help="YAML file voiding questions or accepting more answers (see the README).",
)
@click.option(
    "--forget",
    "forget",
    metavar="TRAINEE_ID",
    default=None,
    help="Delete this trainee's records from the gradebook and pages in --out, then stop.",
)
def grade(
    course: Path | None,
    submissions: Path,
    out: Path,
    roster: Path | None,
    overrides: Path | None,
    forget: str | None,
) -> None:
    """Grade every submission file in SUBMISSIONS_DIR (and its sub-folders).

    Writes to --out: gradebook.sqlite, grades_moodle.csv, grades_canvas.csv,
    formative_progress.csv, roster_check.csv, files.csv, feedback/ and certificates/ pages
    and item_analysis.html. Prints a summary (every file: graded, superseded, duplicate or
    rejected with its reason). Exits 0 when the batch ran, even with rejected files; 1 when
    grading could not run (course, overrides, roster or output folder unusable).
    """
    # Nothing outside --out: matplotlib gets a config and cache folder for this run only, set
    # before it is imported (importing the gradebook imports it) and removed at the end.
    with tempfile.TemporaryDirectory(prefix="skinlessons-mpl-") as mpl_dir:
        saved = os.environ.get("MPLCONFIGDIR")
        os.environ["MPLCONFIGDIR"] = mpl_dir
        try:
            from ..gradebook import GradeOptions, forget_trainee, grade_folder
            from ..gradebook.lock import run_lock

            if forget is not None:
                with run_lock(out) if out.is_dir() else contextlib.nullcontext():
                    click.echo("\n".join(forget_trainee(out, forget).lines()))
                return
            options = GradeOptions(
                submissions=submissions, out=out, course=course, roster=roster, overrides=overrides
            )
            run = grade_folder(options, progress=_StderrProgress())
            click.echo("\n".join(run.summary_lines()))
        finally:
            if saved is None:
                os.environ.pop("MPLCONFIGDIR", None)
            else:
                os.environ["MPLCONFIGDIR"] = saved


@click.command()
@click.argument(
    "homes", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path)
)  # a home it may not read is skipped with a reason, not a usage error
@path_option(
    "--out",
    "out",
    folder=True,
    required=True,
    help="Folder for the copies, one sub-folder per home folder name (created if missing); "
    "then run: skinlessons grade OUT.",
)
def collect(homes: tuple[Path, ...], out: Path) -> None:
    """Copy trainees' submission files out of their home folders, e.g. /home/*.

    For each HOME, copies HOME/.skinlessons/submissions/submission-*.json to
    OUT/<home name>/. Symbolic links are never followed. Prints every copy, the homes with
    no submission and anything skipped (with the reason); exits 0 either way, and 1 only
    when OUT cannot be written.
    """
    from ..gradebook.collect import collect_submissions

    report = collect_submissions(homes, out)
    for line in report.lines():
        click.echo(line)
