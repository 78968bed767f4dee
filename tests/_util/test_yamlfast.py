"""The quick YAML reader gives the careful reader's data, or leaves the text to it.

The careful reader is ruamel.yaml's round-trip loader (YAML 1.2, duplicate keys are errors);
the quick one is libyaml through PyYAML, which on its own would read YAML 1.1. Each test reads
the same text with both.
"""

from __future__ import annotations

import datetime
import math
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap

from skinlessons._util import yamlfast
from skinlessons._util.yamllines import YamlDocument, careful_load
from skinlessons._util.yamlsource import read_yaml
from skinlessons.errors import ContentError

REPO = Path(__file__).resolve().parents[2]
COURSE_FILES = sorted(
    [*(REPO / "quizzes").glob("*.yaml"), *(REPO / "src" / "skinlessons" / "data").glob("*.yaml")]
)

_PLAIN_TYPES = (bool, int, float, str, type(None), datetime.datetime, datetime.date, dict, list)


def plain_type(value: object) -> type:
    """The plain type a value stands for (ruamel's ScalarFloat is a float, CommentedMap a dict,
    TimeStamp a datetime; bool before int, datetime before date)."""
    return next(kind for kind in _PLAIN_TYPES if isinstance(value, kind))


def assert_same(fast: Any, careful: Any, where: str = "") -> None:
    """Equal values of equal plain types all the way down, keys and their order included."""
    assert plain_type(fast) is plain_type(careful), (where, fast, careful)
    if isinstance(careful, dict):
        assert [_key(key) for key in fast] == [_key(key) for key in careful], where
        for (key, value), careful_key in zip(fast.items(), careful, strict=True):
            assert plain_type(key) is plain_type(careful_key), (where, key)
            assert_same(value, careful[careful_key], f"{where}.{key}")
    elif isinstance(careful, list):
        assert len(fast) == len(careful), where
        for index, (item, careful_item) in enumerate(zip(fast, careful, strict=True)):
            assert_same(item, careful_item, f"{where}[{index}]")
    elif isinstance(careful, float) and math.isnan(careful):
        assert math.isnan(fast), where
    elif isinstance(careful, datetime.datetime):
        assert (fast, fast.utcoffset(), fast.tzname()) == (
            careful,
            careful.utcoffset(),
            careful.tzname(),
        ), where
    else:
        assert fast == careful, where


def _key(key: object) -> object:
    """A key that compares equal to itself (NaN does not)."""
    return "<nan>" if isinstance(key, float) and math.isnan(key) else key


def test_the_quick_reader_is_installed() -> None:
    """PyYAML with libyaml is a dependency: without it every test here would compare the
    careful reader with itself."""
    assert yamlfast.available()


@pytest.mark.parametrize("path", COURSE_FILES, ids=lambda path: path.name)
def test_every_course_file_reads_quickly_to_the_careful_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_same(yamlfast.load(text), careful_load(text), path.name)


def test_the_course_files_are_all_there() -> None:
    names = {path.name for path in COURSE_FILES}
    assert {"objectives.yaml", "cases.yaml", "references.yaml", "agents.yaml"} <= names
    assert len(COURSE_FILES) >= 25


NAN = float("nan")
UTC_Z = datetime.timezone(datetime.timedelta(0), "Z")
TRAPS: list[tuple[str, object]] = [
    # YAML 1.1 booleans are text in 1.2
    ("no", "no"),
    ("yes", "yes"),
    ("on", "on"),
    ("off", "off"),
    ("Off", "Off"),
    ("y", "y"),
    ("NO", "NO"),
    ("true", True),
    ("True", True),
    ("FALSE", False),
    ("tRUE", "tRUE"),
    # integers: no octal 0, no sexagesimal; ruamel keeps 0o, 0x, 0b and underscores
    ("010", 10),
    ("00", 0),
    ("-0", 0),
    ("+12", 12),
    ("0o10", 8),
    ("0x1f", 31),
    ("-0x1F", -31),
    ("0b101", 5),
    ("1_000", 1000),
    ("1:30", "1:30"),
    ("190:20:30", "190:20:30"),
    ("0o8", "0o8"),
    ("_", "_"),
    # floats as YAML 1.2 defines them (1e3 needs no dot)
    ("1e3", 1000.0),
    ("1E3", 1000.0),
    ("1.0e+3", 1000.0),
    ("1.", 1.0),
    (".5", 0.5),
    ("+.5e+3", 500.0),
    ("0.1_2", 0.12),
    ("1e400", math.inf),
    (".inf", math.inf),
    ("-.Inf", -math.inf),
    ("+.INF", math.inf),
    (".nan", NAN),
    (".NaN", NAN),
    ("-.nan", "-.nan"),
    ("1.5.2", "1.5.2"),
    # null
    ("~", None),
    ("null", None),
    ("Null", None),
    ("NULL", None),
    ("", None),
    ("nULL", "nULL"),
    # timestamps: dates, naive datetimes, aware datetimes with the zone as written
    ("2026-01-01", datetime.date(2026, 1, 1)),
    ("2026-01-01 10:00:00", datetime.datetime(2026, 1, 1, 10)),
    ("2026-01-01T10:00:00", datetime.datetime(2026, 1, 1, 10)),
    ("2026-1-1 10:00:00.1234567Z", datetime.datetime(2026, 1, 1, 10, 0, 0, 123457, UTC_Z)),
    ("2026-01-01 23:59:59.9999999", datetime.datetime(2026, 1, 2, 0, 0, 0)),
    (
        "2026-01-01t10:00:00.5 -05:30",
        datetime.datetime(
            2026,
            1,
            1,
            10,
            0,
            0,
            500000,
            datetime.timezone(-datetime.timedelta(hours=5, minutes=30), "-05:30"),
        ),
    ),
    (
        "2026-01-01 10:00:00 +1",
        datetime.datetime(
            2026, 1, 1, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=1), "+1")
        ),
    ),
    ("2026-1-1", "2026-1-1"),
    ("2026-01-01 10:00", "2026-01-01 10:00"),
    # quoted: always text
    ("'no'", "no"),
    ('"yes"', "yes"),
    ("'010'", "010"),
    ('"1e3"', "1e3"),
    ("'~'", "~"),
    ("''", ""),
    ('"2026-01-01"', "2026-01-01"),
    ('"null"', "null"),
    ("'true'", "true"),
    # block text
    ("|\n  two\n  lines\n", "two\nlines\n"),
    (">-\n  folded\n  text\n\n  kept\n", "folded text\nkept"),
]


@pytest.mark.parametrize(("written", "expected"), TRAPS, ids=[repr(t[0]) for t in TRAPS])
def test_yaml_1_1_traps_read_as_yaml_1_2_by_both_readers(written: str, expected: object) -> None:
    text = f"value: {written}".rstrip() + "\n"
    fast, careful = yamlfast.load(text), careful_load(text)
    assert_same(fast, careful, written)
    assert_same(fast["value"], expected, written)


@pytest.mark.parametrize(("written", "expected"), TRAPS[:-2], ids=[repr(t[0]) for t in TRAPS[:-2]])
def test_traps_as_keys_and_list_items(written: str, expected: object) -> None:
    lines = [f"{written or '?'}: key", f"list: [{written}]", "block:", f"  - {written}"]
    text = "".join(line.rstrip() + "\n" for line in lines)
    fast, careful = yamlfast.load(text), careful_load(text)
    assert_same(fast, careful, written)
    assert_same(fast["block"][0], expected, written)


def write(tmp_path: Path, text: str, name: str = "file.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("id: a\ntitle: one\nid: b\n", 3),
        ("outer:\n  inner: 1\n  other: 2\n  inner: 3\n", 4),
        ("items:\n  - {a: 1, a: 2}\n", 2),
        ("1: one\n1.0: same key\n", 2),
        ("true: yes\n1: also the key true\n", 2),
        (".nan: one\n.NaN: the same NaN\n", 2),
    ],
)
def test_a_repeated_key_is_still_an_error_with_its_line(
    tmp_path: Path, text: str, line: int
) -> None:
    with pytest.raises(yamlfast.Unsure):
        yamlfast.load(text)
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        read_yaml(path)
    assert caught.value.line == line
    assert caught.value.format().startswith(f"{path}:{line}: not valid YAML:")
    assert "duplicate key" in caught.value.format()
    assert "each key may appear once per mapping" in caught.value.format()


def test_a_clean_file_is_read_without_the_careful_parse(tmp_path: Path) -> None:
    path = write(tmp_path, "id: quiz\nquestions:\n  - id: q1\n    stem: first\n  - id: q2\n")
    doc = read_yaml(path)
    assert not doc.lines_known
    assert type(doc.data) is dict and not isinstance(doc.data, CommentedMap)
    assert doc.line_of(("questions", 1, "id")) == 5
    assert doc.lines_known
    assert doc.line_of_item("questions", 0) == 3


def test_reading_clean_course_files_does_not_load_ruamel() -> None:
    """In a fresh process, reading every course file leaves ruamel.yaml unimported."""
    script = (
        "import sys; from pathlib import Path\n"
        "from skinlessons._util.yamlsource import read_yaml\n"
        f"docs = [read_yaml(Path(p)) for p in {[str(p) for p in COURSE_FILES]!r}]\n"
        "print(sum(doc.lines_known for doc in docs), 'ruamel.yaml' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["0", "False"]


@pytest.mark.parametrize("path", COURSE_FILES, ids=lambda path: path.name)
def test_lines_from_the_lazy_parse_match_the_careful_document(path: Path) -> None:
    doc = read_yaml(path)
    careful = YamlDocument(path=path, data=careful_load(path.read_text(encoding="utf-8")))
    assert not doc.lines_known
    locs: list[tuple[int | str, ...]] = []
    for key, value in careful.data.items():
        locs.append((key,))
        if isinstance(value, list):
            for index, item in enumerate(value):
                locs.append((key, index))
                if isinstance(item, dict):
                    locs.extend((key, index, field) for field in item)
    locs.append(("no-such-key", 3))
    assert [doc.line_of(loc) for loc in locs] == [careful.line_of(loc) for loc in locs]


LEFT_TO_THE_CAREFUL_READER = [
    "a: &x 1\nb: *x\n",  # anchors and aliases
    "base: &b {x: 1}\nmore:\n  <<: *b\n  y: 2\n",  # a merge key
    "a: !!str 010\n",  # an explicit tag (ruamel keeps it)
    "a: ! 010\n",  # the non-specific tag (ruamel reads ten)
    "a: !custom text\n",
    "%YAML 1.1\n---\na: yes\n",  # a directive (1.1 makes this true)
    "\ufeffa: 1\n",  # a byte-order mark
    "a: b\x85c\n",  # NEL, a line break in YAML 1.1
    "? [a, b]\n: list key\n",
    "? {a: b}\n: mapping key\n",
    "a: =\n",
]
REFUSED_BY_BOTH = [
    "a:\tb\n",  # a tab after the colon, which libyaml allows and ruamel does not
    "s: >-\n  \n      x\n",  # a space-only line in block text, the same
    "a: [1, 2\n",
    "--- 1\n--- 2\n",
]


@pytest.mark.parametrize("text", LEFT_TO_THE_CAREFUL_READER, ids=repr)
def test_what_the_quick_reader_leaves_alone_reads_as_before(tmp_path: Path, text: str) -> None:
    with pytest.raises(yamlfast.Unsure):
        yamlfast.load(text)
    doc = read_yaml(write(tmp_path, text))
    assert doc.lines_known
    assert type(doc.data) is CommentedMap
    assert repr(doc.data) == repr(careful_load(text))


@pytest.mark.parametrize("text", REFUSED_BY_BOTH, ids=repr)
def test_what_the_careful_reader_refuses_stays_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(yamlfast.Unsure):
        yamlfast.load(text)
    with pytest.raises(ContentError, match="not valid YAML"):
        read_yaml(write(tmp_path, text))


def test_scalars_ruamel_fails_on_are_left_to_it() -> None:
    for text in ("a: 0x_\n", "a: 0b_\n", "a: +_\n"):
        with pytest.raises(yamlfast.Unsure):
            yamlfast.load(text)


def test_the_quick_reader_never_accepts_what_the_careful_one_refuses() -> None:
    """Course files with a few random edits: when the quick reader takes one, the careful
    reader takes it too, with the same data (a fixed seed, so every run tries the same)."""
    rng = random.Random(13)
    pieces = [*":-[]{},#'\"|>?*&!%@`\\=~.0e_", " ", "  ", "\n", "\n  ", ": ", "- ", "---", "\t"]
    texts = [path.read_text(encoding="utf-8") for path in COURSE_FILES]
    taken = 0
    for _ in range(150):
        text = rng.choice(texts)
        start = rng.randrange(max(len(text) - 1500, 1))
        chars = list(text[text.find("\n", start) + 1 :][:1500])
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(chars) + 1)
            if rng.random() < 0.5:
                chars.insert(at, rng.choice(pieces))
            elif chars:
                del chars[min(at, len(chars) - 1)]
        mutated = "".join(chars)
        try:
            fast = yamlfast.load(mutated)
        except yamlfast.Unsure:
            continue
        taken += 1
        assert_same(fast, careful_load(mutated), repr(mutated[:200]))
    assert taken > 20
