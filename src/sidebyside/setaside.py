"""Finished HTML in a generated page, kept out of the Markdown parser's way.

Templates wrap each stretch of finished HTML (a module's sections, a quiz, a worksheet form)
in ``{% filter set_aside %}``, which puts it between two marker lines of the page's Markdown:
the page carries everything it needs, and an engine without this extension sees an HTML
block. With it, Python-Markdown moves each stretch into its own store of raw HTML before
parsing, and passes over it instead of parsing all that HTML again, which would cost more
than rendering it did.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

BEGIN = "<!-- sidebyside:html -->"
END = "<!-- /sidebyside:html -->"


def set_aside(html: str) -> Markup:
    """Finished HTML, as a block of its own between the markers."""
    return Markup(f"\n\n{BEGIN}\n{str(html).strip()}\n{END}\n\n")


class _SetAside(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        kept: list[str] = []
        inside: list[str] | None = None
        for line in lines:
            if inside is None:
                if line == BEGIN:
                    inside = []
                else:
                    kept.append(line)
            elif line == END:
                kept.append(self.md.htmlStash.store("\n".join(inside)))
                inside = None
            else:
                inside.append(line)
        if inside is not None:  # a begin marker with no end: leave the text as it was
            kept += [BEGIN, *inside]
        return kept


class SetAsideExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), which would strip the store's placeholders,
        # and before fenced code (25) and raw HTML blocks (20) are looked for.
        md.preprocessors.register(_SetAside(md), "sidebyside_set_aside", 28)
