"""Self-check quizzes, progress, notes and the certificate, as a learner uses them."""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from helpers import Site, printed_sheets

MODULE = "/modules/first-steps/"


def answer(page: Page, question: int, *options: int) -> None:
    fieldset = page.locator(f"#first-steps-q{question}")
    for option in options:
        fieldset.locator(".sbs-options input").nth(option).check()
    fieldset.get_by_role("button", name="Check").click()


def result(page: Page, question: int) -> str:
    return page.locator(f"#first-steps-q{question} .sbs-result").inner_text()


def test_wrong_answer_shows_its_feedback_and_the_explanation(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 0)
    text = result(page, 1)
    assert text.startswith("✗ Not right.")
    assert "A polite way of saying no." in text
    assert "You learn together whether it works." not in text  # another option's feedback
    assert "Trying an idea together shows it was heard." in text
    expect(page.locator(".sbs-score")).to_have_text(
        "Score: 0 of 3 correct. In progress: 0 of 3 answered correctly."
    )


def test_right_answer(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 1)
    text = result(page, 1)
    assert text.startswith("✓ Right.")
    assert "You learn together whether it works." in text
    expect(page.locator(".sbs-score")).to_contain_text("Score: 1 of 3 correct.")


def test_partly_right_multiple_select(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 2, 0, 2)
    text = result(page, 2)
    assert text.startswith(
        "◐ Partly right: you chose 1 of the 2 right answers, and 1 that is not right."
    )
    assert "Yes, families need one clear contact." in text and "No, that is private." in text
    page.get_by_role("button", name="Try again").click()
    answer(page, 2, 0)
    assert result(page, 2).startswith(
        "◐ Partly right: you chose 1 of the 2 right answers, but not all of them."
    )


def test_retry_clears_the_answer(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 0)
    page.locator("#first-steps-q1").get_by_role("button", name="Try again").click()
    expect(page.locator("#first-steps-q1 .sbs-result")).to_have_text("")
    expect(page.locator("#first-steps-q1 .sbs-options input").nth(0)).not_to_be_checked()
    expect(page.locator("#first-steps-q1 .sbs-options input").nth(0)).to_be_focused()
    answer(page, 1, 1)
    assert result(page, 1).startswith("✓ Right.")


def test_answers_persist_across_a_reload(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 1)
    answer(page, 3, 0)
    page.reload()
    expect(page.locator("#first-steps-q1 .sbs-options input").nth(1)).to_be_checked()
    assert result(page, 1).startswith("✓ Right.")
    assert result(page, 3).startswith("✗ Not right.")
    expect(page.locator(".sbs-score")).to_contain_text("Score: 1 of 3 correct.")


def test_a_changed_question_starts_fresh(editable_site: Site, page: Page) -> None:
    page.goto(editable_site.url(MODULE))
    answer(page, 1, 1)
    answer(page, 3, 1)
    module = editable_site.root / "modules/first-steps.yml"
    text = module.read_text()
    module.write_text(text.replace("Say you will think about it.", "Say no."))
    editable_site.rebuild()
    page.reload()
    expect(page.locator("#first-steps-q1 .sbs-result")).to_have_text("")
    expect(page.locator("#first-steps-q1 .sbs-options input").nth(1)).not_to_be_checked()
    assert result(page, 3).startswith("✓ Right.")  # unchanged question keeps its answer


def test_reset_clears_the_module(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 1)
    page.get_by_role("button", name="Reset my answers in this module").click()
    expect(page.locator(".sbs-score")).to_have_text("Score: 0 of 3 correct. Not started.")
    page.reload()
    expect(page.locator("#first-steps-q1 .sbs-result")).to_have_text("")


def test_course_home_shows_each_module_state_and_resets(site: Site, page: Page) -> None:
    page.goto(site.url("/"))
    state = page.locator(".sbs-module-card .sbs-state")
    expect(state).to_have_text("Not started")
    page.goto(site.url(MODULE))
    answer(page, 1, 1)
    expect(page.locator(".sbs-module-head .sbs-state")).to_have_text(
        "In progress: 1 of 3 answered correctly"
    )
    answer(page, 2, 0, 1)
    answer(page, 3, 1)
    expect(page.locator(".sbs-module-head .sbs-state")).to_have_text("Done")
    page.goto(site.url("/"))
    expect(state).to_have_text("Done")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset my progress").click()
    expect(state).to_have_text("Not started")


def test_events_for_a_wrapper(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    page.evaluate(
        """window.seen = [];
        for (const name of ["sidebyside:checked", "sidebyside:module-done"])
          document.addEventListener(name, e => window.seen.push([e.type, e.detail]));"""
    )
    answer(page, 1, 0)
    answer(page, 2, 0, 1)
    page.locator("#first-steps-q1").get_by_role("button", name="Try again").click()
    answer(page, 1, 1)
    answer(page, 3, 1)
    seen = page.evaluate("window.seen")
    assert [(kind, detail.get("correct")) for kind, detail in seen] == [
        ("sidebyside:checked", False),
        ("sidebyside:checked", True),
        ("sidebyside:checked", True),
        ("sidebyside:checked", True),
        ("sidebyside:module-done", None),
    ]
    assert seen[0][1] == {
        "module": "first-steps",
        "question": "first-steps-q1",
        "key": page.get_attribute("#first-steps-q1", "data-sbs-key"),
        "correct": False,
        "partial": False,
        "chosen": [0],
    }
    assert seen[-1][1] == {"module": "first-steps"}


def test_keyboard_only(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    page.locator("#first-steps-q1 .sbs-options input").nth(0).focus()
    page.keyboard.press("ArrowDown")  # radios move with the arrow keys
    page.keyboard.press("Tab")
    expect(page.locator("#first-steps-q1").get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    assert result(page, 1).startswith("✓ Right.")
    checkbox = page.locator("#first-steps-q2 .sbs-options input").nth(0)
    checkbox.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert result(page, 2).startswith("✓ Right.")


def test_results_are_announced_and_pass_axe(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 0)
    answer(page, 2, 0)
    live = page.locator("#first-steps-q1 .sbs-result")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()


def test_corrupt_storage_never_breaks_the_page(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    key = page.get_attribute("#first-steps-q1", "data-sbs-key")
    page.evaluate(
        f"""localStorage.setItem("sidebyside:v1:quiz:first-steps:{key}", "{{not json");
        localStorage.setItem("sidebyside:v1:quiz:first-steps:x", "[1,2]");
        localStorage.setItem("sidebyside:v1:note:first-steps:x", "42");
        localStorage.setItem("other-app", "null");"""
    )
    page.reload()
    expect(page.locator(".sbs-score")).to_have_text("Score: 0 of 3 correct. Not started.")
    answer(page, 1, 1)
    assert result(page, 1).startswith("✓ Right.")


def test_without_javascript_the_answers_can_be_revealed(site: Site, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url(MODULE))
    question = page.locator("#first-steps-q1")
    expect(question.locator("legend")).to_contain_text("Your IA has an idea")
    expect(question.get_by_text("You learn together whether it works.")).to_be_hidden()
    question.get_by_text("Show the answer").click()
    expect(question.get_by_text("You learn together whether it works.")).to_be_visible()
    expect(question.get_by_text("Trying an idea together shows it was heard.")).to_be_visible()
    context.close()


def test_reflections_are_kept_and_gathered_in_my_notes(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    page.get_by_label("What will you ask your partner on day one?").fill("How they like feedback.")
    page.goto(site.url("/notes/"))
    box = page.get_by_label("What will you ask your partner on day one?")
    expect(box).to_have_value("How they like feedback.")
    page.emulate_media(media="print")
    expect(box).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    page.emulate_media(media="screen")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete all my notes").click()
    expect(box).to_have_value("")
    page.goto(site.url(MODULE))
    expect(page.get_by_label("What will you ask your partner on day one?")).to_have_value("")


def test_certificate_is_gated_then_prints(site: Site, page: Page, tmp_path: Path) -> None:
    page.goto(site.url("/certificate/"))
    expect(page.locator(".sbs-certificate-gate")).to_have_text(
        "Finish every module's self-check to unlock the certificate. "
        "Still to do: First steps together."
    )
    expect(page.get_by_label("Your name, as it should appear")).to_be_hidden()
    page.goto(site.url(MODULE))
    answer(page, 1, 1)
    answer(page, 2, 0, 1)
    answer(page, 3, 1)
    page.goto(site.url("/certificate/"))
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_label("Your name, as it should appear").fill("Alex Morgan")
    page.get_by_role("button", name="Print my certificate").click()
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    expect(page.locator(".sbs-certificate-sheet")).to_be_visible()
    expect(page.locator(".sbs-certificate-name")).to_have_text("Alex Morgan")
    expect(page.locator(".sbs-certificate-form")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("h1")).to_be_hidden()
    [text] = printed_sheets(page, tmp_path / "certificate.pdf")
    assert "Alex Morgan" in text and "First steps together" in text


def test_a_module_without_a_quiz_never_holds_the_certificate_back(
    editable_site: Site, page: Page
) -> None:
    (editable_site.root / "modules/reading-only.yml").write_text(
        "title: Reading only\norder: 2\naudience: [ia]\nminutes: 5\nsummary: Just reading.\n"
        "objectives: [Read.]\nsections:\n  - heading: Read\n    body: Some text.\n"
    )
    editable_site.rebuild()
    page.goto(editable_site.url("/"))
    expect(
        page.locator(".sbs-module-card[data-sbs-module='reading-only'] .sbs-state")
    ).to_have_text("No self-check")
    page.goto(editable_site.url("/certificate/"))
    expect(page.locator(".sbs-certificate-gate")).to_contain_text(
        "Still to do: First steps together."
    )
