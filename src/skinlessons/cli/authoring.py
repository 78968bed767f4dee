"""Commands for course authors: ``check``, ``build`` and ``release``."""

from __future__ import annotations

from pathlib import Path

import click

from ..check import CHECKER_NAMES
from .options import course_option, path_option


def _checker_names(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """``--only a,b --only c`` as names; an unknown name is a usage error listing the names."""
    from ..check import select_checkers

    names = tuple(name.strip() for item in value for name in item.split(",") if name.strip())
    try:
        select_checkers(names)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc
    return names


@click.command()
@course_option
@path_option(
    "--data",
    "data_dir",
    folder=True,
    exists=True,
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
    from ..check import check_course

    report = check_course(course, data_dir=data_dir, only=only)
    for finding in report.findings:
        click.echo(finding.format())
    for note in report.notes:
        click.echo(note)
    click.echo(report.summary(), err=bool(report.errors))
    if report.errors:
        raise SystemExit(1)


@click.command()
@course_option
@click.option(
    "--edition",
    type=click.Choice(["trainee", "instructor", "both"]),
    default="both",
    show_default=True,
    help="Which handout edition(s) to write.",
)
@path_option(
    "--out",
    "out",
    folder=True,
    default=None,
    help="Output folder (one sub-folder per edition). Default: <course>/build/handouts.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Notebooks executed at once; above 1, each edition's pages are also written beside "
    "them in a process of its own. Default: the number of CPU cores.",
)
def build(course: Path | None, edition: str, out: Path | None, jobs: int | None) -> None:
    """Execute every lesson once and write the HTML handouts.

    Writes <out>/trainee/ and/or <out>/instructor/, each with index.html, one page per lesson
    and assets/. Progress goes to stderr, the index paths to stdout. Exits 1 if any notebook
    or page failed (the others are still written).
    """
    from .._util.startup import without_iri_format_checks

    without_iri_format_checks()
    from ..handouts import BuildOptions, build_handouts, editions_for

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


@click.command()
@course_option
@path_option(
    "--out",
    "out",
    folder=True,
    default=None,
    metavar="DIR",
    help="Folder to write the archive into. Default: <course>/dist.",
)
@path_option(
    "--wheel",
    "wheel",
    folder=False,
    exists=True,
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
    from ..release import build_release

    click.echo("Building the trainee release (the wheel takes a few seconds)...", err=True)
    report = build_release(course, out=out, wheel=wheel)
    click.echo(report.summary())
