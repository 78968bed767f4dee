"""The glossary page and the links to it (presentation): made from the glossary data.

The course's glossary notebook (``notebooks/glossary.ipynb``) calls :func:`show_glossary`,
which lists every term of the package's glossary data with its plain definition, the other
names a lesson may use and its sources. Each entry has the anchor ``term-<id>``, so a lesson
links the first use of a term as ``[PIH](glossary.ipynb#term-pih)``; the handout build turns
that link into one to ``glossary.html``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..names import GLOSSARY_STEM
from .tables import esc

if TYPE_CHECKING:
    from ..facts.glossary import GlossaryTerm
    from ..facts.models import Reference

ANCHOR_PREFIX: Final = "term-"
GLOSSARY_NOTEBOOK: Final = f"{GLOSSARY_STEM}.ipynb"
GLOSSARY_LINK: Final = re.compile(
    rf"\]\({re.escape(GLOSSARY_STEM)}\.(?:ipynb|html)#{ANCHOR_PREFIX}([a-z0-9-]+)\)"
)
"""A Markdown link to a glossary entry, ``](glossary.ipynb#term-pih)``; group 1 is the id."""


LINK: Final = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
"""A Markdown link: group 1 its text, group 2 its target."""
UNLINKABLE: Final = re.compile(r"^\s*#.*$|`[^`]*`|<[^>]*>|\[R[0-9]+\]|https?://\S+", re.MULTILINE)
"""Text a term is never linked in: headings, code, HTML tags, reference markers, addresses."""


@dataclass(frozen=True)
class Use:
    """Where a glossary term is first used in a lesson's prose, and whether it is linked."""

    term_id: str
    cell: int
    start: int
    end: int
    linked: bool
    """The use is the text of a link to the term's own glossary entry."""


def _pattern(name: str) -> re.Pattern[str]:
    """A name as a whole word; spaces match any run of white space (a line may break there).

    Abbreviations and names with capitals inside (``PIH``, ``pKa``) match in their own case
    only, so ``SC`` never matches ``sc``; other names match in any case.
    """
    words = r"\s+".join(re.escape(word) for word in name.split())
    flags = 0 if name.isupper() or any(c.isupper() for c in name[1:]) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", flags)


def _spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Spans no term is looked for in, and the text spans of glossary links with their id."""
    blocked = [match.span() for match in UNLINKABLE.finditer(text)]
    links = []
    for match in LINK.finditer(text):
        blocked.append((match.start(2) - 1, match.end()))  # the link's target
        entry = GLOSSARY_LINK.fullmatch(f"]({match.group(2)})")
        if entry is None:
            blocked.append(match.span(1))  # another link's text: links do not nest
        else:
            links.append((match.start(1), match.end(1), entry.group(1)))
    return blocked, links


def _matches(text: str, terms: Sequence[GlossaryTerm]) -> list[Use]:
    """Every use of a term in ``text``, leftmost-longest: ``TCA CROSS`` is one use, of CROSS."""
    blocked, links = _spans(text)
    found = sorted(
        (match.start(), -match.end(), term.id)
        for term in terms
        for pattern in map(_pattern, term.names)
        for match in pattern.finditer(text)
        if not any(low <= match.start() < high for low, high in blocked)
    )
    uses: list[Use] = []
    for start, negative_end, term_id in found:
        end = -negative_end
        if uses and start < uses[-1].end:
            continue  # inside a longer use just taken
        link = next(((low, high, i) for low, high, i in links if low <= start < high), None)
        if link is not None and link[2] != term_id:
            continue  # inside a link to another entry
        linked = link is not None and end <= link[1]
        uses.append(Use(term_id, -1, start, end, linked))
    return uses


def first_uses(cells: Sequence[tuple[int, str]], terms: Iterable[GlossaryTerm]) -> list[Use]:
    """The first use of each term in these prose cells (``(index, text)``), in cell order.

    Terms a lesson never uses are left out.
    """
    terms = list(terms)
    first: dict[str, Use] = {}
    for index, text in cells:
        for use in _matches(text, terms):
            if use.term_id not in first:
                first[use.term_id] = Use(use.term_id, index, use.start, use.end, use.linked)
    return sorted(first.values(), key=lambda use: (use.cell, use.start))


def anchor(term_id: str) -> str:
    """The anchor of a term's entry on the glossary page."""
    return f"{ANCHOR_PREFIX}{term_id}"


def entry_link(term_id: str) -> str:
    """The link a lesson gives for a term: the glossary notebook, at the term's entry."""
    return f"{GLOSSARY_NOTEBOOK}#{anchor(term_id)}"


def glossary_html(terms: Iterable[GlossaryTerm], references: Mapping[str, Reference]) -> str:
    """Every term, in alphabetical order, as a definition list with one anchor per entry."""
    items = []
    for term in sorted(terms, key=lambda entry: entry.term.casefold()):
        also = f' <span class="glossary-also">(also {esc(", ".join(term.also))})</span>'
        sources = "; ".join(
            f"[{ref}] {references[ref].cite()}" if ref in references else f"[{ref}]"
            for ref in term.references
        )
        items.append(
            f'<dt id="{esc(anchor(term.id))}"><strong>{esc(term.term)}</strong>'
            f"{also if term.also else ''}</dt>\n"
            f"<dd><p>{esc(term.definition)}</p>"
            f'<p class="glossary-sources">Sources: {esc(sources)}</p></dd>'
        )
    return '<dl class="skinlessons-glossary">\n' + "\n".join(items) + "\n</dl>"


def show_glossary() -> None:
    """Display the glossary of the package's data (the glossary notebook calls this)."""
    from IPython.display import HTML, display

    from ..facts import load_facts

    facts = load_facts()
    display(HTML(glossary_html(facts.glossary.values(), facts.references)))
