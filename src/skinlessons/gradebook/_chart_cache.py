"""The item analysis's charts kept beside it, so a run redraws only the charts whose data changed.

A chart is a PNG keyed by what it shows (the numbers, the title) and by how it is drawn (the
drawing module's source and the matplotlib version), so a chart is never reused for other data
or after the drawing changed. The folder holds the charts of the last report only; it is a
redrawing aid, safe to delete, and a cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Final

from .._util.files import ensure_private_dir, write_atomically

CHART_DIR: Final = ".item_analysis_charts"
"""The folder in ``--out`` that holds the last report's charts."""
_PNG_START: Final = b"\x89PNG\r\n\x1a\n"
_PNG_END: Final = b"IEND\xaeB`\x82"


def _drawing_version() -> str:
    """What the look of a chart depends on besides its data."""
    source = (Path(__file__).parent / "_plots.py").read_bytes()
    return hashlib.sha256(source).hexdigest() + metadata.version("matplotlib")


class ChartCache:
    """The charts of one report: reused from ``<out>/.item_analysis_charts`` or drawn and kept."""

    def __init__(self, out: Path) -> None:
        self._folder = out / CHART_DIR
        self._version = _drawing_version()
        self._used: set[str] = set()

    def png(self, data: object, draw: Callable[[], bytes]) -> bytes:
        """The PNG of the chart that shows ``data`` (JSON-like): the kept one, or ``draw()``."""
        text = json.dumps([self._version, data], sort_keys=True, allow_nan=True)
        name = hashlib.sha256(text.encode("utf-8")).hexdigest() + ".png"
        self._used.add(name)
        path = self._folder / name
        with contextlib.suppress(OSError):
            kept = path.read_bytes()
            if kept.startswith(_PNG_START) and kept.endswith(_PNG_END):
                return kept
        drawn = draw()
        with contextlib.suppress(OSError):
            write_atomically(ensure_private_dir(self._folder) / name, drawn)
        return drawn

    def forget_unused(self) -> None:
        """Delete the kept charts this report did not show (the folder holds the last report's)."""
        with contextlib.suppress(OSError):
            for path in self._folder.glob("*.png"):
                if path.name not in self._used:
                    with contextlib.suppress(OSError):
                        path.unlink()
