"""Options that several ``skinlessons`` commands share, and the one way to declare a path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.decorators import FC

COURSE_OPTION_HELP = (
    "Course folder (holding notebooks/ and quizzes/). "
    "Default: $SKINLESSONS_COURSE, else the nearest folder above with quizzes/objectives.yaml."
)


def path_option(
    flag: str,
    dest: str,
    *,
    folder: bool,
    help: str,
    exists: bool = False,
    writable: bool = False,
    **settings: Any,
) -> Callable[[FC], FC]:
    """A ``--flag`` option holding a :class:`~pathlib.Path`: a folder, or a file (``folder=False``).

    ``exists`` makes a missing path a usage error; ``settings`` are click's own (``default``,
    ``required``, ``metavar``, ``show_default``).
    """
    kind = click.Path(
        exists=exists, file_okay=not folder, dir_okay=folder, writable=writable, path_type=Path
    )
    return click.option(flag, dest, type=kind, help=help, **settings)


course_option = path_option(
    "--course", "course", folder=True, exists=True, default=None, help=COURSE_OPTION_HELP
)
"""The ``--course DIR`` option shared by every command that reads the course."""
