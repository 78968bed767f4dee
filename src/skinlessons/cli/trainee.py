"""The trainee's command: ``submit``."""

from __future__ import annotations

from pathlib import Path

import click

from .options import course_option, path_option


def _trainee_option_value(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Reject an unacceptable ``--trainee`` as a usage error (exit 2), saying what is allowed."""
    if value is None:
        return None
    from ..errors import TraineeIdError
    from ..submission.trainee_ids import validate_trainee_id

    try:
        return validate_trainee_id(value)
    except TraineeIdError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


@click.command()
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
@path_option(
    "--out",
    "out",
    folder=False,
    writable=True,
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
    from ..trainee.submit import submit as submit_answers

    receipt = submit_answers(course, trainee=trainee, out=out)
    click.echo(str(receipt))
