"""The course format: every type authors write, and every rule a single file must obey.

This is the one place a field is defined. Field docstrings become the descriptions an
author sees in the editor through the generated JSON Schema.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Literal, Self, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .errors import ContentPath

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_RULE = "lowercase letters, digits and hyphens"
"""How an id is written, as every message about one says it."""
ID_EXAMPLE = "define-roles"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def is_id(text: str) -> bool:
    """Whether ``text`` is an id: the whole of it, so a trailing line break is not one."""
    return re.fullmatch(ID_PATTERN, text) is not None


def as_id(text: str) -> str:
    """The id nearest to ``text``, to suggest in its place."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


NOT_EMPTY = r"\S"
"""The rule for every text field: something other than spaces."""


class TextFormat(Enum):
    """How a text field is written and shown: the one place that says so, for rendering,
    the checks on content text, the JSON Schema's descriptions and anything else that walks
    a course's texts."""

    MARKDOWN = "Markdown"
    ONE_LINE = "plain text on one line"

    @property
    def media_type(self) -> str:
        return "text/markdown" if self is TextFormat.MARKDOWN else "text/plain"

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The format in the schema, as JSON Schema's own ``contentMediaType``."""
        schema = handler(core_schema)
        schema["contentMediaType"] = self.media_type
        return schema


_TEXT = StringConstraints(min_length=1, pattern=NOT_EMPTY)
Markdown = Annotated[str, _TEXT, TextFormat.MARKDOWN]
OneLine = Annotated[str, _TEXT, TextFormat.ONE_LINE]
Audience = Literal["teacher", "ia", "facilitator"]
QuestionType = Literal["single", "multiple", "true-false"]
Verdict = Literal["bad", "mixed", "good"]
"""How a scenario's response works out; the order is the one they are shown in, side by side.
Their names for people to read are in ``interface``."""
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
AUDIENCES: tuple[Audience, ...] = get_args(Audience)


@dataclass(frozen=True)
class RefersTo:
    """Marks an id field as naming a content file of another kind, by its folder."""

    folder: str


ModuleId = Annotated[Id, RefersTo("modules")]
ScenarioId = Annotated[Id, RefersTo("scenarios")]
WorksheetId = Annotated[Id, RefersTo("worksheets")]


def _rule(message: str) -> PydanticCustomError:
    return PydanticCustomError("content_rule", message)


class Part(BaseModel):
    """Any piece of a course file: unknown keys are errors, and nothing is coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True)

    _english: Any = PrivateAttr(default=None)

    @property
    def english(self) -> Self:
        """The piece as written in English: itself, unless it is a translation of it. What
        names a learner's saved entries comes from here, the same in every language."""
        return self._english if self._english is not None else self


class ContentItem(Part):
    """A whole content file; its id is the file's name without the extension."""

    _id: str = PrivateAttr(default="")

    draft: bool = False
    """True while the file is being written: previewed with a Draft banner, and left out of
    the published site (its pages, the navigation, the certificate) until you remove it."""

    @property
    def id(self) -> str:
        return self._id

    def own_problems(self) -> list[tuple[ContentPath, str]]:
        """Problems a file's checks on single fields cannot see, with the paths they are at."""
        return []


def texts(item: BaseModel) -> Iterator[tuple[ContentPath, str, TextFormat]]:
    """Every text field's value in a content item, with its path and its format."""
    return _marked(item, TextFormat)


def references(item: BaseModel) -> Iterator[tuple[ContentPath, str, RefersTo]]:
    """Every id in a content item that names another content file, with its path."""
    return _marked(item, RefersTo)


def _marked(item: BaseModel, marker: type[Any], path: ContentPath = ()) -> Iterator[Any]:
    """Every text value whose type carries a ``marker`` (TextFormat, RefersTo), with its path."""
    for name, info in type(item).model_fields.items():
        if _may_hold(info.annotation, marker) or _marks(info.metadata, marker):
            yield from _marked_in(
                getattr(item, name), info.annotation, info.metadata, (*path, name), marker
            )


def _marks(metadata: Iterable[Any], marker: type[Any]) -> bool:
    return any(isinstance(mark, marker) for mark in metadata)


_MAY_HOLD: dict[tuple[Any, Any], bool] = {}


def _may_hold(annotation: Any, marker: type[Any]) -> bool:
    """Whether a value of this type can hold a value with ``marker``: the walk passes by the
    fields that cannot (most fields hold no reference to another file)."""
    key = (annotation, marker)
    if key not in _MAY_HOLD:
        _MAY_HOLD[key] = _type_may_hold(annotation, marker)
    return _MAY_HOLD[key]


def _type_may_hold(annotation: Any, marker: type[Any]) -> bool:
    if get_origin(annotation) is Annotated:
        inner, *metadata = get_args(annotation)
        return _marks(metadata, marker) or _may_hold(inner, marker)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return any(
            _may_hold(info.annotation, marker) or _marks(info.metadata, marker)
            for info in annotation.model_fields.values()
        )
    return any(_may_hold(arg, marker) for arg in get_args(annotation))


def _marked_in(
    value: Any, annotation: Any, metadata: list[Any], path: ContentPath, marker: type[Any]
) -> Iterator[Any]:
    if get_origin(annotation) is Annotated:
        metadata = [*metadata, *annotation.__metadata__]
        annotation = get_args(annotation)[0]
    if value is None:
        return
    if get_origin(annotation) in (Union, UnionType):  # optional: the type it holds when set
        inner = next(arg for arg in get_args(annotation) if arg is not type(None))
        yield from _marked_in(value, inner, metadata, path, marker)
    elif isinstance(value, BaseModel):
        yield from _marked(value, marker, path)
    elif isinstance(value, str):
        for mark in metadata:
            if isinstance(mark, marker):
                yield path, value, mark
    elif isinstance(value, list):
        (inner,) = get_args(annotation)
        for index, element in enumerate(value):
            yield from _marked_in(element, inner, [], (*path, index), marker)
    elif isinstance(value, dict):
        _, inner = get_args(annotation)
        for key, element in value.items():
            yield from _marked_in(element, inner, [], (*path, key), marker)


# --- Modules -------------------------------------------------------------------------------


class Section(Part):
    heading: OneLine
    """The section's heading."""
    body: Markdown
    """The section's text."""


class Facilitator(Part):
    minutes: int = Field(ge=1, le=600)
    """How long the module takes in a group session."""
    notes: Markdown
    """Guidance for whoever runs the session."""
    activities: list[Markdown] = []
    """Group activities, each with timing and materials."""


class Option(Part):
    text: Markdown
    """The answer as the learner reads it."""
    correct: bool = False
    """True for a right answer."""
    feedback: Markdown
    """Shown when this option is chosen: why it is right or not."""


class Question(Part):
    prompt: Markdown
    """The question, ideally a situation to judge."""
    type: QuestionType
    """single: one right option; multiple: one or more; true-false: two options, one right."""
    options: list[Option] = Field(min_length=2)
    """The answers to choose from."""
    explanation: Markdown
    """Shown after answering, whatever was chosen."""

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

    title: OneLine
    """The module's title."""
    order: int = Field(ge=1)
    """Position in the course, 1 first; unique across modules."""
    audience: list[Audience] = Field(min_length=1)
    """Who the module is for: teacher, ia, facilitator."""
    minutes: int = Field(ge=1, le=600)
    """Estimated time for one learner, in minutes."""
    summary: Markdown
    """One or two sentences for the course home page."""
    objectives: list[Markdown] = Field(min_length=1)
    """What the learner will be able to do afterwards."""
    sections: list[Section] = Field(min_length=1)
    """The module's text, in order."""
    key_points: list[Markdown] = []
    """The points to remember."""
    reflect: list[Markdown] = []
    """Reflection prompts."""
    scenarios: list[ScenarioId] = []
    """Ids of scenarios (files in scenarios/) this module uses."""
    worksheets: list[WorksheetId] = []
    """Ids of worksheets (files in worksheets/) this module uses."""
    facilitator: Facilitator | None = None
    """Notes for the facilitator guide; not shown to learners."""
    sources: list[Markdown] = []
    """References the module relies on."""
    quiz: list[Question] = []
    """The self-check questions."""

    def own_problems(self) -> list[tuple[ContentPath, str]]:
        """Two reflection prompts, or two questions, that read the same: a learner's saved
        answer is kept under its text, so one would overwrite the other."""
        return [
            *_repeats("reflect", self.reflect, "reflection prompt"),
            *_repeats("quiz", [question.prompt for question in self.quiz], "question", "prompt"),
        ]


def _pairs_alike(keys: list[str]) -> Iterator[tuple[int, int]]:
    """(earlier, later) positions of each key that repeats an earlier one; empty keys
    are left out."""
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key and (earlier := first.setdefault(key, index)) != index:
            yield earlier, index


def _repeats(
    field: str, values: list[str], noun: str, *inner: str
) -> list[tuple[ContentPath, str]]:
    """Both places of each pair of values that read the same."""
    return [
        (
            (field, at, *inner),
            f"{noun}s {earlier + 1} and {index + 1} read the same, so a learner's saved "
            "answer to one would overwrite the other; reword one or remove it",
        )
        for earlier, index in _pairs_alike([" ".join(value.split()) for value in values])
        for at in (earlier, index)
    ]


# --- Scenarios -----------------------------------------------------------------------------


class Line(Part):
    who: Id
    """Who speaks: a key of the scenario's characters."""
    says: Markdown
    """What they say."""


class Response(Part):
    label: OneLine
    """A short name for this way of responding."""
    verdict: Verdict
    """bad, mixed or good."""
    lines: list[Line] = Field(min_length=1)
    """The conversation, line by line."""
    why: Markdown
    """Why this works or does not, for the partnership and the student."""


class Contrast(Part):
    bad: Markdown
    """What the bad response does."""
    good: Markdown
    """What the good response does instead."""


class Scenario(ContentItem):
    """A good/bad disagreement scenario: scenarios/<id>.yml."""

    title: OneLine
    """The scenario's title."""
    situation: Markdown
    """What happened."""
    characters: dict[Id, OneLine] = Field(min_length=2)
    """Role key to name, such as {teacher: Ms. Rivera, ia: Mr. Chen}."""
    raised_by: Id | None = None
    """Which character raises the issue (a key of characters)."""
    prompt: Markdown
    """The question put to the learner."""
    responses: list[Response] = Field(min_length=2)
    """Ways to respond: at least one bad and one good."""
    contrast: list[Contrast] = Field(min_length=1)
    """The teaching points, bad beside good."""
    discuss: list[Markdown] = []
    """Discussion questions for a group session."""
    roleplay: dict[Id, Markdown] = {}
    """A role-play card per character key."""
    sources: list[Markdown] = []
    """References the scenario relies on."""

    def own_problems(self) -> list[tuple[ContentPath, str]]:
        """Names used inside the file that are not among its characters."""
        known = ", ".join(self.characters)
        problems: list[tuple[ContentPath, str]] = []

        def check(path: ContentPath, key: str, what: str) -> None:
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
        needed: tuple[Verdict, ...] = ("bad", "good")
        missing = [verdict for verdict in needed if verdict not in verdicts]
        if missing:
            raise _rule(
                "a scenario needs at least one 'bad' and one 'good' response; "
                f"add a response with verdict: {' and '.join(missing)}"
            )
        return self


# --- Worksheets ----------------------------------------------------------------------------


def slug(text: str) -> str:
    """Text as part of a saved entry's name: its letters and digits, lower case, accents
    dropped, joined by hyphens. Punctuation and Markdown marks don't count."""
    unaccented = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return "-".join(re.findall(r"[^\W_]+", unaccented.lower()))


class _Named(Part):
    """A piece of a worksheet that names the entries saved under it."""

    key: Id | None = None
    """What names the saved entries, in place of the text: set it to keep what learners
    typed when you reword the text (lowercase letters, digits and hyphens)."""

    def _name_from(self, text: str | None, fallback: str = "") -> str:
        """``text`` is the English's, so the name is the same in every language."""
        return self.key or slug(text or "") or fallback


def _text_or_keys(schema: dict[str, Any]) -> None:
    """An entry's schema: text alone, or the mapping with text and key."""
    mapping = dict(schema)
    schema.clear()
    schema["anyOf"] = [{"type": "string", "minLength": 1, "pattern": NOT_EMPTY}, mapping]


class Entry(_Named):
    """A line of a worksheet: written as its text alone, or as text and key."""

    text: OneLine
    """What the line says."""

    model_config = ConfigDict(**Part.model_config, json_schema_extra=_text_or_keys)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return value if isinstance(value, dict) else {"text": value}

    @property
    def name(self) -> str:
        return self._name_from(self.english.text)


class MarkdownEntry(Entry):
    text: Markdown
    """What the line says."""


class MatrixRow(Entry):
    """A task: written as its text alone, or with a key, or as decided already."""

    decided: OneLine | None = None
    """Who does it, when law or policy has settled that: one of the columns (shown ticked
    and locked), or anyone else, such as 'The school nurse decides'."""
    why: Markdown | None = None
    """Why it is decided, shown under the task: the rule or policy."""

    @model_validator(mode="after")
    def _why_explains_a_decision(self) -> MatrixRow:
        if self.why is not None and self.decided is None:
            raise _rule("'why' explains a decided row: add 'decided', or move the text to notes")
        return self


class MatrixGroup(_Named):
    heading: OneLine
    """The group's heading, such as 'Planning and instruction'."""
    rows: list[MatrixRow] = Field(min_length=1)
    """One task per row."""

    @property
    def name(self) -> str:
        return self._name_from(self.english.heading)


class Matrix(Part):
    columns: list[Entry] = Field(min_length=2)
    """The choices across each row, such as [Teacher, IA, Shared, Discuss]."""
    groups: list[MatrixGroup] = Field(min_length=1)
    """Rows, grouped under headings."""

    def decided_column(self, row: MatrixRow) -> str | None:
        """The name of the column a decided row is settled in, if it is one of them."""
        decided = row.english.decided
        if decided is None:
            return None
        return next((c.name for c in self.columns if c.name == slug(decided)), None)


# Each kind of block, and what one line of it is called in messages.
BLOCK_KINDS = {
    "fields": "field",
    "matrix": "row",
    "prompts": "prompt",
    "checklist": "checklist item",
    "signatures": "signer",
}


class Block(_Named):
    """One part of a worksheet: exactly one of fields, matrix, prompts, checklist, signatures."""

    heading: OneLine | None = None
    """An optional heading above the block."""
    fields: list[Entry] | None = Field(default=None, min_length=1)
    """Labelled lines to fill in."""
    matrix: Matrix | None = None
    """A grid: one choice per row across the columns."""
    prompts: list[MarkdownEntry] | None = Field(default=None, min_length=1)
    """Open questions with space to write."""
    checklist: list[MarkdownEntry] | None = Field(default=None, min_length=1)
    """Items to tick."""
    signatures: list[Entry] | None = Field(default=None, min_length=1)
    """Who signs."""

    @property
    def kind(self) -> str:
        return next(kind for kind in BLOCK_KINDS if getattr(self, kind) is not None)

    @property
    def name(self) -> str:
        return self._name_from(self.english.heading, self.kind)

    @property
    def entries(self) -> list[Entry]:
        """The block's fields, prompts, checklist items or signers; none for a matrix."""
        return [] if self.matrix else getattr(self, self.kind)

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


def _name_clashes(named: list[Any], path: ContentPath, noun: str) -> list[tuple[ContentPath, str]]:
    """Pieces whose saved entries would share a name, or that have no name at all."""
    problems: list[tuple[ContentPath, str]] = [
        (
            (*path, index),
            f"this {noun} has no letters or digits to name what learners type by; "
            f"give it a 'key' of {ID_RULE}",
        )
        for index, piece in enumerate(named)
        if not piece.name
    ]
    names = [piece.name for piece in named]
    problems += [
        (
            (*path, place),
            f"{noun}s {earlier + 1} and {index + 1} both name their saved entries "
            f"'{names[index]}', so one would take the other's; reword one, or give one a 'key'",
        )
        for earlier, index in _pairs_alike(names)
        for place in (earlier, index)
    ]
    return problems


class Worksheet(ContentItem):
    """A printable, fillable worksheet: worksheets/<id>.yml."""

    title: OneLine
    """The worksheet's title."""
    purpose: Markdown
    """What it is for, who fills it in and when."""
    blocks: list[Block] = Field(min_length=1)
    """The worksheet's parts, in order."""
    sources: list[Markdown] = []
    """References the worksheet relies on."""

    def own_problems(self) -> list[tuple[ContentPath, str]]:
        """Two pieces whose entries would be saved under one name: each input is named by its
        block, group and own text, so that entries stay put when others are added."""
        problems = _name_clashes(self.blocks, ("blocks",), "block")
        for index, block in enumerate(self.blocks):
            at: ContentPath = ("blocks", index)
            if block.matrix:
                matrix, inside = block.matrix, (*at, "matrix")
                problems += _name_clashes(matrix.columns, (*inside, "columns"), "column")
                problems += _name_clashes(matrix.groups, (*inside, "groups"), "group")
                for number, group in enumerate(matrix.groups):
                    rows = (*inside, "groups", number, "rows")
                    problems += _name_clashes(group.rows, rows, "row")
            else:
                kind = block.kind
                problems += _name_clashes(block.entries, (*at, kind), BLOCK_KINDS[kind])
        return problems


# --- Sessions ------------------------------------------------------------------------------

ActivityKind = Literal[
    "welcome", "discussion", "role-play", "scenario", "worksheet", "reading", "break", "closing"
]
"""What the room does in an activity."""


class Activity(Part):
    title: OneLine
    """A few words for the plan and the slide's heading: "Role-play in threes"."""
    minutes: int = Field(ge=1, le=600)
    """How long it lasts."""
    kind: ActivityKind
    """What the room does, as the session's page says beside the minutes."""
    instructions: Markdown
    """What the room does, as the slide shows it and the facilitator says it."""
    modules: list[ModuleId] = []
    """Ids of modules (files in modules/) it draws on: their key points go on a slide, and
    their facilitator notes into the presenter's notes."""
    scenarios: list[ScenarioId] = []
    """Ids of scenarios (files in scenarios/) the room works through: each gets its
    situation, choices to vote on, the reveal, the contrast and its discussion questions."""
    worksheets: list[WorksheetId] = []
    """Ids of worksheets (files in worksheets/) it uses: they go into the session's pack."""
    materials: OneLine | None = None
    """What to have ready: "One printed role agreement per pair"."""


class Session(ContentItem):
    """A professional-development session plan: sessions/<id>.yml."""

    title: OneLine
    """The session's title, as the facilitator guide lists it: "60 minutes: roles and daily
    talk"."""
    order: int = Field(ge=1)
    """Position among the sessions, 1 first; unique across sessions."""
    audience: list[Audience] = Field(min_length=1)
    """Who it is for: teacher, ia, facilitator."""
    minutes: int = Field(ge=1, le=600)
    """The whole session, in minutes: the activities' minutes add up to it."""
    summary: Markdown
    """When and for whom it suits: "For a staff meeting early in the year"."""
    activities: list[Activity] = Field(min_length=1)
    """What happens, in order."""
    follow_up: Markdown | None = None
    """What pairs do before the next session."""

    def own_problems(self) -> list[tuple[ContentPath, str]]:
        total = sum(activity.minutes for activity in self.activities)
        if total == self.minutes:
            return []
        return [
            (
                ("minutes",),
                f"the activities add up to {total} minutes, not {self.minutes}; "
                f"change 'minutes' to {total} or an activity's minutes",
            )
        ]


@dataclass(frozen=True)
class Kind:
    """One kind of content file: where its files live, what they are called, how they are
    read, and the page each one becomes. ``KINDS`` is the one list of them."""

    folder: str
    """The folder its files are in, which is also how more than one is called: 'modules'."""
    singular: str
    """What one is called in messages and commands: 'module'."""
    model: type[ContentItem]
    """What a file must hold."""
    nav_title: str
    """The navigation's section for their pages."""
    template: str = "content-item.md"
    """The template of each file's page, under templates/sidebyside/."""
    index: str | None = None
    """A page listing them all, first in their section (a path under docs/)."""
    order_field: str | None = None
    """A field that places each one in the course, unique across the kind. Without one,
    files come in the order the course first refers to them."""
    printable: bool = False
    """Whether each page has a PDF of its own."""

    @property
    def plural(self) -> str:
        return self.folder

    @property
    def starter(self) -> str:
        """The commented starter file ``sidebyside new`` writes, under templates/sidebyside/."""
        return f"starters/{self.singular}.yml"


KINDS: dict[str, Kind] = {
    kind.folder: kind
    for kind in (
        Kind("modules", "module", Module, "Modules", "module.md", order_field="order"),
        Kind("scenarios", "scenario", Scenario, "Scenarios", "scenario.md", "scenarios/index.md"),
        Kind("worksheets", "worksheet", Worksheet, "Worksheets", "worksheet.md", printable=True),
        Kind("sessions", "session", Session, "PD sessions", "session.md", order_field="order"),
    )
}
"""Every kind of content, in the order the navigation and messages list them. The first is
the one a course cannot be without."""
