"""Read YAML content files with their line numbers, and validate them into pydantic models.

Every problem comes back as a :class:`~skinlessons.errors.ContentError` that names the file,
the 1-based line and the field, with a hint how to fix it. A file that is not YAML at all, or
not UTF-8, or that repeats a key, is reported the same way: nothing here raises a raw traceback
for bad content.

Validators of our own models attach a fix hint by raising :func:`rule`, e.g.::

    raise rule("single choice needs exactly one correct option, found 2",
               "mark one option 'correct: true'")
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from ..errors import ContentError
from ..names import CONTENT_MAX_BYTES as MAX_BYTES
from . import yamlfast
from .yamllines import YamlDocument as YamlDocument  # what read_yaml gives
from .yamllines import careful_load

ModelT = TypeVar("ModelT", bound=BaseModel)

MAX_FLOW_DEPTH: Final = 100
"""Brackets nested deeper than this are refused before parsing (the YAML parser slows down
sharply on thousands of them; real content nests three or four)."""
MAX_VALUES: Final = 1_000_000
"""Values a file may stand for once aliases (``*name``) are expanded; a 1 MB file without
aliases holds far fewer, so only an alias bomb reaches this."""
_BRACKET = re.compile(r"[\[\]{}]")

RULE_ERROR_TYPE = "skinlessons_rule"

# Hints for pydantic's own error types; our validators carry their own via `rule`.
_HINTS: dict[str, str] = {
    "missing": "add this field.",
    "extra_forbidden": "remove this field, or check its spelling against the other entries.",
    "literal_error": "use one of the values listed.",
    "enum": "use one of the values listed.",
    "union_tag_invalid": "use one of the types listed.",
    "union_tag_not_found": "add a 'type' field.",
    "string_type": "write a text value (quote it if it looks like a number or yes/no).",
    "float_parsing": "write a plain number with a decimal point, e.g. 3.5.",
    "float_type": "write a plain number with a decimal point, e.g. 3.5.",
    "int_parsing": "write a whole number.",
    "int_type": "write a whole number.",
    "bool_parsing": "write true or false.",
    "bool_type": "write true or false.",
    "list_type": "write a list (one '- item' per line, or [a, b]).",
    "dict_type": "write a mapping of 'key: value' lines.",
    "model_type": "write a mapping of 'key: value' lines.",
    "greater_than_equal": "use a larger value.",
    "greater_than": "use a larger value.",
    "less_than_equal": "use a smaller value.",
    "less_than": "use a smaller value.",
    "too_short": "add the missing entries.",
    "string_too_short": "write some text here.",
    "string_pattern_mismatch": "use lowercase letters, digits and hyphens, as the other ids do.",
}


def rule(message: str, hint: str) -> PydanticCustomError:
    """An error for a model validator to raise: the rule broken and how to fix it."""
    return PydanticCustomError(RULE_ERROR_TYPE, "{message}", {"message": message, "hint": hint})


def read_yaml(path: Path, *, error_cls: type[ContentError] = ContentError) -> YamlDocument:
    """Parse one YAML file (YAML 1.2: ``no`` stays text, duplicate keys are errors).

    A clean file is read by the quick reader (:mod:`~skinlessons._util.yamlfast`), whose data
    equals the careful reader's; its lines are worked out only when one is asked for. Anything
    the quick reader is unsure of is read by the careful reader, which names the problem.

    Raises:
        ContentError (of ``error_cls``): the file cannot be read or is not valid YAML;
            the error carries the line of the problem.
    """
    text = _read_text(path, error_cls)
    try:
        # No anchors get past the quick reader, so no alias can make the file stand for
        # more values than it holds (MAX_VALUES is only reached through aliases).
        return YamlDocument(path=path, data=yamlfast.load(text), text=text)
    except yamlfast.Unsure:
        return YamlDocument(path=path, data=_read_carefully(text, path, error_cls))


def _read_text(path: Path, error_cls: type[ContentError]) -> str:
    """The file's text, within the size and bracket-depth limits."""
    try:
        raw = _read_limited(path)
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error_cls(
            f"file is not UTF-8 text (byte {exc.start})",
            path=path,
            line=raw.count(b"\n", 0, exc.start) + 1,
            hint="save it as UTF-8, or remove the binary content.",
        ) from None
    except _TooLarge as exc:
        raise error_cls(
            f"the file is {exc.size:,} bytes, more than the {MAX_BYTES // 1024:,} kB a content "
            "file may be",
            path=path,
            hint="a quiz or data file is a few tens of kB: check that this is the right file.",
        ) from None
    except OSError as exc:
        raise error_cls(
            f"cannot read the file: {exc.strerror or exc}", path=path, hint="check the path."
        ) from None
    deep_at = _too_deep_at(text)
    if deep_at is not None:
        raise error_cls(
            f"the file nests too deeply to read (brackets [ or {{ more than {MAX_FLOW_DEPTH} "
            "levels deep)",
            path=path,
            line=text.count("\n", 0, deep_at) + 1,
            hint="check its brackets.",
        )
    return text


def _read_carefully(text: str, path: Path, error_cls: type[ContentError]) -> Any:
    """The careful parse, every problem as a located ``error_cls``."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        data = careful_load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        hint = (
            "each key may appear once per mapping: remove or rename the repeated one."
            if "duplicate key" in what
            else "check the indentation and quoting on this line; "
            "quote text that contains ': ' or starts with a special character."
        )
        raise error_cls(f"not valid YAML: {what}", path=path, line=line, hint=hint) from None
    except ReaderError as exc:  # a character YAML does not allow (NUL bytes, say)
        raise error_cls(
            f"the file holds the control character U+{exc.character:04X}, which YAML does "
            "not allow",
            path=path,
            line=text.count("\n", 0, exc.position) + 1,
            hint="remove it; a file of zero bytes was cut off by a crash: restore it.",
        ) from None
    except (YAMLError, ValueError) as exc:
        raise error_cls(
            f"not valid YAML: {exc}", path=path, hint="check the file's syntax."
        ) from None
    except RecursionError:
        raise _too_deep(path, error_cls) from None
    if _expanded_size(data, {}) > MAX_VALUES:
        raise error_cls(
            f"aliases (*name) make the file stand for more than {MAX_VALUES:,} values",
            path=path,
            hint="write the values out, or use fewer aliases of aliases.",
        )
    return data


def _expanded_size(node: Any, sizes: dict[int, int]) -> int:
    """How many values ``node`` stands for with every alias expanded (each shared node is
    counted once per use, but measured once)."""
    if not isinstance(node, dict | list):
        return 1
    known = sizes.get(id(node))
    if known is None:
        children = node.values() if isinstance(node, dict) else node
        known = sizes[id(node)] = 1 + sum(_expanded_size(child, sizes) for child in children)
    return known


def _too_deep_at(text: str) -> int | None:
    """Where brackets first nest deeper than :data:`MAX_FLOW_DEPTH`, or None.

    Brackets in quoted text count too; only text with a hundred unclosed ones is refused.
    """
    depth = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_FLOW_DEPTH:
            return match.start()
    return None


def _read_limited(path: Path) -> bytes:
    """The file's bytes, or :class:`_TooLarge` past :data:`MAX_BYTES` (the rest unread)."""
    with path.open("rb") as stream:
        raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise _TooLarge(path.stat().st_size)
    return raw


class _TooLarge(OSError):
    """A content file over :data:`MAX_BYTES`."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size:,} bytes")
        self.size = size


def _too_deep(path: Path, error_cls: type[ContentError]) -> ContentError:
    return error_cls("the file nests too deeply to read", path=path, hint="check its brackets.")


def problems_from_validation(
    exc: ValidationError,
    doc: YamlDocument,
    *,
    error_cls: type[ContentError] = ContentError,
    loc_prefix: Sequence[int | str] = (),
) -> list[ContentError]:
    """Turn every error of a pydantic validation into a located :class:`ContentError`."""
    problems = []
    for err in exc.errors():
        loc = (*loc_prefix, *err["loc"])
        ctx = err.get("ctx") or {}
        if err["type"] == RULE_ERROR_TYPE:
            message, hint = str(ctx.get("message", err["msg"])), str(ctx.get("hint", ""))
        else:
            message = err["msg"]
            if err["type"] in {"missing"}:
                message = "required field is missing"
            hint = _HINTS.get(err["type"], "")
            if err["type"] not in {"missing", "extra_forbidden"} and "input" in err:
                message += f" (got {err['input']!r})"
        problems.append(
            error_cls(
                message,
                path=doc.path,
                line=doc.line_of(loc),
                field=".".join(str(part) for part in loc) or None,
                hint=hint or None,
            )
        )
    return problems


def validate_document(
    model: type[ModelT],
    doc: YamlDocument,
    *,
    error_cls: type[ContentError] = ContentError,
    context: dict[str, Any] | None = None,
) -> tuple[ModelT | None, list[ContentError]]:
    """Validate a parsed document into ``model``; return ``(model or None, problems)``."""
    if doc.data is None:
        return None, [error_cls("file is empty", path=doc.path, line=1, hint="add the content.")]
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        return None, problems_from_validation(exc, doc, error_cls=error_cls)
    except RecursionError:
        return None, [_too_deep(doc.path, error_cls)]


def load_model(
    model: type[ModelT],
    path: Path,
    *,
    error_cls: type[ContentError] = ContentError,
    context: dict[str, Any] | None = None,
) -> tuple[ModelT | None, list[ContentError], YamlDocument | None]:
    """Read and validate one file; never raises for bad content.

    Returns ``(model or None, problems, document or None)``.
    """
    try:
        doc = read_yaml(path, error_cls=error_cls)
    except ContentError as exc:
        return None, [exc], None
    result, problems = validate_document(model, doc, error_cls=error_cls, context=context)
    return result, problems, doc
