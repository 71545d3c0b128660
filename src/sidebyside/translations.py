"""A course's texts in other languages, as gettext PO files that translators' tools open.

A language has one catalog per content file, ``translations/<lang>/<folder>/<id>.po``, one
per hand-written page (``docs/index.po``, ``includes/abbreviations.po``) and one for the
toolkit's own words, ``interface.po``. What is translatable in content is what the model
marks as text (``model.texts``): ids, verdicts, ``correct``, orders, minutes and references
are not text, so they never reach a catalog. A content message's context is the text's path
in its file (``quiz.0.prompt``), a page's is its block (``block 3``, see ``page_texts``);
the interface's messages are their English, as gettext's are. Each message's reference
comment is the file and line it comes from.
"""

from __future__ import annotations

import difflib
import functools
import io
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import PoFileError, read_po, unescape, write_po
from pydantic import BaseModel

from .errors import ContentError, ContentPath, Problem
from .interface import Interface
from .load import Course
from .model import TextFormat, texts
from .page_texts import FRONT_MATTER_TEXTS, page_texts

TRANSLATIONS = "translations"
INTERFACE = "interface"
PAGE_FOLDERS = ("docs", "includes")
"""Where a course keeps its hand-written pages and the snippets appended to them."""
FUZZY = "fuzzy"
PACKAGE = Path(__file__).parent
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")
_MARKUP = re.compile(r"[<>&]")
_ABBREVIATED = re.compile(r"^\*\[([^\]]+)\]:", re.M)
Item = TypeVar("Item", bound=BaseModel)
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)")
_BLOCK_START = re.compile(r"^\s*(#{1,6} |[-*+] |\d+[.)] |> |\||!!! |\?\?\? |```|~~~)")


@dataclass(frozen=True)
class Source:
    """One English text to translate, and where it is written."""

    file: str
    """The content file, such as ``modules/roles.yml``, page or template."""
    context: str | None
    """Where in its file the text is; None for the interface's words, known by their English."""
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


def _key(context: str | None, text: object) -> str:
    """What finds a message: its context, or for the interface's words their English."""
    return context if context is not None else str(text)


def page_files(root: Path) -> list[Path]:
    """The course's hand-written pages and snippets, each with one catalog per language."""
    return sorted(
        path
        for folder in PAGE_FOLDERS
        if (root / folder).is_dir()
        for path in (root / folder).rglob("*.md")
    )


def page_sources(root: Path, path: Path) -> list[Source]:
    file = path.relative_to(root).as_posix()
    return [
        Source(
            file,
            text.context,
            text.text,
            text.line,
            TextFormat.ONE_LINE if text.context in FRONT_MATTER_TEXTS else TextFormat.MARKDOWN,
        )
        for text in page_texts(path.read_text(encoding="utf-8"))
    ]


_EXTRACT_TEMPLATES = [
    ("sidebyside/starters/**", "ignore"),
    ("**.html", "jinja2.ext:babel_extract"),
    ("**.md", "jinja2.ext:babel_extract"),
]
_TEMPLATE_OPTIONS = {"**": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true"}}


@functools.cache
def interface_sources() -> tuple[Source, ...]:
    """The toolkit's own words: each ``_()`` in its templates and ``N_()`` in its code, once."""
    found: dict[str, Source] = {}
    in_code = [("templates/**", "ignore"), ("*.py", "python")]
    extracted = [
        (
            "templates",
            extract_from_dir(PACKAGE / "templates", _EXTRACT_TEMPLATES, _TEMPLATE_OPTIONS),
        ),
        (
            ".",
            extract_from_dir(PACKAGE, in_code, keywords={"N_": None, "_": None, "gettext": None}),
        ),
    ]
    for base, messages in extracted:
        for filename, line, message, _comments, _context in messages:
            if isinstance(message, str) and message and message not in found:
                shown = f"sidebyside/{base}/{filename}".replace("/./", "/")
                text_format = TextFormat.MARKDOWN if "\n" in message else TextFormat.ONE_LINE
                found[message] = Source(shown, None, message, line, text_format)
    return tuple(found.values())


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
    if _MARKUP.search(translated) and not _MARKUP.search(source.text) and source.context is None:
        wrong.append("it has HTML characters (<, > or &) that the English does not; remove them")
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
    links = tuple(sorted(_LINK_TARGET.findall(text)))
    return shape, text.count("`"), links, tuple(_ABBREVIATED.findall(text))


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


def _shortened(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


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
            f"{self.source.context or _shortened(self.source.text)}); {_FIXES[self.state]}"
        )


def _english(root: Path, course: Course, language: str) -> list[tuple[Path, list[Source]]]:
    """Each catalog of ``language`` and the English texts it translates."""
    found = [
        (catalog_path(root, language, folder, item_id), sources(course, folder, item_id))
        for folder, items in course.items.items()
        for item_id in items
    ]
    for page in page_files(root):
        relative = page.relative_to(root).with_suffix(".po")
        found.append((root / TRANSLATIONS / language / relative, page_sources(root, page)))
    found.append((root / TRANSLATIONS / language / f"{INTERFACE}.po", list(interface_sources())))
    return found


def text_count(root: Path, course: Course, language: str) -> int:
    """How many texts ``language`` has to translate: the content's, the pages', the interface's."""
    return sum(len(entries) for _, entries in _english(root, course, language))


def _catalog_files(
    root: Path, course: Course, language: str
) -> tuple[list[tuple[Path, list[Source], Catalog | None]], list[Problem]]:
    """Each catalog's path, English texts and catalog (None before its first update), and
    the problems of the catalogs that cannot be read, which are left out."""
    files: list[tuple[Path, list[Source], Catalog | None]] = []
    problems: list[Problem] = []
    for path, entries in _english(root, course, language):
        try:
            catalog = read_catalog(root, path) if path.is_file() else None
        except ContentError as error:
            problems.extend(error.problems)
            continue
        files.append((path, entries, catalog))
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
        by_key = {_key(message.context, message.id): message for message in _messages(catalog)}
        for source in entries:
            message = by_key.get(_key(source.context, source.text))
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
                        f"the translation of {source.context or repr(source.text)}: {wrong}",
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
    known = {_key(m.context, m.id): m for m in _messages(old)} if old else {}
    same_text = {message.id: message for message in known.values() if message.string}
    unused = {str(m.id) for m in known.values() if m.string} - {s.text for s in entries}
    for source in entries:
        before = known.get(_key(source.context, source.text))
        if before is None and source.context is None:  # gettext's way: a similar old English
            close = difflib.get_close_matches(source.text, sorted(unused), n=1, cutoff=0.6)
            before = known[close[0]] if close else None
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


@dataclass(frozen=True)
class Translation:
    """A language's current translations, by catalog (``modules/roles``, ``docs/index``,
    ``interface``) and message (its context, or for the interface its English). A text
    without one, untranslated or outdated, stays English."""

    language: str
    found: Mapping[str, Mapping[str, str]]

    def text(self, catalog: str, context: str | None, english: str) -> str | None:
        return self.found.get(catalog, {}).get(_key(context, english))

    @property
    def interface(self) -> Interface:
        return Interface(self.language, self.found.get(INTERFACE, {}))


def load_translation(root: Path, course: Course, language: str) -> Translation:
    """What ``language``'s catalogs translate of the course as it is now.

    Raises ``ContentError`` for an unknown language, a PO file that cannot be read or a
    translation whose form does not match its English, as ``status`` does."""
    check_language(language)
    status(root, course, language)
    files, _ = _catalog_files(root, course, language)
    folder = root / TRANSLATIONS / language
    found: dict[str, dict[str, str]] = {}
    for path, entries, catalog in files:
        if catalog is None:
            continue
        by_key = {_key(m.context, m.id): m for m in _messages(catalog)}
        current = found.setdefault(path.relative_to(folder).with_suffix("").as_posix(), {})
        for source in entries:
            key = _key(source.context, source.text)
            message = by_key.get(key)
            if message and message.id == source.text and message.string and not message.fuzzy:
                current[key] = str(message.string)
    return Translation(language, found)


def translated_course(course: Course, translation: Translation) -> Course:
    """The course with every text its catalogs translate. Each translated piece remembers its
    English (``Part.english``), which keeps saved answers' keys and inputs' names the same
    in every language."""
    items = {
        folder: {
            item_id: _translated(item, translation, f"{folder}/{item_id}", ())
            for item_id, item in entries.items()
        }
        for folder, entries in course.items.items()
    }
    return Course(items, course.documents)


def _translated(item: Item, translation: Translation, catalog: str, path: ContentPath) -> Item:
    updates = {
        name: _translated_value(getattr(item, name), translation, catalog, (*path, name))
        for name in type(item).model_fields
    }
    copy = item.model_copy(update=updates)
    copy._english = item  # type: ignore[attr-defined]
    return copy


def _translated_value(value: Any, translation: Translation, catalog: str, path: ContentPath) -> Any:
    if isinstance(value, BaseModel):
        return _translated(value, translation, catalog, path)
    if isinstance(value, str):
        return translation.text(catalog, context_of(path), value) or value
    if isinstance(value, list):
        return [_translated_value(v, translation, catalog, (*path, n)) for n, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: _translated_value(v, translation, catalog, (*path, k)) for k, v in value.items()}
    return value
