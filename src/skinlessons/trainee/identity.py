"""The trainee id: the trainee's LMS username or id number, validated and remembered.

Where it comes from, first match wins: the id saved in the trainee's data folder (by
:func:`set_trainee_id`), else ``$SKINLESSONS_TRAINEE``, else ``$JUPYTERHUB_USER`` on a hub.
What an id may hold is the submission format's rule (``skinlessons.submission.trainee_ids``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .._util.files import ensure_private_dir, write_atomically
from ..errors import TraineeIdError
from ..names import HUB_USER_ENV, TRAINEE_ENV
from ..submission.format import data_home, trainee_file_path
from ..submission.trainee_ids import validate_trainee_id
from . import strings
from .mode import UNATTENDED, environment, is_unattended

SAVED_SOURCE: Final = "saved"
"""The source of an id read from the trainee's data folder."""


@dataclass(frozen=True)
class TraineeId:
    """A validated trainee id and where it came from (``saved``, an env variable, an option)."""

    value: str
    source: str

    def __str__(self) -> str:
        return self.value

    def _repr_markdown_(self) -> str:
        return strings.TRAINEE_ID_SHOWN.format(trainee_id=self.value)


def _read_saved(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise TraineeIdError(strings.TRAINEE_FILE_UNREADABLE.format(path=path, error=exc)) from exc
    value = data.get("trainee_id") if isinstance(data, dict) else None
    try:
        return validate_trainee_id(value)
    except TraineeIdError as exc:
        raise TraineeIdError(strings.TRAINEE_FILE_INVALID.format(path=path, problem=exc)) from exc


def current_trainee_id(
    env: Mapping[str, str] | None = None, *, home: Path | None = None
) -> TraineeId | None:
    """The trainee id in force, or None if none is saved or set in the environment.

    Raises:
        TraineeIdError: the saved file or an environment variable holds an unacceptable id.
    """
    environ = environment(env)
    if is_unattended(environ) and UNATTENDED.trainee_id is not None:
        return TraineeId(UNATTENDED.trainee_id, SAVED_SOURCE)
    saved = _read_saved(trainee_file_path(home or data_home(environ)))
    if saved is not None:
        return TraineeId(saved, SAVED_SOURCE)
    for name in (TRAINEE_ENV, HUB_USER_ENV):
        raw = environ.get(name, "")
        if raw.strip():
            try:
                return TraineeId(validate_trainee_id(raw), name)
            except TraineeIdError as exc:
                raise TraineeIdError(f"${name}: {exc}") from exc
    return None


def require_trainee_id(
    explicit: str | None = None, env: Mapping[str, str] | None = None, *, home: Path | None = None
) -> TraineeId:
    """The id given explicitly (validated), else :func:`current_trainee_id`.

    Raises:
        TraineeIdError: no id anywhere (the message says how to set one), or an invalid one.
    """
    if explicit is not None:
        return TraineeId(validate_trainee_id(explicit), "--trainee")
    found = current_trainee_id(env, home=home)
    if found is None:
        raise TraineeIdError(strings.TRAINEE_ID_MISSING)
    return found


class NoTraineeId:
    """What :func:`trainee_id` shows in a notebook while no id is set."""

    def _repr_markdown_(self) -> str:
        return strings.TRAINEE_ID_NOT_SET


def trainee_id(
    env: Mapping[str, str] | None = None, *, home: Path | None = None
) -> TraineeId | NoTraineeId:
    """The trainee id in force, for a trainee to check in a notebook (``quiz.trainee_id()``).

    Raises:
        TraineeIdError: the saved file or an environment variable holds an unacceptable id.
    """
    return current_trainee_id(env, home=home) or NoTraineeId()


def set_trainee_id(
    value: str, env: Mapping[str, str] | None = None, *, home: Path | None = None
) -> TraineeId:
    """Validate ``value`` and remember it as this trainee's id (lesson 00 calls this).

    The id is saved in the trainee's data folder; while running unattended it is kept in
    memory only.

    Raises:
        TraineeIdError: the id is not acceptable; the message says what is allowed.
    """
    cleaned = validate_trainee_id(value)
    if is_unattended(environment(env)):
        UNATTENDED.trainee_id = cleaned
        return TraineeId(cleaned, SAVED_SOURCE)
    folder = ensure_private_dir(home or data_home(env))
    record = json.dumps({"trainee_id": cleaned}, ensure_ascii=False)
    write_atomically(trainee_file_path(folder), record + "\n")
    return TraineeId(cleaned, SAVED_SOURCE)
