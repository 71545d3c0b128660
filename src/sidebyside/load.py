"""Reads a course folder into the model, checking every file and every reference between them.

Nothing is returned unless the whole course is sound: all problems found in all files are
raised together as one ``ContentError``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from .batch import without_gc_pauses
from .errors import ContentError, ContentPath, Problem
from .messages import describe, suggestion
from .model import (
    ID_RULE,
    KINDS,
    ContentItem,
    Kind,
    Module,
    Scenario,
    Session,
    Worksheet,
    as_id,
    is_id,
    references,
    texts,
)
from .text import text_problems
from .yamlsource import Document, read_document

SUFFIXES = (".yml", ".yaml")
Items = Mapping[str, Mapping[str, ContentItem]]
"""Content by kind's folder, then by id, each kind in course order."""


@dataclass(frozen=True)
class Course:
    """A whole, valid course: every kind's files by id, in course order."""

    items: Items
    documents: dict[str, Document] = field(default_factory=dict, compare=False, repr=False)
    """Each file's YAML as read, by ``kind/id``, to point at any value in it."""

    @classmethod
    def empty(cls) -> Course:
        return cls({kind: {} for kind in KINDS})

    @property
    def modules(self) -> tuple[Module, ...]:
        return tuple(cast(Mapping[str, Module], self.items["modules"]).values())

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return cast(Mapping[str, Scenario], self.items["scenarios"])

    @property
    def worksheets(self) -> Mapping[str, Worksheet]:
        return cast(Mapping[str, Worksheet], self.items["worksheets"])

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(cast(Mapping[str, Session], self.items["sessions"]).values())

    def located(self, kind: str, item_id: str, path: ContentPath, message: str) -> Problem:
        """A problem at ``path`` in a content file, or at its top if it was not read here."""
        document = self.documents.get(f"{kind}/{item_id}")
        if document is None:
            return Problem(f"{kind}/{item_id}.yml", 1, 1, message)
        return _located(document, path, message)

    @property
    def drafts(self) -> list[ContentItem]:
        return [item for items in self.items.values() for item in items.values() if item.draft]

    def published(self) -> Course:
        """The course without its drafts: no pages for them, and no links to them."""
        kept = {
            folder: {key: item for key, item in items.items() if not item.draft}
            for folder, items in self.items.items()
        }
        return Course(
            {
                folder: {
                    key: _without_references(item, lambda folder, ref: ref not in kept[folder])
                    for key, item in items.items()
                }
                for folder, items in kept.items()
            },
            self.documents,
        )

    def module_of(self, item_id: str, kind: str) -> Module | None:
        """The first module (in course order) that refers to the file ``kind/item_id``."""
        return self._first_module_referring.get((kind, item_id))

    @functools.cached_property
    def _first_module_referring(self) -> dict[tuple[str, str], Module]:
        first: dict[tuple[str, str], Module] = {}
        for module in self.modules:
            for _, ref, target in references(module):
                first.setdefault((target.folder, ref), module)
        return first


def _without_references(item: ContentItem, gone: Callable[[str, str], bool]) -> ContentItem:
    """``item`` less the ids in lists that ``gone(folder, id)`` says lead nowhere."""
    dropped = [path for path, ref, target in references(item) if gone(target.folder, ref)]
    if not dropped:
        return item
    data: Any = item.model_dump()
    for path in reversed(dropped):  # later places first, so earlier ones don't move
        *owner, index = path
        holder = data
        for part in owner:
            holder = holder[part]
        del holder[index]
    copy = type(item).model_validate(data)
    copy._id = item.id
    return copy


@dataclass
class _Loaded:
    document: Document
    item: ContentItem

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        return _located(self.document, path, message)


def _located(
    document: Document, path: tuple[str | int, ...], message: str, *, key: bool = False
) -> Problem:
    """A problem at the value (or, with ``key``, the key) that ``path`` leads to."""
    positions = document.positions
    line, column = positions.of_key(path) if key else positions.of_value(path)
    return Problem(document.path, line, column, message)


def content_files(root: Path) -> list[Path]:
    """Every entry of the content folders named like a content file, in a stable order:
    whether each is a readable file inside the course is checked when it is read."""
    return sorted(
        path
        for folder in KINDS
        if (root / folder).is_dir()
        for path in (root / folder).iterdir()
        if path.suffix.lower() in SUFFIXES
    )


def read_content_file(path: Path, root: Path) -> bytes:
    """A content file's bytes; raises ``OSError`` with a message for its author.

    Nothing from outside the course is read: a link that leaves the course folder is
    refused before it is opened, so no message can show another file's contents.
    """
    if path.suffix not in SUFFIXES:
        lower = f"{path.stem}{path.suffix.lower()}"
        raise OSError(f"rename it to '{lower}': content files end in .yml")
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise OSError(
                "this link leads nowhere, or in a loop; put the file here instead"
            ) from None
        if not target.is_relative_to(root.resolve()):
            raise OSError(
                "this link leads outside the course folder; copy the file into the course"
            )
    if path.is_dir():
        raise OSError("this is a folder, not a file; rename it or move it out of the folder")
    if not path.is_file():
        raise OSError("this is not a regular file; replace it with a YAML file or remove it")
    try:
        return path.read_bytes()
    except OSError as error:
        reason = (error.strerror or "unreadable").lower()
        raise OSError(f"the file cannot be read ({reason}); check its permissions") from None


def load_file(kind: str, shown: str, raw: bytes) -> _Loaded:
    """Read and check one content file's bytes; raise ``ContentError`` with its problems."""
    document = read_document(shown, raw)
    model = KINDS[kind].model
    try:
        item = model.model_validate(document.data)
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            location, at_key, message = describe(detail, model)
            problems.append(_located(document, location, message, key=at_key))
        raise ContentError(problems) from None
    entry = _Loaded(document, item)
    own = [entry.problem(path, message) for path, message in item.own_problems()]
    own += [
        entry.problem(path, message)
        for path, text, format in texts(item)
        for message in text_problems(text, format)
    ]
    if own:
        raise ContentError(own)
    return entry


@without_gc_pauses()
def load_course(root: Path) -> Course:
    """Load and check the course under ``root``; raise ``ContentError`` listing every problem."""
    problems: list[Problem] = []
    loaded: dict[str, dict[str, _Loaded]] = {kind: {} for kind in KINDS}
    # Ids of every file present, valid or not: a broken file is reported once, by itself,
    # not again by each file that refers to it.
    present: dict[str, set[str]] = {kind: set() for kind in KINDS}

    files = content_files(root)
    first = next(iter(KINDS.values()))
    if not any(path.parent.name == first.folder for path in files):
        problems.append(
            Problem(
                first.folder,
                1,
                1,
                f"no {first.plural} found: add a file such as "
                f"{first.folder}/my-{first.singular}.yml",
            )
        )
    for path in files:
        kind = path.parent.name
        shown = path.relative_to(root).as_posix()
        item_id = path.stem
        if not is_id(item_id):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    (
                        f"the file name '{path.name}' is not a valid id; rename it to "
                        f"'{as_id(item_id) or 'my-file'}{path.suffix.lower()}' ({ID_RULE})"
                    ),
                )
            )
            continue
        if item_id in present[kind]:
            problems.append(
                Problem(
                    shown, 1, 1, f"'{item_id}' is defined twice, as .yml and .yaml; keep one file"
                )
            )
            continue
        present[kind].add(item_id)
        try:
            entry = load_file(kind, shown, read_content_file(path, root))
        except OSError as error:
            problems.append(Problem(shown, 1, 1, str(error)))
            continue
        except ContentError as error:
            problems.extend(error.problems)
            continue
        entry.item._id = item_id
        loaded[kind][item_id] = entry

    for each in KINDS.values():
        problems += _order_problems(each, loaded[each.folder])
    problems += _reference_problems(loaded, present)
    if problems:
        raise ContentError(problems)

    items: dict[str, dict[str, ContentItem]] = {}
    for each in KINDS.values():
        items[each.folder] = _in_course_order(each, loaded[each.folder], items)
    return Course(
        items,
        documents={
            f"{kind}/{item_id}": entry.document
            for kind, entries in loaded.items()
            for item_id, entry in entries.items()
        },
    )


def _order_problems(kind: Kind, entries: dict[str, _Loaded]) -> list[Problem]:
    """Two files of a kind placed at the same position."""
    if kind.order_field is None:
        return []
    problems = []
    taken: dict[object, str] = {}
    for entry in entries.values():
        place = getattr(entry.item, kind.order_field)
        if place in taken:
            problems.append(
                entry.problem(
                    (kind.order_field,),
                    f"{kind.order_field} {place} is also used by {taken[place]}; "
                    f"give each {kind.singular} its own position",
                )
            )
        else:
            taken[place] = entry.document.path
    return problems


def _reference_problems(
    loaded: dict[str, dict[str, _Loaded]], present: dict[str, set[str]]
) -> list[Problem]:
    """Ids that name no file of the kind they refer to."""
    problems = []
    for entries in loaded.values():
        for entry in entries.values():
            for path, ref, target in references(entry.item):
                if ref in present[target.folder]:
                    continue
                hint = suggestion(ref, sorted(present[target.folder]))
                singular = KINDS[target.folder].singular
                problems.append(
                    entry.problem(
                        path, f"no {singular} '{ref}': there is no {target.folder}/{ref}.yml{hint}"
                    )
                )
    return problems


def _in_course_order(
    kind: Kind, entries: dict[str, _Loaded], earlier: Mapping[str, Mapping[str, ContentItem]]
) -> dict[str, ContentItem]:
    """A kind's files by their order field; or in the order the kinds before it (already in
    course order) first refer to them, with files nothing refers to last, by id."""
    if kind.order_field is not None:
        field_name = kind.order_field
        ordered = sorted(entries, key=lambda item_id: getattr(entries[item_id].item, field_name))
        return {item_id: entries[item_id].item for item_id in ordered}
    rank: dict[str, int] = {}
    for items in earlier.values():
        for item in items.values():
            for _, ref, target in references(item):
                if target.folder == kind.folder:
                    rank.setdefault(ref, len(rank))
    ordered = sorted(entries, key=lambda item_id: (rank.get(item_id, len(rank)), item_id))
    return {item_id: entries[item_id].item for item_id in ordered}
