"""The real course on a phone (WCAG 1.4.10, reflow): no page is wider than a 320 px screen,
a worksheet's matrix turns into one card per task, and the session plans fit; on a wide
screen the matrix keeps its column headings in view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FloatRect, Page, expect

from helpers import course_pages, serve, watched_page

ROLE_AGREEMENT = "/worksheets/role-agreement.html"
COLUMNS = ["Teacher", "IA", "Shared", "Discuss"]
FIRST_TASK = "Introduces new concepts and skills"  # the first task not already decided
TASKS = ".sbs-matrix tbody tr:not(.sbs-group-heading):not(.sbs-decided)"  # rows to choose in


@pytest.fixture(scope="module")
def served(course_site: Path) -> Iterator[str]:
    base, server = serve(course_site)
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    """One page for the whole module: each test sets the viewport it needs."""
    with watched_page(browser, viewport={"width": 320, "height": 640}) as page:
        yield page


def box(page: Page, selector: str) -> FloatRect:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not rendered"
    return found


def test_no_page_is_wider_than_a_320_px_screen(served: str, course_site: Path, tab: Page) -> None:
    tab.set_viewport_size({"width": 320, "height": 640})
    paths = course_pages(course_site)
    assert ROLE_AGREEMENT in paths and "/facilitator-guide.html" in paths
    too_wide = {}
    for path in paths:
        tab.goto(served + path)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert too_wide == {}, f"wider than 320 px: {too_wide}"


def test_a_matrix_task_is_a_card_on_a_phone(served: str, tab: Page) -> None:
    tab.set_viewport_size({"width": 320, "height": 640})
    tab.goto(served + ROLE_AGREEMENT)
    card = tab.locator(TASKS).first
    expect(card.locator("th")).to_have_text(FIRST_TASK)
    task = card.locator("th").bounding_box()
    row = card.bounding_box()
    assert task and row and row["x"] >= 0 and row["x"] + row["width"] <= 320
    for column in COLUMNS:
        radio = tab.get_by_role("radio", name=f"{column}: {FIRST_TASK}", exact=True)
        name = radio.locator("xpath=following-sibling::label[1]").locator(".sbs-column-name")
        expect(name).to_have_text(column)
        expect(name).to_be_visible()
        at, said = radio.bounding_box(), name.bounding_box()
        assert at and said
        assert at["y"] >= task["y"] + task["height"] - 1, f"{column}: beside the task"
        assert 0 <= said["x"] - (at["x"] + at["width"]) <= 20, f"{column}: name not beside it"
        middle = at["y"] + at["height"] / 2
        assert said["y"] <= middle <= said["y"] + said["height"], f"{column}: not on its line"
        assert said["x"] + said["width"] <= 320
    notes = tab.get_by_role("textbox", name=f"Notes: {FIRST_TASK}", exact=True)
    label = notes.locator("xpath=preceding-sibling::label[1]")
    expect(label.locator(".sbs-column-name")).to_be_visible()
    expect(label).to_contain_text("Notes")
    field = notes.bounding_box()
    assert field and field["x"] >= 0 and field["x"] + field["width"] <= 320
    assert field["width"] >= 100
    # The visible name is the radio's label: tapping it chooses that column.
    card.locator(".sbs-column-name", has_text="Shared").click()
    expect(tab.get_by_role("radio", name=f"Shared: {FIRST_TASK}", exact=True)).to_be_checked()
    tab.evaluate("localStorage.clear()")


def test_a_phone_still_prints_the_matrix_as_a_table(served: str, tab: Page) -> None:
    tab.set_viewport_size({"width": 320, "height": 640})
    tab.goto(served + ROLE_AGREEMENT)
    tab.emulate_media(media="print")
    try:
        shown = tab.evaluate(
            """() => [".sbs-matrix", ".sbs-matrix thead", ".sbs-matrix tbody tr", ".sbs-matrix td"]
            .map(selector => getComputedStyle(document.querySelector(selector)).display)"""
        )
        assert shown == ["table", "table-header-group", "table-row", "table-cell"]
        expect(tab.locator(".sbs-matrix .sbs-column-name").first).to_be_hidden()
    finally:
        tab.emulate_media(media="screen")


def test_matrix_headings_stay_in_view_on_a_wide_screen(served: str, tab: Page) -> None:
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto(served + ROLE_AGREEMENT)
    headings = tab.locator(".sbs-matrix thead th")
    for column in ["Task", *COLUMNS, "Notes"]:
        expect(headings.filter(has_text=column).first).to_be_visible()
    expect(tab.locator(".sbs-matrix .sbs-column-name").first).to_be_hidden()
    tab.locator(TASKS).last.evaluate("row => row.scrollIntoView({block: 'end'})")
    header = box(tab, ".md-header")
    last = tab.locator(TASKS).last.bounding_box()
    assert last and last["y"] + last["height"] <= 800.5  # sub-pixel rounding
    for index in range(headings.count()):
        heading = headings.nth(index).bounding_box()
        assert heading, f"heading {index} is not rendered"
        assert header["y"] + header["height"] - 1 <= heading["y"], f"heading {index} under it"
        assert heading["y"] + heading["height"] <= last["y"], f"heading {index} scrolled off"
        # Not only placed there, but seen there: nothing is painted over it.
        on_top = tab.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('thead') !== null",
            [heading["x"] + heading["width"] / 2, heading["y"] + heading["height"] / 2],
        )
        assert on_top, f"heading {index} is covered"


def test_a_field_reached_with_the_keyboard_is_not_under_the_headings(
    served: str, tab: Page
) -> None:
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto(served + ROLE_AGREEMENT)
    # Scroll until one task's notes field sits under the stuck headings, then go back up
    # to it with the keyboard from the next task.
    hidden = tab.evaluate(
        """tasks => {
          const rows = document.querySelectorAll(tasks);
          const notes = rows[10].querySelector("input[type=text]");
          rows[10].scrollIntoView();
          const headings = document.querySelector(".sbs-matrix thead th");
          window.scrollBy(0, notes.getBoundingClientRect().top
                             - headings.getBoundingClientRect().bottom + 10);
          rows[11].querySelector("input[type=radio]").focus({preventScroll: true});
          return notes.getBoundingClientRect().top < headings.getBoundingClientRect().bottom;
        }""",
        TASKS,
    )
    assert hidden
    tab.keyboard.press("Shift+Tab")
    focused = tab.evaluate(
        """() => [document.activeElement.labels[0].lastChild.textContent,
                  document.activeElement.getBoundingClientRect().top,
                  document.querySelector(".sbs-matrix thead th").getBoundingClientRect().bottom]"""
    )
    label, top, below = focused
    assert label.startswith("Notes: ")
    assert top >= below, f"{label} is under the column headings"


def test_session_plans_fit_a_phone(served: str, tab: Page) -> None:
    tab.set_viewport_size({"width": 390, "height": 800})
    tab.goto(served + "/facilitator-guide.html")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    cells = tab.evaluate(
        """() => [...document.querySelectorAll("article table td")]
          .filter(cell => cell.getClientRects().length)  // an empty cell is left out
          .map(cell => {
            const edges = cell.getBoundingClientRect();
            return {text: cell.textContent, left: edges.left, right: edges.right,
                    named: getComputedStyle(cell, "::before").content};
          })"""
    )
    assert len(cells) >= 3 * 5 * 6  # three plans, five columns, six rows or more
    cut = [
        f"{c['text']!r} at {c['left']:.0f}-{c['right']:.0f}"
        for c in cells
        if c["left"] < 0 or c["right"] > 390
    ]
    assert cut == [], f"cells cut off at 390 px: {cut}"
    # Each cell shows its column's name, since the table's own headings are out of sight.
    assert {cell["named"] for cell in cells} == {
        '"Start"',
        '"Minutes"',
        '"Activity"',
        '"Course page"',
        '"Materials"',
    }
