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
# Text with nothing Markdown would act on renders as itself in one paragraph: no character
# that formats or needs escaping, no line starting a list, quote, heading or admonition, no
# blank or indented line, no line ending in spaces (a line break). Most option texts,
# feedback, dialogue and prompts are like this; skipping the parser for them keeps rendering
# a small share of the build.
_ACTIVE = r"*_`\[\]<>&\\|~#=^{}"  # characters that format, or need escaping
_PLAIN_LINE = rf"(?![-+>=\s]|\d+[.)]|[!?]{{3}})[^\n\t\r\f\v{_ACTIVE}]*[^\s{_ACTIVE}]"
_PLAIN_TEXT = re.compile(rf"(?:{_PLAIN_LINE}\n)*{_PLAIN_LINE}")


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
        # One instance serves one build, where the same texts come back (a question's options
        # on its module page and in its answers): each is converted once.
        self.block = functools.cache(self._block)
        self.inline = functools.cache(self._inline)

    def _block(self, text: str) -> Markup:
        """Paragraph-level HTML."""
        text = text.strip()
        if _PLAIN_TEXT.fullmatch(text):
            return Markup(f"<p>{text}</p>")
        self._md.reset()
        return Markup(self._md.convert(text))

    def _inline(self, text: str) -> Markup:
        """HTML without the wrapping paragraph, for labels, legends and table cells."""
        rendered = str(self.block(text))
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        return Markup(rendered)


def literal(text: str) -> Markup:
    """Plain text placed into a Markdown page (a heading, a link's words): shown as written."""
    return Markup(html.escape(text, quote=False).translate(_MARKDOWN_SPECIALS))
