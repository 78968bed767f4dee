"""The glossary data: the terms the lessons use without defining them, each with a reference."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from skinlessons.facts import collect_fact_problems, load_facts
from skinlessons.facts.loader import default_data_dir

REQUIRED_NAMES = [
    "dyschromia",
    "stratum corneum",
    "SC",
    "purpura",
    "corneocytes",
    "CROSS",
    "anticoagulant",
    "PIH",
    "PIE",
    "MDA",
    "TCA",
    "HSV",
    "SPF",
]


@pytest.mark.parametrize("name", REQUIRED_NAMES)
def test_glossary_defines_every_term_the_audit_found_undefined(name: str) -> None:
    """Each term or abbreviation the content audit found used without definition has an entry."""
    names = {n for entry in load_facts().glossary.values() for n in entry.names}
    assert name in names


def test_every_glossary_reference_exists() -> None:
    """A glossary entry cites only references of the package's reference list."""
    facts = load_facts()
    for entry in facts.glossary.values():
        assert set(entry.references) <= set(facts.references), entry.id


def _copy_with_glossary(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    (data / "glossary.yaml").write_text(text, encoding="utf-8")
    return data


def test_a_name_given_to_two_terms_is_reported_with_its_line(tmp_path: Path) -> None:
    """Two entries that claim the same name (case-insensitively) are a located error."""
    data = _copy_with_glossary(
        tmp_path,
        "terms:\n"
        "  - {id: one, term: PIH, definition: d, references: [R22]}\n"
        "  - {id: two, term: other, also: [pih], definition: d, references: [R22]}\n",
    )
    problems = collect_fact_problems(data)
    assert any(
        "glossary.yaml:3" in str(p) and "'pih' is already a name" in str(p) for p in problems
    )


def test_an_unknown_reference_in_the_glossary_is_reported(tmp_path: Path) -> None:
    """A glossary entry citing a reference id the list lacks is a located error."""
    data = _copy_with_glossary(
        tmp_path, "terms:\n  - {id: one, term: x, definition: d, references: [R9999]}\n"
    )
    messages = [str(p) for p in collect_fact_problems(data)]
    assert any("glossary.yaml:2" in m and "R9999" in m for m in messages), messages
