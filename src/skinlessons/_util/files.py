"""Writing files safely: the one atomic-write helper every part of the package uses."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: str | bytes) -> Path:
    """Write ``content`` to ``path`` so readers see the old file or the new one, never half.

    Text is written as UTF-8 with ``\\n`` line ends; bytes as they are. The content goes to a
    temporary file in the same folder, is flushed to disk, then replaces ``path`` in one step
    (``os.replace``). The folder must exist.
    """
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if isinstance(content, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(content)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as text:
                text.write(content)
                text.flush()
                os.fsync(text.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return path


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by its owner only, if it is missing."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
