"""Scenarios: choose first, then compare; remembered; readable on a phone; printable."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from helpers import Site, axe_report, printed_sheets

SCENARIO = "/scenarios/late-for-the-bus/"


def choose(page: Page, text: str) -> None:
    page.locator(".sbs-choice", has_text=text).locator("input").check()
    page.get_by_role("button", name="See how it goes").click()


def test_choose_then_reveal(site: Site, page: Page) -> None:
    page.goto(site.url(SCENARIO))
    analysis = page.locator(".sbs-analysis")
    expect(analysis).to_be_hidden()
    choices = page.locator(".sbs-choice")
    expect(choices).to_have_count(3)
    # No labels or verdicts before choosing, only what each person says.
    for word in ("Bad", "Mixed", "Good", "Blame", "Name the problem"):
        expect(page.locator(".sbs-choose")).not_to_contain_text(word)
    order = choices.all_inner_texts()
    choose(page, "Can we end five minutes earlier?")
    result = page.locator(".sbs-choice-result")
    expect(result).to_contain_text("You chose “Right words, wrong place”. This response is mixed.")
    expect(result).to_contain_text("A fair ask, but made in front of the class.")
    expect(analysis).to_be_visible()
    verdicts = page.locator(".sbs-response .sbs-verdict").all_inner_texts()
    assert verdicts == ["Bad:", "Mixed:", "Good:"]
    expect(page.locator(".sbs-response.sbs-chosen h3")).to_contain_text("Right words, wrong place")
    expect(page.locator(".sbs-contrast")).to_contain_text("Describes what happened.")
    # The shuffled order is fixed: the same on every visit.
    page.get_by_role("button", name="Choose again").click()
    expect(analysis).to_be_hidden()
    assert page.locator(".sbs-choice").all_inner_texts() == order


def test_choice_persists_across_a_reload_and_shows_in_the_index(site: Site, page: Page) -> None:
    page.goto(site.url(SCENARIO))
    choose(page, "Can we look at how line-up went today?")
    page.reload()
    expect(page.locator(".sbs-choice-result")).to_contain_text("This response is good.")
    expect(page.locator(".sbs-analysis")).to_be_visible()
    page.goto(site.url("/scenarios/"))
    expect(page.locator("[data-sbs-choice='late-for-the-bus']")).to_have_text(
        "Good: Name the problem and ask"
    )


def test_without_javascript_everything_is_visible(site: Site, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url(SCENARIO))
    expect(page.locator(".sbs-choose")).to_be_hidden()
    expect(page.locator(".sbs-response")).to_have_count(3)
    expect(page.get_by_text("Blame puts the teacher on the defensive.")).to_be_visible()
    expect(page.locator(".sbs-contrast")).to_be_visible()
    context.close()


def test_no_horizontal_overflow_on_a_phone(site: Site, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site.url(SCENARIO))
    choose(page, "You always keep them late.")
    for path in (SCENARIO, "/scenarios/", "/modules/first-steps/"):
        page.goto(site.url(path))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide"
    # On a phone the responses stack: each takes the full width.
    page.goto(site.url(SCENARIO))
    boxes = [r.bounding_box() for r in page.locator(".sbs-response").all()]
    assert len({round(box["x"]) for box in boxes if box}) == 1
    context.close()


def test_side_by_side_on_a_wide_screen(site: Site, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(site.url(SCENARIO))
    choose(page, "You always keep them late.")
    boxes = [r.bounding_box() for r in page.locator(".sbs-response").all()]
    assert len({round(box["y"]) for box in boxes if box}) == 1
    context.close()


def test_role_play_cards_print_one_role_per_half_page(
    site: Site, page: Page, tmp_path: Path
) -> None:
    page.goto(site.url("/scenarios/late-for-the-bus-cards/"))
    page.emulate_media(media="print")
    expect(page.locator(".sbs-halfpage")).to_have_count(2)
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "h1"):
        expect(page.locator(chrome).first).to_be_hidden()
    [text] = printed_sheets(page, tmp_path / "cards.pdf")
    assert "You are Ms. Rivera, the teacher" in text and "You are Mr. Chen, the IA" in text
    assert "cut here" in text


def test_discussion_sheet_and_scenario_print_without_chrome(
    site: Site, page: Page, tmp_path: Path
) -> None:
    page.goto(site.url("/scenarios/late-for-the-bus-discussion/"))
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".sbs-discussion-sheet")).to_contain_text("What would you say?")
    page.goto(site.url(SCENARIO))
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".sbs-choose")).to_be_hidden()
    expect(page.locator(".sbs-analysis")).to_be_visible()  # all responses print
    sheets = printed_sheets(page, tmp_path / "scenario.pdf")
    assert "Blame puts the teacher on the defensive." in "".join(sheets)


def test_scenario_pages_pass_axe(site: Site, page: Page) -> None:
    for path in (SCENARIO, "/scenarios/late-for-the-bus-cards/", "/scenarios/"):
        page.goto(site.url(path))
        assert axe_report(page) == "", path
    page.goto(site.url(SCENARIO))
    choose(page, "You always keep them late.")
    assert axe_report(page) == ""


@pytest.mark.parametrize("sheet", ["late-for-the-bus-cards", "late-for-the-bus-discussion"])
def test_print_sheets_have_a_print_button(site: Site, page: Page, sheet: str) -> None:
    page.add_init_script("window.printed = 0; window.print = () => { window.printed += 1; };")
    page.goto(site.url(f"/scenarios/{sheet}/"))
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
