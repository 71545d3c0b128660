"""Every page of a built course passes axe-core's WCAG 2.1 AA rules and asks no other host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from helpers import audit_pages, build_site, serve


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
    failures, elsewhere = audit_pages(page, base, paths)
    assert failures == {}
    assert elsewhere == []
