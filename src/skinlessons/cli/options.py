"""Options that several ``skinlessons`` commands share."""

from __future__ import annotations

from pathlib import Path

import click

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
