"""Lazy public names for a subpackage: import the module that defines a name on first use.

Keeps ``import skinlessons.widgets`` (and friends) cheap: matplotlib and ipywidgets load only
when a widget or figure is first built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from types import ModuleType
from typing import Any


def lazy_getattr(
    package: str, namespace: dict[str, Any], sources: Mapping[str, str]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``package + sources[name]``.

    Args:
        package: the subpackage's ``__name__``.
        namespace: its ``globals()``; the name is bound there once imported.
        sources: public name -> relative module (``".acid_explorer"``).
    """
    return _lazy(package, namespace, sources, lambda module, name: getattr(module, name))


def lazy_modules(
    package: str, namespace: dict[str, Any], sources: Mapping[str, str]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` whose names are modules: ``name`` is ``package + sources[name]``.

    ``from skinlessons import chemistry`` imports ``skinlessons.logic.chemistry`` on first use.
    """
    return _lazy(package, namespace, sources, lambda module, name: module)


def _lazy(
    package: str,
    namespace: dict[str, Any],
    sources: Mapping[str, str],
    pick: Callable[[ModuleType, str], Any],
) -> Callable[[str], Any]:
    def __getattr__(name: str) -> Any:
        if name not in sources:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = pick(import_module(sources[name], package), name)
        # Importing a submodule binds its name on the package; a function of the same name
        # (``depth_explorer``) must win, so bind the function over it.
        namespace[name] = value
        return value

    return __getattr__
