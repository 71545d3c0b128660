"""Safe YAML reading that remembers where every key and value stands in the file.

Only plain data is accepted: mappings with text keys, lists, text, numbers, booleans and
null. Tags such as ``!!python/object`` and aliases (``*name``) are refused, which also
bounds the work an "alias bomb" could cause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from .errors import ContentError, ContentPath, Problem

# libyaml's marks and PyYAML's own have the same line and column attributes.
Mark = Any

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null")}
# Dates and times stay the text the author wrote.
_TEXT_TAGS = {f"{_CORE}timestamp", f"{_CORE}binary"}
MAX_DEPTH = 40
_ALIAS = "aliases ('*name') are not allowed in course files; write the value out in full"
_EMPTY = "the file is empty; write the content or delete the file"


@dataclass
class Positions:
    """Where each value and each mapping key starts, by path into the data."""

    values: dict[ContentPath, Mark] = field(default_factory=dict)
    keys: dict[ContentPath, Mark] = field(default_factory=dict)

    def of_value(self, path: ContentPath) -> tuple[int, int]:
        """1-based (line, column) of the value at ``path``, or of the nearest enclosing value
        that exists."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return _line_and_column(self.values[path[:end]])
        return (1, 1)

    def of_key(self, path: ContentPath) -> tuple[int, int]:
        mark = self.keys.get(path)
        return _line_and_column(mark) if mark else self.of_value(path)


def _line_and_column(mark: Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


@dataclass
class Document:
    path: str
    data: Any
    positions: Positions


class _YamlProblem(Exception):
    def __init__(self, mark: Mark | None, message: str) -> None:
        self.line = mark.line + 1 if mark else 1
        self.column = mark.column + 1 if mark else 1
        self.message = message


class _EventReading:
    """Builds plain data straight from the parser's events, noting each value's position.

    Aliases are refused when they are met, before anything is expanded, and nesting is
    bounded, so no file can cost more than its own size or exhaust the stack. The parser
    itself comes from a subclass: libyaml's C one, or PyYAML's pure Python one.
    """

    positions: Positions
    _constructor: SafeConstructor

    # The parser's own methods, provided by the subclass.
    get_event: Any
    check_event: Any
    peek_event: Any
    resolve: Any
    dispose: Any

    def _start(self) -> None:
        Resolver.__init__(self)  # type: ignore[arg-type]
        self.positions = Positions()
        self._constructor = SafeConstructor()

    def read(self) -> Any:
        self.get_event()  # the stream's start
        if isinstance(self.get_event(), yaml.StreamEndEvent):  # not the document's start
            raise _YamlProblem(None, _EMPTY)
        data = self._value(self.get_event(), (), 0)
        self.get_event()  # the document's end
        if not self.check_event(yaml.StreamEndEvent):
            raise _YamlProblem(
                self.peek_event().start_mark,
                "the file holds a second YAML document (after '---'); keep one",
            )
        return data

    # One get_event() per event, dispatched on its exact type: this loop is most of the
    # time spent loading a course.
    def _value(self, event: Any, path: ContentPath, depth: int) -> Any:
        kind = type(event)
        if kind is yaml.AliasEvent:
            raise _YamlProblem(event.start_mark, _ALIAS)
        if depth >= MAX_DEPTH:
            raise _YamlProblem(
                event.start_mark,
                f"the content is nested more than {MAX_DEPTH} levels deep; check the indentation",
            )
        self.positions.values[path] = event.start_mark
        if kind is yaml.ScalarEvent:
            return self._scalar(event)
        tag = event.tag
        if kind is yaml.SequenceStartEvent:
            if tag not in (None, "!", f"{_CORE}seq"):
                raise _YamlProblem(event.start_mark, _tag_message(tag))
            items: list[Any] = []
            while type(item := self.get_event()) is not yaml.SequenceEndEvent:
                items.append(self._value(item, (*path, len(items)), depth + 1))
            return items
        if tag not in (None, "!", f"{_CORE}map"):
            raise _YamlProblem(event.start_mark, _tag_message(tag))
        mapping: dict[str, Any] = {}
        while type(key_event := self.get_event()) is not yaml.MappingEndEvent:
            key = self._key(key_event, mapping, path)
            mapping[key] = self._value(self.get_event(), (*path, key), depth + 1)
        return mapping

    def _key(self, event: Any, mapping: dict[str, Any], path: ContentPath) -> str:
        if type(event) is yaml.ScalarEvent:
            tag = self._scalar_tag(event)
            if tag == f"{_CORE}merge":
                raise _YamlProblem(
                    event.start_mark, "merge keys ('<<') are not allowed; write the keys out"
                )
            if tag == f"{_CORE}str":
                if event.value in mapping:
                    raise _YamlProblem(
                        event.start_mark, f"the key '{event.value}' appears twice; keep one"
                    )
                self.positions.keys[(*path, event.value)] = event.start_mark
                return event.value
        if type(event) is yaml.AliasEvent:
            raise _YamlProblem(event.start_mark, _ALIAS)
        raise _YamlProblem(event.start_mark, "keys must be plain words such as 'title'")

    def _scalar_tag(self, event: Any) -> str:
        if event.tag is None or event.tag == "!":
            return self.resolve(ScalarNode, event.value, event.implicit)
        return event.tag

    def _scalar(self, event: Any) -> Any:
        tag = self._scalar_tag(event)
        if tag == f"{_CORE}str" or tag in _TEXT_TAGS:
            return event.value
        if tag not in _SCALAR_TAGS:
            raise _YamlProblem(event.start_mark, _tag_message(tag))
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        value = self._constructor.construct_object(node)
        if event.tag is None and (surprise := _surprise(tag, event.value, value)):
            raise _YamlProblem(event.start_mark, surprise)
        return value


class _PythonEventReader(_EventReading, Reader, Scanner, Parser, Resolver):
    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        self._start()


# libyaml's C parser where PyYAML has it (its wheels do): several times faster.
try:
    from yaml._yaml import CParser

    class _CEventReader(_EventReading, CParser, Resolver):
        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            self._start()

    _FastReader: type[_EventReading] = _CEventReader
except ImportError:  # pragma: no cover — a PyYAML built without libyaml
    _FastReader = _PythonEventReader

# libyaml stops at its own nesting limit (1,000 levels) while scanning ahead, before our
# lower limit is reached; the Python parser reads lazily and finds where ours is crossed.
_LIBYAML_DEPTH_LIMIT = "exceeded maximum nesting depth"


def _parse(text: str, reader_class: type[_EventReading]) -> tuple[Any, Positions]:
    reader = reader_class(text)  # type: ignore[call-arg]
    try:
        return reader.read(), reader.positions
    finally:
        reader.dispose()


def read_document(path: str, raw: bytes) -> Document:
    """Parse one file's bytes into plain data and its positions; raise ``ContentError``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError(
            [Problem(path, line, column, "this file is not UTF-8 text; save it as UTF-8")]
        ) from None
    try:
        try:
            data, positions = _parse(text, _FastReader)
        except yaml.MarkedYAMLError as error:
            if _LIBYAML_DEPTH_LIMIT not in str(error.problem):
                raise
            data, positions = _parse(text, _PythonEventReader)
    except _YamlProblem as problem:
        raise ContentError([Problem(path, problem.line, problem.column, problem.message)]) from None
    except yaml.reader.ReaderError as error:
        read = text[: error.position]
        line, column = read.count("\n") + 1, error.position - (read.rfind("\n") + 1) + 1
        message = (
            f"the file holds a control character (U+{error.character:04X}) that YAML does "
            "not allow; delete it"
            if isinstance(error.character, int)
            else f"invalid YAML: {error.reason}"
        )
        raise ContentError([Problem(path, line, column, message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = _tab_in_indentation(text, line)
        if tab:
            message = "YAML indents with spaces, not tabs; replace the tab here with spaces"
            raise ContentError([Problem(path, line, tab, message)]) from None
        what = error.problem or error.context or "unreadable YAML"
        if "expected ','" in what:
            what += " (inside [...] or {...}, put any item holding ',', ':', '?' or '#' in quotes)"
        raise ContentError([Problem(path, line, column, f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(path, 1, 1, f"invalid YAML: {error}")]) from None
    return Document(path, data, positions)


def _tag_message(tag: str) -> str:
    shown = tag.replace(_CORE, "!!").replace("tag:yaml.org,2002:", "!!")
    return f"the tag '{shown}' is not allowed; course files hold plain text, numbers and lists"


def _tab_in_indentation(text: str, line: int) -> int | None:
    """The 1-based column of a tab among the leading spaces (and list dashes) of ``line``."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    lead = re.match(r"[ \t-]*", lines[line - 1])
    column = lead[0].find("\t") if lead else -1
    return column + 1 if column >= 0 else None


# YAML 1.1 reads these as numbers or booleans; an author almost never means them so.
_PLAIN_INTEGER = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_BOOLEAN_WORDS = ("true", "false")


def _surprise(tag: str, written: str, value: Any) -> str | None:
    """Why a plain scalar that YAML read as a number or a yes/no is probably a slip."""
    if tag == f"{_CORE}bool" and written.lower() not in _BOOLEAN_WORDS:
        word = "true" if value else "false"
        return (
            f"YAML reads '{written}' as {word}; write {word} for a yes-or-no setting, "
            f'or put it in quotes ("{written}") if it is text'
        )
    if tag == f"{_CORE}int" and not _PLAIN_INTEGER.fullmatch(written):
        if ":" in written:
            return (
                f"YAML reads {written} as the number {value} (minutes and seconds); "
                f'put it in quotes ("{written}") to keep it as written'
            )
        if re.fullmatch(r"[-+]?0[0-9_]+", written):
            return (
                f"YAML reads {written} as the octal number {value}; write it without "
                f"leading zeros ({int(written.replace('_', ''))}), or in quotes if it is text"
            )
        return f"write the number {value} in plain digits, or put {written} in quotes"
    if tag == f"{_CORE}float" and (":" in written or "_" in written):
        return f'put {written} in quotes ("{written}") to keep it as written'
    return None
