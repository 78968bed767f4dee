"""The ``skinlessons`` command: one thin verb per job; each calls one library function.

Exit codes: 0 ok, 1 a content/grading problem (printed as ``Error: ...``), 2 a usage error.
"""

from __future__ import annotations

import click

from ..errors import SkinlessonsError
from .authoring import build, check, release
from .export import export
from .grading import collect, grade
from .trainee import submit

__all__ = ["main"]


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


for _command in (check, submit, build, grade, collect, release, export):
    main.add_command(_command)
