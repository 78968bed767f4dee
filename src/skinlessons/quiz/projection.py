"""What may leave the instructor: the key-free projection of a quiz, its version, its YAML text.

The projection is what trainees and the kernels that build trainee handouts load. It carries no
key, and for a summative quiz no explanation and no per-option feedback either. It must not give
the key away through order: matches and ordering items are emitted sorted by id.

The quiz version hashes only what a trainee answers (ids, texts, types, points, unit), so a key
or an explanation fixed after release keeps the version, and old submissions still grade.
"""

from __future__ import annotations

import io
from typing import Any, Final

from .._util.hashing import canonical_hash
from .models import AnyQuestion, Quiz

VERSION_LENGTH: Final = 16
"""Hex characters of the quiz version."""
_ENTRY_LISTS: Final = ("options", "prompts", "matches", "items")
_SORTED_IN_PROJECTION: Final = ("matches", "items")
_VERSIONED_FIELDS: Final = ("id", "type", "stem", "points", "unit", "allow")


def _project_question(question: AnyQuestion, *, is_summative: bool) -> dict[str, Any]:
    data = question.model_dump(mode="python", exclude={"key", "allow_cue"})
    if data.get("template") is not None:  # the tolerance is the template's key rule
        data["template"].pop("tolerance", None)
        data["template"].pop("relative_tolerance", None)
    for name in _SORTED_IN_PROJECTION:
        if name in data:
            data[name] = sorted(data[name], key=lambda entry: entry["id"])
    if is_summative:
        data.pop("explanation", None)
        for option in data.get("options", []):
            option.pop("feedback", None)
    return data


def key_free(quiz: Quiz) -> Quiz:
    """The quiz without its answers, safe to give to trainees.

    Drops every key; for a summative quiz also every explanation and option feedback; sorts
    matches and ordering items by id; sets ``key_free: true``. The result validates as a Quiz.
    """
    data = quiz.model_dump(mode="python", exclude={"questions"})
    data["key_free"] = True
    data["questions"] = [
        _project_question(question, is_summative=quiz.is_summative) for question in quiz.questions
    ]
    return Quiz.model_validate(data)


def _versioned_question(question: AnyQuestion) -> dict[str, Any]:
    data = question.model_dump(mode="json")
    canonical: dict[str, Any] = {name: data[name] for name in _VERSIONED_FIELDS if name in data}
    if data.get("template") is not None:  # what the trainee is asked, not the key rule
        template = data["template"]
        canonical["template"] = [template["generator"], template["parameters"]]
    for name in _ENTRY_LISTS:
        if name in data:
            entries = sorted(data[name], key=lambda entry: entry["id"])
            canonical[name] = [[entry["id"], entry["text"]] for entry in entries]
    return canonical


def quiz_version(quiz: Quiz) -> str:
    """A short hash of what a trainee answers: 16 hex characters of SHA-256.

    Covers the quiz id and kind and, per question, its id, type, stem, points, unit, allowed
    notations, a template's generator and parameters, and the ids and texts of its options,
    prompts, matches and items (taken in id
    order, so reordering them in the file keeps the version). Keys, explanations, feedback,
    objectives and references are left out, so the full quiz and its key-free projection share
    one version.
    """
    canonical = {
        "id": quiz.id,
        "kind": quiz.kind,
        "questions": [_versioned_question(question) for question in quiz.questions],
    }
    return canonical_hash(canonical)[:VERSION_LENGTH]


def _literal_blocks(value: Any) -> Any:
    """Multi-line text (Markdown stems) as ``|`` blocks; whole-number floats as integers."""
    if isinstance(value, dict):
        return {name: _literal_blocks(item) for name, item in value.items()}
    if isinstance(value, list):
        return [_literal_blocks(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, str) and "\n" in value and _is_block_safe(value):
        from ruamel.yaml.scalarstring import LiteralScalarString  # loaded late: only a write

        return LiteralScalarString(value)
    return value


def _is_block_safe(text: str) -> bool:
    """Text a ``|`` block reproduces exactly: printable, no edge spaces on any line."""
    lines = text.split("\n")
    return all(line == line.strip() and line.isprintable() for line in lines) and not (
        text.startswith("\n")
    )


def to_yaml(quiz: Quiz, *, header: str | None = None) -> str:
    """The quiz as YAML text: same input, same text; ``load_quiz`` reads it back equal.

    Args:
        quiz: the quiz (usually a key-free projection).
        header: an optional comment written at the top, one ``# `` line per line of text.
    """
    data = _literal_blocks(quiz.model_dump(mode="json", exclude_none=True))
    data["questions"] = [
        {"id": question.pop("id"), "type": question.pop("type"), **question}
        for question in data["questions"]
    ]
    from ruamel.yaml import YAML  # loaded late: reading needs no ruamel.yaml

    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    if header:
        buffer.write("".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()))
    yaml.dump(data, buffer)
    return buffer.getvalue()
