"""The practitioner forms in Chromium: accessible, usable by keyboard, private, and on A4 paper.

The print test lets the stylesheet choose the paper (``prefer_css_page_size``) and reads each
page's size from the PDF; then, in the print layout at the printable width of A4, it checks that
every control sits with its label in a box the page break may not cut (``break-inside: avoid``)
and that fits on one page, so Chromium never splits a control across two sheets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skinlessons.handouts.editions import EDITIONS
from skinlessons.handouts.forms import FORMS
from testkit import browser as chromium
from testkit.handouts import Build

pytestmark = [pytest.mark.slow, pytest.mark.browser]

A4_POINTS = (595.28, 841.89)
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]")
MOST_PAGES = {"consultation": 6, "consent": 3, "treatment-record": 2, "referral": 2}
"""The most A4 pages a form may take (the aftercare sheet: 2, its default)."""
FORM_PAGES = [f"{edition}/{form.slug}" for edition in EDITIONS for form in FORMS]

_CONTROL_BOXES = """() => [...document.querySelectorAll('main input, main textarea, main select')]
  .map(control => {
    const box = control.closest('.form-field');
    return {
      id: control.id,
      avoid: box ? getComputedStyle(box).breakInside : null,
      height: box ? box.getBoundingClientRect().height : null,
    };
  })"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium.launched_browser() as launched:
        yield launched


@pytest.fixture()
def open_form(built: Build, browser: Any) -> Iterator[Any]:
    """Opens a form page from disk, outside requests aborted: (page, requests, blocked)."""
    contexts: list[Any] = []

    def opener(page_id: str, **options: Any) -> tuple[Any, list[str], Any]:
        context = browser.new_context(**options)
        contexts.append(context)
        blocked = chromium.block_outside_requests(context)
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.goto((built.out / f"{page_id.replace('/', '/forms/')}.html").as_uri())
        return page, requested, blocked

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("page_id", FORM_PAGES)
def test_form_has_no_serious_accessibility_violation(open_form: Any, page_id: str) -> None:
    """axe-core (WCAG 2.1 A/AA): no serious or critical violation; one h1, language set."""
    page, _, blocked = open_form(page_id)
    violations = chromium.axe_serious_violations(page)
    assert violations == [], chromium.describe_violations(violations)
    assert page.eval_on_selector_all("h1", "nodes => nodes.length") == 1
    assert page.get_attribute("html", "lang") == "en"
    assert page.eval_on_selector_all("main nav, main header", "nodes => nodes.length") == 0
    assert blocked.blocked == []


@pytest.mark.parametrize("page_id", FORM_PAGES)
def test_typing_into_a_form_sends_and_stores_nothing(open_form: Any, page_id: str) -> None:
    """Fill every box, tick every box, press Enter: no request, no navigation, no storage."""
    page, requested, blocked = open_form(page_id)
    address, history = page.url, page.evaluate("history.length")
    loaded = list(requested)
    for box in page.query_selector_all('main input[type="text"], main textarea'):
        box.fill("Jane <Doe> & co")
    for tick in page.query_selector_all('main input[type="checkbox"], main input[type="radio"]'):
        tick.check()
    page.focus("main input[type='text']")
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    stored = page.evaluate(
        "() => [localStorage.length, sessionStorage.length, document.cookie, history.length]"
    )
    assert requested == loaded
    assert all(url.startswith("file:") for url in loaded) and blocked.blocked == []
    assert page.url == address
    assert stored == [0, 0, "", history]


@pytest.mark.parametrize("page_id", FORM_PAGES)
def test_every_control_is_reached_by_keyboard(open_form: Any, page_id: str) -> None:
    """Tab reaches every box and tick box and each radio group; Space and arrows answer."""
    page, _, _ = open_form(page_id)
    controls = page.eval_on_selector_all(
        "main input, main textarea, main select",
        "nodes => nodes.map(n => [n.id, n.type === 'radio' ? n.name : null])",
    )
    reached: list[str] = []
    for _ in range(len(controls) + 40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
    singles = {cid for cid, group in controls if group is None}
    groups = {group: [cid for cid, g in controls if g == group] for _, group in controls if group}
    assert singles - set(reached) == set()
    assert [g for g, ids in groups.items() if not set(ids) & set(reached)] == []
    if groups:
        group, ids = next(iter(groups.items()))
        page.focus(f"#{ids[0]}")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
        checked = page.eval_on_selector_all(
            f'input[name="{group}"]', "nodes => nodes.map(n => n.checked)"
        )
        assert checked[1] and not checked[0]


@pytest.mark.parametrize("page_id", FORM_PAGES)
def test_form_prints_on_a4_with_no_control_cut_across_pages(
    open_form: Any, page_id: str, tmp_path: Path
) -> None:
    page, _, _ = open_form(page_id, viewport={"width": chromium.PRINTABLE_WIDTH_PX, "height": 1000})
    pdf = page.pdf(path=str(tmp_path / "form.pdf"), prefer_css_page_size=True)
    sizes = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(pdf)]
    page.emulate_media(media="print")
    boxes = page.evaluate(_CONTROL_BOXES)
    hidden = page.eval_on_selector_all(
        ".handout-nav, .handout-skip", "nodes => nodes.filter(n => n.offsetParent).length"
    )
    slug = page_id.split("/")[1]
    assert 1 <= len(sizes) <= MOST_PAGES.get(slug, 2), len(sizes)
    assert all(abs(w - A4_POINTS[0]) < 1 and abs(h - A4_POINTS[1]) < 1 for w, h in sizes), sizes
    assert boxes and [b["id"] for b in boxes if b["avoid"] != "avoid"] == []
    assert [b["id"] for b in boxes if not 0 < b["height"] <= chromium.PRINTABLE_HEIGHT_PX] == []
    assert hidden == 0
