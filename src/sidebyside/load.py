"""Reads a course folder into the model, checking every file and every reference between them.

Nothing is returned unless the whole course is sound: all problems found in all files are
raised together as one ``ContentError``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .batch import without_gc_pauses
from .errors import ContentError, Problem
from .messages import describe
from .model import KINDS, ContentItem, ContentPath, Module, Scenario, Worksheet, is_id, texts
from .text import text_problems
from .yamlsource import Document, ProblemsFound, read_document

CONTENT_DIRS = tuple(KINDS)  # modules, scenarios, worksheets
SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Course:
    """A whole, valid course: modules in course order, scenarios and worksheets by id."""

    modules: tuple[Module, ...]
    scenarios: dict[str, Scenario]
    worksheets: dict[str, Worksheet]
    documents: dict[str, Document] = field(default_factory=dict, compare=False, repr=False)
    """Each file's YAML as read, by ``kind/id``, to point at any value in it."""

    def located(self, kind: str, item_id: str, path: ContentPath, message: str) -> Problem:
        """A problem at ``path`` in a content file, or at its top if it was not read here."""
        document = self.documents.get(f"{kind}/{item_id}")
        if document is None:
            return Problem(f"{kind}/{item_id}.yml", 1, 1, message)
        return _located(document, path, message)

    @property
    def drafts(self) -> list[ContentItem]:
        return [
            item
            for item in (*self.modules, *self.scenarios.values(), *self.worksheets.values())
            if item.draft
        ]

    def published(self) -> Course:
        """The course without its drafts: no pages for them, and no links to them."""
        scenarios = {key: item for key, item in self.scenarios.items() if not item.draft}
        worksheets = {key: item for key, item in self.worksheets.items() if not item.draft}
        modules = tuple(
            module.model_copy(
                update={
                    "scenarios": [ref for ref in module.scenarios if ref in scenarios],
                    "worksheets": [ref for ref in module.worksheets if ref in worksheets],
                }
            )
            for module in self.modules
            if not module.draft
        )
        return Course(modules, scenarios, worksheets, self.documents)

    def module_of(self, item_id: str, kind: str) -> Module | None:
        """The first module (in course order) that links the scenario or worksheet."""
        return next((m for m in self.modules if item_id in getattr(m, kind)), None)


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
        for folder in CONTENT_DIRS
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
    try:
        document = read_document(shown, raw)
    except ProblemsFound as found:
        raise ContentError(found.problems) from None
    model = KINDS[kind]
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
    # not again by each module that links it.
    present: dict[str, set[str]] = {kind: set() for kind in KINDS}

    files = content_files(root)
    if not any(path.parent.name == "modules" for path in files):
        problems.append(
            Problem("modules", 1, 1, "no modules found: add a file such as modules/my-module.yml")
        )
    for path in files:
        kind = path.parent.name
        shown = path.relative_to(root).as_posix()
        item_id = path.stem
        if not is_id(item_id):
            suggestion = re.sub(r"[^a-z0-9]+", "-", item_id.lower()).strip("-") or "my-file"
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    (
                        f"the file name '{path.name}' is not a valid id; rename it to "
                        f"'{suggestion}{path.suffix.lower()}' "
                        "(lowercase letters, digits and hyphens)"
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

    problems.extend(_cross_file_problems(loaded, present))
    if problems:
        raise ContentError(problems)

    modules = [e.item for e in loaded["modules"].values() if isinstance(e.item, Module)]
    course_modules = tuple(sorted(modules, key=lambda m: m.order))
    return Course(
        modules=course_modules,
        scenarios=_in_course_order(loaded["scenarios"], course_modules, "scenarios"),
        worksheets=_in_course_order(loaded["worksheets"], course_modules, "worksheets"),
        documents={
            f"{kind}/{item_id}": entry.document
            for kind, entries in loaded.items()
            for item_id, entry in entries.items()
        },
    )


def _cross_file_problems(
    loaded: dict[str, dict[str, _Loaded]], present: dict[str, set[str]]
) -> list[Problem]:
    problems: list[Problem] = []
    orders: dict[int, str] = {}
    for entry in loaded["modules"].values():
        module = entry.item
        assert isinstance(module, Module)
        if module.order in orders:
            problems.append(
                entry.problem(
                    ("order",),
                    (
                        f"order {module.order} is also used by {orders[module.order]}; "
                        "give each module its own position"
                    ),
                )
            )
        else:
            orders[module.order] = entry.document.path
        for kind in ("scenarios", "worksheets"):
            known = sorted(present[kind])
            for index, ref in enumerate(getattr(module, kind)):
                if ref not in present[kind]:
                    match = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
                    hint = f" — did you mean '{match[0]}'?" if match else ""
                    singular = kind[:-1]
                    problems.append(
                        entry.problem(
                            (kind, index),
                            (f"no {singular} '{ref}': there is no {kind}/{ref}.yml{hint}"),
                        )
                    )
    return problems


def _in_course_order(entries: dict[str, _Loaded], modules: tuple[Module, ...], kind: str) -> dict:
    """Items in the order modules first link them; unlinked ones last, by id."""
    rank: dict[str, int] = {}
    for module in modules:
        for ref in getattr(module, kind):
            rank.setdefault(ref, len(rank))
    ordered = sorted(entries, key=lambda item_id: (rank.get(item_id, len(rank)), item_id))
    return {item_id: entries[item_id].item for item_id in ordered}
