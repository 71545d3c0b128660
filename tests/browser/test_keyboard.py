"""The course with the keyboard alone (WCAG 2.1.1), what it announces to screen readers (4.1.3),
and what it asks only once (3.3.7)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from helpers import Site, tab_to

MODULE = "/modules/first-steps/"
SCENARIO = "/scenarios/late-for-the-bus/"
WORKSHEET = "/worksheets/starter-agreement/"
CERTIFICATE = "/certificate/"
# window.print counts its calls instead of opening the print dialog.
COUNT_PRINTS = "window.printed = 0; window.print = () => { window.printed++; };"


def right_options(question: Locator) -> list[int]:
    answers = question.locator(".sbs-answer-options li")
    return [
        i
        for i in range(answers.count())
        if answers.nth(i).get_attribute("data-sbs-correct") == "true"
    ]


def answer_with_keys(page: Page, question: Locator) -> None:
    """Radios: Tab into the group, arrows to the right one. Checkboxes: Space on each right
    one, Tab between them. Then Tab to Check, and Enter."""
    options = question.locator(".sbs-options input")
    right = right_options(question)
    tab_to(page, options.first)
    if question.get_attribute("data-sbs-type") == "multiple":
        for index in range(options.count()):
            if index in right:
                page.keyboard.press("Space")
            page.keyboard.press("Tab")
    else:
        page.keyboard.press("Space")
        for _ in range(right[0]):
            page.keyboard.press("ArrowDown")
    tab_to(page, question.get_by_role("button", name="Check"))
    page.keyboard.press("Enter")


def test_the_course_with_the_keyboard_alone(site: Site, page: Page) -> None:
    page.add_init_script(COUNT_PRINTS)
    page.goto(site.url("/"))
    tab_to(page, page.locator(".md-content").get_by_role("link", name="First steps together"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(site.url(MODULE))
    for question in page.locator(".sbs-question").all():
        answer_with_keys(page, question)
        expect(question.locator(".sbs-result")).to_contain_text("✓ Right.")
    expect(page.locator(".sbs-score")).to_contain_text("3 of 3")

    page.goto(site.url(SCENARIO))
    tab_to(page, page.locator(".sbs-choice input").first)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    tab_to(page, page.get_by_role("button", name="See how it goes"))
    page.keyboard.press("Enter")
    expect(page.locator(".sbs-analysis")).to_be_visible()
    expect(page.locator(".sbs-response.sbs-chosen")).to_have_count(1)

    page.goto(site.url(WORKSHEET))
    tab_to(page, page.get_by_label("Teacher", exact=True))
    page.keyboard.type("Ms. Rivera")
    tab_to(page, page.get_by_label("Teacher: Plans lessons"))  # a row's radios: one Tab stop
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    tab_to(page, page.get_by_label("We asked administration what is already decided."))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Print"))
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1
    expect(page.get_by_label("Shared: Plans lessons")).to_be_checked()
    expect(page.get_by_label("We asked administration what is already decided.")).to_be_checked()

    page.goto(site.url(CERTIFICATE))
    tab_to(page, page.get_by_label("Your name, as it should appear"))
    page.keyboard.type("Alex Morgan")
    tab_to(page, page.get_by_role("button", name="Print my certificate"))
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1  # a new page, a new count
    expect(page.locator(".sbs-certificate-name")).to_have_text("Alex Morgan")


def test_results_and_outcomes_reach_a_live_region(site: Site, page: Page) -> None:
    """Each region is on the page, empty, before it speaks: screen readers announce only
    changes to a region they already know."""
    page.goto(site.url(MODULE))
    question = page.locator("#first-steps-q1")
    live = question.get_by_role("status")
    expect(live).to_have_text("")
    question.locator(".sbs-options input").nth(0).check()
    question.get_by_role("button", name="Check").click()
    expect(live).to_contain_text("✗ Not right.")
    score = page.locator(".sbs-score")
    expect(score).to_have_attribute("aria-live", "polite")
    expect(score).to_contain_text("Score: 0 of 3 correct.")

    page.goto(site.url(SCENARIO))
    outcome = page.locator(".sbs-choice-result")
    expect(outcome).to_have_attribute("role", "status")
    expect(outcome).to_have_text("")
    page.locator(".sbs-choice", has_text="Can we end five minutes earlier?").locator(
        "input"
    ).check()
    page.get_by_role("button", name="See how it goes").click()
    expect(outcome).to_contain_text("You chose “Right words, wrong place”. This response is mixed.")

    page.goto(site.url(WORKSHEET))
    cleared = page.locator(".sbs-worksheet-status")
    expect(cleared).to_have_attribute("role", "status")
    page.get_by_label("Teacher", exact=True).fill("Ms. Rivera")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear this worksheet").click()
    expect(cleared).to_have_text("The worksheet is cleared.")


def test_the_learner_s_name_is_asked_once(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    for question in page.locator(".sbs-question").all():
        for index in right_options(question):
            question.locator(".sbs-options input").nth(index).check()
        question.get_by_role("button", name="Check").click()
    page.goto(site.url(CERTIFICATE))
    name = page.get_by_label("Your name, as it should appear")
    name.fill("Alex Morgan")
    page.goto(site.url("/"))
    page.goto(site.url(CERTIFICATE))
    expect(name).to_have_value("Alex Morgan")
    expect(page.locator(".sbs-certificate-name")).to_have_text("Alex Morgan")
    name.fill("")  # emptied, it is forgotten
    page.reload()
    expect(name).to_have_value("")
