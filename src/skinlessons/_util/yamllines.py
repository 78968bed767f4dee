"""The careful YAML parse (ruamel.yaml, round trip, YAML 1.2) and the document that knows lines.

A :class:`YamlDocument` read by the quick reader holds plain data and its text; the careful
parse, which records where each key and item stands, runs only when a line is first asked for
(that is, when there is a problem to locate). A document the careful reader produced knows its
lines from the start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def careful_load(text: str) -> Any:
    """The document as ruamel.yaml's round-trip loader reads it (duplicate keys are errors).

    Raises:
        ruamel.yaml's errors, ValueError or RecursionError for text it cannot read.
    """
    from ruamel.yaml import YAML

    return YAML(typ="rt").load(text)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file that still knows where each value came from.

    ``text`` is given when ``data`` came from the quick reader: the line index is then built
    from it on the first call of :meth:`line_of`.
    """

    path: Path
    data: Any
    text: str | None = field(default=None, repr=False, compare=False)
    _index: list[Any] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def lines_known(self) -> bool:
        """Whether the document holds its line index (read carefully, or asked for a line)."""
        return self.text is None or bool(self._index)

    def line_of(self, loc: Sequence[int | str]) -> int:
        """The 1-based line of the deepest part of ``loc`` that exists in the file.

        ``loc`` is a pydantic error location such as ``('questions', 2, 'numeric', 'tolerance')``;
        parts that are not keys or indexes in the YAML (a union's tag) are skipped.
        """
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        node = self._line_tree()
        line = 1
        for part in loc:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedMap | CommentedSeq) and isinstance(part, str):
                continue  # a discriminator tag or a missing key: stay on the parent
            else:
                break
        return line

    def line_of_item(self, key: str, index: int) -> int:
        """The 1-based line of item ``index`` of the top-level list ``key``."""
        return self.line_of((key, index))

    def _line_tree(self) -> Any:
        """The careful parse, which carries the lines (made once, on first use)."""
        if self.text is None:
            return self.data
        if not self._index:
            from ruamel.yaml.error import YAMLError

            try:
                tree = careful_load(self.text)
            except (YAMLError, ValueError, RecursionError):  # the quick reader took the text,
                tree = None  # so this cannot happen; every line would be line 1
            self._index.append(tree)
        return self._index[0]
