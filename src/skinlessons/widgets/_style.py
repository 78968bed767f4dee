"""Shared layout and style constants for the widgets (no inline style dicts per control).

Every control gets a visible label through ``description`` and :data:`DESCRIPTION_STYLE`, so the
label is never cut off and screen readers announce it.
"""

from __future__ import annotations

from typing import Any, Final

DESCRIPTION_STYLE: Final[dict[str, Any]] = {"description_width": "initial"}
"""Let each control's label take the width it needs."""

CONTROL_LAYOUT: Final[dict[str, Any]] = {"width": "auto", "max_width": "34em"}
"""Controls size to their label and content, up to a readable width."""

CONTROLS_BOX_LAYOUT: Final[dict[str, Any]] = {"flex_flow": "column", "margin": "0 0 0.5em 0"}
RESULT_LAYOUT: Final[dict[str, Any]] = {"max_width": "46em"}
IMAGE_LAYOUT: Final[dict[str, Any]] = {"max_width": "100%", "height": "auto"}

FIGURE_DPI: Final = 80
"""Resolution of the live and static pictures, dots per inch (speed over print quality)."""

PNG_COMPRESS_LEVEL: Final = 1
"""zlib level for the live PNG: fastest encoding; files stay small because figures are flat."""

REFER_SYMBOL: Final = "⚠"
"""Shown beside "Refer to a physician" so the verdict never rests on colour alone."""

VERDICT_SYMBOLS: Final[dict[str, str]] = {
    "refer": "⚠",
    "defer": "↻",
    "caution": "!",
    "suitable": "✓",
}
VERDICT_WORDS: Final[dict[str, str]] = {
    "refer": "Refer to a physician",
    "defer": "Defer (not today)",
    "caution": "Caution",
    "suitable": "Suitable",
}
VERDICT_COLOURS: Final[dict[str, str]] = {
    "refer": "#D55E00",
    "defer": "#CC79A7",
    "caution": "#E69F00",
    "suitable": "#009E73",
}
"""Okabe-Ito vermillion, reddish purple, orange and bluish green: a cue beside words and symbols."""

PHYSICIAN_GROUPS: Final[dict[str, tuple[str, str, str]]] = {
    "physician-indicated": (
        "⚠",
        "Physician procedure used for this problem (refer to discuss it)",
        "#D55E00",
    ),
    "physician-only": ("✕", "Physician-only procedure (not indicated for this)", "#999999"),
    "physician-unassessed": ("✕", "Physician-only procedure (mark not assessed)", "#999999"),
}
"""Symbol, words and colour for physician procedures, kept apart from "refer for this problem"."""
REFER_PROBLEM_WORDS: Final = "Refer to a physician for this problem"
"""The heading for practitioner procedures whose verdict is refer: the client needs a doctor."""


def control_kwargs(description: str) -> dict[str, Any]:
    """Keyword arguments every labelled control shares: its visible label and the shared style."""
    return {"description": description, "style": dict(DESCRIPTION_STYLE), "layout": CONTROL_LAYOUT}
