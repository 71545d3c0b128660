"""Finished HTML in a generated page, kept out of the Markdown parser's way.

Templates wrap each stretch of finished HTML (a module's sections, a quiz, a worksheet form)
in ``{% filter set_aside %}``, which puts it between two marker lines of the page's Markdown:
the page carries everything it needs, and an engine without this extension sees an HTML
block. With it, Python-Markdown moves each stretch into its own store of raw HTML before
parsing, and passes over it instead of parsing all that HTML again, which would cost more
than rendering it did.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

BEGIN = "<!-- sidebyside:html -->"
END = "<!-- /sidebyside:html -->"


def set_aside(html: str) -> Markup:
    """Finished HTML, as a block of its own between the markers."""
    return Markup(f"\n\n{BEGIN}\n{str(html).strip()}\n{END}\n\n")


# A stretch between the markers, each alone on its line; one without its end stays as it is.
_STRETCH = re.compile(rf"^{re.escape(BEGIN)}\n(.*?)\n{re.escape(END)}$", re.DOTALL | re.MULTILINE)


class _SetAside(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if BEGIN not in text:
            return lines
        stored = _STRETCH.sub(lambda stretch: self.md.htmlStash.store(stretch[1]), text)
        return stored.split("\n")


class SetAsideExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), which would strip the store's placeholders,
        # and before fenced code (25) and raw HTML blocks (20) are looked for.
        md.preprocessors.register(_SetAside(md), "sidebyside_set_aside", 28)
