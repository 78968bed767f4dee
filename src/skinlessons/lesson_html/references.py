"""The reference list of a lesson: every source it cites as ``[R17]``, and its claims' sources."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..names import REFERENCE_MARKER
from .tables import esc
from .words import KIND_WORDS

if TYPE_CHECKING:
    from ..facts import Reference


def reference_ids_in(notebook: Path) -> list[str]:
    """Every reference id cited as ``[Rnn]`` in the notebook's markdown cells, in id order.

    The notebook is read as plain JSON: importing and validating with nbformat would cost
    seconds in a fresh kernel, and only the markdown sources are needed.
    """
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    sources = (cell.get("source", "") for cell in cells if cell.get("cell_type") == "markdown")
    text = "\n".join(s if isinstance(s, str) else "".join(s) for s in sources)
    return sorted(set(REFERENCE_MARKER.findall(text)), key=lambda ref: int(ref[1:]))


def references_html(reference_ids: Iterable[str], references: Mapping[str, Reference]) -> str:
    """The reference list: id, short citation, title, venue, link and the kind of source."""
    items = []
    for ref_id in reference_ids:
        reference = references.get(ref_id)
        if reference is None:
            items.append(f"<li><strong>[{esc(ref_id)}]</strong> not in the references data</li>")
            continue
        if reference.authors:
            parts = [esc(reference.cite().rstrip(".")), f"<cite>{esc(reference.title)}</cite>"]
        else:  # cite() would shorten the title; show it whole
            year = f" {reference.year}" if reference.year else ""
            parts = [f"<cite>{esc(reference.title)}</cite>{year}"]
        if reference.venue:
            parts.append(esc(reference.venue))
        kind = KIND_WORDS.get(reference.kind, reference.kind)
        status = "" if reference.verified else "; unverified"
        link = reference.url or f"https://doi.org/{reference.doi}"
        items.append(
            f'<li id="ref-{esc(ref_id)}"><strong>[{esc(ref_id)}]</strong> '
            f"{'. '.join(parts)}. "
            f'<a href="{esc(link)}" aria-label="Open the source of {esc(ref_id)}">Source</a> '
            f"<small>({esc(kind)}{status})</small></li>"
        )
    body = "".join(items)
    return (
        f'<section class="skinlessons-references" aria-label="References"><ul>{body}</ul></section>'
    )
