"""Every page of a built course passes axe-core's WCAG 2.1 AA rules and asks no other host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from helpers import AXE_RULES, build_site, serve


@pytest.fixture
def sample_site(course: Path) -> Iterator[tuple[str, list[str]]]:
    site = build_site(course)
    pages = sorted(
        "/" + p.parent.relative_to(site).as_posix().strip(".") + "/"
        for p in site.rglob("index.html")
    )
    base, server = serve(site)
    yield base, [p.replace("//", "/") for p in pages]
    server.shutdown()


def test_every_page_passes_axe_and_stays_local(
    sample_site: tuple[str, list[str]], page: Page
) -> None:
    base, paths = sample_site
    assert "/modules/first-steps/" in paths and "/worksheets/starter-agreement/" in paths
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base) else elsewhere.append(r.url))
    axe = Axe()
    failures = {}
    for path in paths:
        page.goto(base + path)
        result = axe.run(page, options=AXE_RULES)
        if result.violations_count:
            failures[path] = result.generate_report()
    assert failures == {}
    assert elsewhere == []
