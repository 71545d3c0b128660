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
# One line with nothing Markdown would act on: it renders as itself, escaped. Most option
# texts, feedback and dialogue lines are like this, and skipping the parser for them keeps
# rendering a small share of the build.
_PLAIN_LINE = re.compile(r"^(?![-+>=]|\d+[.)]|[!?]{3})[^\n*_`\[\]!<>&\\|~#:=^{}]*$")


class _DropUnsafeUrls(Treeprocessor):
    """Removes javascript:, data: and other non-web URLs from links and images."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not _SAFE_URL.match(value.strip()):
                    del element.attrib[attribute]


class SafeMarkdown:
    """Renders an author's Markdown to HTML with any raw HTML shown as text."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "admonition", "pymdownx.details"]
        )
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_DropUnsafeUrls(self._md), "sidebyside-safe-urls", 0)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 — one renderer per build, texts repeat
    def block(self, text: str) -> Markup:
        """Paragraph-level HTML."""
        text = text.strip()
        if _PLAIN_LINE.match(text):
            return Markup(f"<p>{text}</p>")
        self._md.reset()
        return Markup(self._md.convert(text))

    def inline(self, text: str) -> Markup:
        """HTML without the wrapping paragraph, for labels, legends and table cells."""
        rendered = str(self.block(text))
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        return Markup(rendered)


def literal(text: str) -> Markup:
    """Plain text placed into a Markdown page (a heading, a link's words): shown as written."""
    return Markup(html.escape(text, quote=False).translate(_MARKDOWN_SPECIALS))
