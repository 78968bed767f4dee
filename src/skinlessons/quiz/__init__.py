"""Quizzes: the question schema, loading and checking quiz files, grading and shuffling."""

from __future__ import annotations

__all__: list[str] = []
