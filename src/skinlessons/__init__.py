"""skinlessons: a notebook course on acne scars and exfoliation.

The folders are the layers (``docs/architecture.md`` has the map):

* content: ``data/`` (the YAML facts), ``facts/`` (their model and loader), ``quiz/`` (the quiz
  model: schema, loading, course checks, response rules, projection, grading);
* pure logic: ``logic/`` (chemistry, depth, suitability);
* presentation: ``figures/``, ``widgets/``, ``handouts/``, ``lesson_html/`` (what a lesson
  shows), with ``lesson`` and ``display`` (what a lesson notebook calls);
* runtimes and commands: ``trainee/`` (the notebook runtime and ``submit``), ``submission/``
  (the file both sides share), ``gradebook/``, ``export/``, ``release/``, ``cli``.

Heavy libraries (matplotlib, ipywidgets, nbconvert) are imported lazily by the modules that
need them, so ``import skinlessons`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .lesson_html import glossary
    from .logic import chemistry, depth, suitability

__version__ = "0.1.0"

__all__ = ["__version__", "chemistry", "depth", "glossary", "suitability"]

_LAZY_MODULES: Final = {
    "chemistry": ".logic.chemistry",
    "depth": ".logic.depth",
    "suitability": ".logic.suitability",
    "glossary": ".lesson_html.glossary",
}
"""Lessons write ``from skinlessons import chemistry, depth`` (the modules of ``logic/``) and
``from skinlessons import glossary`` (the glossary page of ``lesson_html/``)."""


def __getattr__(name: str) -> ModuleType:
    if name not in _LAZY_MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(_LAZY_MODULES[name], __name__)
    globals()[name] = module
    return module
