"""Safe YAML reading that remembers where every key and value stands in the file.

Only plain data is accepted: mappings with text keys, lists, text, numbers, booleans and
null. Tags such as ``!!python/object`` and aliases (``*name``) are refused, which also
bounds the work an "alias bomb" could cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from .errors import Problem

Path = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null")}
# Dates and times stay the text the author wrote.
_TEXT_TAGS = {f"{_CORE}timestamp", f"{_CORE}binary"}
MAX_DEPTH = 40
_EMPTY = "the file is empty; write the content or delete the file"


@dataclass
class Positions:
    """1-based (line, column) of each value and each mapping key, by path into the data."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path) -> tuple[int, int]:
        """Where the value at ``path`` is, or the nearest enclosing value that exists."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def of_key(self, path: Path) -> tuple[int, int]:
        return self.keys.get(path) or self.of_value(path)


@dataclass
class Document:
    path: str
    data: Any
    positions: Positions


class _YamlProblem(Exception):
    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        self.line = mark.line + 1 if mark else 1
        self.column = mark.column + 1 if mark else 1
        self.message = message


# libyaml's C parser where PyYAML has it (its wheels do), under PyYAML's own Python
# composer, so that every node still passes through compose_node below.
try:
    from yaml._yaml import CParser

    _BASES: tuple[type, ...] = (Composer, CParser, SafeConstructor, Resolver)
except ImportError:  # pragma: no cover — a PyYAML built without libyaml
    CParser = None
    _BASES = (Reader, Scanner, Parser, Composer, SafeConstructor, Resolver)


class _Loader(*_BASES):  # type: ignore[misc]
    """A safe loader: aliases are refused before they are ever expanded, and nesting is
    bounded so no file can exhaust the stack."""

    depth = 0

    def __init__(self, text: str) -> None:
        if CParser is not None:
            CParser.__init__(self, text)
        else:  # pragma: no cover
            Reader.__init__(self, text)
            Scanner.__init__(self)
            Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _YamlProblem(
                event.start_mark,
                "aliases ('*name') are not allowed in course files; write the value out in full",
            )
        if self.depth >= MAX_DEPTH:
            raise _YamlProblem(
                event.start_mark,
                f"the content is nested more than {MAX_DEPTH} levels deep; check the indentation",
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_document(path: str, raw: bytes) -> Document:
    """Parse one file's bytes into plain data and its positions; raise ``Problem`` list."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ProblemsFound(
            [Problem(path, line, column, "this file is not UTF-8 text; save it as UTF-8")]
        ) from None
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise _YamlProblem(None, _EMPTY)
        positions = Positions()
        data = _to_data(node, (), positions, loader)
    except _YamlProblem as problem:
        raise ProblemsFound(
            [Problem(path, problem.line, problem.column, problem.message)]
        ) from None
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        message = (
            f"the file holds a control character (U+{error.character:04X}) that YAML does "
            "not allow; delete it"
            if isinstance(error.character, int)
            else f"invalid YAML: {error.reason}"
        )
        raise ProblemsFound([Problem(path, line, column, message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "unreadable YAML"
        if "expected ','" in what:
            what += " (inside [...] or {...}, put any item holding ',', ':', '?' or '#' in quotes)"
        raise ProblemsFound([Problem(path, line, column, f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as error:
        raise ProblemsFound([Problem(path, 1, 1, f"invalid YAML: {error}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(path, data, positions)


class ProblemsFound(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def _to_data(node: Node, path: Path, positions: Positions, loader: _Loader) -> Any:
    positions.values[path] = _mark(node)
    if isinstance(node, MappingNode):
        if node.tag != f"{_CORE}map":
            raise _YamlProblem(node.start_mark, _tag_message(node.tag))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_CORE}merge":
                raise _YamlProblem(
                    key_node.start_mark, "merge keys ('<<') are not allowed; write the keys out"
                )
            if not isinstance(key_node, ScalarNode) or key_node.tag != f"{_CORE}str":
                raise _YamlProblem(key_node.start_mark, "keys must be plain words such as 'title'")
            key = key_node.value
            if key in result:
                raise _YamlProblem(key_node.start_mark, f"the key '{key}' appears twice; keep one")
            positions.keys[(*path, key)] = _mark(key_node)
            result[key] = _to_data(value_node, (*path, key), positions, loader)
        return result
    if isinstance(node, SequenceNode):
        if node.tag != f"{_CORE}seq":
            raise _YamlProblem(node.start_mark, _tag_message(node.tag))
        return [
            _to_data(item, (*path, index), positions, loader)
            for index, item in enumerate(node.value)
        ]
    if node.tag in _TEXT_TAGS:
        return node.value
    if node.tag not in _SCALAR_TAGS:
        raise _YamlProblem(node.start_mark, _tag_message(node.tag))
    return loader.construct_object(node)


def _tag_message(tag: str) -> str:
    shown = tag.replace(_CORE, "!!").replace("tag:yaml.org,2002:", "!!")
    return f"the tag '{shown}' is not allowed; course files hold plain text, numbers and lists"
