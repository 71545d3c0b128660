"""Hostile text in every field of every kind, read in Chromium as a learner would: no script
runs, no request leaves, and every link and image stays within what the course allows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page, Request

from sidebyside.model import TextFormat

from helpers import HOSTILE_TEXT, SAMPLE, Site, fill_every_text, note_policy_violation

# Collects what a payload would do, in every frame, before any page script runs.
WATCH = """
window.__errors = [];
addEventListener("error", (event) => window.__errors.push(String(event.message)));
"""
# Every link and image on the page, as the browser resolved it.
ADDRESSES = """() => [...document.querySelectorAll("[href], [src]")].map((element) => {
  const attribute = element.hasAttribute("src") ? "src" : "href";
  const url = new URL(element.getAttribute(attribute), location.href);
  return [attribute, url.protocol, url.origin];
})"""


def hostile(number: int, format: TextFormat) -> str:
    return f"Field {number}: {HOSTILE_TEXT}"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("hostile") / "course"
    shutil.copytree(SAMPLE, root)
    assert fill_every_text(root, hostile) > 60
    served = Site(root)
    yield served
    served.close()


def test_no_script_runs_and_nothing_leaves(hostile_site: Site, browser: Browser) -> None:
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    problems: list[str] = []

    def dialog_opened(dialog: Dialog) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def requested(request: Request) -> None:
        if not request.url.startswith(hostile_site.base):
            problems.append(f"request: {request.url}")

    page.on("dialog", dialog_opened)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: note_policy_violation(message, problems))
    page.on("request", requested)
    pages = sorted(
        "/" + path.relative_to(hostile_site.folder).parent.as_posix() + "/"
        for path in hostile_site.folder.rglob("index.html")
    )
    assert len(pages) >= 8
    for path in pages:
        page.goto(hostile_site.url(path))
        interact(page)
        assert page.evaluate("window.__ran") is None, path
        assert page.evaluate("window.__errors") == [], path
        for attribute, protocol, origin in page.evaluate(ADDRESSES):
            assert protocol in ("http:", "https:", "mailto:", "tel:"), (path, protocol)
            if attribute == "src":
                assert origin == hostile_site.base, (path, origin)
    context.close()
    assert problems == []


def interact(page: Page) -> None:
    """Answer each question and make a scenario choice, so that copied feedback is shown."""
    for question in page.locator(".sbs-question").all():
        question.locator(".sbs-options input").first.check()
        question.get_by_role("button", name="Check").click()
    choice = page.locator(".sbs-choice input")
    if choice.count():
        choice.first.check()
        page.get_by_role("button", name="See how it goes").click()


def test_blocked_storage_breaks_no_page(site: Site, page: Page, browser: Browser) -> None:
    """In an LMS frame with third-party storage blocked, reading localStorage throws."""
    harness = site.folder / "blocked-storage.html"
    harness.write_text(
        '<!doctype html><title>LMS</title><iframe sandbox="allow-scripts" '
        'src="/modules/first-steps/" title="course" width="900" height="700"></iframe>'
    )
    context = browser.new_context()
    context.add_init_script(WATCH)
    frame_page = context.new_page()
    frame_page.goto(site.url("/blocked-storage.html"))
    frame = frame_page.frame_locator("iframe")
    frame.locator(".sbs-question").first.wait_for()
    course = frame_page.frames[1]
    assert (
        course.evaluate(
            "(() => { try { return !!window.parent.localStorage } catch { return 'blocked' } })()"
        )
        == "blocked"
    )
    question = frame.locator(".sbs-question").first
    question.locator(".sbs-options input").first.check()
    question.get_by_role("button", name="Check").click()
    assert question.locator(".sbs-result").inner_text() != ""
    assert course.evaluate("window.__errors") == []
    context.close()
