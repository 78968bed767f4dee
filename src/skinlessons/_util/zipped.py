"""Reproducible zip archives: the same entries always give the same bytes.

Entries are written in sorted order, each with one fixed timestamp, mode ``0644``, the Unix
"made by" system and deflate compression, so neither the build machine's clock, its umask nor
the order files were found in can change the archive. Used by the trainee release (the archive
and the wheel inside it) and the QTI export.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Mapping
from typing import Final

DEFAULT_EPOCH: Final = 946_684_800
"""2000-01-01T00:00:00Z: the timestamp of every entry unless ``SOURCE_DATE_EPOCH`` is set."""
_ZIP_MIN_EPOCH: Final = 315_532_800  # 1980-01-01, the earliest date a zip entry can carry
_FILE_MODE: Final = 0o100644  # a regular file, rw-r--r--
_UNIX: Final = 3


def source_date_epoch(env: Mapping[str, str] | None = None) -> int:
    """``$SOURCE_DATE_EPOCH`` when set to a whole number, else :data:`DEFAULT_EPOCH`."""
    value = (os.environ if env is None else env).get("SOURCE_DATE_EPOCH", "").strip()
    epoch = int(value) if value.isdigit() else DEFAULT_EPOCH
    return max(epoch, _ZIP_MIN_EPOCH)


def _info(name: str, epoch: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.gmtime(epoch)[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = _UNIX
    info.external_attr = _FILE_MODE << 16
    return info


def zip_bytes(
    entries: Mapping[str, bytes], *, epoch: int | None = None, keep_order: bool = False
) -> bytes:
    """A zip archive of ``entries`` (archive name → content), byte-identical for equal input.

    Args:
        entries: file names inside the archive (forward slashes) and their bytes.
        epoch: the timestamp of every entry (default: :func:`source_date_epoch`).
        keep_order: write entries in the mapping's order instead of sorted (a wheel keeps
            its ``RECORD`` last).
    """
    stamp = source_date_epoch() if epoch is None else epoch
    names = list(entries) if keep_order else sorted(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(_info(name, stamp), entries[name], compresslevel=9)
    return buffer.getvalue()


def read_entries(data: bytes) -> dict[str, bytes]:
    """Every file entry of a zip archive, in archive order (directory entries left out)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()
        }
