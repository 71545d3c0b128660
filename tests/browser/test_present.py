"""Present mode on the course's own sessions: moved by the keys a clicker sends, a room's vote
then the reveal, a timer per activity, presenter notes in a second window that follows, type
readable from the back of a room, axe on every slide, and no request from a USB stick."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sidebyside.load import load_course

from helpers import REPOSITORY, axe_report, tab_to, watched_page

PROJECTOR = {"width": 1280, "height": 720}
SESSION = "/sessions/roles-and-daily-talk"
SHOWN = ".sbs-slide:not([hidden])"


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, viewport=PROJECTOR) as page:
        yield page


def slide_count(page: Page) -> int:
    return page.locator(".sbs-slide").count()


def press_until(page: Page, key: str, title: str, limit: int = 80) -> None:
    """Press ``key`` until the slide on screen has ``title``."""
    for _ in range(limit):
        if page.locator(f"{SHOWN} h2").inner_text() == title:
            return
        page.keyboard.press(key)
    pytest.fail(f"{key} never reached the slide {title!r}")


def test_a_session_is_presented_with_the_keyboard_alone(served: str, projector: Page) -> None:
    page = projector
    page.goto(served + SESSION + ".html")
    present = page.get_by_role("link", name="Present", exact=True)
    tab_to(page, present)
    page.keyboard.press("Enter")
    expect(page).to_have_url(served + SESSION + "-present.html")
    shown, count = page.locator(SHOWN), page.locator(".sbs-slide-count")
    expect(shown.locator("h2")).to_have_text("60 minutes: roles and daily talk")
    expect(count).to_have_text("Slide 1 of 16")
    page.keyboard.press("PageDown")  # what a clicker sends
    expect(shown.locator("h2")).to_have_text("Agenda")
    expect(shown.locator("tbody tr").first).to_have_text(
        "0\N{EN DASH}5 minWelcome, purpose, ground rules"
    )
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    expect(count).to_have_text("Slide 4 of 16")
    page.keyboard.press("PageUp")
    expect(count).to_have_text("Slide 3 of 16")
    press_until(page, "ArrowDown", "The student who was pushed into group work")
    expect(shown).to_contain_text("Ms. Rivera")  # the situation, read to the room
    page.keyboard.press("Space")
    expect(shown.locator("h2")).to_have_text("What would you do?")  # the room votes
    expect(shown.locator(".sbs-slide-choices li")).to_have_text(
        [
            "A Owns it, keeps the IEP to herself",
            "B Own it, offer a choice, ask",
            "C Blame and dictate",
        ]
    )
    expect(shown.locator(".sbs-slide-choices")).not_to_contain_text("Good")
    page.keyboard.press("Space")  # the reveal
    expect(shown.locator("h2")).to_have_text("How each one works out")
    expect(shown.locator(".sbs-slide-choices li")).to_have_text(
        [
            "A Owns it, keeps the IEP to herself: Mixed",
            "B Own it, offer a choice, ask: Good",
            "C Blame and dictate: Bad",
        ]
    )
    page.keyboard.press("ArrowRight")
    expect(shown.locator("h2")).to_have_text("The bad response, and the better one")
    expect(shown.locator("thead th")).to_have_text(["The bad response", "The good response"])
    page.keyboard.press("ArrowRight")
    expect(shown.locator("h2")).to_have_text("Discuss")
    page.keyboard.press("Shift+Space")
    expect(shown.locator("h2")).to_have_text("The bad response, and the better one")
    page.keyboard.press("End")
    expect(count).to_have_text("Slide 16 of 16")
    page.keyboard.press("PageDown")  # the last stays
    expect(count).to_have_text("Slide 16 of 16")
    page.keyboard.press("Home")
    expect(count).to_have_text("Slide 1 of 16")
    page.keyboard.press("Escape")
    expect(page).to_have_url(served + SESSION + ".html")


def test_each_activity_has_a_timer_that_starts_pauses_and_resets(
    served: str, projector: Page
) -> None:
    page = projector
    page.clock.install()
    page.goto(served + SESSION + "-present.html#slide-3")
    clock, start = page.locator(".sbs-timer-time"), page.get_by_role("button", name="Start timer")
    expect(page.locator(f"{SHOWN} h2")).to_have_text("Welcome, purpose, ground rules")
    expect(clock).to_have_text("5:00")
    start.click()
    page.clock.run_for(65_000)
    expect(clock).to_have_text("3:55")
    page.get_by_role("button", name="Pause timer").click()
    page.clock.run_for(60_000)
    expect(clock).to_have_text("3:55")
    page.keyboard.press("ArrowRight")  # the next activity has its own, not started
    expect(clock).to_have_text("10:00")
    page.keyboard.press("ArrowLeft")
    expect(clock).to_have_text("3:55")
    start.click()
    page.clock.run_for(240_000)
    expect(clock).to_have_text("0:00")
    expect(page.get_by_role("status")).to_have_text("Time is up for this activity.")
    page.get_by_role("button", name="Reset timer").click()
    expect(clock).to_have_text("5:00")
    expect(page.get_by_role("status")).to_have_text("")
    page.keyboard.press("Home")  # the title slide belongs to no activity
    expect(page.locator(".sbs-timer")).to_be_hidden()


def test_presenter_notes_follow_the_slides_from_a_usb_stick(
    course_site: Path, browser: Browser
) -> None:
    """From file://, as a stick in a classroom's computer: both windows move together, and
    nothing is asked of any other address."""
    with watched_page(browser, viewport=PROJECTOR) as page:
        requests: list[str] = []
        page.context.on("request", lambda request: requests.append(request.url))
        page.goto((course_site / "sessions/roles-and-daily-talk-present.html").as_uri())
        page.keyboard.press("PageDown")
        page.keyboard.press("PageDown")
        with page.expect_popup() as opened:
            page.get_by_role("button", name="Presenter notes").click()
        notes = opened.value
        expect(notes.locator(".sbs-slide-count")).to_have_text("Presenter notes: slide 3 of 16")
        expect(notes.locator(f"{SHOWN} .sbs-slide-notes")).to_be_visible()
        expect(notes.locator(f"{SHOWN} .sbs-slide-notes")).to_contain_text("Notes")
        expect(notes.locator(".sbs-next-up")).to_have_text(
            "Next: What has your school already decided?"
        )
        page.bring_to_front()
        page.keyboard.press("PageDown")
        expect(notes.locator(".sbs-slide-count")).to_have_text("Presenter notes: slide 4 of 16")
        notes.bring_to_front()
        notes.keyboard.press("PageDown")  # the presenter may drive from the notes, too
        expect(page.locator(".sbs-slide-count")).to_have_text("Slide 5 of 16")
        expect(page.locator(f"{SHOWN} .sbs-slide-notes")).to_be_hidden()  # the room sees none
        assert [url for url in requests if not url.startswith("file://")] == []


def sessions() -> list[str]:
    return [session.id for session in load_course(REPOSITORY).sessions]


@pytest.mark.parametrize("session", sessions())
def test_every_slide_reads_from_the_back_of_the_room_and_passes_axe(
    served: str, browser: Browser, session: str
) -> None:
    """At 1280 by 720 every text of every slide is at least 28 px. axe finds nothing on the
    first slide of each kind (title, agenda, situation, reveal...), which share a template:
    on a projector, in the dark scheme, on a phone, and in the notes window."""
    failures: dict[str, str] = {}
    small: dict[int, list[str]] = {}
    views = [
        ("projector", PROJECTOR, "light", ""),
        ("projector, dark", PROJECTOR, "dark", ""),
        ("phone", {"width": 390, "height": 844}, "light", ""),
        ("notes window", PROJECTOR, "light", "?notes"),
    ]
    for view, size, scheme, query in views:
        with watched_page(browser, viewport=size, color_scheme=scheme) as page:
            page.goto(f"{served}/sessions/{session}-present.html{query}")
            audited: set[str] = set()
            for number in range(1, slide_count(page) + 1):
                slide = page.locator(f"#slide-{number}")
                expect(slide).to_be_visible()
                if view == "projector" and (sizes := too_small(page)):
                    small[number] = sizes
                kind = str(slide.get_attribute("class"))
                if kind not in audited and (report := axe_report(page)):
                    failures[f"{view}, slide {number}"] = report
                audited.add(kind)
                page.keyboard.press("ArrowRight")
    assert small == {}
    assert failures == {}


# The texts of the slide on screen whose type is under 28 px.
TOO_SMALL = """() => [...document.querySelectorAll(
  ".sbs-slide:not([hidden]) :is(h2, p, li, td, th)")].filter(
  (el) => el.innerText.trim() && parseFloat(getComputedStyle(el).fontSize) < 28).map(
  (el) => el.tagName + " " + getComputedStyle(el).fontSize + ": " + el.innerText.slice(0, 30))"""


def too_small(page: Page) -> list[str]:
    return list(page.evaluate(TOO_SMALL))
