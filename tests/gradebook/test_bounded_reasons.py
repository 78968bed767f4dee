"""Reasons in ``files.csv``, ``roster_check.csv`` and the summary quote a trainee's text in at
most ~80 characters, ending in an ellipsis, however long the text is."""

from __future__ import annotations

import re
from pathlib import Path

from skinlessons.gradebook.summary import REJECTED
from testkit.gradebook import (
    COURSE,
    final_answers,
    grade_in_process,
    make_submission,
    read_csv,
    write_json,
)

QUOTE_LIMIT = 80
"""What the issue asks: about 80 characters of a quoted value, then an ellipsis."""


def _longest_run(text: str, character: str) -> int:
    """The longest run of ``character`` in ``text`` (what is left of a quoted long value)."""
    return max((len(run) for run in re.findall(f"{re.escape(character)}+", text)), default=0)


def test_long_ids_names_and_roster_cells_are_quoted_short(tmp_path: Path) -> None:
    """A 95-character formula id, a 10,000-character id, a 240-character file name copied, and
    a 5,000-character formula roster cell: each reason quotes at most ~80 characters with '…',
    and no reason is longer than 600 characters."""
    folder = tmp_path / "in"
    formula_id = "=" + "x" * 94
    write_json(folder, "formula.json", make_submission(formula_id, final_answers("1111")))
    write_json(folder, "huge-id.json", make_submission("Q" * 10_000, final_answers("1111")))
    good = make_submission("ana", final_answers("1111"))
    long_name = "a" + "n" * 234 + ".json"
    write_json(folder, long_name, good)
    write_json(folder, "copy.json", good)
    roster = tmp_path / "roster.csv"
    roster.write_text("trainee_id,name\nana,=" + "z" * 5_000 + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = grade_in_process(folder, out, "--roster", str(roster), course=COURSE)
    assert result.exit_code == 0, result.output
    files = {row["File"]: row for row in read_csv(out / "files.csv")}
    formula = files["formula.json"]
    assert formula["Status"] == REJECTED
    assert f"the trainee id '={'x' * (QUOTE_LIMIT - 4)}…' begins with '='" in formula["Reason"]
    assert _longest_run(formula["Reason"], "x") < QUOTE_LIMIT
    huge = files["huge-id.json"]
    assert huge["Status"] == REJECTED and "(text of 10,000 characters)" in huge["Reason"]
    assert _longest_run(huge["Reason"], "Q") <= 1
    copied = files["copy.json"] if files["copy.json"]["Reason"] else files[long_name]
    assert "same content as a" in copied["Reason"] and "…" in copied["Reason"]
    assert _longest_run(copied["Reason"], "n") < QUOTE_LIMIT
    [problem] = [
        row["Problem"] for row in read_csv(out / "roster_check.csv") if "=" in row["Problem"]
    ]
    assert f"'={'z' * (QUOTE_LIMIT - 4)}…'" in problem
    for name, column in (("files.csv", "Reason"), ("roster_check.csv", "Problem")):
        assert all(len(row[column]) <= 600 for row in read_csv(out / name)), name
    assert _longest_run(result.stdout, "Q") <= 1 and _longest_run(result.stdout, "x") < QUOTE_LIMIT
