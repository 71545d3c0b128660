"""PD sessions as content: each session's page and plan, its slides as a present view and as an
editable deck read back with python-pptx, and the course's own three sessions built whole."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.util import Inches
from pypdf import PdfReader

from sidebyside.load import load_course
from sidebyside.slides import session_slides

from helpers import REPOSITORY, add_session, build_site, page_text

SLIDE_TITLE = re.compile(r'<h2 id="slide-\d+-title">([^<]*)</h2>')


def slide_titles(present_page: str) -> list[str]:
    return [html.unescape(title) for title in SLIDE_TITLE.findall(present_page)]


@pytest.fixture
def session_site(course: Path) -> Path:
    add_session(course)
    return build_site(course)


def deck(site: Path, session: str) -> Deck:
    return Presentation(str(site / f"downloads/session-{session}.pptx"))


def speaker_notes(slide: Slide) -> str:
    frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
    return frame.text if frame is not None else ""


def body(slide: Slide) -> Shape:
    """The slide's text box: what it shows under its title."""
    return next(
        shape
        for shape in slide.shapes
        if isinstance(shape, Shape) and shape.text_frame.text and shape != slide.shapes.title
    )


def test_a_session_page_opens_its_present_view_and_deck(session_site: Path) -> None:
    page = page_text(session_site, "sessions/short-session")
    assert (
        '<a class="md-button md-button--primary" href="../short-session-present/">Present</a>'
        in page
    )
    assert 'href="../../downloads/session-short-session.pptx">Download the slides</a>' in page
    assert "<p>For a <em>first</em> meeting of new pairs.</p>" in page  # Markdown, as written
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>\s*<td>(\d+)</td>\s*<td>([^<]+)</td>", page)
    assert rows == [
        ("0", "5", "Welcome"),
        ("5", "15", "The bus scenario"),
        ("20", "10", "Agree roles"),
    ]
    assert 'href="../../scenarios/late-for-the-bus/">Late for the bus</a>' in page
    assert 'href="../../worksheets/starter-agreement/">Starter agreement</a>' in page


def test_the_present_view_shows_the_slides_in_order(session_site: Path) -> None:
    page = page_text(session_site, "sessions/short-session-present")
    assert slide_titles(page) == [
        "A 30-minute session",
        "Agenda",
        "Welcome",
        "The bus scenario",
        "Key points: First steps together",
        "Late for the bus",
        "What would you do?",
        "How each one works out",
        "The bad response, and the better one",
        "Discuss",
        "Agree roles",
        "Before next time",
    ]
    assert page.count('aria-roledescription="slide"') == 12
    assert page.count(" hidden>") >= 11  # one slide at a time, the first
    assert 'data-sbs-activity="1" data-sbs-minutes="15"' in page  # the bus scenario's timer
    assert "<td>0\N{EN DASH}5 min</td><td>Welcome</td>" in page  # the agenda's times


def test_the_deck_has_the_same_slides_with_notes_and_the_sites_colors(
    session_site: Path, course: Path
) -> None:
    slides = deck(session_site, "short-session").slides
    course_slides = session_slides(load_course(course).sessions[0], load_course(course))
    titles = [slide.shapes.title.text for slide in slides]
    assert titles == [slide.title for slide in course_slides]
    assert len(slides) == 12
    notes = [speaker_notes(slide) for slide in slides]
    assert notes[0] == "Read the ground rules for role-play aloud before the first activity."
    assert notes[3] == "Pair people who do not know each other."  # the module's facilitator notes
    assert notes[7].splitlines() == [
        "A. Name the problem and ask: Good. It turns the problem into a shared one.",
        "B. Blame: Bad. Blame puts the teacher on the defensive.",
        "C. Right words, wrong place: Mixed. A fair ask, but made in front of the class.",
    ]
    assert notes[1] == ""  # the agenda needs none
    choices = body(slides[6]).text_frame.text
    assert choices.endswith("A  Name the problem and ask\nB  Blame\nC  Right words, wrong place")
    assert "Good" not in choices  # the room votes before it knows
    reveal = body(slides[7])
    colors = {
        run.text: str(run.font.color.rgb) for p in reveal.text_frame.paragraphs for run in p.runs
    }
    assert colors == {
        "A  Name the problem and ask: Good": "1B6E20",
        "B  Blame: Bad": "B3261E",
        "C  Right words, wrong place: Mixed": "7A4F00",
    }
    table = next(shape.table for shape in slides[8].shapes if shape.has_table)
    assert table.cell(1, 0).text and table.cell(1, 1).text  # a row of bad and good
    title_color = slides[0].shapes.title.text_frame.paragraphs[0].runs[0].font.color.rgb
    assert str(title_color) == "4051B5"  # Material's indigo


def test_the_deck_is_sixteen_by_nine_and_titled(session_site: Path) -> None:
    presentation = deck(session_site, "short-session")
    assert (presentation.slide_width, presentation.slide_height) == (Inches(13.333), Inches(7.5))
    assert presentation.core_properties.title == "A 30-minute session"
    assert presentation.core_properties.author == "Sample course"


def test_the_same_session_builds_the_same_deck(course: Path, tmp_path: Path) -> None:
    add_session(course)
    first = build_site(course, tmp_path / "first") / "downloads/session-short-session.pptx"
    second = build_site(course, tmp_path / "second") / "downloads/session-short-session.pptx"
    assert first.read_bytes() == second.read_bytes()


def test_each_of_the_courses_sessions_has_a_present_view_a_deck_and_a_pack(
    course_site: Path,
) -> None:
    course = load_course(REPOSITORY)
    assert [session.id for session in course.sessions] == [
        "roles-and-daily-talk",
        "partners-roles-disagreement",
        "half-day",
    ]
    for session in course.sessions:
        slides = session_slides(session, course)
        present = (course_site / f"sessions/{session.id}-present.html").read_text(encoding="utf-8")
        assert slide_titles(present) == [slide.title for slide in slides], session.id
        shown = deck(course_site, session.id).slides
        assert [slide.shapes.title.text for slide in shown] == [slide.title for slide in slides]
        pack = PdfReader(course_site / f"downloads/session-{session.id}.pdf")
        text = " ".join(" ".join(page.extract_text() for page in pack.pages).split())
        for worksheet in {w for activity in session.activities for w in activity.worksheets}:
            assert course.worksheets[worksheet].title in text, (session.id, worksheet)
        for scenario in {s for activity in session.activities for s in activity.scenarios}:
            assert f"Discussion sheet: {course.scenarios[scenario].title}" in text
