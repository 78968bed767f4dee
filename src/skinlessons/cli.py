"""The ``skinlessons`` command: one thin verb per job; each calls one library function.

Exit codes: 0 ok, 1 a content/grading problem (printed as ``Error: ...``), 2 a usage error.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import click

from .check import CHECKER_NAMES
from .errors import SkinlessonsError

COURSE_OPTION_HELP = (
    "Course folder (holding notebooks/ and quizzes/). "
    "Default: $SKINLESSONS_COURSE, else the nearest folder above with quizzes/objectives.yaml."
)


def course_option(func: click.decorators.FC) -> click.decorators.FC:
    """The ``--course DIR`` option shared by every command that reads the course."""
    return click.option(
        "--course",
        "course",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help=COURSE_OPTION_HELP,
    )(func)


class _Group(click.Group):
    """A group that turns our own errors into ``Error: ...`` and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except SkinlessonsError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="skinlessons")
def main() -> None:
    """Course tools for skinlessons: check content, build handouts, submit and grade quizzes."""


def _checker_names(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """``--only a,b --only c`` as names; an unknown name is a usage error listing the names."""
    from .check import select_checkers

    names = tuple(name.strip() for item in value for name in item.split(",") if name.strip())
    try:
        select_checkers(names)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc
    return names


@main.command()
@course_option
@click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help="Check the course data files in DIR (an edited copy of the package's data folder) "
    "instead of the installed ones.",
)
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="NAME",
    callback=_checker_names,
    help=f"Run only these checkers: {', '.join(CHECKER_NAMES)} (repeat the option, or give "
    "a comma list). Default: all of them.",
)
def check(course: Path | None, data_dir: Path | None, only: tuple[str, ...]) -> None:
    """Check the course: its data, quiz files, item writing and lesson notebooks.

    Prints each finding with its file and line (or cell) and how to fix it. Errors make it
    exit 1; warnings are printed and it exits 0. Ends with a one-line summary.
    """
    from .check import check_course

    report = check_course(course, data_dir=data_dir, only=only)
    for finding in report.findings:
        click.echo(finding.format())
    for note in report.notes:
        click.echo(note)
    click.echo(report.summary(), err=bool(report.errors))
    if report.errors:
        raise SystemExit(1)


def _trainee_option_value(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Reject an unacceptable ``--trainee`` as a usage error (exit 2), saying what is allowed."""
    if value is None:
        return None
    from .errors import TraineeIdError
    from .submission.trainee_ids import validate_trainee_id

    try:
        return validate_trainee_id(value)
    except TraineeIdError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


@main.command()
@course_option
@click.option(
    "--trainee",
    "trainee",
    metavar="ID",
    default=None,
    callback=_trainee_option_value,
    help="Your LMS username or id number, if it differs from the one saved by "
    "quiz.set_trainee_id (default: the saved id, else $SKINLESSONS_TRAINEE, else "
    "$JUPYTERHUB_USER).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the submission to this file instead of the submissions folder in your "
    "data folder ($SKINLESSONS_HOME, default ~/.skinlessons).",
)
def submit(course: Path | None, trainee: str | None, out: Path | None) -> None:
    """Pack your quiz answers into one submission file and print the receipt.

    Reads the answer log in your data folder and writes submissions/submission-<id>.json
    there (or --out FILE). The receipt shows where the file is, the trainee id to confirm,
    and per quiz which questions are still unanswered. Exits 1 if no trainee id is set.
    """
    from .trainee.submit import submit as submit_answers

    receipt = submit_answers(course, trainee=trainee, out=out)
    click.echo(str(receipt))


@main.command()
@course_option
@click.option(
    "--edition",
    type=click.Choice(["trainee", "instructor", "both"]),
    default="both",
    show_default=True,
    help="Which handout edition(s) to write.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (one sub-folder per edition). Default: <course>/build/handouts.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Notebooks executed at once. Default: the number of CPU cores.",
)
def build(course: Path | None, edition: str, out: Path | None, jobs: int | None) -> None:
    """Execute every lesson once and write the HTML handouts.

    Writes <out>/trainee/ and/or <out>/instructor/, each with index.html, one page per lesson
    and assets/. Progress goes to stderr, the index paths to stdout. Exits 1 if any notebook
    or page failed (the others are still written).
    """
    from .handouts import BuildOptions, build_handouts, editions_for

    options = BuildOptions(course=course, editions=editions_for(edition), out=out)  # type: ignore[arg-type]
    if jobs is not None:
        options.jobs = jobs
    report = build_handouts(options, progress=lambda line: click.echo(line, err=True))
    for note in dict.fromkeys(report.notes):
        click.echo(f"Note: {note}", err=True)
    for name, index in report.indexes.items():
        click.echo(f"{name} handouts: {index}")
    if not report.ok:
        for problem in report.problems:
            click.echo(f"Error: {problem}", err=True)
        raise SystemExit(1)


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


@main.command()
@course_option
@click.argument("submissions", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("graded"),
    show_default=True,
    help="Folder for the gradebook, CSV files, feedback pages and report; nothing is "
    "written anywhere else.",
)
@click.option(
    "--roster",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="CSV mapping trainee_id to LMS username, id number, SIS ids and name.",
)
@click.option(
    "--overrides",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
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
            from .gradebook import GradeOptions, forget_trainee, grade_folder
            from .gradebook.lock import run_lock

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


@main.command()
@click.argument("homes", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the copies, one sub-folder per home folder name (created if missing); "
    "then run: skinlessons grade OUT.",
)
def collect(homes: tuple[Path, ...], out: Path) -> None:
    """Copy trainees' submission files out of their home folders, e.g. /home/*.

    For each HOME, copies HOME/.skinlessons/submissions/submission-*.json to
    OUT/<home name>/. Symbolic links are never followed. Prints every copy, the homes with
    no submission and anything skipped (with the reason); exits 0 either way.
    """
    from .gradebook.collect import collect_submissions

    report = collect_submissions(homes, out)
    for line in report.lines():
        click.echo(line)


@main.command()
@course_option
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help="Folder to write the archive into. Default: <course>/dist.",
)
@click.option(
    "--wheel",
    "wheel",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Bundle this skinlessons wheel instead of building one from the package's source.",
)
def release(course: Path | None, out: Path | None, wheel: Path | None) -> None:
    """Write the trainee release: skinlessons-trainee-<version>.zip, with no summative key.

    The archive holds the trainee edition of every lesson, the quizzes (summative ones
    key-free), the package as a wheel, requirements.txt and runtime.txt (pip, JupyterHub,
    Binder) and a README for trainees. The same course always gives the same bytes.
    Prints the archive's path and contents to stdout.
    """
    from .release import build_release

    click.echo("Building the trainee release (the wheel takes a few seconds)...", err=True)
    report = build_release(course, out=out, wheel=wheel)
    click.echo(report.summary())


@main.command()
@course_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gift", "moodle-xml", "qti"]),
    required=True,
    help="gift or moodle-xml for Moodle's question bank; qti for a Canvas QTI 1.2 zip.",
)
@click.option(
    "--quiz",
    "quiz_ids",
    multiple=True,
    metavar="ID",
    help="Export this quiz (repeat for several). Give --quiz or --all.",
)
@click.option("--all", "export_all", is_flag=True, help="Export every quiz of the course.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    metavar="FILE",
    help="The file to write (.gift.txt, .xml, or .zip for qti).",
)
@click.option(
    "--moodle-version",
    "moodle_version",
    default=None,
    metavar="X.Y",
    help="The Moodle release that will import the file (default: the current LTS). "
    "Before 4.4 ordering questions are left out, each named in a warning.",
)
@click.option(
    "--no-ordering",
    "no_ordering",
    is_flag=True,
    help="Leave ordering questions out of a Moodle XML file (a site without the ordering "
    "question type); each one is named in a warning.",
)
def export(
    course: Path | None,
    fmt: str,
    quiz_ids: tuple[str, ...],
    export_all: bool,
    out: Path,
    moodle_version: str | None,
    no_ordering: bool,
) -> None:
    """Export quizzes to an LMS question format, with their answer keys.

    Writes FILE: GIFT or Moodle XML (one category per lesson) or a Canvas QTI 1.2 zip (one
    quiz per lesson). Questions a format or Moodle release cannot hold (ordering in GIFT, QTI
    and before Moodle 4.4) are left out, and each question whose grading the LMS cannot
    reproduce exactly is named, in warnings on stderr. Prints the LMS release the file needs.
    The file holds the answer keys: never give it to trainees.
    """
    from .export import MOODLE_LTS, ExportOptions, export_quizzes, parse_moodle_version

    if bool(quiz_ids) == export_all:
        raise click.UsageError("give --quiz ID (one or more) or --all: exactly one of the two.")
    options = ExportOptions(
        moodle_version=parse_moodle_version(moodle_version) if moodle_version else MOODLE_LTS,
        ordering=not no_ordering,
    )
    report = export_quizzes(
        course, fmt, quiz_ids=None if export_all else quiz_ids, out=out, options=options
    )
    for line in report.warnings():
        click.echo(line, err=True)
    for note in report.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo(report.summary())
    click.echo(report.needs_line())
    click.echo(report.reminder(), err=True)
