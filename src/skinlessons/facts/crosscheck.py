"""Checks across records and files: duplicate ids, ids that point nowhere, unused items.

They work on the parsed data (plain or line-tracking mappings and lists) and return
:class:`Finding` locations, which the loader turns into ``file:line`` errors.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .store import Facts

Loc = tuple[str | int, ...]

ID_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "reference": ("references.yaml", ("references",)),
    "layer": ("skin.yaml", ("layers",)),
    "depth category": ("depth_categories.yaml", ("depth_categories",)),
    "agent": ("agents.yaml", ("agents",)),
    "procedure": ("procedures.yaml", ("procedures",)),
    "feature": ("scars.yaml", ("features",)),
    "scar or mark": ("scars.yaml", ("scars", "non_scars")),
    "contraindication": ("contraindications.yaml", ("contraindications",)),
}
"""Which ids each kind of record defines: kind -> (file, top-level lists holding the records)."""
ID_KEYS: dict[str, str] = {
    "references": "reference",
    "layers": "layer",
    "depth_categories": "depth category",
    "agents": "agent",
    "procedures": "procedure",
    "helped_by": "procedure",
    "partly_helped_by": "procedure",
    "not_helped_by": "procedure",
    "features": "feature",
    "scars": "scar or mark",
    "contraindications": "contraindication",
    "mark": "scar or mark",
}
"""Keys whose text values (or lists of text) are ids of another kind of record."""
KEY_FIELDS = ("id", "number", "grade")
"""Fields that must be unique among the records of one list."""


@dataclass(frozen=True)
class Finding:
    """A problem at ``loc`` in ``file``; ``first_loc`` is where a duplicated value first appears."""

    file: str
    loc: Loc
    message: str
    hint: str
    first_loc: Loc | None = None


def _records(data: Any) -> Iterator[tuple[str, int, Mapping[str, Any]]]:
    """(list key, index, record) for every record in a file's top-level lists."""
    if not isinstance(data, Mapping):
        return
    for key, value in data.items():
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    yield str(key), index, item


def duplicate_ids(file: str, data: Any) -> list[Finding]:
    """Records of one list that repeat an id (or claim number, or grade)."""
    findings = []
    seen: dict[tuple[str, str, str], Loc] = {}
    for key, index, record in _records(data):
        for field in KEY_FIELDS:
            if field not in record:
                continue
            value, here = str(record[field]), (key, index, field)
            first = seen.setdefault((key, field, value), here)
            if first != here:
                findings.append(
                    Finding(
                        file,
                        here,
                        f"duplicate {field} {value!r}",
                        f"give each record in '{key}' its own {field}.",
                        first_loc=first,
                    )
                )
    return findings


def duplicate_names(file: str, data: Any) -> list[Finding]:
    """Glossary names (a term or one of its ``also`` names) claimed by two entries."""
    findings = []
    seen: dict[str, Loc] = {}
    for key, index, record in _records(data):
        names: list[tuple[Loc, Any]] = [(("term",), record.get("term"))]
        also = record.get("also")
        if isinstance(also, list):
            names += [(("also", position), name) for position, name in enumerate(also)]
        for where, name in names:
            if not isinstance(name, str):
                continue
            here: Loc = (key, index, *where)
            first = seen.setdefault(name.casefold(), here)
            if first[:2] != here[:2]:
                findings.append(
                    Finding(
                        file,
                        here,
                        f"the name {name!r} is already a name of another glossary entry",
                        "give each name to one glossary entry only.",
                        first_loc=first,
                    )
                )
    return findings


def _id_values(node: Any, loc: Loc) -> Iterator[tuple[str, str, Loc]]:
    """(key, text value, location) for every text value under an id-bearing key."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            here = (*loc, key)
            if key in ID_KEYS and isinstance(value, str):
                yield str(key), value, here
            elif key in ID_KEYS and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield str(key), item, (*here, index)
            yield from _id_values(value, here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _id_values(item, (*loc, index))


def unknown_ids(data_by_file: Mapping[str, Any]) -> list[Finding]:
    """Ids that name no record (checked only where the defining file could be read)."""
    known: dict[str, set[str]] = {}
    for kind, (file, keys) in ID_SOURCES.items():
        if file in data_by_file:
            known[kind] = {
                str(record["id"])
                for key, _, record in _records(data_by_file[file])
                if key in keys and "id" in record
            }
    findings = []
    for file, data in data_by_file.items():
        for key, value, loc in _id_values(data, ()):
            kind = ID_KEYS[key]
            if kind not in known or value in known[kind]:
                continue
            close = difflib.get_close_matches(value, sorted(known[kind]), n=1)
            suggestion = f" (did you mean {close[0]!r}?)" if close else ""
            hint = f"use an id defined in {ID_SOURCES[kind][0]}{suggestion}."
            findings.append(Finding(file, loc, f"unknown {kind} id {value!r}", hint))
    return findings


def after_build(facts: Facts) -> list[Finding]:
    """The checks that need the built facts: unused contraindications, drawn scar sizes."""
    return unused_contraindications(facts) + drawn_sizes(facts)


def drawn_sizes(facts: Facts) -> list[Finding]:
    """Surface pictures of a scar or mark drawn wider or narrower than its data says."""
    findings = []
    for index, change in enumerate(facts.surface_changes.values()):
        mark = facts.mark(change.mark) if change.mark else None
        width = mark.width_mm if mark is not None else None
        if width is None or (width.contains(change.drawn_mm) and change.drawn_mm > 0):
            continue
        findings.append(
            Finding(
                "pictures.yaml",
                ("changes", index, "drawn_mm"),
                f"{change.id!r} is drawn {change.drawn_mm:g} mm wide, outside the "
                f"{width.text()} mm of {change.mark!r} in scars.yaml",
                "draw it at a width inside the scar's width_mm range.",
            )
        )
    return findings


def unused_contraindications(facts: Facts) -> list[Finding]:
    """Screening items that no suitability rule uses (they would never change advice)."""
    used = {cid for rule in facts.rules for cid in rule.when.contraindications}
    return [
        Finding(
            "contraindications.yaml",
            ("contraindications", index, "id"),
            f"contraindication {cid!r} is not used by any suitability rule",
            "add a rule for it in rules.yaml, or remove it.",
        )
        for index, cid in enumerate(facts.contraindications)
        if cid not in used
    ]
