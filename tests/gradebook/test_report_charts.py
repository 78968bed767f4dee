"""The item analysis's charts are kept in ``--out`` and drawn again only when their data changes:
a kept chart is shown as it was drawn, a changed one is redrawn, a damaged or unwritable one
costs only time, and the folder holds the last report's charts only."""

from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

from skinlessons.gradebook._chart_cache import CHART_DIR
from skinlessons.gradebook.report import REPORT_FILE
from testkit.gradebook import final_answers, make_submission, run_grade, write_json


def _report(out: Path) -> str:
    return (out / REPORT_FILE).read_text(encoding="utf-8")


def _shown(out: Path) -> list[bytes]:
    """The PNG images the report embeds, decoded, in page order."""
    found = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', _report(out))
    return [base64.b64decode(data) for data in found]


def _kept(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (out / CHART_DIR).iterdir()}


def test_a_second_run_on_the_same_data_shows_the_kept_charts(cohort: Path, tmp_path: Path) -> None:
    """The kept charts are exactly the ones shown; a rerun rewrites none and shows the same page."""
    out = tmp_path / "out"
    run_grade(cohort, out)
    page, kept = _report(out), _kept(out)
    assert len(_shown(out)) == 2  # the final's score histogram and its item scatter plot
    assert sorted(kept.values()) == sorted(_shown(out))
    stamps = {path.name: path.stat().st_mtime_ns for path in (out / CHART_DIR).iterdir()}
    run_grade(cohort, out)
    assert _report(out) == page
    assert {path.name: path.stat().st_mtime_ns for path in (out / CHART_DIR).iterdir()} == stamps


def test_a_chart_whose_data_changed_is_drawn_again_and_the_old_one_forgotten(
    cohort: Path, tmp_path: Path
) -> None:
    """A new trainee changes both charts: the page shows what a run into an empty --out draws,
    and only those charts are kept."""
    out = tmp_path / "out"
    run_grade(cohort, out)
    before = _kept(out)
    write_json(cohort, "fay.json", make_submission("fay", final_answers("1011")))
    run_grade(cohort, out)
    fresh = tmp_path / "fresh"
    run_grade(cohort, fresh)
    assert _shown(out) == _shown(fresh)
    assert sorted(_kept(out).values()) == sorted(_shown(out))
    assert not set(before) & set(_kept(out))


def test_a_damaged_kept_chart_is_drawn_again(cohort: Path, tmp_path: Path) -> None:
    """A kept chart cut short or overwritten is not shown: the page is the one first written."""
    out = tmp_path / "out"
    run_grade(cohort, out)
    page = _report(out)
    first, second = sorted((out / CHART_DIR).iterdir())
    first.write_bytes(first.read_bytes()[:100])
    second.write_bytes(b"not a picture")
    run_grade(cohort, out)
    assert _report(out) == page
    assert sorted(_kept(out).values()) == sorted(_shown(out))


def test_charts_that_cannot_be_kept_are_still_shown(cohort: Path, tmp_path: Path) -> None:
    """Where the charts' folder cannot be made (a file is in its place), the report is complete."""
    fresh = tmp_path / "fresh"
    run_grade(cohort, fresh)
    out = tmp_path / "out"
    out.mkdir()
    (out / CHART_DIR).write_text("in the way", encoding="utf-8")
    run = run_grade(cohort, out)
    assert not run.problems
    assert _report(out) == _report(fresh)
    shutil.rmtree(fresh / CHART_DIR)
    run_grade(cohort, fresh)  # an --out whose charts were deleted: drawn again, same page
    assert _report(fresh) == _report(out)
