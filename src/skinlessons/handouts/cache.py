"""The execution cache: an executed notebook is reused while nothing it depends on changed.

The key is a SHA-256 over three things: the notebook's content (cell types, sources and tags,
and the kernel name), the package (every code and data file under ``src/skinlessons`` plus the
versions of the libraries that shape outputs), and the key-free quizzes the kernel reads.
Entries are files ``<stem>.<key>.ipynb``; storing a new entry removes the stem's old ones.
"""

from __future__ import annotations

import hashlib
import platform
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Final

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


@cache
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


def cache_key(notebook: NotebookNode, quizzes_fingerprint: str) -> str:
    """The cache key of one notebook: notebook + package + key-free quizzes."""
    digest = hashlib.sha256()
    for part in (notebook_fingerprint(notebook), package_fingerprint(), quizzes_fingerprint):
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
