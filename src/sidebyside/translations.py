"""A course's texts in other languages, as gettext PO files that translators' tools open.

Each content file has one catalog per language, ``translations/<lang>/<folder>/<id>.po``.
What is translatable is what the model marks as text (``model.texts``): ids, verdicts,
``correct``, orders, minutes and references are not text, so they never reach a catalog.
A message's context is the text's path in its file (``quiz.0.prompt``); its reference
comment is the file and line it comes from.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, unescape, write_po

from .errors import ContentError, ContentPath, Problem
from .load import Course
from .model import TextFormat, texts

TRANSLATIONS = "translations"
FUZZY = "fuzzy"
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)")
_BLOCK_START = re.compile(r"^\s*(#{1,6} |[-*+] |\d+[.)] |> |\||!!! |\?\?\? |```|~~~)")


@dataclass(frozen=True)
class Source:
    """One English text to translate, and where it is written."""

    file: str
    """The content file, such as ``modules/roles.yml``."""
    context: str
    text: str
    line: int
    format: TextFormat


def context_of(path: ContentPath) -> str:
    return ".".join(str(part) for part in path)


def sources(course: Course, folder: str, item_id: str) -> list[Source]:
    item = course.items[folder][item_id]
    document = course.documents.get(f"{folder}/{item_id}")
    file = document.path if document else f"{folder}/{item_id}.yml"
    found = []
    for path, text, text_format in texts(item):
        line = course.located(folder, item_id, path, "").line
        found.append(Source(file, context_of(path), text, line, text_format))
    return found


def languages(root: Path) -> list[str]:
    """The languages a course has catalogs for, by their folders in ``translations/``."""
    folder = root / TRANSLATIONS
    return (
        sorted(entry.name for entry in folder.iterdir() if entry.is_dir())
        if folder.is_dir()
        else []
    )


def catalog_path(root: Path, language: str, folder: str, item_id: str) -> Path:
    return root / TRANSLATIONS / language / folder / f"{item_id}.po"


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def check_language(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ContentError(
            [
                Problem(
                    f"{TRANSLATIONS}/{language}",
                    1,
                    1,
                    f"'{language}' is not a language code Babel knows; use one such as es, vi "
                    "or pt-BR",
                )
            ]
        ) from None


def read_catalog(root: Path, path: Path) -> Catalog:
    """A PO file as written; a broken one is a problem at its line."""
    try:
        with path.open("rb") as file:
            catalog = read_po(file, abort_invalid=True)
        _restore_previous_ids(catalog, path.read_text(encoding="utf-8"))
        return catalog
    except PoFileError as error:
        message = str(error).rsplit(" on ", 1)[0]  # Babel adds " on <line>"
        raise ContentError(
            [
                Problem(
                    _shown(root, path),
                    error.lineno or 1,
                    1,
                    f"this PO file cannot be read ({message}); fix the entry there, or open "
                    "the file in Poedit, which shows the mistake",
                )
            ]
        ) from None
    except UnicodeDecodeError:
        raise ContentError(
            [Problem(_shown(root, path), 1, 1, "this PO file is not UTF-8; save it as UTF-8")]
        ) from None


def _restore_previous_ids(catalog: Catalog, text: str) -> None:
    """Babel writes a fuzzy entry's earlier English (``#| msgid``) but does not read it back:
    read it here, so it survives the next update for the translator to compare."""
    lines = text.splitlines()
    for message in _messages(catalog):
        above: list[str] = []
        at = (message.lineno or 1) - 2
        while at >= 0 and lines[at].strip():
            above.insert(0, lines[at])
            at -= 1
        parts = [
            unescape(match.group(1))
            for line in above
            if (match := re.fullmatch(r'#\| (?:msgid )?("(?:[^"\\]|\\.)*")', line.strip()))
        ]
        if parts:
            message.previous_id = ["".join(parts)]


def _translation_problems(source: Source, message: Message) -> list[str]:
    """What is wrong with a translation's form, whatever its words."""
    translated = str(message.string)
    wrong = []
    if source.format is TextFormat.ONE_LINE and "\n" in translated.strip():
        wrong.append("the English is one line, so the translation must be one line too")
    if Counter(_PLACEHOLDER.findall(source.text)) != Counter(_PLACEHOLDER.findall(translated)):
        wrong.append(
            "its placeholders differ from the English ones "
            f"({', '.join(sorted(set(_PLACEHOLDER.findall(source.text)))) or 'none'}); "
            "keep each {name} exactly as written"
        )
    if source.format is TextFormat.MARKDOWN and _structure(source.text) != _structure(translated):
        wrong.append(
            "its Markdown structure differs from the English (paragraphs, list items, "
            "headings, tables, code or link targets); keep the same structure and translate "
            "only the words"
        )
    return wrong


def _structure(text: str) -> tuple[object, ...]:
    """The shape of a Markdown text: its blocks, the list items, headings, quotes, table rows
    and fences that start its lines, its code spans and its link targets."""
    blocks = re.split(r"\n\s*\n", text.strip())
    shape = tuple(
        tuple(marker for line in block.splitlines() if (marker := _line_marker(line)))
        for block in blocks
    )
    return shape, text.count("`"), tuple(sorted(_LINK_TARGET.findall(text)))


def _line_marker(line: str) -> str | None:
    match = _BLOCK_START.match(line)
    return re.sub(r"\d+", "1", match.group(1).strip()) if match else None


def _messages(catalog: Catalog) -> Iterator[Message]:
    return (message for message in catalog if message.id)


_UPDATE = "run 'sidebyside translations update', then translate it"
_FIXES = {
    "no catalog yet": _UPDATE,
    "not in the catalog yet": _UPDATE,
    "outdated: the English changed": _UPDATE,
    "untranslated": "translate it",
    "outdated (fuzzy)": "check the translation against the new English, then unmark it fuzzy",
}


@dataclass(frozen=True)
class Listing:
    """A text whose translation is missing or outdated, at both of its places."""

    po: str
    po_line: int
    source: Source
    state: str

    def __str__(self) -> str:
        return (
            f"{self.po}:{self.po_line}: {self.state} ({self.source.file}:{self.source.line}, "
            f"{self.source.context}); {_FIXES[self.state]}"
        )


def _catalog_files(
    root: Path, course: Course, language: str
) -> tuple[list[tuple[Path, list[Source], Catalog | None]], list[Problem]]:
    """Each content file's catalog path, English texts and catalog (None before its first
    update), and the problems of the catalogs that cannot be read, which are left out."""
    files: list[tuple[Path, list[Source], Catalog | None]] = []
    problems: list[Problem] = []
    for folder, items in course.items.items():
        for item_id in items:
            path = catalog_path(root, language, folder, item_id)
            try:
                catalog = read_catalog(root, path) if path.is_file() else None
            except ContentError as error:
                problems.extend(error.problems)
                continue
            files.append((path, sources(course, folder, item_id), catalog))
    return files, problems


def status(root: Path, course: Course, language: str) -> list[Listing]:
    """Every text of the course that has no current translation in ``language``.

    Raises ``ContentError`` for a PO file that cannot be read or a translation whose form
    does not match its English."""
    listings: list[Listing] = []
    files, problems = _catalog_files(root, course, language)
    for path, entries, catalog in files:
        shown = _shown(root, path)
        if catalog is None:
            listings.extend(Listing(shown, 1, source, "no catalog yet") for source in entries)
            continue
        by_context = {message.context: message for message in _messages(catalog)}
        for source in entries:
            message = by_context.get(source.context)
            line = message.lineno or 1 if message else 1
            if message is None:
                listings.append(Listing(shown, 1, source, "not in the catalog yet"))
            elif message.id != source.text:
                listings.append(Listing(shown, line, source, "outdated: the English changed"))
            elif not message.string:
                listings.append(Listing(shown, line, source, "untranslated"))
            elif message.fuzzy:
                listings.append(Listing(shown, line, source, "outdated (fuzzy)"))
            else:
                problems.extend(
                    Problem(
                        shown,
                        line,
                        1,
                        f"the translation of {source.context}: {wrong}",
                    )
                    for wrong in _translation_problems(source, message)
                )
    if problems:
        raise ContentError(problems)
    return listings


def _merged(language: str, entries: list[Source], old: Catalog | None) -> Catalog:
    """A catalog of ``entries`` that keeps every translation ``old`` has: unchanged where the
    English is the same, marked fuzzy with the previous English where it changed."""
    catalog = Catalog(
        locale=language.replace("-", "_"),
        project="Side by Side",
        version="1",
        header_comment=(
            f"# The Side by Side course in '{language}'. Translate it in Poedit or Weblate;\n"
            f"# 'sidebyside translations update {language}' keeps it in step with the English."
        ),
        fuzzy=False,
    )
    if old is not None:  # the translators' own header lines stay theirs
        catalog.last_translator = old.last_translator
        catalog.language_team = old.language_team
        catalog.revision_date = old.revision_date
    known = {message.context: message for message in _messages(old)} if old else {}
    same_text = {message.id: message for message in known.values() if message.string}
    for source in entries:
        before = known.get(source.context)
        string, flags, previous = "", set(), []
        if before is not None and before.id == source.text:
            string, flags = str(before.string), {FUZZY} if before.fuzzy else set()
            previous = list(before.previous_id)
        elif source.text in same_text:  # moved in the file, words unchanged
            moved = same_text[source.text]
            string, flags = str(moved.string), {FUZZY} if moved.fuzzy else set()
        elif before is not None and before.string:
            string, flags, previous = str(before.string), {FUZZY}, [str(before.id)]
        catalog.add(
            source.text,
            string,
            locations=[(source.file, source.line)],
            flags=flags,
            context=source.context,
            previous_id=previous,
        )
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, include_previous=True)
    # The header's creation date would change every run; the catalogs stay byte for byte.
    return re.sub(rb'"POT-Creation-Date: [^"]*"\n', b"", buffer.getvalue())


def update(root: Path, course: Course, language: str) -> list[Path]:
    """Bring every catalog of ``language`` in step with the English; the files written.

    Nothing is written when any existing catalog cannot be read."""
    check_language(language)
    planned: dict[Path, bytes] = {}
    files, problems = _catalog_files(root, course, language)
    for path, entries, old in files:
        text = _po_bytes(_merged(language, entries, old))
        if old is None or path.read_bytes() != text:
            planned[path] = text
    if problems:
        raise ContentError(problems)
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
    return sorted(planned)
