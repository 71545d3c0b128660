"""The course format: every type authors write, and every rule a single file must obey.

This is the one place a field is defined. Field docstrings become the descriptions an
author sees in the editor through the generated JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Audience = Literal["teacher", "ia", "facilitator"]
QuestionType = Literal["single", "multiple", "true-false"]
Verdict = Literal["bad", "mixed", "good"]


def _rule(message: str) -> PydanticCustomError:
    return PydanticCustomError("content_rule", message)


class Part(BaseModel):
    """Any piece of a course file: unknown keys are errors, and nothing is coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True)


class ContentItem(Part):
    """A whole content file; its id is the file's name without the extension."""

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        return self._id


# --- Modules -------------------------------------------------------------------------------


class Section(Part):
    heading: Text
    """The section's heading, plain text."""
    body: Text
    """The section's text (Markdown)."""


class Facilitator(Part):
    minutes: int = Field(ge=1, le=600)
    """How long the module takes in a group session."""
    notes: Text
    """Guidance for whoever runs the session (Markdown)."""
    activities: list[Text] = []
    """Group activities, each with timing and materials (Markdown)."""


class Option(Part):
    text: Text
    """The answer as the learner reads it (Markdown)."""
    correct: bool = False
    """True for a right answer."""
    feedback: Text
    """Shown when this option is chosen: why it is right or not (Markdown)."""


class Question(Part):
    prompt: Text
    """The question, ideally a situation to judge (Markdown)."""
    type: QuestionType
    """single: one right option; multiple: one or more; true-false: two options, one right."""
    options: list[Option] = Field(min_length=2)
    """The answers to choose from."""
    explanation: Text
    """Shown after answering, whatever was chosen (Markdown)."""

    @model_validator(mode="after")
    def _right_number_correct(self) -> Question:
        correct = sum(option.correct for option in self.options)
        if self.type == "true-false" and len(self.options) != 2:
            raise _rule(
                f"a true-false question has exactly two options; this one has {len(self.options)}"
            )
        if self.type in ("single", "true-false") and correct != 1:
            kind = "single-choice" if self.type == "single" else "true-false"
            raise _rule(
                f"a {kind} question needs exactly one option with 'correct: true'; "
                f"this one has {correct}"
            )
        if self.type == "multiple" and correct == 0:
            raise _rule("a multiple-choice question needs at least one option with 'correct: true'")
        return self


class Module(ContentItem):
    """A course module: modules/<id>.yml."""

    title: Text
    """The module's title."""
    order: int = Field(ge=1)
    """Position in the course, 1 first; unique across modules."""
    audience: list[Audience] = Field(min_length=1)
    """Who the module is for: teacher, ia, facilitator."""
    minutes: int = Field(ge=1, le=600)
    """Estimated time for one learner, in minutes."""
    summary: Text
    """One or two sentences for the course home page (Markdown)."""
    objectives: list[Text] = Field(min_length=1)
    """What the learner will be able to do afterwards."""
    sections: list[Section] = Field(min_length=1)
    """The module's text, in order."""
    key_points: list[Text] = []
    """The points to remember."""
    reflect: list[Text] = []
    """Reflection prompts."""
    scenarios: list[Id] = []
    """Ids of scenarios (files in scenarios/) this module uses."""
    worksheets: list[Id] = []
    """Ids of worksheets (files in worksheets/) this module uses."""
    facilitator: Facilitator | None = None
    """Notes for the facilitator guide; not shown to learners."""
    sources: list[Text] = []
    """References the module relies on."""
    quiz: list[Question] = []
    """The self-check questions."""


# --- Scenarios -----------------------------------------------------------------------------


class Line(Part):
    who: Id
    """Who speaks: a key of the scenario's characters."""
    says: Text
    """What they say."""


class Response(Part):
    label: Text
    """A short name for this way of responding."""
    verdict: Verdict
    """bad, mixed or good."""
    lines: list[Line] = Field(min_length=1)
    """The conversation, line by line."""
    why: Text
    """Why this works or does not, for the partnership and the student (Markdown)."""


class Contrast(Part):
    bad: Text
    """What the bad response does."""
    good: Text
    """What the good response does instead."""


class Scenario(ContentItem):
    """A good/bad disagreement scenario: scenarios/<id>.yml."""

    title: Text
    """The scenario's title."""
    situation: Text
    """What happened (Markdown)."""
    characters: dict[Id, Text] = Field(min_length=2)
    """Role key to name, such as {teacher: Ms. Rivera, ia: Mr. Chen}."""
    raised_by: Id | None = None
    """Which character raises the issue (a key of characters)."""
    prompt: Text
    """The question put to the learner."""
    responses: list[Response] = Field(min_length=2)
    """Ways to respond: at least one bad and one good."""
    contrast: list[Contrast] = Field(min_length=1)
    """The teaching points, bad beside good."""
    discuss: list[Text] = []
    """Discussion questions for a group session."""
    roleplay: dict[Id, Text] = {}
    """A role-play card per character key (Markdown)."""
    sources: list[Text] = []
    """References the scenario relies on."""

    def reference_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Names used inside the file that are not among its characters, with their paths."""
        known = ", ".join(self.characters)
        problems: list[tuple[tuple[str | int, ...], str]] = []

        def check(path: tuple[str | int, ...], key: str, what: str) -> None:
            if key not in self.characters:
                problems.append(
                    (
                        path,
                        f"{what} '{key}' is not one of the characters ({known}); "
                        "add them to 'characters' or use one of those keys",
                    )
                )

        if self.raised_by is not None:
            check(("raised_by",), self.raised_by, "raised_by")
        for r, response in enumerate(self.responses):
            for n, line in enumerate(response.lines):
                check(("responses", r, "lines", n, "who"), line.who, "the speaker")
        for key in self.roleplay:
            check(("roleplay", key), key, "the role-play card")
        return problems

    @model_validator(mode="after")
    def _bad_and_good(self) -> Scenario:
        verdicts = {response.verdict for response in self.responses}
        missing = [verdict for verdict in ("bad", "good") if verdict not in verdicts]
        if missing:
            raise _rule(
                "a scenario needs at least one 'bad' and one 'good' response; "
                f"add a response with verdict: {' and '.join(missing)}"
            )
        return self


# --- Worksheets ----------------------------------------------------------------------------


class MatrixGroup(Part):
    heading: Text
    """The group's heading, such as 'Planning and instruction'."""
    rows: list[Text] = Field(min_length=1)
    """One task per row."""


class Matrix(Part):
    columns: list[Text] = Field(min_length=2)
    """The choices across each row, such as [Teacher, IA, Shared, Discuss]."""
    groups: list[MatrixGroup] = Field(min_length=1)
    """Rows, grouped under headings."""


BLOCK_KINDS = ("fields", "matrix", "prompts", "checklist", "signatures")


class Block(Part):
    """One part of a worksheet: exactly one of fields, matrix, prompts, checklist, signatures."""

    heading: Text | None = None
    """An optional heading above the block."""
    fields: list[Text] | None = Field(default=None, min_length=1)
    """Labelled lines to fill in."""
    matrix: Matrix | None = None
    """A grid: one choice per row across the columns."""
    prompts: list[Text] | None = Field(default=None, min_length=1)
    """Open questions with space to write."""
    checklist: list[Text] | None = Field(default=None, min_length=1)
    """Items to tick."""
    signatures: list[Text] | None = Field(default=None, min_length=1)
    """Who signs."""

    @property
    def kind(self) -> str:
        return next(kind for kind in BLOCK_KINDS if getattr(self, kind) is not None)

    @model_validator(mode="after")
    def _exactly_one_kind(self) -> Block:
        present = [kind for kind in BLOCK_KINDS if getattr(self, kind) is not None]
        if len(present) != 1:
            found = ", ".join(present) if present else "none"
            raise _rule(
                f"a block holds exactly one of {', '.join(BLOCK_KINDS)} (found: {found}); "
                "split it into separate blocks"
            )
        return self


class Worksheet(ContentItem):
    """A printable, fillable worksheet: worksheets/<id>.yml."""

    title: Text
    """The worksheet's title."""
    purpose: Text
    """What it is for, who fills it in and when (Markdown)."""
    blocks: list[Block] = Field(min_length=1)
    """The worksheet's parts, in order."""
    sources: list[Text] = []
    """References the worksheet relies on."""


KINDS: dict[str, type[ContentItem]] = {
    "modules": Module,
    "scenarios": Scenario,
    "worksheets": Worksheet,
}
