"""HTML handouts: execute each lesson once, export a trainee and an instructor edition."""

from __future__ import annotations

from .build import BuildOptions, BuildReport, build_handouts, editions_for

__all__ = ["BuildOptions", "BuildReport", "build_handouts", "editions_for"]
