"""Read the course data files, check them and each other, and build :class:`Facts`.

Nothing here raises for bad content: every problem (bad YAML, a missing field, a range with
low > high, a duplicate id, an id that points nowhere) becomes a located
:class:`~skinlessons.errors.DataFileError`. :func:`load_facts` raises them all at once.

The package's own data is loaded once per process, without working out where each problem
is; if anything there is not perfect, it is loaded again with every problem located. Every file
is read by ``read_yaml``, whose quick reader takes clean YAML and leaves the rest to the careful
one.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..errors import ContentError, ContentErrors, DataFileError
from . import crosscheck
from .base import Model
from .clinical import ClaimsFile, ContraindicationsFile, PhototypesFile, RulesFile, ScarsFile
from .glossary import GlossaryFile
from .models import AgentsFile, DepthCategoriesFile, ProceduresFile, ReferencesFile, SkinFile
from .pictures import PicturesFile
from .practice import PracticeFile, RegulationsFile
from .store import Facts

if TYPE_CHECKING:
    from .._util.yamlsource import YamlDocument

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
    "glossary.yaml": GlossaryFile,
    "practice.yaml": PracticeFile,
    "regulations.yaml": RegulationsFile,
    "pictures.yaml": PicturesFile,
}
"""Every data file and the model of its content."""


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
    data_dir = default_data_dir()
    facts = _load_fast(data_dir)
    return facts if facts is not None else _load_or_raise(data_dir)


def _load_fast(data_dir: Path) -> Facts | None:
    """Facts from clean data without the located problems, or None if anything is off."""
    from .._util.yamlsource import read_yaml

    raw: dict[str, Any] = {}
    models: dict[str, Any] = {}
    try:
        for name, model in FILES.items():
            raw[name] = read_yaml(data_dir / name, error_cls=DataFileError).data
            models[name] = model.model_validate(raw[name])
    except (ContentError, ValueError, RecursionError):  # ValidationError: a ValueError
        return None
    findings = crosscheck.unknown_ids(raw)
    for name, data in raw.items():
        findings += crosscheck.duplicate_ids(name, data) + crosscheck.duplicate_names(name, data)
    facts = _build(models)
    return None if findings or crosscheck.after_build(facts) else facts


def _load_or_raise(data_dir: Path) -> Facts:
    facts, problems = _load(data_dir)
    if problems or facts is None:
        raise ContentErrors(problems)
    return facts


def _load(data_dir: Path) -> tuple[Facts | None, list[ContentError]]:
    from .._util.yamlsource import load_model

    problems: list[ContentError] = []
    docs: dict[str, YamlDocument] = {}
    models: dict[str, Any] = {}
    for name, model in FILES.items():
        path = data_dir / name
        if not path.exists():  # a folder in its place: read_yaml says it cannot be read
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
            problems += _located(crosscheck.duplicate_ids(name, doc.data), docs)
            problems += _located(crosscheck.duplicate_names(name, doc.data), docs)
        if parsed is not None:
            models[name] = parsed
    data_by_file = {name: doc.data for name, doc in docs.items()}
    problems += _located(crosscheck.unknown_ids(data_by_file), docs)
    if problems or len(models) != len(FILES):
        return None, sorted(problems, key=ContentError.sort_key)
    facts = _build(models)
    problems += _located(crosscheck.after_build(facts), docs)
    return (None if problems else facts), problems


def _located(
    findings: list[crosscheck.Finding], docs: dict[str, YamlDocument]
) -> list[ContentError]:
    """Cross-check findings as errors with the file, line and field."""
    problems: list[ContentError] = []
    for finding in findings:
        doc = docs[finding.file]
        message = finding.message
        if finding.first_loc is not None:
            message += f" (first used on line {doc.line_of(finding.first_loc)})"
        problems.append(
            DataFileError(
                message,
                path=doc.path,
                line=doc.line_of(finding.loc),
                field=".".join(str(part) for part in finding.loc),
                hint=finding.hint,
            )
        )
    return problems


def _build(models: dict[str, Any]) -> Facts:
    def by_id(records: Any) -> MappingProxyType[str, Any]:
        return MappingProxyType({record.id: record for record in records})

    skin: SkinFile = models["skin.yaml"]
    scars: ScarsFile = models["scars.yaml"]
    pictures: PicturesFile = models["pictures.yaml"]
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
        glossary=by_id(models["glossary.yaml"].terms),
        practice_facts=by_id(models["practice.yaml"].practice_facts),
        regulations=by_id(models["regulations.yaml"].regulations),
        tone_ramp=pictures.tone_ramp,
        surface_changes=by_id(pictures.changes),
        pictures=by_id(pictures.pictures),
    )
