"""Reading typed numbers: decimal comma, spaces, units, fractions and percentages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skinlessons.quiz.numbers import parse_number

READ = [
    ("7.5", None, (), 7.5),
    ("7,5", None, (), 7.5),
    (" 1 000 ", None, (), 1000.0),
    ("1\u00a0000,25", None, (), 1000.25),
    ("−3", None, (), -3.0),
    ("-0.3", None, (), -0.3),
    (".5", None, (), 0.5),
    ("1e3", None, (), 1000.0),
    ("１２", None, (), 12.0),
    ("12 µm", "µm", (), 12.0),
    ("12µm", "µm", (), 12.0),
    ("12 UM", "um", (), 12.0),
    ("50 %", "%", (), 50.0),
    ("50", "%", (), 50.0),
    ("50 %", None, ("percent",), 0.5),
    ("7,5%", None, ("percent",), 0.075),
    ("1/2", None, ("fraction",), 0.5),
    ("3 / 4", None, ("fraction",), 0.75),
    ("1/2", "%", ("fraction",), 50.0),
    (2.5, None, (), 2.5),
    (3, None, (), 3.0),
]


@pytest.mark.parametrize(
    ("text", "unit", "allow", "expected"), READ, ids=[f"{t!r}-{u}-{a}" for t, u, a, _ in READ]
)
def test_number_is_read(text: object, unit: str | None, allow: tuple[str, ...], expected: float):
    """Accepted notations give the value on the key's scale."""
    parsed = parse_number(text, unit=unit, allow=allow)
    assert parsed.problem is None
    assert parsed.value == pytest.approx(expected)


UNREAD = [
    ("half", None, (), "'half' could not be read as a number. Type digits only, for example"),
    ("1/2", None, (), "not 1/2"),
    ("1/2", None, ("percent",), "not 1/2"),
    ("50 %", None, (), "not as a percentage"),
    ("50 %", "mm", ("fraction",), "plain number in mm, not as a percentage"),
    ("50 %", None, ("fraction",), "not as a percentage"),
    ("1/0", None, ("fraction",), "0 below the line"),
    ("1/2 %", None, ("fraction", "percent"), "either a fraction or a percentage"),
    ("1,000.5", None, (), "could not be read"),
    ("1,2,3", None, (), "could not be read"),
    ("12 mm", "µm", (), "could not be read as a number in µm"),
    ("nan", None, (), "could not be read"),
    ("inf", None, (), "could not be read"),
    ("1e999", None, (), "could not be read"),
    ("", None, (), "No number"),
    (True, None, (), "number typed as text"),
    (None, None, (), "number typed as text"),
    (float("nan"), None, (), "ordinary number"),
]


@pytest.mark.parametrize(
    ("text", "unit", "allow", "fragment"), UNREAD, ids=[f"{t!r}-{u}-{a}" for t, u, a, _ in UNREAD]
)
def test_unreadable_number_gets_a_specific_message(
    text: object, unit: str | None, allow: tuple[str, ...], fragment: str
):
    """Input that is not a number (or not allowed) gives a message saying what to type."""
    parsed = parse_number(text, unit=unit, allow=allow)
    assert parsed.value is None
    assert parsed.problem is not None and fragment in parsed.problem


def test_unreadable_message_lists_only_allowed_examples():
    """The examples offered match what the question accepts."""
    plain = parse_number("x", allow=()).problem or ""
    both = parse_number("x", allow=("fraction", "percent")).problem or ""
    assert "3/4" not in plain and "50 %" not in plain
    assert "3/4" in both and "50 %" in both


decimals = st.decimals(min_value=-10_000, max_value=10_000, places=3, allow_nan=False)


@given(decimals)
def test_decimal_comma_reads_as_decimal_point(value: object):
    """'7,5' and '7.5' are the same number."""
    text = f"{value}"
    assert parse_number(text.replace(".", ",")).value == parse_number(text).value == float(text)


@given(decimals)
def test_percentage_is_converted_when_allowed(value: object):
    """'x %' reads as x/100 when percentages are allowed, and is refused otherwise."""
    text = f"{value} %"
    assert parse_number(text, allow=("percent",)).value == pytest.approx(float(f"{value}") / 100)
    assert parse_number(text).value is None


@given(st.integers(-1000, 1000), st.integers(1, 1000))
def test_fraction_only_when_allowed(numerator: int, denominator: int):
    """'a/b' reads as a/b when fractions are allowed, and is refused otherwise."""
    text = f"{numerator}/{denominator}"
    assert parse_number(text, allow=("fraction",)).value == pytest.approx(numerator / denominator)
    assert parse_number(text).value is None


@given(st.text(max_size=20))
def test_parsing_never_raises(text: str):
    """Any text gives either a value or a problem sentence."""
    parsed = parse_number(text, unit="%", allow=("fraction", "percent"))
    assert (parsed.value is None) != (parsed.problem is None)
