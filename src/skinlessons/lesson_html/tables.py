"""Small accessible tables for lessons: a caption, header cells, and cells that read well.

Floats print without trailing zeros, booleans as yes/no, ranges as :func:`range_text`, None and
empty strings as a dash; text keeps light Markdown emphasis.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from ..facts import Range

EMPTY_CELL: Final = "–"


def esc(value: object) -> str:
    """``value`` as text, escaped for HTML (quotes too)."""
    return html.escape(str(value), quote=True)


def inline(text: str) -> str:
    """Escape ``text`` and keep its light Markdown emphasis (``**bold**``, ``*italic*``)."""
    escaped = esc(text)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
    return re.sub(r"(?<!\*)\*(?!\s)(.+?)(?<!\s)\*", r"<em>\1</em>", escaped)


def markers(reference_ids: Iterable[str]) -> str:
    """Reference ids as the markers a lesson cites them by: ``[R3] [R17]``."""
    return " ".join(f"[{ref}]" for ref in reference_ids)


def range_text(value: Range) -> str:
    """A range for a table cell: ``10–20``, ``600+`` or ``3.83``, plus "(approximate)" when the
    data marks it uncertain (unverified, disputed or converted from an anatomical level)."""
    text = value.text().replace("-", "–", 1)  # an en dash between the two ends
    return f"{text} (approximate)" if value.uncertain else text


def _cell(value: object) -> str:
    from ..facts import Range

    if value is None or value == "":
        return EMPTY_CELL
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return esc(f"{value:g}")
    if isinstance(value, Range):
        return esc(range_text(value))
    return inline(str(value))


_TABLE_STYLE = (
    "<style>.skinlessons-table th, .skinlessons-table td "
    "{text-align: left; vertical-align: top;}</style>"
)
"""JupyterLab's and the handouts' lab stylesheet right-align every cell; text reads left."""


def table_html(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An HTML table with a caption, column headers and the first cell of each row as its header.

    Floats print without trailing zeros, booleans as yes/no, ranges as :func:`range_text`, None
    and empty strings as a dash; text keeps light Markdown emphasis.
    """
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
    body = []
    for row in rows:
        first, *rest = row
        cells = "".join(f"<td>{_cell(value)}</td>" for value in rest)
        body.append(f'<tr><th scope="row">{_cell(first)}</th>{cells}</tr>')
    return (
        f"{_TABLE_STYLE}"
        f'<table class="skinlessons-table"><caption>{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
