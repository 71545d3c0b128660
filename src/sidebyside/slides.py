"""A session's slides: what present mode shows and the deck holds, in one list.

Both read this list, so the room sees the same slides in the browser and in the deck a
district edits. Texts stay as the course writes them (Markdown or plain text); each reader
turns them into its own form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .interface import ENGLISH, VERDICT_NAMES, Interface
from .keys import choice_order
from .load import Course
from .model import Session, Verdict

SlideKind = Literal[
    "title",
    "agenda",
    "activity",
    "key-points",
    "situation",
    "choices",
    "reveal",
    "contrast",
    "discuss",
    "follow-up",
]


@dataclass(frozen=True)
class Choice:
    letter: str
    label: str
    verdict: Verdict
    """Shown on the reveal only."""
    why: str
    """Markdown: in the presenter's notes, for the talk after the reveal."""


@dataclass(frozen=True)
class Slide:
    kind: SlideKind
    title: str
    """Plain text: the slide's heading."""
    text: tuple[str, ...] = ()
    """Markdown paragraphs."""
    points: tuple[str, ...] = ()
    """Markdown list items."""
    table: tuple[tuple[str, ...], ...] = ()
    """A table: its first row the column headings, the rest Markdown cells."""
    choices: tuple[Choice, ...] = ()
    activity: int | None = None
    """The activity it belongs to, by its place in the session: its timer runs on it."""
    notes: tuple[str, ...] = ()
    """Markdown: what the presenter's notes show, and the deck's speaker notes."""


def minutes_range(start: int, minutes: int, interface: Interface = ENGLISH) -> str:
    end = start + minutes
    return interface.gettext("{start}\N{EN DASH}{end} min").format(start=start, end=end)


def session_slides(session: Session, course: Course, interface: Interface = ENGLISH) -> list[Slide]:
    """Title, agenda, then each activity: its instructions, its modules' key points, and each
    of its scenarios worked through by the room, with the slides' own words in the
    interface's language."""
    _ = interface.gettext
    agenda: list[tuple[str, ...]] = [(_("Time"), _("Activity"))]
    start = 0
    for activity in session.activities:
        agenda.append((minutes_range(start, activity.minutes, interface), activity.title))
        start += activity.minutes
    slides = [
        Slide(
            "title",
            session.title,
            text=(session.summary,),
            notes=(_("Read the ground rules for role-play aloud before the first activity."),),
        ),
        Slide("agenda", _("Agenda"), table=tuple(agenda)),
    ]
    modules = {module.id: module for module in course.modules}
    for number, activity in enumerate(session.activities):
        used = [modules[module_id] for module_id in activity.modules]
        facilitator_notes = tuple(
            module.facilitator.notes for module in used if module.facilitator is not None
        )
        # The modules' notes for the facilitator; without any, what the slide says.
        notes = facilitator_notes or (activity.instructions,)
        slides.append(
            Slide(
                "activity",
                activity.title,
                text=(activity.instructions,),
                points=(_("Have ready: {materials}").format(materials=activity.materials),)
                if activity.materials
                else (),
                activity=number,
                notes=notes,
            )
        )
        for module in used:
            if module.key_points:
                slides.append(
                    Slide(
                        "key-points",
                        _("Key points: {title}").format(title=module.title),
                        points=tuple(module.key_points),
                        activity=number,
                        notes=facilitator_notes,
                    )
                )
        for scenario_id in activity.scenarios:
            scenario = course.scenarios[scenario_id]
            order = choice_order(scenario.responses, scenario.id)
            choices = tuple(
                Choice(chr(ord("A") + place), response.label, response.verdict, response.why)
                for place, (_, response) in enumerate(order)
            )
            whys = tuple(
                f"{c.letter}. {c.label}: {_(VERDICT_NAMES[c.verdict])}. {c.why}" for c in choices
            )
            slides += [
                Slide(
                    "situation",
                    scenario.title,
                    text=(scenario.situation,),
                    activity=number,
                    notes=(_("Read the situation aloud, or ask someone in the room to."),),
                ),
                Slide(
                    "choices",
                    _("What would you do?"),
                    text=(scenario.prompt,),
                    choices=choices,
                    activity=number,
                    notes=(_("Let the room vote for a letter before you reveal."), *whys),
                ),
                Slide(
                    "reveal",
                    _("How each one works out"),
                    choices=choices,
                    activity=number,
                    notes=whys,
                ),
                Slide(
                    "contrast",
                    _("The bad response, and the better one"),
                    table=(
                        (_("The bad response"), _("The good response")),
                        *((row.bad, row.good) for row in scenario.contrast),
                    ),
                    activity=number,
                    notes=facilitator_notes,
                ),
            ]
            if scenario.discuss:
                slides.append(
                    Slide(
                        "discuss",
                        _("Discuss"),
                        points=tuple(scenario.discuss),
                        activity=number,
                        notes=facilitator_notes,
                    )
                )
    if session.follow_up:
        slides.append(Slide("follow-up", _("Before next time"), text=(session.follow_up,)))
    return slides
