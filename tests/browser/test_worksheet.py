"""Worksheets: filled on screen and kept, cleared on request, printed without the site."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from helpers import Site, axe_report, edit, printed_sheets, serve

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
    assert axe_report(page) == ""


def test_entries_stay_on_their_rows_when_rows_are_added(editable_site: Site, page: Page) -> None:
    page.goto(editable_site.url(WORKSHEET))
    fill(page)
    worksheet = editable_site.root / "worksheets/starter-agreement.yml"
    edit(worksheet, "fields: [Teacher,", "fields: [School, Teacher,")
    edit(worksheet, "rows: [Plans lessons,", "rows: [Sets up the room, Plans lessons,")
    edit(worksheet, "      - How will", "      - What do we each do best?\n      - How will")
    editable_site.rebuild()
    page.reload()
    expect(page.get_by_label("School", exact=True)).to_have_value("")
    expect(page.get_by_label("Teacher", exact=True)).to_have_value("Ms. Rivera")
    expect(page.get_by_label("Teacher: Sets up the room")).not_to_be_checked()
    expect(page.get_by_label("Notes: Sets up the room")).to_have_value("")
    expect(page.get_by_label("Teacher: Plans lessons")).to_be_checked()
    expect(page.get_by_label("Notes: Plans lessons")).to_have_value("Weekly, on Mondays")
    expect(page.get_by_label("What do we each do best?")).to_have_value("")
    expect(page.get_by_label("How will we check in each day?")).to_have_value(
        "Five minutes before the bell."
    )


def test_entries_saved_by_position_carry_over(course_site: Path, page: Page) -> None:
    """The first version saved entries under position names; the shipped worksheets, which
    have not changed since, take them over onto the same rows."""
    base, server = serve(course_site)
    try:
        page.goto(base + "/worksheets/role-agreement.html")
        old = {
            "role-agreement-b1-f1": "Ms. Rivera",
            "role-agreement-b2-g1-r2": "0",  # Introduces new concepts and skills: Teacher
            "role-agreement-b2-g1-r2-notes": "Always",
            "role-agreement-b3-p1": "Mondays at 3.",
        }
        page.evaluate(
            "old => localStorage.setItem('sidebyside:v1:worksheet:role-agreement', "
            "JSON.stringify(old))",
            old,
        )
        page.reload()
        expect(page.get_by_label("Teacher", exact=True)).to_have_value("Ms. Rivera")
        expect(page.get_by_label("Teacher: Introduces new concepts and skills")).to_be_checked()
        expect(page.get_by_label("Notes: Introduces new concepts and skills")).to_have_value(
            "Always"
        )
        expect(page.get_by_label("IA: Writes lesson plans")).not_to_be_checked()
        first_prompt = page.locator(".sbs-prompts textarea").first
        expect(first_prompt).to_have_value("Mondays at 3.")
        saved = page.evaluate("Object.keys(localStorage)")
        assert [key for key in saved if key.startswith("sidebyside:")] == [
            "sidebyside:v1:entries:role-agreement"
        ]
    finally:
        server.shutdown()


def test_entries_saved_by_position_on_an_unrecorded_worksheet_stay_put(
    site: Site, page: Page
) -> None:
    """Only the worksheets the first version published have a record of which input each
    position was; for any other, such entries are left alone rather than put on whatever
    row now has that number."""
    page.goto(site.url(WORKSHEET))
    page.evaluate(
        "localStorage.setItem('sidebyside:v1:worksheet:starter-agreement', "
        "JSON.stringify({'starter-agreement-b1-f1': 'Ms. Rivera'}))"
    )
    page.reload()
    expect(page.get_by_label("Teacher", exact=True)).to_have_value("")
    assert page.evaluate("localStorage.getItem('sidebyside:v1:worksheet:starter-agreement')")


def test_decided_rows_are_filled_in_and_locked(editable_site: Site, page: Page) -> None:
    edit(
        editable_site.root / "worksheets/starter-agreement.yml",
        "rows: [Plans lessons, Prepares materials]",
        "rows:\n            - {text: Plans lessons, decided: Teacher, why: The rule says so.}\n"
        "            - {text: Gives medication, decided: The school nurse decides}\n"
        "            - Prepares materials",
    )
    editable_site.rebuild()
    page.goto(editable_site.url(WORKSHEET))
    decided = page.get_by_label("Teacher: Plans lessons")
    expect(decided).to_be_checked()
    expect(decided).to_be_disabled()
    expect(page.get_by_label("IA: Plans lessons")).to_be_disabled()
    expect(page.get_by_role("row", name="Plans lessons")).to_contain_text(
        "Already decided: Teacher. The rule says so."
    )
    nurse = page.get_by_role("row", name="Gives medication")
    expect(nurse).to_contain_text("The school nurse decides")
    expect(nurse.get_by_role("radio")).to_have_count(0)
    page.get_by_label("IA: Prepares materials").check()
    page.get_by_label("Notes: Plans lessons").fill("Weekly")
    page.reload()
    expect(decided).to_be_checked()
    expect(page.get_by_label("IA: Prepares materials")).to_be_checked()
    saved = page.evaluate("localStorage.getItem('sidebyside:v1:entries:starter-agreement')")
    assert "planning:plans-lessons:notes" in saved and '"planning:plans-lessons"' not in saved
