"""Copy trainees' submission files out of their hub home folders (``skinlessons collect``).

On a JupyterHub each trainee's ``skinlessons submit`` writes to
``<home>/.skinlessons/submissions/submission-<slug>.json``. :func:`collect_submissions` copies
those files into ``<out>/<home folder name>/`` so ``skinlessons grade <out>`` can read them.

Home folders belong to trainees, so nothing in them is trusted: every folder and file is opened
relative to its parent with ``O_NOFOLLOW``, and a symbolic link anywhere on the way (the home,
``.skinlessons``, ``submissions`` or the file itself) is skipped with a reason, never followed.
Files that are not regular files, or larger than the format's ``MAX_BYTES``, are skipped too.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from .._util.files import ensure_private_dir, write_atomically
from ..errors import GradingError
from ..submission.format import MAX_BYTES, home_data_folder, is_submission_name, submissions_dir

_DIR_FLAGS: Final = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_NOFOLLOW", 0)
_FILE_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class Collected:
    """One submission file copied: from which home, to where."""

    home: Path
    source: Path
    copy: Path


@dataclass(frozen=True)
class Skipped:
    """A home or a file that was not copied, and why."""

    path: Path
    reason: str


@dataclass
class CollectReport:
    """What :func:`collect_submissions` copied, which homes had nothing, and what it skipped."""

    collected: list[Collected] = field(default_factory=list)
    without_submission: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as sentences: copies first, then homes without a submission, then skips."""
        lines = [f"{item.source} -> {item.copy}" for item in self.collected]
        lines += [f"No submission in {home}" for home in self.without_submission]
        lines += [f"Skipped {item.path}: {item.reason}" for item in self.skipped]
        homes = len({item.home for item in self.collected})
        lines.append(f"Collected {len(self.collected)} submission file(s) from {homes} home(s).")
        return lines


def _open_dir(name: str | Path, parent_fd: int | None) -> int:
    """Open a folder without following a symbolic link (relative to ``parent_fd`` if given)."""
    return os.open(name, _DIR_FLAGS, dir_fd=parent_fd)


def _why_not_opened(exc: OSError) -> str:
    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
        return "it is a symbolic link or not a folder, so it is not followed"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"it cannot be read ({exc.strerror}); run collect as a user who may read every "
            "home (on a hub, the administrator)"
        )
    return exc.strerror or str(exc)


def _copy_file(name: str, folder_fd: int, destination: Path) -> str | None:
    """Copy one regular file of ``folder_fd`` to ``destination``; return why not, or None."""
    try:
        source_fd = os.open(name, _FILE_FLAGS, dir_fd=folder_fd)
    except OSError as exc:
        return _why_not_opened(exc)
    info = os.fstat(source_fd)
    if not stat.S_ISREG(info.st_mode):  # checked before fdopen, which refuses a folder
        os.close(source_fd)
        return "not a regular file"
    with os.fdopen(source_fd, "rb") as source:
        if info.st_size > MAX_BYTES:
            return f"{info.st_size} bytes is larger than a submission can be"
        try:
            data = source.read(MAX_BYTES + 1)
        except OSError as exc:  # a failing disk or network share
            return f"it could not be read ({exc.strerror or exc})"
    if len(data) > MAX_BYTES:
        return "it grew larger than a submission can be while it was read"
    try:
        write_atomically(ensure_private_dir(destination.parent) / destination.name, data)
    except OSError as exc:
        raise _cannot_write(destination.parent, exc) from exc
    return None


def _cannot_write(folder: Path, exc: OSError) -> GradingError:
    return GradingError(
        f"cannot write the copies to {folder} ({exc.strerror or exc}). Fix: give --out a "
        "folder you can write to, on a disk with free space, then run collect again."
    )


def _collect_home(home: Path, out: Path, report: CollectReport) -> None:
    """Copy the submission files of one home into ``out/<home name>/``."""
    target = out / home.name
    folder = submissions_dir(home_data_folder(home))
    steps = [home, folder.parent, folder]
    opened: list[int] = []
    try:
        try:
            for step in steps:
                opened.append(
                    _open_dir(step.name if opened else step, opened[-1] if opened else None)
                )
        except FileNotFoundError:
            if opened:
                report.without_submission.append(home)
            else:
                report.skipped.append(Skipped(home, "there is no such folder"))
            return
        except OSError as exc:
            report.skipped.append(Skipped(steps[len(opened)], _why_not_opened(exc)))
            return
        try:
            names = sorted(name for name in os.listdir(opened[-1]) if is_submission_name(name))
        except OSError as exc:
            why = f"it could not be listed ({exc.strerror or exc})"
            report.skipped.append(Skipped(folder, why))
            return
        for name in names:
            problem = _copy_file(name, opened[-1], target / name)
            if problem is None:
                report.collected.append(Collected(home, folder / name, target / name))
            else:
                report.skipped.append(Skipped(folder / name, problem))
        if not names:
            report.without_submission.append(home)
    finally:
        for descriptor in reversed(opened):
            os.close(descriptor)


def collect_submissions(homes: Iterable[Path | str], out: Path | str) -> CollectReport:
    """Copy every ``submission-*.json`` from each home's ``.skinlessons/submissions/``.

    Args:
        homes: trainees' home folders (e.g. every folder matching ``/home/*``).
        out: where the copies go, one sub-folder per home folder name; created if missing.

    Returns:
        The report: files copied, homes without a submission, homes and files skipped.

    Raises:
        GradingError: ``out`` or a folder in it cannot be created or written (says which).
    """
    out_dir = Path(out)
    try:
        ensure_private_dir(out_dir)
    except OSError as exc:
        raise _cannot_write(out_dir, exc) from exc
    report = CollectReport()
    seen: set[str] = set()
    for raw in homes:
        home = Path(os.path.abspath(raw))
        if not home.name:
            report.skipped.append(Skipped(home, "not a home folder"))
            continue
        if home.name in seen:
            report.skipped.append(
                Skipped(home, f"another home folder is also called '{home.name}'")
            )
            continue
        seen.add(home.name)
        _collect_home(home, out_dir, report)
    return report
