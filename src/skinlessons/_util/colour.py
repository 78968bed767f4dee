"""Colour arithmetic on sRGB hex colours: mixing, text contrast and perceived difference.

Pure functions on ``#RRGGBB`` text, so the data checks and the figures share one definition.
Contrast is the WCAG 2 contrast ratio (relative luminance); perceived difference is CIE76 ΔE in
CIELAB (D65 white), which also sees a change of hue at equal lightness (redness on brown skin).
"""

from __future__ import annotations

import re
from typing import Final

HEX_COLOUR: Final = re.compile(r"^#[0-9A-Fa-f]{6}$")
"""An sRGB colour written ``#RRGGBB``."""
RGB = tuple[float, float, float]
_WHITE_XYZ: Final = (0.95047, 1.0, 1.08883)
"""The D65 white point."""


def rgb(colour: str) -> RGB:
    """``#RRGGBB`` as three channels from 0 to 1.

    Raises:
        ValueError: ``colour`` is not written ``#RRGGBB``.
    """
    if not HEX_COLOUR.match(colour):
        raise ValueError(f"colour {colour!r} is not written #RRGGBB")
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def to_hex(channels: RGB) -> str:
    """Three channels from 0 to 1 as ``#RRGGBB``."""
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in channels)


def mix(base: str, towards: str, share: float) -> str:
    """``base`` moved ``share`` (0 = none, 1 = all the way) towards ``towards``."""
    start, end = rgb(base), rgb(towards)
    return to_hex(tuple(a + share * (b - a) for a, b in zip(start, end, strict=True)))  # type: ignore[arg-type]


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""
    red, green, blue = (_linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21 (text needs at least 4.5)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _lab(colour: str) -> RGB:
    red, green, blue = (_linear(c) for c in rgb(colour))
    xyz = (
        0.4124 * red + 0.3576 * green + 0.1805 * blue,
        0.2126 * red + 0.7152 * green + 0.0722 * blue,
        0.0193 * red + 0.1192 * green + 0.9505 * blue,
    )
    f = [
        t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
        for t in (v / w for v, w in zip(xyz, _WHITE_XYZ, strict=True))
    ]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def difference(first: str, second: str) -> float:
    """Perceived colour difference (CIE76 ΔE): about 2 is just noticeable, 10+ is plain."""
    return float(sum((a - b) ** 2 for a, b in zip(_lab(first), _lab(second), strict=True)) ** 0.5)
