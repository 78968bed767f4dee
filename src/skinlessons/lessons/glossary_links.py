"""The lesson rule of glossary links: the first use of each glossary term links to its entry.

Prose is every markdown cell a trainee sees (instructor notes and worked solutions aside),
read along the core path first (see :func:`prose_cells`).
Each returns the problems it finds (``[]`` when sound); cells are numbered from 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from nbformat import NotebookNode

from ..handouts.optional import core_indices
from ..lesson_html.glossary import GLOSSARY_LINK, GLOSSARY_NOTEBOOK, entry_link, first_uses
from ..names import INSTRUCTOR_ONLY_TAGS
from .notebook import Problem, tags_of

if TYPE_CHECKING:
    from ..facts.glossary import GlossaryTerm


def prose_cells(nb: NotebookNode) -> list[tuple[int, str]]:
    """``(index, text)`` of each markdown cell a trainee sees: the core path's, then the rest.

    A trainee on the core path skips the optional "Deeper" sections, so a term's first use is
    its first use on the core path; a term only those sections use is first used there.
    """
    core = set(core_indices(nb.cells))
    seen = [
        (index, cell.source)
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown" and not INSTRUCTOR_ONLY_TAGS & set(tags_of(cell))
    ]
    return [item for item in seen if item[0] in core] + [
        item for item in seen if item[0] not in core
    ]


def glossary_link_problems(nb: NotebookNode, terms: Iterable[GlossaryTerm]) -> list[Problem]:
    """The first use of each term is a link to its entry; every glossary link names a term."""
    terms = list(terms)
    known = {term.id for term in terms}
    cells = prose_cells(nb)
    problems = []
    for use in first_uses(cells, terms):
        if not use.linked:
            text = dict(cells)[use.cell][use.start : use.end]
            problems.append(
                Problem(
                    f"the first use of the glossary term {text!r} does not link to its entry",
                    f"write it as [{text}]({entry_link(use.term_id)}).",
                    use.cell,
                )
            )
    for index, text in cells:
        for match in GLOSSARY_LINK.finditer(text):
            if match.group(1) not in known:
                problems.append(
                    Problem(
                        f"a link to {GLOSSARY_NOTEBOOK}#term-{match.group(1)}, which is no "
                        "entry of the glossary",
                        "link to an entry the glossary data has (term-<id> of glossary.yaml), "
                        "or add the term there.",
                        index,
                    )
                )
    return problems
