"""Find, size-check, read and validate submission files: each becomes accepted or rejected.

Nothing here raises for anything a trainee can hand in. Every file below the folder is looked
at (recursively, symbolic links never followed) and ends up either as a :class:`Submission` or
as a :class:`Rejected` entry with a reason the instructor can act on. The file format is
``docs/contracts.md`` ("Submission file").
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from .._util.hashing import canonical_hash
from ..submission.format import MAX_BYTES
from ..submission.parse import parse
from .records import Rejected, Submission

NOTEBOOK_REASON: Final = (
    "this is a notebook, not a submission; ask the trainee to run skinlessons submit "
    "and hand in the submission-….json file it writes"
)


def display_name(path: Path, root: Path) -> str:
    """The path relative to the folder, with control characters shown as escapes."""
    try:
        text = path.relative_to(root).as_posix()
    except ValueError:
        text = path.name
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def find_files(root: Path, *, skip: Path | None = None) -> Iterator[Path]:
    """Every entry below ``root`` that is not a folder, sorted; never follows symbolic links.

    Args:
        root: the submissions folder.
        skip: a folder to leave out (the output folder, when it lies inside ``root``).
    """
    skip_resolved = skip.resolve() if skip is not None else None
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        if skip_resolved is not None:
            dirs[:] = [name for name in dirs if (here / name).resolve() != skip_resolved]
        dirs.sort()
        linked = [name for name in dirs if (here / name).is_symlink()]
        for name in sorted([*files, *linked]):
            yield here / name


def _read_limited(path: Path, limit: int) -> bytes | str:
    """The file's bytes, or the reason it is refused (checked with lstat, before reading)."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc}); check its permissions"
    if stat.S_ISLNK(info.st_mode):
        return "a symbolic link, which is never followed; copy the file itself into the folder"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a device, pipe or socket); remove it from the folder"
    if info.st_size == 0:
        return "the file is empty; ask the trainee to run skinlessons submit again"
    if info.st_size > limit:
        return (
            f"the file is {info.st_size / 1_048_576:.1f} MB, above the "
            f"{limit / 1_048_576:.0f} MB limit for a submission; it was not read. "
            "Check it is the submission file"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc}); check its permissions"
    if len(data) > limit:
        return "the file grew above the size limit while it was read; it was not graded"
    return data


def _decode(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _duplicate_keys_hook(found: list[str]) -> Any:
    """A JSON object hook that notes repeated keys; for answers it keeps the larger ``seq``."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = dict(pairs)
        if len(result) == len(pairs):  # no key twice: the usual case, built in C
            return result
        result = {}
        for key, value in pairs:
            if key in result:
                found.append(key)
                old = result[key]
                if isinstance(old, dict) and isinstance(value, dict):
                    old_seq, new_seq = old.get("seq"), value.get("seq")
                    if isinstance(old_seq, int) and isinstance(new_seq, int) and old_seq > new_seq:
                        continue
            result[key] = value
        return result

    return hook


def read_submission(path: Path, root: Path, *, limit: int = MAX_BYTES) -> Submission | Rejected:
    """Read and validate one file; never raises for its content."""
    source = display_name(path, root)
    data = _read_limited(path, limit)
    if isinstance(data, str):
        return Rejected(source, data)
    is_notebook_name = path.suffix.lower() == ".ipynb"
    text = _decode(data)
    if text is None:
        if is_notebook_name:
            return Rejected(source, NOTEBOOK_REASON)
        return Rejected(source, "binary data, not a text submission; ask for the .json file")
    if not text.strip():
        return Rejected(source, "the file holds only blank space; ask the trainee to submit again")
    duplicates: list[str] = []
    try:
        document = json.loads(text, object_pairs_hook=_duplicate_keys_hook(duplicates))
    except json.JSONDecodeError as exc:
        if is_notebook_name:
            return Rejected(source, NOTEBOOK_REASON)
        return Rejected(
            source,
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); the file may "
            "be cut short or edited by hand, ask the trainee to run skinlessons submit again",
        )
    except RecursionError:
        return Rejected(source, "the JSON nests too deeply to be a submission")
    except ValueError:  # an integer literal above Python's digit limit (4,300 digits)
        return Rejected(
            source,
            f"the file holds a number of more than {sys.get_int_max_str_digits():,} digits, "
            "which no submission does; the file was edited or damaged, ask the trainee to "
            "run skinlessons submit again",
        )
    if is_notebook_name or (isinstance(document, dict) and "cells" in document):
        return Rejected(source, NOTEBOOK_REASON)
    parsed = parse(document)
    if isinstance(parsed, str):
        return Rejected(source, parsed)
    notes = list(parsed.notes)
    notes.extend(
        f"the key {key!r} appears twice in the file; the answer with the larger seq was kept"
        for key in dict.fromkeys(duplicates)
    )
    return Submission(
        content_hash=canonical_hash(document),
        trainee_id=parsed.trainee_id,
        last_seq=parsed.last_seq,
        created_at=parsed.created_at,
        package_version=parsed.package_version,
        quizzes=parsed.quizzes,
        source=source,
        notes=notes,
    )
