"""The layer rules of ``docs/architecture.md``, read from every module's imports.

Each import (at the top, inside a function or under ``TYPE_CHECKING``) of one ``skinlessons``
module by another is checked: a module imports only from its own layer or a layer above it, the
instructor side never imports the trainee runtime, and only the façades reach down.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import skinlessons

PACKAGE = Path(skinlessons.__file__).parent

LAYERS: dict[str, int] = {
    "names": 0,
    "errors": 0,
    "course": 0,
    "_util": 1,
    "data": 2,
    "facts": 2,
    "quiz": 2,
    "cases": 2,
    "submission": 2,
    "logic": 3,
    "figures": 4,
    "widgets": 4,
    "display": 4,
    "lesson": 4,
    "lesson_html": 4,
    "handouts": 4,
    "trainee": 5,
    "gradebook": 6,
    "export": 6,
    "release": 6,
    "check": 6,
    "cli": 6,
    "lessons": 6,
}
"""Each top-level package or module of ``skinlessons`` and its layer (0 is the top)."""

FACADES: dict[str, set[str]] = {"skinlessons.quiz": {"trainee"}}
"""The façades, and the packages below them they may reach: the lessons' lazy names (the
package root's own, ``from skinlessons import chemistry``, belong to no layer)."""

INSTRUCTOR_SIDE = ("gradebook", "export", "release", "handouts")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The absolute names a ``from ... import ...`` reaches (the module, and each name in it)."""
    if node.level:
        base = module.split(".")
        if not is_package:
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    return [target, *(f"{target}.{alias.name}" for alias in node.names)]


@cache
def imports() -> dict[str, set[str]]:
    """Every skinlessons module -> the skinlessons packages and modules it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        reached: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                reached.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                reached.update(_resolve(module, path.name == "__init__.py", node))
        found[module] = {name for name in reached if name.startswith("skinlessons.")}
    return found


def _top(name: str) -> str | None:
    """The top-level package or module of ``skinlessons.x.y`` (``x``), if it is one of ours."""
    parts = name.split(".")
    if len(parts) < 2 or parts[1] not in LAYERS:
        return None
    return parts[1]


def test_every_top_level_package_and_module_has_a_layer() -> None:
    names = {
        path.stem if path.is_file() else path.name
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").is_file())
    }
    assert names - set(LAYERS) == set(), "add the new package to LAYERS and the architecture map"


def test_no_module_imports_from_a_layer_below_its_own() -> None:
    upward = []
    for module, reached in imports().items():
        own = _top(module)
        allowed = FACADES.get(module, set())
        for name in sorted(reached):
            other = _top(name)
            if own is None or other is None or other in allowed:
                continue
            if LAYERS[other] > LAYERS[own]:
                upward.append(f"{module} imports {name}")
    assert upward == []


def test_the_instructor_side_never_imports_the_trainee_runtime() -> None:
    reaching = [
        f"{module} imports {name}"
        for module, reached in imports().items()
        if _top(module) in INSTRUCTOR_SIDE
        for name in sorted(reached)
        if _top(name) == "trainee"
    ]
    assert reaching == []


def test_only_the_quiz_facade_reaches_the_runtime_from_the_quiz_model() -> None:
    reaching = sorted(
        module
        for module, reached in imports().items()
        if _top(module) == "quiz" and any(_top(name) == "trainee" for name in reached)
    )
    assert reaching == ["skinlessons.quiz"]


def test_the_top_level_holds_a_handful_of_loose_modules() -> None:
    loose = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")
    assert loose == ["course", "display", "errors", "lesson", "names"]
