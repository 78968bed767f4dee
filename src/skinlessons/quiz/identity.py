"""The trainee id: the trainee's LMS username or id number, validated and remembered.

Where it comes from, first match wins: the id saved in the trainee's data folder (by
:func:`set_trainee_id`), else ``$SKINLESSONS_TRAINEE``, else ``$JUPYTERHUB_USER`` on a hub.
The raw id never becomes part of a file name: :func:`trainee_slug` gives a safe stand-in.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .._files import write_atomically
from ..errors import TraineeIdError
from ..names import HUB_USER_ENV, TRAINEE_ENV
from . import strings
from .storage import (
    data_home,
    ensure_dir,
    environment,
    is_unattended,
    trainee_file_path,
)

MAX_TRAINEE_ID_LENGTH: Final = 100
ALLOWED_PUNCTUATION: Final = "._-@+"
SAVED_SOURCE: Final = "saved"
"""The source of an id read from the trainee's data folder."""
_SLUG_MAX_LENGTH: Final = 40
_HASH_LENGTH: Final = 10

# Kept for the current Python process only, when running unattended (nothing is written).
_unattended_id: str | None = None


@dataclass(frozen=True)
class TraineeId:
    """A validated trainee id and where it came from (``saved``, an env variable, an option)."""

    value: str
    source: str

    def __str__(self) -> str:
        return self.value

    def _repr_markdown_(self) -> str:
        return strings.TRAINEE_ID_SHOWN.format(trainee_id=self.value)


def _problem(value: str) -> str | None:
    """What is wrong with an already trimmed id, or None if it is acceptable."""
    if not value:
        return strings.TRAINEE_ID_EMPTY
    if value.casefold() == strings.PLACEHOLDER_ID.casefold():
        return strings.TRAINEE_ID_IS_PLACEHOLDER
    if len(value) > MAX_TRAINEE_ID_LENGTH:
        return strings.TRAINEE_ID_TOO_LONG.format(length=len(value), limit=MAX_TRAINEE_ID_LENGTH)
    for character in value:
        if character.isalnum() or character in ALLOWED_PUNCTUATION:
            continue
        if character.isspace():
            return strings.TRAINEE_ID_HAS_SPACE
        if character in "/\\":
            return strings.TRAINEE_ID_HAS_SEPARATOR.format(character=character)
        if unicodedata.category(character).startswith("C"):
            return strings.TRAINEE_ID_HAS_CONTROL.format(codepoint=f"U+{ord(character):04X}")
        return strings.TRAINEE_ID_HAS_CHARACTER.format(character=character)
    return None


def validate_trainee_id(value: object) -> str:
    """Return ``value`` trimmed and NFC-normalised if it is an acceptable trainee id.

    Acceptable: 1-100 characters, each a letter, a digit or one of ``. _ - @ +``.

    Raises:
        TraineeIdError: the message says what is wrong and what is allowed.
    """
    if not isinstance(value, str):
        raise TraineeIdError(strings.TRAINEE_ID_NOT_TEXT.format(value=value) + strings.ID_RULE)
    cleaned = unicodedata.normalize("NFC", value.strip())
    problem = _problem(cleaned)
    if problem is not None:
        raise TraineeIdError(
            strings.TRAINEE_ID_INVALID.format(value=value, problem=problem) + strings.ID_RULE
        )
    return cleaned


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
    if is_unattended(environ) and _unattended_id is not None:
        return TraineeId(_unattended_id, SAVED_SOURCE)
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
    global _unattended_id
    cleaned = validate_trainee_id(value)
    if is_unattended(environment(env)):
        _unattended_id = cleaned
        return TraineeId(cleaned, SAVED_SOURCE)
    folder = ensure_dir(home or data_home(env))
    record = json.dumps({"trainee_id": cleaned}, ensure_ascii=False)
    write_atomically(trainee_file_path(folder), record + "\n")
    return TraineeId(cleaned, SAVED_SOURCE)


def trainee_slug(value: str) -> str:
    """A file-name-safe stand-in for a trainee id: a readable ASCII slug plus a short hash.

    Two ids that slug alike (``J.Doe`` and ``j-doe``) still differ by the hash, which is
    computed from the exact id.
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    readable = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:_SLUG_MAX_LENGTH]
    digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{readable.strip('-') or 'trainee'}-{digest}"
