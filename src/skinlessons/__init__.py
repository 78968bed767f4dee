"""skinlessons: a notebook course on acne scars and exfoliation.

The package holds the course's facts (as data), the pure logic that reasons about them
(chemistry, depth, treatment suitability, grading), and the presentation that shows them
(figures, widgets, quizzes, handouts). Heavy libraries (matplotlib, ipywidgets, nbconvert)
are imported lazily by the modules that need them, so ``import skinlessons`` stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
