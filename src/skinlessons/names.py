"""Fixed names used across the package: cell tags, folders, files and environment variables.

Spell each of these once, here; everything else imports them.
"""

from __future__ import annotations

import re
from typing import Final

# Cell tags (see README, "Cell tags").
INSTRUCTOR_TAG: Final = "instructor"
"""Teaching notes: kept in the instructor edition only."""
SOLUTION_TAG: Final = "solution"
"""Worked solutions: kept in the instructor edition only."""
REMOVE_INPUT_TAG: Final = "remove-input"
"""Show the cell's output only, in every edition."""
QUIZ_TAG: Final = "quiz"
"""The cell that shows a quiz; handouts render it from the quiz file for each edition."""
EXERCISE_TAG: Final = "exercise"
"""A code cell the trainee is asked to edit; every other code cell is plumbing (input collapsed)."""
INSTRUCTOR_ONLY_TAGS: Final = frozenset({INSTRUCTOR_TAG, SOLUTION_TAG})
KNOWN_TAGS: Final = frozenset(
    {INSTRUCTOR_TAG, SOLUTION_TAG, REMOVE_INPUT_TAG, QUIZ_TAG, EXERCISE_TAG}
)

REFERENCE_MARKER: Final = re.compile(r"\[(R[0-9]+)\](?!\()")
"""A reference marker in lesson prose, ``[R17]`` (not an existing Markdown link ``[R17](...)``)."""

# Course folder layout.
NOTEBOOK_DIR: Final = "notebooks"
QUIZ_DIR: Final = "quizzes"
OBJECTIVES_FILE: Final = "objectives.yaml"
QUIZ_SUFFIX: Final = ".yaml"
GLOSSARY_STEM: Final = "glossary"
"""``notebooks/glossary.ipynb``: the glossary page, made from the data; not a lesson."""

# Environment variables.
COURSE_ENV: Final = "SKINLESSONS_COURSE"
"""Path of the course folder; overrides the search upwards from the working folder."""
HOME_ENV: Final = "SKINLESSONS_HOME"
"""Where a trainee's answers, logs and submissions go (default: ~/.skinlessons)."""
TRAINEE_ENV: Final = "SKINLESSONS_TRAINEE"
"""A trainee id set from outside (takes precedence over JUPYTERHUB_USER)."""
HUB_USER_ENV: Final = "JUPYTERHUB_USER"
SITTING_ENV: Final = "SKINLESSONS_SITTING"
"""The sitting of a pooled final: unset for the first; 2, 3, ... for a re-sit allowed."""
MODE_ENV: Final = "SKINLESSONS_MODE"
"""``build`` or ``test`` while notebooks run unattended: no real answer log is written."""
UNATTENDED_MODES: Final = frozenset({"build", "test"})

DEFAULT_HOME_DIRNAME: Final = ".skinlessons"
