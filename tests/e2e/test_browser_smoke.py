"""The Debian Chromium launches under playwright and axe-core runs in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.browser import axe_serious_violations, block_outside_requests, launched_browser

pytestmark = pytest.mark.browser


def test_chromium_runs_axe_and_blocks_outside_requests(tmp_path: Path) -> None:
    """A page with an unlabelled input is flagged by axe; a remote image request is blocked."""
    page_file = tmp_path / "page.html"
    page_file.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
        '<h1>Smoke</h1><input type="text"><img src="https://example.invalid/x.png" alt="x">'
        "</main></body></html>",
        encoding="utf-8",
    )
    with launched_browser() as browser:
        context = browser.new_context()
        log = block_outside_requests(context)
        page = context.new_page()
        page.goto(page_file.as_uri())
        violations = axe_serious_violations(page)
        context.close()
    assert "label" in {v["id"] for v in violations}
    assert log.blocked == ["https://example.invalid/x.png"]
