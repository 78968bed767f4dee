"""The feedback page, certificate and item-analysis report pass axe-core and stay offline."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from skinlessons.submission.trainee_ids import trainee_slug
from testkit.browser import (
    axe_serious_violations,
    block_outside_requests,
    describe_violations,
    launched_browser,
)
from testkit.gradebook import final_answers, make_submission, run_grade, write_json

pytestmark = pytest.mark.browser

NAME = "Zoe\u0308 <b>כהן</b> 🧴"


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("graded")
    folder = root / "in"
    for number, marks in enumerate(["1111", "0111", "1100", "1011", "0000", "1-1-"]):
        lesson = {"gradebook-free-acid": "all", "gradebook-horny-layer": "<i>skin</i> طبقة"}
        write_json(
            folder, f"{number}.json", make_submission(f"t{number}", final_answers(marks), lesson)
        )
    roster = root / "roster.csv"
    roster.write_text(f'trainee_id,name\nt0,"{NAME}"\nt1,Miss Take\n', encoding="utf-8")
    out = root / "out"
    run_grade(folder, out, roster=roster)
    return out


@pytest.mark.parametrize(
    "relative",
    [
        f"feedback/{trainee_slug('t0')}.html",
        f"feedback/{trainee_slug('t1')}.html",
        f"certificates/{trainee_slug('t0')}.html",
        "item_analysis.html",
    ],
    ids=["feedback-pass", "feedback-must-pass-missed", "certificate", "report"],
)
def test_page_is_accessible_and_offline(graded: Path, relative: str) -> None:
    """No serious or critical axe violation, no request outside the folder, h1 then h2s."""
    with launched_browser() as browser:
        context = browser.new_context()
        log = block_outside_requests(context)
        page = context.new_page()
        page.goto((graded / relative).as_uri())
        violations = axe_serious_violations(page)
        headings = page.eval_on_selector_all("h1, h2, h3", "els => els.map(e => e.tagName)")
        lang = page.get_attribute("html", "lang")
        images_without_alt = page.eval_on_selector_all("img:not([alt])", "els => els.length")
        context.close()
    assert violations == [], describe_violations(violations)
    assert log.blocked == []
    assert lang == "en"
    assert headings[0] == "H1" and headings.count("H1") == 1
    levels = [int(tag[1]) for tag in headings]
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))
    assert images_without_alt == 0
