"""The execution cache: an executed notebook is reused while nothing it depends on changed.

The key is a SHA-256 over three things: the notebook's content (cell types, sources and tags,
and the kernel name), the package (every code and data file under ``src/skinlessons`` plus the
versions of the libraries that shape outputs), and the key-free quizzes the kernel reads.
Entries are files ``<stem>.<key>.ipynb``; storing a new entry removes the stem's old ones.
"""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any, Final

import nbformat
from nbformat import NotebookNode

import skinlessons

KEY_LENGTH: Final = 16
"""Hex characters of the key used in cache file names."""
_OUTPUT_SHAPING_DISTRIBUTIONS: Final = ("ipykernel", "ipywidgets", "matplotlib", "nbclient")
_SKIPPED_PARTS: Final = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache"})


def notebook_fingerprint(notebook: NotebookNode) -> str:
    """SHA-256 of what execution depends on in a notebook: cell types, sources and tags."""
    digest = hashlib.sha256()
    kernel = notebook.metadata.get("kernelspec", {}).get("name", "")
    digest.update(f"kernel\0{kernel}\0".encode())
    for cell in notebook.cells:
        tags = ",".join(sorted(cell.metadata.get("tags", [])))
        digest.update(f"{cell.cell_type}\0{tags}\0{cell.source}\0".encode())
    return digest.hexdigest()


def package_fingerprint() -> str:
    """SHA-256 of every file of the installed ``skinlessons`` package and key library versions."""
    root = Path(skinlessons.__file__).parent
    digest = hashlib.sha256(f"python {platform.python_version()}\0".encode())
    for name in _OUTPUT_SHAPING_DISTRIBUTIONS:
        try:
            digest.update(f"{name} {metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing\0".encode())
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _SKIPPED_PARTS & set(relative.parts) and path.suffix != ".pyc":
            digest.update(f"{relative.as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(notebook: NotebookNode, package: str, quizzes_fingerprint: str) -> str:
    """The cache key of one notebook: notebook + package (its fingerprint) + key-free quizzes."""
    digest = hashlib.sha256()
    for part in (notebook_fingerprint(notebook), package, quizzes_fingerprint):
        digest.update(part.encode())
    return digest.hexdigest()[:KEY_LENGTH]


class ExecutionCache:
    """Executed notebooks on disk, one current entry per notebook stem."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, stem: str, key: str) -> Path:
        return self.folder / f"{stem}.{key}.ipynb"

    def get(self, stem: str, key: str) -> NotebookNode | None:
        """The executed notebook stored under this key, or None."""
        path = self._path(stem, key)
        if not path.is_file():
            return None
        try:
            return nbformat.read(path, as_version=4)
        except (OSError, ValueError):
            return None  # a damaged entry is simply executed again

    def put(self, stem: str, key: str, notebook: NotebookNode) -> Path:
        """Store an executed notebook (atomically) and drop the stem's older entries."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(stem, key)
        partial = path.with_suffix(".partial")
        nbformat.write(notebook, partial)
        partial.replace(path)
        for old in self.folder.glob(f"{stem}.*.ipynb"):
            if old != path and old.name.count(".") == 2:
                old.unlink(missing_ok=True)
        return path


class PageStamps:
    """Hashes of the inputs of each page already written, so unchanged pages are not exported.

    Kept as ``.page-stamps.json`` in the edition folder; it holds hashes only, never content.
    """

    FILE_NAME: Final = ".page-stamps.json"

    def __init__(self, edition_dir: Path) -> None:
        self.path = edition_dir / self.FILE_NAME
        try:
            self.stamps: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.stamps = {}

    @staticmethod
    def stamp(*parts: Any) -> str:
        """SHA-256 of the JSON of everything a page is made from."""
        text = json.dumps(parts, sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def is_current(self, page: Path, stamp: str) -> bool:
        """True when ``page`` exists and was written from inputs with this stamp."""
        return page.is_file() and self.stamps.get(page.name) == stamp

    def record(self, page: Path, stamp: str) -> None:
        """Remember the stamp of a page just written."""
        self.stamps[page.name] = stamp

    def save(self, pages: list[Path]) -> None:
        """Write the stamps of the pages that exist now (others are forgotten)."""
        names = {page.name for page in pages}
        kept = {name: value for name, value in self.stamps.items() if name in names}
        self.path.write_text(json.dumps(kept, indent=1, sort_keys=True), encoding="utf-8")
