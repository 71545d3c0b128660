"""Real headless Chromium (Debian's) driven by Playwright, against a site served on loopback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from helpers import SAMPLE, Site, serve, watched_page

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def _served_copy(folder: Path) -> Site:
    root = folder / "course"
    shutil.copytree(SAMPLE, root)
    return Site(root)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample course, built and served once. Each test's page has storage of its own."""
    served = _served_copy(tmp_path_factory.mktemp("served"))
    yield served
    served.close()


@pytest.fixture
def editable_site(tmp_path: Path) -> Iterator[Site]:
    """A copy of the sample course of the test's own, to edit and rebuild."""
    served = _served_copy(tmp_path)
    yield served
    served.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with watched_page(browser) as page:
        yield page


@pytest.fixture(scope="session")
def served(course_site: Path) -> Iterator[str]:
    """The repository's own course, built and served once: its address."""
    base, server = serve(course_site)
    yield base
    server.shutdown()
