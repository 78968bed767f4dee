"""The trainee release: ``build_release`` writes the one archive trainees and hubs receive.

See ``build`` for what the archive holds, and ``wheel`` for how the bundled package is made
reproducible and checked for quiz files.
"""

from __future__ import annotations

from .build import ReleaseReport, build_release, release_entries
from .notebooks import trainee_notebook
from .wheel import build_wheel, normalise_wheel, quiz_files_in_wheel

__all__ = [
    "ReleaseReport",
    "build_release",
    "build_wheel",
    "normalise_wheel",
    "quiz_files_in_wheel",
    "release_entries",
    "trainee_notebook",
]
