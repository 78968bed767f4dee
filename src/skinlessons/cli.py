"""The ``skinlessons`` command: one thin verb per job; each calls one library function.

Exit codes: 0 ok, 1 a content/grading problem (printed as ``Error: ...``), 2 a usage error.
"""

from __future__ import annotations

from pathlib import Path

import click

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


@main.command()
@course_option
def check(course: Path | None) -> None:
    """Validate the course data and every quiz file; print each problem as path:line.

    Exits 1 if there is any problem, 0 with a one-line summary otherwise.
    """
    from .check import check_course

    report = check_course(course)
    for problem in report.problems:
        click.echo(problem.format())
    click.echo(report.summary(), err=bool(report.problems))
    if report.problems:
        raise SystemExit(1)
