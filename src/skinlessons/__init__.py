"""skinlessons: a notebook course on acne scars and exfoliation.

The folders are the layers (``docs/architecture.md`` has the map):

* content: ``data/`` (the YAML facts), ``facts/`` (their model and loader), ``quiz/`` (the quiz
  model: schema, loading, course checks, response rules, projection, grading);
* pure logic: ``logic/`` (chemistry, depth, suitability);
* presentation: ``figures/``, ``widgets/``, ``handouts/``, ``lesson_html/`` (what a lesson
  shows), with ``lesson`` and ``display`` (what a lesson notebook calls);
* runtimes and commands: ``trainee/`` (the notebook runtime and ``submit``), ``submission/``
  (the file both sides share), ``gradebook/``, ``export/``, ``release/``, ``check/``, ``cli/``.

Heavy libraries (matplotlib, ipywidgets, nbconvert) are imported lazily by the modules that
need them, so ``import skinlessons`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._util.lazy import lazy_modules

if TYPE_CHECKING:
    from .lesson_html import glossary
    from .logic import chemistry, depth, suitability

__version__ = "0.1.0"

__all__ = ["__version__", "chemistry", "depth", "glossary", "suitability"]

_LAZY_MODULES: Final = {
    **{name: f".logic.{name}" for name in ("chemistry", "depth", "suitability")},
    "glossary": ".lesson_html.glossary",
}
"""Lessons write ``from skinlessons import chemistry, depth`` (the modules of ``logic/``) and
``from skinlessons import glossary`` (the glossary page of ``lesson_html/``)."""

__getattr__ = lazy_modules(__name__, globals(), _LAZY_MODULES)
