"""Markdown for text that comes from content files: formatting yes, raw HTML and script no."""

from __future__ import annotations

import functools
import html
import re
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SAFE_URL = re.compile(r"^(https?:|mailto:|#|/|\.|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE)
_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "[]{}*_`\\#|~^"})
# Most option texts, feedback, dialogue, prompts and short prose are paragraphs of plain words
# with at most some *emphasis* or **strong** words. Their HTML is known without the parser,
# which keeps rendering a small share of the build. A paragraph qualifies when, emphasis
# aside, nothing in it could make Markdown act: no character that formats or needs escaping,
# no line starting a list, quote, heading or admonition, no indented line, no line ending in
# spaces (a line break). Emphasis qualifies only in its simplest form: one or two asterisks
# around words, after a space, bracket or quote and before a space or punctuation.
_ACTIVE = r"*_`\[\]<>&\\|~#=^{}"  # characters that format, or need escaping
_PLAIN_LINE = rf"(?![-+>=\s]|\d+[.)]|[!?]{{3}})[^\n\t\r\f\v{_ACTIVE}]*[^\s{_ACTIVE}]"
_PLAIN_PARAGRAPH = re.compile(rf"(?:{_PLAIN_LINE}\n)*{_PLAIN_LINE}")
_SIMPLE_EMPHASIS = re.compile(
    # The lookbehinds follow the asterisks so that the search can skip to each asterisk.
    rf"(\*\*(?<![^\s(\"']\*\*)|\*(?<![^\s(\"']\*))"
    rf"(?=[^\s*])([^{_ACTIVE}]*?[^\s{_ACTIVE}])\1(?=[\s.,;:!?)\"']|$)"
)
_EMPHASIS_TAGS = {"*": "em", "**": "strong"}


def _emphasis_html(match: re.Match[str]) -> str:
    tag = _EMPHASIS_TAGS[match[1]]
    return f"<{tag}>{match[2]}</{tag}>"


def _simple_prose_html(text: str) -> str | None:
    """The parser's HTML for paragraphs of plain words and simple emphasis; None for others."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        words = paragraph
        if "*" in paragraph:
            words = _SIMPLE_EMPHASIS.sub(r"\2", paragraph)
            paragraph = _SIMPLE_EMPHASIS.sub(_emphasis_html, paragraph)
        if not _PLAIN_PARAGRAPH.fullmatch(words):
            return None
        paragraphs.append(f"<p>{paragraph}</p>")
    return "\n".join(paragraphs)


# Parts of Markdown that cannot act on a text without one of these characters: code spans,
# escapes, links, images and link references ([), autolinks (<), entities (&), tables (|)
# and line breaks (spaces or a tab before a line's end). Most prose has none of them and
# only needs emphasis, paragraphs and lists, so it goes to a converter without those parts:
# the same HTML, for about a third less work.
_NEEDS_FULL_MARKDOWN = re.compile(r"[`\\\[<&|\t\r]| \n")
_UNNEEDED_INLINE = (
    "backtick",
    "escape",
    "reference",
    "link",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "linebreak",
    "entity",
)
_UNNEEDED_BLOCK = ("table", "reference")


class _DropUnsafeUrls(Treeprocessor):
    """Removes javascript:, data: and other non-web URLs from links and images."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not _SAFE_URL.match(value.strip()):
                    del element.attrib[attribute]


def _safe_markdown() -> markdown.Markdown:
    """Python-Markdown with raw HTML shown as text and unsafe URLs dropped."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", "admonition", "pymdownx.details"])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DropUnsafeUrls(md), "sidebyside-safe-urls", 0)
    return md


class SafeMarkdown:
    """Renders an author's Markdown to HTML with any raw HTML shown as text."""

    def __init__(self) -> None:
        self._md = _safe_markdown()
        self._prose_md = _safe_markdown()
        for name in _UNNEEDED_INLINE:
            self._prose_md.inlinePatterns.deregister(name)
        for name in _UNNEEDED_BLOCK:
            self._prose_md.parser.blockprocessors.deregister(name)
        # One instance serves one build, where the same texts come back (a question's options
        # on its module page and in its answers): each is converted once.
        self.block = functools.cache(self._block)
        self.inline = functools.cache(self._inline)

    def _block(self, text: str) -> Markup:
        """Paragraph-level HTML."""
        text = text.strip()
        simple = _simple_prose_html(text)
        if simple is not None:
            return Markup(simple)
        md = self._md if _NEEDS_FULL_MARKDOWN.search(text) else self._prose_md
        md.reset()
        return Markup(md.convert(text))

    def _inline(self, text: str) -> Markup:
        """HTML without the wrapping paragraph, for labels, legends and table cells."""
        rendered = str(self.block(text))
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        return Markup(rendered)


def literal(text: str) -> Markup:
    """Plain text placed into a Markdown page (a heading, a link's words): shown as written."""
    return Markup(html.escape(text, quote=False).translate(_MARKDOWN_SPECIALS))
