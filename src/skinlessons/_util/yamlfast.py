"""The quick YAML reader: libyaml (PyYAML's C parser) with the YAML 1.2 core schema.

:func:`load` gives the plain data (``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``,
``None``, dates and datetimes) that the careful ruamel.yaml round-trip reader of
:mod:`~skinlessons._util.yamlsource` gives for the same text, value for value and type for
type, only about twenty times faster. It reads what the course writes and nothing more: for
anything else it raises :class:`Unsure` and the careful reader takes over, so that reader alone
decides what is an error and how it is worded. It is unsure of:

- text the C parser refuses (any YAML error), or PyYAML without its C parser;
- a key repeated in one mapping, and keys that are lists or mappings;
- anchors, aliases, merge keys (``<<``), tags (``!name``), ``%`` directives and a byte-order
  mark, whose round-trip meaning is ruamel's own;
- characters the careful reader refuses or reads differently (control characters, tabs, NEL,
  the Unicode line and paragraph separators, spaces at the end of a line);
- a scalar the careful reader would construct differently or fail on (``_`` alone, say).

Scalars resolve as ruamel.yaml resolves YAML 1.2: ``true``/``false`` (three spellings each) are
booleans and ``yes``/``no``/``on``/``off`` stay text; ``010`` is ten and ``0o10`` eight;
``0x1f``, ``0b101`` and ``1_000`` are integers; ``1e3``, ``.inf`` and ``.nan`` are floats; ``1:30``
is text; ``~``, ``null`` and an empty value are None; ``2026-01-01`` is a date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any, Final

try:
    from yaml import YAMLError
    from yaml.cyaml import CParser
    from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
    from yaml.resolver import BaseResolver
except ImportError:  # PyYAML missing, or built without libyaml
    CParser = None

__all__ = ["Unsure", "available", "load"]


class Unsure(Exception):
    """The quick reader cannot vouch for this text: read it with the careful one."""


_NOT_PLAIN_CHARACTER: Final = re.compile(
    "[^\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Any character but printable ones and line ends: control characters and tabs, NEL and the
Unicode line and paragraph separators (line breaks of YAML 1.1), a byte-order mark."""
_LINE_RULE: Final = re.compile(r"^%|[ ]$", re.MULTILINE)
"""A directive, or a line that ends in a space (ruamel reads some of those in block text its
own way)."""
_TAG_OR_ANCHOR: Final = re.compile(r"!|&\S")
_TOKEN_BEFORE: Final = frozenset(" \n\r[]{},")
"""What may stand before a tag or an anchor (in prose, ``!`` and ``&`` rarely follow these)."""


# The resolution rules of ruamel.yaml for YAML 1.2 (its resolver.py), in its order.
_BOOL, _FLOAT, _INT, _NULL, _TIME, _OTHER = "bool", "float", "int", "null", "time", "other"
_RULES: Final = (
    (_BOOL, "tTfF", r"true|True|TRUE|false|False|FALSE"),
    (
        _FLOAT,
        "-+0123456789.",
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
        r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN)",
    ),
    (_INT, "-+0123456789", r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"),
    (_OTHER, "<", r"<<"),  # a merge key
    (_NULL, "~nN", r"~|null|Null|NULL"),
    (
        _TIME,
        "0123456789",
        r"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
        r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
        r"(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?",
    ),
    (_OTHER, "=", r"="),  # ruamel's value key
)
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _firsts, _pattern in _RULES:
    for _first in _firsts:
        _BY_FIRST.setdefault(_first, []).append((_kind, re.compile(f"^(?:{_pattern})$")))

_TIMESTAMP: Final = re.compile(
    r"""^(?P<year>[0-9][0-9][0-9][0-9])-(?P<month>[0-9][0-9]?)-(?P<day>[0-9][0-9]?)
    (?:(?:(?P<t>[Tt])|[ \t]+)(?P<hour>[0-9][0-9]?):(?P<minute>[0-9][0-9]):(?P<second>[0-9][0-9])
    (?:\.(?P<fraction>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)(?::(?P<tz_minute>[0-9][0-9]))?))?
    )?$""",
    re.X,
)

_TAG_PREFIX: Final = "tag:skinlessons.fast:"
"""The quick reader's own tags: a node carrying any other tag was tagged in the text."""


def available() -> bool:
    """Whether PyYAML's C parser is installed."""
    return CParser is not None


def load(text: str) -> Any:
    """The plain data of one YAML document, as the careful reader would give it.

    Raises:
        Unsure: the careful reader must read this text (see the module's notes).
    """
    if CParser is None or _needs_care(text):
        raise Unsure
    try:
        node = _Parser(text).get_single_node()
        return None if node is None else _build(node, set())
    except (YAMLError, ValueError, TypeError, IndexError, RecursionError):
        raise Unsure from None


def _needs_care(text: str) -> bool:
    """Whether the text holds what only the careful reader reads (a few false alarms in prose
    are cheap)."""
    if _NOT_PLAIN_CHARACTER.search(text) or _LINE_RULE.search(text):
        return True
    return any(
        found.start() == 0 or text[found.start() - 1] in _TOKEN_BEFORE
        for found in _TAG_OR_ANCHOR.finditer(text)
    )


if CParser is not None:

    class _Parser(CParser, BaseResolver):  # type: ignore[misc]  # PyYAML has no types
        """libyaml's parser and composer, tagging each node with the quick reader's kinds."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            BaseResolver.__init__(self)

        def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
            if kind is not ScalarNode:
                return _TAG_PREFIX + ("seq" if kind is SequenceNode else "map")
            if implicit[0]:
                if value == "":
                    return _TAG_PREFIX + _NULL
                for rule_kind, regexp in _BY_FIRST.get(value[0], ()):
                    if regexp.match(value):
                        return _TAG_PREFIX + rule_kind
            return _TAG_PREFIX + "str"


def _build(node: Node, seen: set[int]) -> Any:
    if id(node) in seen:  # an alias (the text check lets none through): ruamel shares it
        raise Unsure
    kind = node.tag[len(_TAG_PREFIX) :] if node.tag.startswith(_TAG_PREFIX) else _OTHER
    if isinstance(node, ScalarNode):
        return _SCALARS[kind](node.value)
    seen.add(id(node))
    if isinstance(node, SequenceNode) and kind == "seq":
        return [_build(item, seen) for item in node.value]
    if isinstance(node, MappingNode) and kind == "map":
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise Unsure  # ruamel makes list and mapping keys into its own types
            key = _build(key_node, seen)
            if key in mapping:
                raise Unsure  # a repeated key: the careful reader says where
            mapping[key] = _build(value_node, seen)
        return mapping
    raise Unsure


def _refuse(_value: str) -> Any:
    raise Unsure


def _int(text: str) -> int:
    """As ruamel.yaml constructs a YAML 1.2 integer (``010`` is ten, underscores dropped)."""
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if digits.startswith(prefix):
            if digits[2:3] in ("", "_"):  # ruamel fails on these: let it say so
                raise Unsure
            return sign * int(digits[2:], base)
    return sign * int(digits)


_NAN: Final = float("nan")
"""The one NaN, as in ruamel.yaml: two ``.nan`` keys of a mapping are then the same key."""


def _float(text: str) -> float:
    """As ruamel.yaml constructs a YAML 1.2 float."""
    digits = text.replace("_", "").lower()
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return _NAN
    return sign * float(digits)


def _timestamp(text: str) -> datetime.date:
    """As ruamel.yaml constructs a timestamp: a date, or a datetime (aware when the text
    names a zone), the fraction rounded to microseconds."""
    match = _TIMESTAMP.match(text)
    if match is None:
        raise Unsure
    part = match.groupdict()
    year, month, day = int(part["year"]), int(part["month"]), int(part["day"])
    if part["hour"] is None:
        return datetime.date(year, month, day)
    fraction, carry = 0, datetime.timedelta()
    if part["fraction"]:
        micro = int(part["fraction"][:6].ljust(6, "0"))
        if len(part["fraction"]) > 6 and int(part["fraction"][6]) > 4:
            micro += 1
        fraction, carry = (0, datetime.timedelta(seconds=1)) if micro > 999_999 else (micro, carry)
    zone = None
    if part["tz_sign"]:
        offset = datetime.timedelta(hours=int(part["tz_hour"]), minutes=int(part["tz_minute"] or 0))
        zone = datetime.timezone(-offset if part["tz_sign"] == "-" else offset, name=part["tz"])
    elif part["tz"] == "Z":
        zone = datetime.timezone(datetime.timedelta(0), name="Z")
    hour, minute, second = int(part["hour"]), int(part["minute"]), int(part["second"])
    stamp = datetime.datetime(year, month, day, hour, minute, second, fraction, zone)
    return stamp + carry


def _null(_value: str) -> None:
    return None


_SCALARS: Final[dict[str, Callable[[str], Any]]] = {
    "str": str,
    _NULL: _null,
    _BOOL: lambda value: value.lower() == "true",
    _INT: _int,
    _FLOAT: _float,
    _TIME: _timestamp,
    _OTHER: _refuse,
    "seq": _refuse,
    "map": _refuse,
}
