"""Worksheets: filled on screen and kept, cleared on request, printed without the site."""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from helpers import Site, printed_sheets

WORKSHEET = "/worksheets/starter-agreement/"


def fill(page: Page) -> None:
    page.get_by_label("Teacher", exact=True).fill("Ms. Rivera")
    page.get_by_label("IA: Plans lessons").check()
    page.get_by_label("Teacher: Plans lessons").check()  # one choice per row
    page.get_by_label("Notes: Plans lessons").fill("Weekly, on Mondays")
    page.get_by_label("How will we check in each day?").fill("Five minutes before the bell.")
    page.get_by_label("We asked administration what is already decided.").check()


def test_values_stay_after_a_reload(site: Site, page: Page) -> None:
    page.goto(site.url(WORKSHEET))
    fill(page)
    page.reload()
    expect(page.get_by_label("Teacher", exact=True)).to_have_value("Ms. Rivera")
    expect(page.get_by_label("Teacher: Plans lessons")).to_be_checked()
    expect(page.get_by_label("IA: Plans lessons")).not_to_be_checked()
    expect(page.get_by_label("Notes: Plans lessons")).to_have_value("Weekly, on Mondays")
    expect(page.get_by_label("How will we check in each day?")).to_have_value(
        "Five minutes before the bell."
    )
    expect(page.get_by_label("We asked administration what is already decided.")).to_be_checked()


def test_clear_empties_the_worksheet(site: Site, page: Page) -> None:
    page.goto(site.url(WORKSHEET))
    fill(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear this worksheet").click()
    expect(page.get_by_label("Teacher", exact=True)).to_have_value("")
    page.reload()
    expect(page.get_by_label("Teacher: Plans lessons")).not_to_be_checked()
    expect(page.locator(".sbs-worksheet-status")).to_have_text("")


def test_print_shows_only_the_worksheet_with_its_values(
    site: Site, page: Page, tmp_path: Path
) -> None:
    page.goto(site.url(WORKSHEET))
    fill(page)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".sbs-worksheet-tools"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    for paper in ("Letter", "A4"):
        sheets = printed_sheets(page, tmp_path / f"{paper}.pdf", paper)
        assert len(sheets) == 1, paper
        text = sheets[0]
        assert "Starter agreement" in text and "Records behavior data" in text
        assert "Ms. Rivera" in text and "Weekly, on Mondays" in text
        assert "Print" not in text.split()


def test_worksheet_page_passes_axe(site: Site, page: Page) -> None:
    page.goto(site.url(WORKSHEET))
    fill(page)
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()
