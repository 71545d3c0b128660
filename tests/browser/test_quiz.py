"""Self-check quizzes, progress, notes and the certificate, as a learner uses them."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect

from helpers import Site, axe_report, edit, printed_sheets

MODULE = "/modules/first-steps/"

# An element's color, the first opaque background from the element up (behind its text, inside
# its border) and the first from its parent up (outside its border).
_COLORS = r"""(element, property) => {
  const opaque = (node) => {
    for (; node; node = node.parentElement) {
      const background = getComputedStyle(node).backgroundColor;
      const parts = background.match(/[\d.]+/g) || [];
      if (parts.length === 3 || Number(parts[3]) > 0) return background;
    }
    return "rgb(255, 255, 255)";
  };
  return [getComputedStyle(element)[property], opaque(element), opaque(element.parentElement)];
}"""


def _rgba(color: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", color)]
    return numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0


def _luminance(rgb: list[float]) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = map(linear, rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(locator: Locator, property: str = "color") -> float:
    """WCAG contrast of an element's color (of its text, border or outline) against the
    backgrounds it lies on: the lower of the two."""
    color, inner, outer = locator.evaluate(_COLORS, property)
    *front, alpha = _rgba(color)
    ratios = []
    for background in (inner, outer):
        back = list(_rgba(background)[:3])
        mixed = [alpha * f + (1 - alpha) * b for f, b in zip(front, back, strict=True)]
        light, dark = sorted((_luminance(mixed), _luminance(back)), reverse=True)
        ratios.append((light + 0.05) / (dark + 0.05))
    return min(ratios)


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
    expect(page.locator(".sbs-score")).to_have_text("Score: 0 of 3 correct. In progress.")


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


def test_no_try_again_after_a_right_answer(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 1)
    answer(page, 2, 0)  # partly right
    answer(page, 3, 0)  # wrong
    right, partly, wrong = (page.locator(f"#first-steps-q{n}") for n in (1, 2, 3))
    expect(right.get_by_role("button")).to_have_count(0)
    expect(partly.get_by_role("button", name="Try again")).to_be_visible()
    expect(wrong.get_by_role("button", name="Try again")).to_be_visible()
    page.reload()
    expect(right.get_by_role("button")).to_have_count(0)
    expect(wrong.get_by_role("button", name="Try again")).to_be_visible()
    page.get_by_role("button", name="Reset my answers in this module").click()
    expect(right.get_by_role("button", name="Check")).to_be_visible()


def test_the_score_line_agrees_with_the_module_state(site: Site, page: Page) -> None:
    """The rule: a module is done once every question has been answered right, and stays done.
    The score counts the answers right now. A right answer is final, so the two can only part
    when another tab answers a question wrong again; the score line then says why it is done."""
    page.goto(site.url(MODULE))
    score, state = page.locator(".sbs-score"), page.locator(".sbs-module-head .sbs-state")
    answer(page, 1, 0)
    expect(score).to_have_text("Score: 0 of 3 correct. In progress.")
    expect(state).to_have_text("In progress: 0 of 3 answered correctly")
    other = page.context.new_page()  # a second tab: it finishes the module
    other.goto(site.url(MODULE))
    other.locator("#first-steps-q1").get_by_role("button", name="Try again").click()
    answer(other, 1, 1)
    answer(other, 2, 0, 1)
    answer(other, 3, 1)
    expect(other.locator(".sbs-score")).to_have_text("Score: 3 of 3 correct. Done.")
    other.close()
    # The first tab still shows its wrong answer to question 1, and answers it wrong again.
    page.locator("#first-steps-q1").get_by_role("button", name="Try again").click()
    answer(page, 1, 0)
    assert result(page, 1).startswith("✗ Not right.")
    done_anyway = (
        "Score: 2 of 3 correct. Done: every question has been answered correctly at least once."
    )
    expect(score).to_have_text(done_anyway)
    expect(state).to_have_text("Done")
    page.reload()
    expect(score).to_have_text(done_anyway)
    page.locator("#first-steps-q1").get_by_role("button", name="Try again").click()
    answer(page, 1, 1)
    expect(score).to_have_text("Score: 3 of 3 correct. Done.")


def test_the_chosen_option_says_so_in_words(site: Site, page: Page) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 0)
    options = page.locator("#first-steps-q1 .sbs-options label")
    expect(options.nth(0)).to_contain_text("Your answer")
    expect(options.nth(1)).not_to_contain_text("Your answer")
    marker = options.nth(0).get_by_text("Your answer", exact=True)
    expect(marker).to_be_visible()
    assert contrast(marker) >= 4.5
    # The disabled input is faint: the chosen option is outlined as well.
    outline = options.nth(0).evaluate(
        "e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]"
    )
    assert outline[0] == "solid" and outline[1] >= 2
    assert contrast(options.nth(0), "outlineColor") >= 3
    assert options.nth(1).evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    expect(page.locator("#first-steps-q1").get_by_role("radio", name="Your answer")).to_have_count(
        1
    )
    answer(page, 2, 0, 2)
    expect(page.locator("#first-steps-q2").get_by_text("Your answer", exact=True)).to_have_count(2)
    page.reload()
    expect(options.nth(0).get_by_text("Your answer", exact=True)).to_be_visible()
    page.locator("#first-steps-q1").get_by_role("button", name="Try again").click()
    expect(page.locator("#first-steps-q1").get_by_text("Your answer")).to_have_count(0)
    expect(options.nth(0)).not_to_have_css("outline-style", "solid")


def test_a_long_prompt_sits_inside_its_box(editable_site: Site, page: Page) -> None:
    edit(
        editable_site.root / "modules/first-steps.yml",
        "What do you do?",
        "It would change how students come in, hang up their coats, choose a book, find "
        "their seats and settle before the bell, and it means moving the reading corner "
        "to the other side of the room. What do you do first?",
    )
    editable_site.rebuild()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(editable_site.url(MODULE))
        question = page.locator("#first-steps-q1")
        expect(page.get_by_role("group", name=re.compile(r"^Question 1 of 3\."))).to_be_visible()
        box, heading, hint = question.bounding_box(), question.locator("legend"), ".sbs-hint"
        legend, below = heading.bounding_box(), question.locator(hint).bounding_box()
        assert box and legend and below
        line = heading.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        assert legend["height"] > 1.5 * line, f"the prompt should wrap at {width}px"
        border = question.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)")
        assert legend["y"] >= box["y"] + border, f"the prompt crosses the top border at {width}px"
        assert legend["x"] >= box["x"] + border
        assert legend["x"] + legend["width"] <= box["x"] + box["width"] - border
        assert legend["y"] + legend["height"] <= below["y"]


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
    assert axe_report(page) == ""


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


def finish_the_module(page: Page, site: Site) -> None:
    page.goto(site.url(MODULE))
    answer(page, 1, 1)
    answer(page, 2, 0, 1)
    answer(page, 3, 1)


def stub_print(page: Page) -> None:
    """window.print counts its calls instead of opening the print dialog."""
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed++; }; }")


def test_certificate_is_gated_then_prints(site: Site, page: Page, tmp_path: Path) -> None:
    page.goto(site.url("/certificate/"))
    expect(page.locator(".sbs-certificate-gate p")).to_have_text(
        "Finish every module's self-check to unlock the certificate. Still to finish:"
    )
    expect(page.locator(".sbs-certificate-gate li")).to_have_text(["First steps together"])
    expect(page.get_by_label("Your name, as it should appear")).to_be_hidden()
    finish_the_module(page, site)
    page.goto(site.url("/certificate/"))
    stub_print(page)
    page.get_by_label("Your name, as it should appear").fill("Alex Morgan")
    page.get_by_role("button", name="Print my certificate").click()
    assert page.evaluate("window.printed") == 1
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
    expect(page.locator(".sbs-certificate-gate li")).to_have_text(["First steps together"])


SECOND_MODULE = """title: Planning as a pair
order: 2
audience: [teacher, ia]
minutes: 5
summary: Plan the week together.
objectives: [Plan one lesson together.]
sections:
  - heading: Plan
    body: Meet for ten minutes each week.
quiz:
  - prompt: When do you plan together?
    type: single
    options:
      - text: Every week.
        correct: true
        feedback: A short, steady meeting works.
      - text: Only when something goes wrong.
        feedback: Then nobody knows the plan until then.
    explanation: Planning together keeps you both in step.
"""


def test_the_locked_certificate_lists_what_is_left(editable_site: Site, page: Page) -> None:
    (editable_site.root / "modules/planning-as-a-pair.yml").write_text(SECOND_MODULE)
    editable_site.rebuild()
    page.goto(editable_site.url("/certificate/"))
    gate = page.locator(".sbs-certificate-gate")
    expect(gate.get_by_role("listitem")).to_have_text(
        ["First steps together", "Planning as a pair"]
    )
    finish_the_module(page, editable_site)
    page.goto(editable_site.url("/certificate/"))
    expect(gate.get_by_role("paragraph")).to_have_text(
        "Finish every module's self-check to unlock the certificate. Still to finish:"
    )
    expect(gate.get_by_role("listitem")).to_have_text(["Planning as a pair"])
    gate.get_by_role("link", name="Planning as a pair").click()
    expect(page).to_have_url(editable_site.url("/modules/planning-as-a-pair/"))
    expect(page.locator("h1")).to_have_text("Planning as a pair")


# Each list item's markers: its own list marker, and any ::before or ::after of it or inside it.
_MARKERS = """items => items.map(item => {
  const markers = [];
  const style = getComputedStyle(item);
  if (style.display === "list-item" && style.listStyleType !== "none") {
    markers.push(style.listStyleType);
  }
  for (const node of [item, ...item.querySelectorAll("*")]) {
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(node, pseudo).content;
      if (content !== "none" && content !== "normal") markers.push(pseudo + " " + content);
    }
  }
  return markers;
})"""


def test_the_module_list_has_one_marker_each_and_links(site: Site, page: Page) -> None:
    page.goto(site.url("/certificate/"))
    items = page.locator(".sbs-certificate-modules li")
    expect(items).to_have_text(["First steps together: Not started"])
    assert items.evaluate_all(_MARKERS) == [['"○  "']]
    finish_the_module(page, site)
    page.goto(site.url("/certificate/"))
    expect(items).to_have_text(["First steps together: Done"])
    assert items.evaluate_all(_MARKERS) == [['"✓  "']]
    items.get_by_role("link", name="First steps together").click()
    expect(page).to_have_url(site.url(MODULE))


def test_the_name_box_is_easy_to_see(site: Site, page: Page) -> None:
    finish_the_module(page, site)
    page.goto(site.url("/certificate/"))
    box = page.get_by_label("Your name, as it should appear")
    expect(box).to_be_visible()
    assert box.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16
    for side in ("Top", "Right", "Bottom", "Left"):
        style, width = box.evaluate(
            f"e => [getComputedStyle(e).border{side}Style,"
            f" parseFloat(getComputedStyle(e).border{side}Width)]"
        )
        assert style == "solid" and width >= 1, side
        assert contrast(box, f"border{side}Color") >= 3, side
    size = box.bounding_box()
    assert size and size["width"] >= 200 and size["height"] >= 32


def test_printing_without_a_name_says_what_is_missing(site: Site, page: Page) -> None:
    finish_the_module(page, site)
    page.goto(site.url("/certificate/"))
    stub_print(page)
    form = page.locator(".sbs-certificate-form")
    box = page.get_by_label("Your name, as it should appear")
    button = page.get_by_role("button", name="Print my certificate")
    message = "Type your name first: it is printed on the certificate."
    expect(form.get_by_role("alert")).to_have_count(0)
    for typed in ("", "   "):
        box.fill(typed)
        button.click()
        expect(form.get_by_role("alert")).to_have_text(message)
        expect(box).to_be_focused()
        expect(box).to_have_attribute("aria-invalid", "true")
        expect(box).to_have_accessible_description(message)
        assert page.evaluate("window.printed") == 0
    assert axe_report(page) == ""
    box.fill("Alex Morgan")
    expect(form.get_by_role("alert")).to_have_count(0)
    expect(box).not_to_have_attribute("aria-invalid", "true")
    button.click()
    assert page.evaluate("window.printed") == 1
