"""The execution cache: a lesson's code outputs are reused while nothing that shapes them changed.

The key is a SHA-256 over what can change the outputs, and nothing else:

* the code cells: their sources, in order, and whether the kernel runs them (a cell the export
  renders itself is skipped, see :mod:`.cells`); markdown prose is never part of it;
* the kernel: its name and the environment variables that reach it and shape outputs;
* the package: every code and data file under ``src/skinlessons``, the Python version and the
  versions of the libraries that run the cells;
* the course files the kernels read: the key-free quizzes, ``objectives.yaml`` and the other
  files of the notebooks folder.

Entries are files ``<stem>.<key>.ipynb``; storing a new entry removes the stem's old ones. At
export the prose always comes from the current notebook: :func:`with_current_prose` puts the
cached code outputs into it.

Light on purpose: nbformat is imported only to read or write an entry.
"""

from __future__ import annotations

import copy
import hashlib
import platform
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import skinlessons

from ..names import COURSE_ENV, HOME_ENV, MODE_ENV
from .cells import SKIP_EXECUTION_TAG, rendered_at_export, tags

if TYPE_CHECKING:
    from nbformat import NotebookNode

KEY_LENGTH: Final = 16
"""Hex characters of the key used in cache file names."""
EXECUTION_LIBRARIES: Final = ("ipykernel", "ipython", "ipywidgets", "matplotlib", "nbclient")
"""Libraries whose version can change what a cell outputs."""
EXPORT_LIBRARIES: Final = ("jinja2", "mistune", "nbconvert", "nbformat", "pygments")
"""Libraries whose version can change a page made from the same outputs."""
KERNEL_ENV: Final = ("LANG", "LC_ALL", "MPLBACKEND", "PYTHONHASHSEED", "PYTHONPATH", "TZ")
"""Variables that reach the kernels and can shape outputs (besides ``SKINLESSONS_*``)."""
_SET_BY_BUILD: Final = frozenset({COURSE_ENV, HOME_ENV, MODE_ENV})
_RAISES_TAG: Final = "raises-exception"
_SKIPPED_PARTS: Final = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache"})


def _text(source: Any) -> str:
    return "".join(source) if isinstance(source, list) else str(source)


def skips_execution(cell: Mapping[str, Any]) -> bool:
    """True for a code cell the build's kernels do not run."""
    return rendered_at_export(cell) or SKIP_EXECUTION_TAG in tags(cell)


def notebook_fingerprint(notebook: Mapping[str, Any]) -> str:
    """SHA-256 of what execution depends on in a notebook: the kernel and the code cells.

    Markdown and raw cells, cell ids and every other tag are left out, so editing prose keeps
    the fingerprint. Works on an nbformat node and on the notebook's plain JSON alike.
    """
    digest = hashlib.sha256()
    kernel = notebook.get("metadata", {}).get("kernelspec", {}).get("name", "")
    digest.update(f"kernel\0{kernel}\0".encode())
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        flags = f"{int(skips_execution(cell))}{int(_RAISES_TAG in tags(cell))}"
        digest.update(f"code\0{flags}\0{_text(cell.get('source', ''))}\0".encode())
    return digest.hexdigest()


def library_versions(names: Iterable[str]) -> str:
    """``name version`` of each installed library (``missing`` when it is not installed)."""
    parts = []
    for name in names:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} missing")
    return "\0".join(parts)


def package_fingerprint() -> str:
    """SHA-256 of every file of the ``skinlessons`` package and of what runs the cells."""
    root = Path(skinlessons.__file__).parent
    digest = hashlib.sha256(f"python {platform.python_version()}\0".encode())
    digest.update(library_versions(EXECUTION_LIBRARIES).encode())
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _SKIPPED_PARTS & set(relative.parts) and path.suffix != ".pyc":
            digest.update(f"{relative.as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def kernel_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The variables of ``env`` that shape outputs: ``SKINLESSONS_*`` the build does not set,
    and :data:`KERNEL_ENV`."""
    return {
        name: value
        for name, value in sorted(env.items())
        if name in KERNEL_ENV or (name.startswith("SKINLESSONS_") and name not in _SET_BY_BUILD)
    }


def files_fingerprint(paths: Iterable[Path], root: Path) -> str:
    """SHA-256 of the names (relative to ``root``) and bytes of some files."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(notebook: Mapping[str, Any], *inputs: str) -> str:
    """The cache key of one notebook: its code (:func:`notebook_fingerprint`) and the inputs
    every notebook shares (package, kernel environment, course files), in a fixed order."""
    digest = hashlib.sha256()
    for part in (notebook_fingerprint(notebook), *inputs):
        digest.update(f"{part}\0".encode())
    return digest.hexdigest()[:KEY_LENGTH]


def with_current_prose(current: NotebookNode, executed: NotebookNode) -> NotebookNode:
    """The current notebook with the outputs of ``executed``'s code cells, cell for cell.

    Everything but code outputs (markdown, cell tags and ids, notebook metadata) comes from
    ``current``; the kernel's language info and widget state come from ``executed``.

    Raises:
        ValueError: the two do not have the same number of code cells (not the same code).
    """
    merged = copy.deepcopy(current)
    code = [cell for cell in merged.cells if cell.cell_type == "code"]
    ran = [cell for cell in executed.cells if cell.cell_type == "code"]
    if len(code) != len(ran):
        raise ValueError(f"{len(code)} code cells now, {len(ran)} when executed")
    for cell, done in zip(code, ran, strict=True):
        cell.outputs = copy.deepcopy(done.outputs)
        cell.execution_count = done.get("execution_count")
    for key in ("language_info", "widgets"):
        if key in executed.metadata:
            merged.metadata[key] = copy.deepcopy(executed.metadata[key])
    return merged


class ExecutionCache:
    """Executed notebooks on disk, one current entry per notebook stem."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, stem: str, key: str) -> Path:
        return self.folder / f"{stem}.{key}.ipynb"

    def has(self, stem: str, key: str) -> bool:
        """True when an entry is stored under this key (it may still turn out unreadable)."""
        return self._path(stem, key).is_file()

    def get(self, stem: str, key: str) -> NotebookNode | None:
        """The executed notebook stored under this key, or None."""
        path = self._path(stem, key)
        if not path.is_file():
            return None
        import nbformat

        try:
            return nbformat.read(path, as_version=4)
        except (OSError, ValueError):
            return None  # a damaged entry is simply executed again

    def put(self, stem: str, key: str, notebook: NotebookNode) -> Path:
        """Store an executed notebook (atomically) and drop the stem's older entries."""
        import nbformat

        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(stem, key)
        partial = path.with_suffix(".partial")
        nbformat.write(notebook, partial)
        partial.replace(path)
        for old in self.folder.glob(f"{stem}.*.ipynb"):
            if old != path and old.name.count(".") == 2:
                old.unlink(missing_ok=True)
        return path
