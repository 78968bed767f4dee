"""Read the course data files, check them and each other, and build :class:`Facts`.

Nothing here raises for bad content: every problem (bad YAML, a missing field, a range with
low > high, a duplicate id, an id that points nowhere) becomes a located
:class:`~skinlessons.errors.DataFileError`. :func:`load_facts` raises them all at once.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import ContentError, ContentErrors, DataFileError
from ..yamlsource import YamlDocument, load_model
from .base import Model
from .clinical import ClaimsFile, ContraindicationsFile, PhototypesFile, RulesFile, ScarsFile
from .models import AgentsFile, DepthCategoriesFile, ProceduresFile, ReferencesFile, SkinFile
from .store import Facts

FILES: dict[str, type[Model]] = {
    "references.yaml": ReferencesFile,
    "skin.yaml": SkinFile,
    "depth_categories.yaml": DepthCategoriesFile,
    "agents.yaml": AgentsFile,
    "procedures.yaml": ProceduresFile,
    "scars.yaml": ScarsFile,
    "phototypes.yaml": PhototypesFile,
    "contraindications.yaml": ContraindicationsFile,
    "claims.yaml": ClaimsFile,
    "rules.yaml": RulesFile,
}
"""Every data file and the model of its content."""

# Which ids each kind of record defines: kind -> (file, top-level lists holding the records).
_ID_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "reference": ("references.yaml", ("references",)),
    "layer": ("skin.yaml", ("layers",)),
    "depth category": ("depth_categories.yaml", ("depth_categories",)),
    "agent": ("agents.yaml", ("agents",)),
    "procedure": ("procedures.yaml", ("procedures",)),
    "feature": ("scars.yaml", ("features",)),
    "scar or mark": ("scars.yaml", ("scars", "non_scars")),
    "contraindication": ("contraindications.yaml", ("contraindications",)),
}
# Keys whose text values (or lists of text) are ids of another record.
_ID_KEYS: dict[str, str] = {
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
}
_KEY_FIELDS = ("id", "number", "grade")


def default_data_dir() -> Path:
    """The folder of the data files shipped inside the package."""
    folder = resources.files("skinlessons") / "data"
    if isinstance(folder, Path):
        return folder
    # A zipped install: copy the files out once, so errors can still name a file and line.
    target = Path(tempfile.mkdtemp(prefix="skinlessons-data-"))
    for name in FILES:
        with resources.as_file(folder / name) as source:
            shutil.copy(source, target / name)
    return target


def collect_fact_problems(data_dir: Path | None = None) -> list[ContentError]:
    """Every problem in the data files of ``data_dir`` (default: the package's own data).

    Never raises for bad content. Each problem names the file, the line and the field, and
    says how to fix it.
    """
    _, problems = _load(Path(data_dir) if data_dir is not None else default_data_dir())
    return problems


def load_facts(data_dir: Path | None = None) -> Facts:
    """Load and check the course data (cached for the package's own data folder).

    Raises:
        ContentErrors: the data has problems; ``.problems`` lists every one of them.
    """
    if data_dir is None:
        return _load_default()
    return _load_or_raise(Path(data_dir))


@lru_cache(maxsize=1)
def _load_default() -> Facts:
    return _load_or_raise(default_data_dir())


def _load_or_raise(data_dir: Path) -> Facts:
    facts, problems = _load(data_dir)
    if problems or facts is None:
        raise ContentErrors(problems)
    return facts


def _load(data_dir: Path) -> tuple[Facts | None, list[ContentError]]:
    problems: list[ContentError] = []
    docs: dict[str, YamlDocument] = {}
    models: dict[str, Any] = {}
    for name, model in FILES.items():
        path = data_dir / name
        if not path.is_file():
            problems.append(
                DataFileError(
                    "data file is missing", path=path, hint=f"restore {name} in {data_dir}."
                )
            )
            continue
        parsed, file_problems, doc = load_model(model, path, error_cls=DataFileError)
        problems.extend(file_problems)
        if doc is not None:
            docs[name] = doc
            problems.extend(_duplicate_ids(doc))
        if parsed is not None:
            models[name] = parsed
    problems.extend(_unknown_ids(docs))
    if problems or len(models) != len(FILES):
        return None, sorted(problems, key=ContentError.sort_key)
    facts = _build(models)
    problems.extend(_unused_contraindications(facts, docs["contraindications.yaml"]))
    return (None if problems else facts), problems


def _records(doc: YamlDocument) -> Iterator[tuple[str, int, CommentedMap]]:
    """(list key, index, record) for every record in the file's top-level lists."""
    if not isinstance(doc.data, CommentedMap):
        return
    for key, value in doc.data.items():
        if isinstance(value, CommentedSeq):
            for index, item in enumerate(value):
                if isinstance(item, CommentedMap):
                    yield str(key), index, item


def _duplicate_ids(doc: YamlDocument) -> list[ContentError]:
    problems: list[ContentError] = []
    seen: dict[tuple[str, str, str], int] = {}
    for key, index, record in _records(doc):
        for field in _KEY_FIELDS:
            if field not in record:
                continue
            value = str(record[field])
            first = seen.setdefault((key, field, value), doc.line_of((key, index, field)))
            line = doc.line_of((key, index, field))
            if first != line:
                problems.append(
                    DataFileError(
                        f"duplicate {field} {value!r} (first used on line {first})",
                        path=doc.path,
                        line=line,
                        field=f"{key}.{index}.{field}",
                        hint=f"give each record in '{key}' its own {field}.",
                    )
                )
    return problems


def _known_ids(docs: dict[str, YamlDocument]) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {}
    for kind, (name, keys) in _ID_SOURCES.items():
        if name in docs:
            known[kind] = {
                str(record["id"])
                for key, _, record in _records(docs[name])
                if key in keys and "id" in record
            }
    return known


def _id_values(node: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[str, Any, tuple[Any, ...]]]:
    """(key, text value, location) for every text value under an id-bearing key."""
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            here = (*loc, key)
            if key in _ID_KEYS and isinstance(value, str):
                yield str(key), value, here
            elif key in _ID_KEYS and isinstance(value, CommentedSeq):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield str(key), item, (*here, index)
            yield from _id_values(value, here)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            yield from _id_values(item, (*loc, index))


def _unknown_ids(docs: dict[str, YamlDocument]) -> list[ContentError]:
    known = _known_ids(docs)
    problems: list[ContentError] = []
    for doc in docs.values():
        for key, value, loc in _id_values(doc.data, ()):
            kind = _ID_KEYS[key]
            if kind not in known or value in known[kind]:
                continue
            close = difflib.get_close_matches(value, sorted(known[kind]), n=1)
            source = _ID_SOURCES[kind][0]
            hint = f"use an id defined in {source}" + (
                f" (did you mean {close[0]!r}?)." if close else "."
            )
            problems.append(
                DataFileError(
                    f"unknown {kind} id {value!r}",
                    path=doc.path,
                    line=doc.line_of(loc),
                    field=".".join(str(part) for part in loc),
                    hint=hint,
                )
            )
    return problems


def _unused_contraindications(facts: Facts, doc: YamlDocument) -> list[ContentError]:
    used = {cid for rule in facts.rules for cid in rule.when.contraindications}
    return [
        DataFileError(
            f"contraindication {cid!r} is not used by any suitability rule",
            path=doc.path,
            line=doc.line_of(("contraindications", index, "id")),
            field=f"contraindications.{index}.id",
            hint="add a rule for it in rules.yaml, or remove it.",
        )
        for index, cid in enumerate(facts.contraindications)
        if cid not in used
    ]


def _build(models: dict[str, Any]) -> Facts:
    def by_id(records: Any) -> MappingProxyType[str, Any]:
        return MappingProxyType({record.id: record for record in records})

    skin: SkinFile = models["skin.yaml"]
    scars: ScarsFile = models["scars.yaml"]
    return Facts(
        references=by_id(models["references.yaml"].references),
        layers=tuple(skin.layers),
        layer_groups=by_id(skin.layer_groups),
        structures=by_id(skin.structures),
        turnover=skin.turnover,
        depth_categories=by_id(models["depth_categories.yaml"].depth_categories),
        agents=by_id(models["agents.yaml"].agents),
        procedures=by_id(models["procedures.yaml"].procedures),
        scar_features=by_id(scars.features),
        scars=by_id(scars.scars),
        non_scars=by_id(scars.non_scars),
        goodman_baron_grades=scars.goodman_baron_grades,
        acne_lesions=by_id(scars.acne_lesions),
        phototypes=by_id(models["phototypes.yaml"].phototypes),
        contraindications=by_id(models["contraindications.yaml"].contraindications),
        claims=by_id(models["claims.yaml"].claims),
        rules=tuple(models["rules.yaml"].rules),
    )
