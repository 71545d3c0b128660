"""The course's Spanish edition in Chromium: its quiz, scenario, worksheet, certificate and
present mode work in Spanish, the language menu pairs each page with its twin, progress
counts the same in both languages, and no English word of ours shows on a Spanish page."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sidebyside.interface import Interface
from sidebyside.load import Course, load_course
from sidebyside.translations import interface_sources, load_translation, translated_course

from helpers import REPOSITORY, course_pages, serve

ES = "/es"


@functools.cache
def english() -> Course:
    return load_course(REPOSITORY).published()


@functools.cache
def spanish() -> tuple[Course, Interface]:
    translation = load_translation(REPOSITORY, english(), "es")
    return translated_course(english(), translation), translation.interface


def _(message: str) -> str:
    return spanish()[1].gettext(message)


@pytest.fixture(scope="module")
def base(course_site: Path) -> Iterator[str]:
    url, server = serve(course_site)
    yield url
    server.shutdown()


def answer_every_question(page: Page, url: str) -> None:
    """Answer each of a module page's questions rightly, as a learner would: tick the
    options its own "Show the answer" marks right, then press the check button."""
    page.goto(url)
    for question in page.locator(".sbs-question").all():
        retry = question.get_by_role("button", name=_("Try again"))
        if retry.is_visible():  # answered wrongly before: start it over
            retry.click()
        right = question.locator(".sbs-answer-options li[data-sbs-correct=true]").all()
        for option in right:
            value = option.get_attribute("data-sbs-option")
            question.locator(f".sbs-options input[value='{value}']").check()
        question.get_by_role("button", name=_("Check"), exact=True).click()


def test_the_spanish_quiz_answers_in_spanish_and_counts_in_english_too(
    base: str, page: Page
) -> None:
    module = english().modules[0]
    page.goto(f"{base}{ES}/modules/{module.id}.html")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    question = page.locator(".sbs-question").first
    wrong = question.locator(".sbs-answer-options li[data-sbs-correct=false]").first
    question.locator(
        f".sbs-options input[value='{wrong.get_attribute('data-sbs-option')}']"
    ).check()
    question.get_by_role("button", name=_("Check"), exact=True).click()
    expect(question.locator(".sbs-result")).to_contain_text(_("✗ Not right."))
    expect(question.get_by_role("button", name=_("Try again"))).to_be_visible()
    answer_every_question(page, f"{base}{ES}/modules/{module.id}.html")
    expect(page.locator(".sbs-module-head .sbs-state")).to_contain_text(_("Done"))
    # The same module, in English: done too, since its questions keep their keys.
    page.goto(f"{base}/modules/{module.id}.html")
    expect(page.locator(".sbs-module-head .sbs-state")).to_contain_text("Done")


def test_the_spanish_scenario_reveals_in_spanish(base: str, page: Page) -> None:
    course, _interface = spanish()
    scenario = next(iter(course.scenarios.values()))
    page.goto(f"{base}{ES}/scenarios/{scenario.id}.html")
    good = next(r for r in scenario.responses if r.verdict == "good")
    page.locator(".sbs-choose input[data-sbs-verdict=good]").check()
    page.get_by_role("button", name=_("See how it goes")).click()
    result = page.locator(".sbs-choice-result")
    expect(result).to_contain_text(good.label)
    expect(result).to_contain_text(_("Good").lower())
    expect(result).to_contain_text(
        _("Below, every response side by side, with the contrast between them.")
    )
    # Chosen in Spanish, shown chosen in English.
    page.goto(f"{base}/scenarios/{scenario.id}.html")
    responses = english().scenarios[scenario.id].responses
    expect(page.locator(".sbs-choice-result")).to_contain_text(
        next(r.label for r in responses if r.verdict == "good")
    )


def test_a_spanish_worksheet_keeps_entries_under_the_english_names(base: str, page: Page) -> None:
    page.goto(f"{base}{ES}/worksheets/daily-check-in.html")
    field = page.locator(".sbs-worksheet input[type=text]").first
    name = field.get_attribute("name")
    field.fill("Rutina de la mañana")
    page.reload()
    expect(page.locator(f"[name='{name}']")).to_have_value("Rutina de la mañana")
    page.goto(f"{base}/worksheets/daily-check-in.html")
    expect(page.locator(f"[name='{name}']")).to_have_value("Rutina de la mañana")


def test_the_spanish_certificate_unlocks_and_prints_in_spanish(base: str, page: Page) -> None:
    course, _interface = spanish()
    page.goto(f"{base}{ES}/certificate.html")
    expect(page.locator(".sbs-certificate-gate p")).to_contain_text(
        _("Finish every module's self-check to unlock the certificate. Still to finish:")
    )
    for module in course.modules:
        if module.quiz:
            answer_every_question(page, f"{base}{ES}/modules/{module.id}.html")
    page.goto(f"{base}{ES}/certificate.html")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed++; }; }")
    page.get_by_label(_("Your name, as it should appear")).fill("Ana Pérez")
    page.get_by_role("button", name=_("Print my certificate")).click()
    assert page.evaluate("window.printed") == 1
    sheet = page.locator(".sbs-certificate-sheet")
    expect(sheet).to_contain_text("Ana Pérez")
    expect(sheet).to_contain_text(course.modules[0].title)


def test_present_mode_runs_in_spanish(base: str, page: Page) -> None:
    session = english().sessions[0]
    page.goto(f"{base}{ES}/sessions/{session.id}-present.html")
    total = page.locator(".sbs-slide").count()
    counter = _("Slide {number} of {total}")
    expect(page.get_by_text(counter.format(number=1, total=total))).to_be_attached()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text(counter.format(number=2, total=total))).to_be_attached()
    expect(page.get_by_role("button", name=_("Next slide"))).to_be_visible()


def test_the_language_menu_pairs_each_page_with_its_twin(base: str, page: Page) -> None:
    page.goto(f"{base}/worksheets/role-agreement.html")
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(f"{base}{ES}/worksheets/role-agreement.html")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{base}/worksheets/role-agreement.html")


def test_every_english_page_has_a_spanish_twin(course_site: Path) -> None:
    english_pages = [p for p in course_pages(course_site) if not p.startswith(f"{ES}/")]
    spanish_pages = {p for p in course_pages(course_site) if p.startswith(f"{ES}/")}
    missing = [p for p in english_pages if ES + p not in spanish_pages]
    assert english_pages and missing == []


def _interface_words() -> list[str]:
    """Our own English words that stand alone on a page: whole messages without
    placeholders, of two words or more: a single word such as "teachers" may stand in the
    English title of a source a page cites."""
    words = []
    for source in interface_sources():
        text = source.text.strip()
        if re.search(r"%\(|\{", text) or len(text.split()) < 2 or _(text) == text:
            continue
        words.append(text)
    return words


def test_no_english_word_of_ours_shows_on_a_spanish_page(
    course_site: Path, base: str, page: Page
) -> None:
    words = _interface_words()
    assert len(words) > 50
    found = {}
    for path in [p for p in course_pages(course_site) if p.startswith(f"{ES}/")]:
        page.goto(base + path)
        # What the page shows in words, without code (an example an author types as is).
        shown = page.evaluate(
            """() => { const body = document.body.cloneNode(true);
                body.querySelectorAll("code, pre").forEach((code) => code.remove());
                return body.innerText; }"""
        )
        english_here = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", shown)]
        if english_here:
            found[path] = english_here
    assert found == {}
