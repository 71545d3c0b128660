"""A hand-written Markdown page as the texts a translator translates, and back.

A page's texts are its front matter's ``title`` and ``nav_section`` and each block of its
body: a paragraph, a list, a table, a heading, an admonition's paragraph, one abbreviation.
Code blocks, generation markers and other HTML comments are not text: they stay as written.
A translated page is the English page with each text replaced where it has a translation.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass

FRONT_MATTER_TEXTS = ("title", "nav_section")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?\n)---[ \t]*\n", re.S)
_META_LINE = re.compile(r"^(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.+?)[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")


@dataclass(frozen=True)
class PageText:
    """One text of a page: what it says, and the line it starts on (from 1)."""

    context: str
    text: str
    line: int


@dataclass(frozen=True)
class _Piece:
    """A stretch of the page's lines: text to translate (``context`` set) or kept as is."""

    lines: list[str]
    start: int
    context: str | None = None
    indent: str = ""
    value: str | None = None
    """A front matter field's text, where the lines are the whole field."""

    @property
    def text(self) -> str:
        return self.value if self.value is not None else textwrap.dedent("\n".join(self.lines))


def _meta_value(raw: str) -> str:
    if raw[:1] in "\"'":
        try:
            return str(json.loads(raw)) if raw[0] == '"' else raw[1:-1].replace("''", "'")
        except json.JSONDecodeError:
            return raw
    return raw


def _pieces(page: str) -> Iterator[_Piece]:
    lines = page.split("\n")
    at = 0
    match = _FRONT_MATTER.match(page)
    if match:
        meta_lines = ["---", *match["meta"].split("\n")[:-1], "---"]
        for offset, line in enumerate(meta_lines):
            field = _META_LINE.match(line)
            if field and field["key"] in FRONT_MATTER_TEXTS:
                yield _Piece([line], offset + 1, field["key"], value=_meta_value(field["value"]))
            else:
                yield _Piece([line], offset + 1)
        at = len(meta_lines)
    block: list[str] = []
    block_start = at
    number = 0

    def flush() -> Iterator[_Piece]:
        nonlocal number, block_start
        if block and block[0].lstrip().startswith("<!--"):  # a comment, then maybe text
            end = next((n for n, line in enumerate(block) if "-->" in line), len(block) - 1)
            yield _Piece(block[: end + 1], block_start + 1)
            del block[: end + 1]
            block_start += end + 1
        if not block:
            return
        if all(_ABBREVIATION.match(line) for line in block):
            for offset, line in enumerate(block):
                number += 1
                yield _Piece([line], block_start + offset + 1, f"block {number}")
        else:
            number += 1
            first = textwrap.dedent("\n".join(block)).split("\n")[0]
            indent = block[0][: len(block[0]) - len(first)]  # what all its lines start with
            yield _Piece(list(block), block_start + 1, f"block {number}", indent)
        block.clear()

    while at < len(lines):
        line = lines[at]
        if _FENCE.match(line):
            yield from flush()
            fence = _FENCE.match(line).group(1)  # type: ignore[union-attr]
            end = at + 1
            while end < len(lines) and not lines[end].lstrip().startswith(fence):
                end += 1
            yield _Piece(lines[at : end + 1], at + 1)
            at = end + 1
            block_start = at
            continue
        if not line.strip():
            yield from flush()
            yield _Piece([line], at + 1)
            block_start = at + 1
        else:
            if not block:
                block_start = at
            block.append(line)
        at += 1
    yield from flush()


def page_texts(page: str) -> list[PageText]:
    """The page's texts to translate, in order."""
    return [
        PageText(piece.context, piece.text, piece.start)
        for piece in _pieces(page)
        if piece.context is not None
    ]


def translated_page(page: str, translation: Callable[[str, str], str | None]) -> str:
    """The page with each text replaced by ``translation(context, english)`` where that
    gives one; the rest (code, markers, untranslated texts) as written."""
    out: list[str] = []
    for piece in _pieces(page):
        english = piece.text
        spanish = translation(piece.context, english) if piece.context else None
        if spanish is None:
            out.extend(piece.lines)
        elif piece.context in FRONT_MATTER_TEXTS:
            out.append(f"{piece.context}: {json.dumps(spanish, ensure_ascii=False)}")
        else:
            out.extend(textwrap.indent(spanish, piece.indent, lambda _: True).split("\n"))
    return "\n".join(out)
