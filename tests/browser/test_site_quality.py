"""The whole course in Chromium: it works opened from a folder, its worksheets print on their
sheets, and what is folded away opens on paper. (axe on every page: test_wcag.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from helpers import note_policy_violation, printed_sheets, serve, sheets_at_most


@pytest.fixture(scope="module")
def served(course_site: Path) -> Iterator[str]:
    base, server = serve(course_site)
    yield base
    server.shutdown()


def test_the_site_works_opened_from_a_folder(course_site: Path, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file://") else elsewhere.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: note_policy_violation(message, errors))
    page.goto((course_site / "index.html").as_uri())
    page.get_by_role("link", name="Define clear roles").first.click()
    expect(page).to_have_url((course_site / "modules/define-roles.html").as_uri())
    question = page.locator(".sbs-question").first
    question.locator(".sbs-options input").first.check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".sbs-result")).not_to_be_empty()
    page.reload()
    expect(question.locator(".sbs-result")).not_to_be_empty()  # kept in localStorage
    page.goto((course_site / "worksheets/role-agreement.html").as_uri())
    page.locator(".sbs-worksheet input[type=text]").first.fill("Ms. Rivera")
    page.reload()
    expect(page.locator(".sbs-worksheet input[type=text]").first).to_have_value("Ms. Rivera")
    page.goto((course_site / "index.html").as_uri())
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type("debrief")
    expect(page.locator(".md-search-result__item").first).to_be_visible()  # search worker ran
    context.close()
    assert errors == [] and elsewhere == []


def test_worksheets_print_on_their_sheets(
    served: str, course_site: Path, page: Page, tmp_path: Path
) -> None:
    counts = {}  # the worksheets that print on too many sheets
    for worksheet in sorted((course_site / "worksheets").glob("*.html")):
        page.goto(f"{served}/worksheets/{worksheet.name}")
        page.emulate_media(media="print")
        expect(page.locator(".md-header")).to_be_hidden()
        for paper in ("Letter", "A4"):
            sheets = printed_sheets(page, tmp_path / f"{worksheet.stem}-{paper}.pdf", paper)
            if len(sheets) > sheets_at_most(worksheet.stem):
                counts[f"{worksheet.stem} {paper}"] = len(sheets)
    assert counts == {}


def test_collapsed_content_opens_in_print(served: str, page: Page) -> None:
    page.goto(f"{served}/glossary.html")
    page.evaluate(
        """document.querySelector("article").insertAdjacentHTML("beforeend",
        '<details><summary>More</summary><p id="inside-details">Hidden on screen</p></details>' +
        '<div class="tabbed-set tabbed-alternate"><input checked id="t1" name="t" type="radio">' +
        '<input id="t2" name="t" type="radio"><div class="tabbed-labels"><label for="t1">One' +
        '</label><label for="t2">Two</label></div><div class="tabbed-content">' +
        '<div class="tabbed-block"><p>First tab</p></div>' +
        '<div class="tabbed-block"><p id="second-tab">Second tab</p></div></div></div>')"""
    )
    expect(page.locator("#inside-details")).to_be_hidden()
    expect(page.locator("#second-tab")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("#inside-details")).to_be_visible()
    expect(page.locator("#second-tab")).to_be_visible()
    page.goto(f"{served}/modules/define-roles.html")
    page.emulate_media(media="print")
    expect(page.locator(".sbs-answer .sbs-explanation").first).to_be_visible()
