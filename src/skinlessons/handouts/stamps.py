"""What was written from which inputs, so a build redoes only what changed.

Two levels, both hashes only, never content:

* :class:`BuildStamp` (``<out>/.build-stamp.json``): one hash of everything a whole build reads
  (the course's notebooks and quiz files, the package, the libraries, the kernel environment,
  the date, the git commit). When it matches and every file it lists exists, there is nothing
  to do, and the build says so without importing nbformat, nbclient or nbconvert.
* :class:`PageStamps` (``<edition>/.page-stamps.json``): per page, the hash of its inputs, so a
  build that does run exports only the pages whose inputs changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final

from .report import BuildReport, ExecutionResult, Progress

STAMP_VERSION: Final = 1


def stamp_of(*parts: Any) -> str:
    """SHA-256 of the JSON of everything something is made from."""
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class PageStamps:
    """Hashes of the inputs of each page already written, so unchanged pages are not exported.

    Kept as ``.page-stamps.json`` in the edition folder.
    """

    FILE_NAME: Final = ".page-stamps.json"

    def __init__(self, edition_dir: Path) -> None:
        self.path = edition_dir / self.FILE_NAME
        self.stamps: dict[str, str] = _read_json(self.path)

    stamp = staticmethod(stamp_of)

    def is_current(self, page: Path, stamp: str) -> bool:
        """True when ``page`` exists and was written from inputs with this stamp."""
        return page.exists() and self.stamps.get(page.name) == stamp

    def record(self, page: Path, stamp: str) -> None:
        """Remember the stamp of a page (or folder) just written."""
        self.stamps[page.name] = stamp

    def save(self, pages: list[Path]) -> None:
        """Write the stamps of the pages that exist now (others are forgotten)."""
        names = {page.name for page in pages}
        kept = {name: value for name, value in self.stamps.items() if name in names}
        self.path.write_text(json.dumps(kept, indent=1, sort_keys=True), encoding="utf-8")


class BuildStamp:
    """The inputs of the last successful build into one output folder, and what it wrote."""

    FILE_NAME: Final = ".build-stamp.json"

    def __init__(self, out: Path, inputs: str) -> None:
        self.path = out / self.FILE_NAME
        self.out = out
        self.inputs = inputs

    def replay(self, progress: Progress) -> BuildReport | None:
        """The report of a build with nothing to do, or None when something must be done.

        Nothing is to be done when the last successful build had the same inputs and every
        page, index and asset it wrote is still there.
        """
        record = _read_json(self.path)
        if record.get("version") != STAMP_VERSION or record.get("inputs") != self.inputs:
            return None
        written = [self.out / name for name in record.get("files", [])]
        if not written or not all(path.exists() for path in written):
            return None
        report = BuildReport(self.out)
        for name, key in record.get("notebooks", {}).items():
            result = ExecutionResult(Path(name), "cached", 0.0, key=key)
            report.executions.append(result)
            progress(result.progress_line())
        for edition, pages in record.get("pages", []):
            report.pages[edition] = [self.out / edition / page for page in pages]
            report.indexes[edition] = self.out / edition / "index.html"
            for page in pages:
                progress(f"unchanged {edition}/{page}")
        return report

    def save(self, report: BuildReport, assets: dict[str, list[str]]) -> None:
        """Remember a successful build: its inputs, notebooks, pages, indexes and assets."""
        files = [
            path.relative_to(self.out).as_posix()
            for path in [*(p for ps in report.pages.values() for p in ps), *report.indexes.values()]
        ]
        files += [f"{edition}/{name}" for edition, names in assets.items() for name in names]
        record = {
            "version": STAMP_VERSION,
            "inputs": self.inputs,
            "notebooks": {result.name: result.key for result in report.executions},
            "pages": [
                [edition, [p.name for p in pages]] for edition, pages in report.pages.items()
            ],
            "files": sorted(files),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
