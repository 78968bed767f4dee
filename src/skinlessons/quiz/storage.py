"""Where a trainee's own quiz data lives: the answer log, the saved trainee id, submissions.

Everything goes under ``$SKINLESSONS_HOME`` if it is set, else ``~/.skinlessons`` in the
trainee's own home folder (never a shared course folder). While notebooks run unattended
(``$SKINLESSONS_MODE`` is ``build`` or ``test``) nothing here should be written at all: callers
ask :func:`is_unattended` first.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from ..names import DEFAULT_HOME_DIRNAME, HOME_ENV, MODE_ENV, UNATTENDED_MODES

ANSWER_LOG_NAME: Final = "answers.jsonl"
"""The append-only answer log, one JSON record per line."""
TRAINEE_FILE_NAME: Final = "trainee.json"
"""The saved trainee id."""
SUBMISSIONS_DIRNAME: Final = "submissions"
"""Where ``skinlessons submit`` writes by default."""


def environment(env: Mapping[str, str] | None = None) -> Mapping[str, str]:
    """The given mapping of environment variables, or the real environment."""
    return os.environ if env is None else env


def run_mode(env: Mapping[str, str] | None = None) -> str:
    """The value of ``$SKINLESSONS_MODE``, trimmed and lower-cased ('' when unset)."""
    return environment(env).get(MODE_ENV, "").strip().lower()


def is_unattended(env: Mapping[str, str] | None = None) -> bool:
    """True while notebooks run in a build or a test: no real log, no trainee id needed."""
    return run_mode(env) in UNATTENDED_MODES


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """The trainee's data folder: ``$SKINLESSONS_HOME``, else ``~/.skinlessons`` (not created)."""
    configured = environment(env).get(HOME_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path.home() / DEFAULT_HOME_DIRNAME


def answer_log_path(home: Path) -> Path:
    """The answer log inside a data folder."""
    return home / ANSWER_LOG_NAME


def trainee_file_path(home: Path) -> Path:
    """The saved trainee id inside a data folder."""
    return home / TRAINEE_FILE_NAME


def submissions_dir(home: Path) -> Path:
    """The default folder for submission files inside a data folder."""
    return home / SUBMISSIONS_DIRNAME


def ensure_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by its owner only, if it is missing."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
