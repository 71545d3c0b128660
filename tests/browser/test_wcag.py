"""The real course against WCAG 2.2 AA: axe-core on every page at a desktop and a phone width,
in each color scheme, at rest and in use; then what axe cannot see (text size and spacing,
focus under the sticky header, target sizes, reduced motion, the color-scheme toggle).
docs/accessibility.md names these tests criterion by criterion."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from helpers import axe_report, course_pages, watched_page

WIDTHS: dict[str, ViewportSize] = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
SCHEMES = {"light": "default", "dark": "slate"}  # the system's choice -> Material's scheme


@pytest.fixture
def pages(course_site: Path) -> list[str]:
    paths = course_pages(course_site)
    assert "/modules/partners.html" in paths and "/worksheets/role-agreement.html" in paths
    return paths


@pytest.fixture
def pages_and_a_translation_of_each_kind(pages: list[str]) -> list[str]:
    """Every page in the course's own language, and in each translation the first page of
    each folder: a translation's pages have the same templates, only other words."""
    own = [path for path in pages if not path.startswith("/es/")]
    kinds: dict[str, str] = {}
    for path in pages:
        if path.startswith("/es/"):
            kinds.setdefault(path.rsplit("/", 1)[0] if path.count("/") > 2 else path, path)
    return own + sorted(kinds.values())


def in_scheme(page: Page, scheme: str) -> None:
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_passes_axe_and_asks_no_other_host(
    served: str, pages: list[str], browser: Browser, width: str, scheme: str
) -> None:
    failures, elsewhere = {}, []
    with watched_page(browser, viewport=WIDTHS[width], color_scheme=scheme) as page:
        page.on("request", lambda r: None if r.url.startswith(served) else elsewhere.append(r.url))
        for path in pages:
            page.goto(served + path)
            in_scheme(page, scheme)
            if report := axe_report(page):
                failures[path] = report
    assert failures == {}
    assert elsewhere == []


def answer_every_question(page: Page, right: bool) -> None:
    """Check each question's right options (or only its first, wrong or not), then Check.
    A question answered wrong before is opened again first; one answered right stays closed."""
    for question in page.locator(".sbs-question").all():
        try_again = question.get_by_role("button", name="Try again")
        if try_again.is_visible():
            try_again.click()
        if not question.get_by_role("button", name="Check").is_visible():
            continue
        options = question.locator(".sbs-answer-options li")
        for index in range(options.count()):
            correct = options.nth(index).get_attribute("data-sbs-correct") == "true"
            if (right and correct) or (not right and index == 0):
                question.locator(".sbs-options input").nth(index).check()
        question.get_by_role("button", name="Check").click()
        expect(question.locator(".sbs-result")).not_to_be_empty()


def finish_every_module(page: Page, base: str, pages: list[str]) -> None:
    for path in pages:
        if path.startswith("/modules/"):
            page.goto(base + path)
            answer_every_question(page, right=True)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_pages_in_use_pass_axe(
    served: str, pages: list[str], browser: Browser, width: str, scheme: str
) -> None:
    """After a quiz is answered (wrong answers' feedback shown too), a scenario revealed, a
    worksheet filled, notes written and the certificate unlocked with a name."""
    failures = {}
    with watched_page(browser, viewport=WIDTHS[width], color_scheme=scheme) as page:

        def audit(what: str) -> None:
            in_scheme(page, scheme)
            if report := axe_report(page):
                failures[what] = report

        page.goto(served + "/modules/partners.html")
        answer_every_question(page, right=False)
        audit("a quiz answered wrong")
        page.goto(served + "/scenarios/heated-at-end-of-day.html")
        page.locator(".sbs-choice input").first.check()
        page.get_by_role("button", name="See how it goes").click()
        expect(page.locator(".sbs-analysis")).to_be_visible()
        audit("a scenario revealed")
        page.goto(served + "/worksheets/role-agreement.html")
        for field in page.locator(".sbs-worksheet input[type=text], .sbs-worksheet textarea").all():
            field.fill("Agreed on Monday")
        for row in page.locator(".sbs-matrix tbody tr:not(.sbs-decided)").all():
            if row.locator("input[type=radio]").count():
                row.locator("input[type=radio]").first.check()
        audit("a worksheet filled")
        finish_every_module(page, served, pages)
        audit("a quiz answered right")
        page.goto(served + "/notes.html")
        for area in page.locator("textarea").all():
            area.fill("A thought to bring to our next meeting.")
        audit("notes written")
        page.goto(served + "/index.html")
        audit("the home page with every module done")
        page.goto(served + "/certificate.html")
        page.get_by_label("Your name, as it should appear").fill("Alex Morgan")
        expect(page.locator(".sbs-certificate-sheet")).to_be_visible()
        audit("the certificate unlocked")
    assert failures == {}


# Elements whose text does not fit and is cut off (overflow hidden or clip). Material's header
# repeats the page's title on one line, cut short by design; the page's own heading holds it.
CLIPPED = """() => {
  const cut = (value) => value === "hidden" || value === "clip";
  const found = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width <= 1 || box.height <= 1 || box.right <= 0 || box.left >= innerWidth) continue;
    if (style.visibility === "hidden" || el.closest(".md-header__topic")) continue;
    if (!el.innerText || !el.innerText.trim()) continue;
    if ((cut(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (cut(style.overflowY) && el.scrollHeight > el.clientHeight + 1))
      found.push(el.tagName.toLowerCase() + "." + el.className + ": " + el.innerText.slice(0, 40));
  }
  if (document.documentElement.scrollWidth > innerWidth) found.push("the page scrolls sideways");
  return found;
}"""
# WCAG 1.4.12's own figures, as !important overrides of every rule.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                     word-spacing: 0.16em !important; }
                 p { margin-bottom: 2em !important; }"""


def test_text_at_twice_the_size_and_wider_spacing_clips_nothing(
    served: str, pages: list[str], page: Page
) -> None:
    """1.4.4 and 1.4.12: the browser's text size at 200% (32 px for 16), then the spacing
    overrides as well, on a 1280 px window."""
    page.set_viewport_size(WIDTHS["desktop"])
    browser_settings = page.context.new_cdp_session(page)
    browser_settings.send("Page.enable")
    browser_settings.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    clipped = {}
    for path in pages:
        page.goto(served + path)
        size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert size >= 32, f"{path}: the text is {size} px, not resized"
        if found := page.evaluate(CLIPPED):
            clipped[f"{path} at 200%"] = found
        page.add_style_tag(content=TEXT_SPACING)
        if found := page.evaluate(CLIPPED):
            clipped[f"{path} with wider spacing"] = found
    assert clipped == {}


# After each Tab: the focused element (or, for an input drawn by a label, the label) is what
# the browser shows at its centre, not the sticky header or anything else on top; and it shows
# it has focus (an outline or a shadow). Material's header toggles are inputs drawn by the
# label that follows them.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const next = el.nextElementSibling?.tagName === "LABEL" ? [el.nextElementSibling] : [];
  const seen = [el, ...(el.labels || []), ...next].filter(
    (node) => node.getBoundingClientRect().width > 1 && node.getBoundingClientRect().height > 1);
  if (!seen.length) return el.outerHTML.slice(0, 80) + " has no visible box";
  const ring = seen.some((node) => {
    const style = getComputedStyle(node);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none";
  });
  for (const node of seen) {
    const box = node.getClientRects()[0];  // a link broken over two lines: its first line
    // The middle of the part inside the window.
    const x = (Math.max(box.left, 0) + Math.min(box.right, innerWidth)) / 2;
    const y = (Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2;
    const top = document.elementFromPoint(x, y);
    if (top && seen.some((shown) => shown.contains(top)))
      return ring ? "" : el.outerHTML.slice(0, 80) + " shows no focus";
  }
  return el.outerHTML.slice(0, 80) + " is covered by " +
    (document.elementFromPoint(innerWidth / 2, 1)?.className || "something");
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_focus_is_never_hidden_under_the_header(
    served: str, pages_and_a_translation_of_each_kind: list[str], page: Page, width: str
) -> None:
    """2.4.7 and 2.4.11: Tab through each page to its end. With reduced motion, so that what
    is seen after each key press is where the page comes to rest."""
    pages = pages_and_a_translation_of_each_kind
    page.set_viewport_size(WIDTHS[width])
    page.emulate_media(reduced_motion="reduce")
    hidden: dict[str, list[str]] = {}
    for path in pages:
        page.goto(served + path)
        for _ in range(400):
            page.keyboard.press("Tab")
            problem = page.evaluate(FOCUS)
            # Judged once the page comes to rest: Material opens its search, and moves its
            # header and sidebars, a moment after a key press.
            for _ in range(30):
                if not problem:
                    break
                page.wait_for_timeout(100)
                problem = page.evaluate(FOCUS)
            if problem is None:  # back to the start of the page
                break
            if problem:
                hidden.setdefault(path, []).append(problem)
        else:
            pytest.fail(f"{path}: more than 400 stops for the Tab key")
    assert hidden == {}


# Our own controls in the page's content, and their sizes: a control inside its label counts
# the label's box. An inline link inside a sentence is exempt (2.5.8's inline exception), and
# so is a label that only names a larger field.
SMALL_TARGETS = """() => {
  const found = [];
  const controls = document.querySelectorAll(
    ".md-content button, .md-content input, .md-content select, .md-content textarea," +
    ".md-content summary, .md-content .md-button");
  for (const el of controls) {
    if (!el.checkVisibility() || el.getBoundingClientRect().width === 0) continue;
    const own = el.getBoundingClientRect();
    const label = el.closest("label")?.getBoundingClientRect() || own;
    const width = Math.max(own.right, label.right) - Math.min(own.left, label.left);
    const height = Math.max(own.bottom, label.bottom) - Math.min(own.top, label.top);
    if (width < 24 || height < 24)
      found.push(el.outerHTML.slice(0, 80) + ` ${Math.round(width)}x${Math.round(height)}`);
  }
  return found;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_control_of_ours_is_at_least_24_px(
    served: str, pages: list[str], page: Page, width: str
) -> None:
    """2.5.8, target size: axe checks it too, but only for what is on screen."""
    page.set_viewport_size(WIDTHS[width])
    small = {}
    for path in pages:
        page.goto(served + path)
        if found := page.evaluate(SMALL_TARGETS):
            small[path] = found
    assert small == {}


def test_reduced_motion_is_respected(served: str, browser: Browser) -> None:
    with watched_page(browser, viewport=WIDTHS["phone"], reduced_motion="reduce") as page:
        page.goto(served + "/scenarios/heated-at-end-of-day.html")
        page.locator(".md-header label[for=__drawer]").click()  # Material's drawer slides in
        moving = page.evaluate(
            """() => [...document.querySelectorAll("*")].flatMap((el) => {
                 const style = getComputedStyle(el);
                 const longest = (list) => Math.max(...list.split(",").map(parseFloat));
                 const seconds = Math.max(longest(style.transitionDuration),
                                          longest(style.animationDuration));
                 return seconds > 0.01 || style.scrollBehavior === "smooth"
                   ? [el.tagName + "." + el.className] : [];
               })"""
        )
    assert moving == []


def test_the_color_scheme_toggle_goes_light_dark_and_back(served: str, browser: Browser) -> None:
    with watched_page(browser, color_scheme="dark") as page:
        page.goto(served + "/index.html")
        in_scheme(page, "dark")  # the system's choice, to begin with
        toggle = page.get_by_label("Colors: your system's choice. Switch to light")
        toggle.focus()
        page.keyboard.press("Enter")
        in_scheme(page, "light")
        # The mouse clicks the icon, the label of the next scheme's option.
        page.locator("label[for=__palette_2]").click()
        in_scheme(page, "dark")
        page.reload()
        in_scheme(page, "dark")
        expect(page.locator("label[for=__palette_0]")).to_be_visible()  # "Switch to system"
        page.emulate_media(media="print")  # paper is white whatever the screen shows
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
