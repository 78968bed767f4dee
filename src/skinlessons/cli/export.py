"""The ``export`` command: quizzes to an LMS question format."""

from __future__ import annotations

from pathlib import Path

import click

from .options import course_option, path_option


@click.command()
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
@path_option(
    "--out",
    "out",
    folder=False,
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
    from ..export import MOODLE_LTS, ExportOptions, export_quizzes, parse_moodle_version

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
