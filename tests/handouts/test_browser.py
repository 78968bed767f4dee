"""The handouts in Chromium: offline, accessible (axe), working self-checks, printable on A4."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skinlessons.quiz.grading import CORRECT, INCORRECT, PARTLY_RIGHT
from testkit.browser import (
    PRINTABLE_HEIGHT_PX,
    PRINTABLE_WIDTH_PX,
    axe_serious_violations,
    block_outside_requests,
    describe_violations,
    launched_browser,
)
from testkit.handouts import Build, fixture_build

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = fixture_build(tmp_path_factory.getbasetemp() / "handouts-fixture")
    assert build.report.ok, build.report.problems
    return build


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_browser() as launched:
        yield launched


def _pages(build: Build) -> list[Path]:
    return sorted(build.out.glob("*/*.html"))


def _page_ids() -> list[str]:
    return [
        f"{edition}/{stem}"
        for edition, stems in (
            ("trainee", ("index", "01_basics", "02_tools")),
            ("instructor", ("index", "01_basics", "02_tools", "03_final")),
        )
        for stem in stems
    ]


PAGE_IDS = _page_ids()


def test_every_page_is_covered(built: Build) -> None:
    """The browser tests below visit exactly the pages the build wrote."""
    assert [str(p.relative_to(built.out).with_suffix("")) for p in _pages(built)] == sorted(
        PAGE_IDS
    )


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_page_makes_no_request_outside_its_folder(built: Build, browser: Any, page_id: str) -> None:
    """Opening a page from disk requests nothing from the network, only files of its edition."""
    edition_dir = (built.out / page_id).parent
    context = browser.new_context()
    blocked = block_outside_requests(context)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto((built.out / f"{page_id}.html").as_uri(), wait_until="load")
    page.wait_for_timeout(200)
    context.close()
    assert blocked.blocked == []
    outside = [
        url
        for url in requested
        if url.startswith("file:") and not url.startswith(edition_dir.as_uri() + "/")
    ]
    assert outside == []
    assert any(url.endswith("assets/handout.css") for url in requested)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_page_has_no_serious_accessibility_violation(
    built: Build, browser: Any, page_id: str
) -> None:
    """axe-core (WCAG 2.1 A/AA) finds no serious or critical violation."""
    context = browser.new_context()
    block_outside_requests(context)
    page = context.new_page()
    page.goto((built.out / f"{page_id}.html").as_uri(), wait_until="load")
    violations = axe_serious_violations(page)
    headings = page.eval_on_selector_all("h1", "nodes => nodes.length")
    language = page.get_attribute("html", "lang")
    main_has_nav = page.eval_on_selector_all("main nav, main header", "nodes => nodes.length")
    context.close()
    assert violations == [], describe_violations(violations)
    assert headings == 1
    assert language == "en"
    assert main_has_nav == 0


@pytest.fixture()
def quiz_page(built: Build, browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    block_outside_requests(context)
    page = context.new_page()
    page.goto((built.out / "trainee" / "01_basics.html").as_uri(), wait_until="load")
    yield page
    context.close()


def _verdict(page: Any, question_id: str) -> str:
    text: str = page.inner_text(f"#q-01_basics-{question_id} .quiz-verdict .quiz-verdict-word")
    return text


def test_self_check_by_mouse_gives_wrong_then_right_feedback(quiz_page: Any) -> None:
    """A wrong choice says the grader's 'not quite' with its feedback; the right one 'Correct'."""
    question = "#q-01_basics-outermost-layer"
    quiz_page.check(f"{question}-basale")
    quiz_page.click(f"{question} .quiz-check")
    assert _verdict(quiz_page, "outermost-layer") == INCORRECT
    assert quiz_page.is_visible(f'{question} .quiz-option-feedback[data-option="basale"]')
    assert quiz_page.is_visible(f"{question} .quiz-explanation")
    quiz_page.check(f"{question}-corneum")
    quiz_page.click(f"{question} .quiz-check")
    verdict = _verdict(quiz_page, "outermost-layer")
    assert verdict == CORRECT
    assert not quiz_page.is_visible(f'{question} .quiz-option-feedback[data-option="basale"]')


@pytest.mark.parametrize(
    ("question_id", "typed", "key", "expected"),
    [
        ("half-value", "1/2", "Enter", CORRECT),
        ("half-value", "0,7", " ", INCORRECT),
        ("corneum-name", "  Stratum   CORNEUM ", "Enter", CORRECT),
        ("corneum-name", "dermis", "Enter", INCORRECT),
    ],
    ids=["fraction-right", "decimal-comma-wrong", "text-normalised-right", "text-wrong"],
)
def test_self_check_by_keyboard(
    quiz_page: Any, question_id: str, typed: str, key: str, expected: str
) -> None:
    """Typing an answer, tabbing to Check and pressing Enter or Space gives the verdict."""
    quiz_page.focus(f"#q-01_basics-{question_id}-answer")
    quiz_page.keyboard.type(typed)
    quiz_page.keyboard.press("Tab")
    focused = quiz_page.evaluate("document.activeElement.className")
    assert focused == "quiz-check"
    quiz_page.keyboard.press("Space" if key == " " else key)
    assert _verdict(quiz_page, question_id) == expected


def test_matching_and_multiple_answers_self_checks(quiz_page: Any) -> None:
    """Select-based and checkbox questions are checked too."""
    base = "#q-01_basics-layer-depths"
    quiz_page.select_option(f"{base}-epidermis", "top")
    quiz_page.select_option(f"{base}-dermis", "below")
    quiz_page.click(f"{base} .quiz-check")
    assert _verdict(quiz_page, "layer-depths") == CORRECT
    multi = "#q-01_basics-surface-layers"
    quiz_page.check(f"{multi}-corneum")
    quiz_page.click(f"{multi} .quiz-check")
    assert _verdict(quiz_page, "surface-layers") == PARTLY_RIGHT
    quiz_page.check(f"{multi}-basale")
    quiz_page.click(f"{multi} .quiz-check")
    assert _verdict(quiz_page, "surface-layers") == CORRECT


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_page_prints_on_a4_without_cutting_figures(
    built: Build, browser: Any, page_id: str, tmp_path: Path
) -> None:
    """The PDF has pages; in print layout no figure is taller than the printable A4 area."""
    context = browser.new_context(viewport={"width": PRINTABLE_WIDTH_PX, "height": 1000})
    block_outside_requests(context)
    page = context.new_page()
    page.goto((built.out / f"{page_id}.html").as_uri(), wait_until="load")
    pdf = page.pdf(format="A4", path=str(tmp_path / "page.pdf"))
    page.emulate_media(media="print")
    heights = page.eval_on_selector_all(
        "img", "images => images.map(image => image.getBoundingClientRect().height)"
    )
    hidden_nav = page.eval_on_selector_all(
        "nav, .quiz-check", "nodes => nodes.filter(n => n.offsetParent !== null).length"
    )
    context.close()
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 1
    assert all(0 < height <= PRINTABLE_HEIGHT_PX for height in heights), heights
    assert hidden_nav == 0
