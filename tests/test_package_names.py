"""The lessons' lazy names on the package: ``from skinlessons import chemistry, glossary``."""

from __future__ import annotations

import subprocess
import sys

import pytest

import skinlessons


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("chemistry", "skinlessons.logic.chemistry"),
        ("depth", "skinlessons.logic.depth"),
        ("suitability", "skinlessons.logic.suitability"),
        ("glossary", "skinlessons.lesson_html.glossary"),
    ],
)
def test_each_lazy_name_is_its_module(name: str, module: str) -> None:
    assert getattr(skinlessons, name) is sys.modules[module]


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'skinlessons' has no attribute 'lessons_x'"):
        _ = skinlessons.lessons_x


def test_importing_the_package_imports_none_of_them() -> None:
    modules = (
        "skinlessons.logic.chemistry",
        "skinlessons.logic.depth",
        "skinlessons.logic.suitability",
        "skinlessons.lesson_html.glossary",
    )
    code = f"import sys, skinlessons\nprint([m for m in {modules!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
