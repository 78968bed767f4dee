"""Whether notebooks run unattended, and the environment the trainee runtime reads.

While notebooks run unattended (``$SKINLESSONS_MODE`` is ``build`` or ``test``) nothing of the
trainee's should be written at all: callers ask :func:`is_unattended` first. Where the trainee's
files live is part of the submission format (``skinlessons.submission.format``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..names import MODE_ENV, UNATTENDED_MODES

if TYPE_CHECKING:
    from .recording import MemoryAnswerLog


def environment(env: Mapping[str, str] | None = None) -> Mapping[str, str]:
    """The given mapping of environment variables, or the real environment."""
    return os.environ if env is None else env


def run_mode(env: Mapping[str, str] | None = None) -> str:
    """The value of ``$SKINLESSONS_MODE``, trimmed and lower-cased ('' when unset)."""
    return environment(env).get(MODE_ENV, "").strip().lower()


def is_unattended(env: Mapping[str, str] | None = None) -> bool:
    """True while notebooks run in a build or a test: no real log, no trainee id needed."""
    return run_mode(env) in UNATTENDED_MODES


@dataclass
class UnattendedMemory:
    """What an unattended run keeps instead of writing: the id set and the answers given.

    One per process (:data:`UNATTENDED`); :meth:`forget` empties it (a test starts clean).
    """

    trainee_id: str | None = None
    log: MemoryAnswerLog | None = None

    def forget(self) -> None:
        """Drop the id and the answers kept so far."""
        self.trainee_id = None
        self.log = None


UNATTENDED = UnattendedMemory()
