"""HTML handouts: execute each lesson once, export a trainee and an instructor edition.

Importing this package is cheap (no nbformat, nbclient or nbconvert): a build with nothing to
do finds that out before loading them.
"""

from __future__ import annotations

from .build import BuildOptions, build_handouts, editions_for
from .report import BuildReport

__all__ = ["BuildOptions", "BuildReport", "build_handouts", "editions_for"]
