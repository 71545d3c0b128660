"""A record the learner owns: progress downloaded as a file, and loaded on another device."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from helpers import Site

MODULE = "/modules/first-steps/"


def answer_first_question(page: Page, site: Site) -> None:
    page.goto(site.url(MODULE))
    page.locator("#first-steps-q1 .sbs-options input").nth(1).check()
    page.locator("#first-steps-q1").get_by_role("button", name="Check").click()


def download(page: Page, site: Site, folder: Path) -> Path:
    page.goto(site.url("/"))
    with page.expect_download() as started:
        page.get_by_role("button", name="Download my progress").click()
    saved = folder / started.value.suggested_filename
    started.value.save_as(saved)
    expect(page.locator(".sbs-record-status")).to_contain_text("Your progress is saved")
    return saved


def test_progress_moves_to_another_device_as_a_file(
    site: Site, page: Page, browser: Browser, tmp_path: Path
) -> None:
    answer_first_question(page, site)
    record = download(page, site, tmp_path)
    assert record.name.startswith("side-by-side-progress-") and record.suffix == ".json"
    other = browser.new_context()
    there = other.new_page()
    there.goto(site.url("/"))
    expect(there.locator(".sbs-module-card .sbs-state").first).to_have_text("Not started")
    there.get_by_label("Load my progress").set_input_files(record)
    expect(there.locator(".sbs-module-card .sbs-state").first).to_contain_text("In progress")
    there.goto(site.url(MODULE))
    expect(there.locator("#first-steps-q1 .sbs-result")).to_contain_text("Right.")
    other.close()


def test_a_changed_or_foreign_file_changes_nothing(site: Site, page: Page, tmp_path: Path) -> None:
    answer_first_question(page, site)
    record = download(page, site, tmp_path)
    data = json.loads(record.read_text())
    for key in data["entries"]:
        data["entries"][key]["correct"] = False  # edited by hand
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(data))
    foreign = tmp_path / "foreign.json"
    foreign.write_text("not a record at all")
    before = page.evaluate("JSON.stringify(localStorage)")
    for file in (tampered, foreign):
        page.get_by_label("Load my progress").set_input_files(file)
        expect(page.locator(".sbs-record-status")).to_contain_text(
            "That file is not a Side by Side progress file, or it was changed after it was saved."
        )
    assert page.evaluate("JSON.stringify(localStorage)") == before
