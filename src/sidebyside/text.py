"""Markdown for text that comes from content files: formatting yes, raw HTML and script no."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .model import TextFormat
from .urls import LINK_SCHEMES, image_problem, link_problem

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


class _RefuseUrls(Treeprocessor):
    """Takes out links the course does not allow and images from outside the course, and
    notes why. Loading a course reports these as problems, so a built page never has one."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.refused: list[str] = []

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute, rule in (("href", link_problem), ("src", image_problem)):
                value = element.get(attribute)
                if value is not None and (problem := rule(value)):
                    del element.attrib[attribute]
                    self.refused.append(problem)


# What Markdown made from content may hold, and nothing else: the allow-list sanitiser runs
# on every converted text, behind the rules above.
_ALLOWED_TAGS = {
    *("p", "em", "strong", "code", "pre", "blockquote", "hr", "br", "a", "img"),
    *("ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6"),
    *("table", "thead", "tbody", "tr", "th", "td", "div", "details", "summary", "abbr"),
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "div": {"class"},
    "p": {"class"},
    "details": {"class", "open"},
    "th": {"style"},
    "td": {"style"},
}


def sanitised(html_text: str) -> str:
    """HTML reduced to the tags, attributes and URL schemes content may use."""
    return nh3.clean(
        html_text,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=set(LINK_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,
        attribute_filter=_image_filter,
    )


def _image_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and image_problem(value):
        return None
    return value


def _safe_markdown(glossary: Mapping[str, str]) -> markdown.Markdown:
    """Python-Markdown with raw HTML shown as text and refused URLs taken out, and the
    glossary's abbreviations marked, as Python-Markdown's own abbr extension marks them."""
    extensions: list[str | Extension] = ["tables", "sane_lists", "admonition", "pymdownx.details"]
    if glossary:
        extensions.append(AbbrExtension(glossary=dict(glossary)))
    md = markdown.Markdown(extensions=extensions)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # After the built-in tree processors, so that URLs are judged as finally written.
    md.treeprocessors.register(_RefuseUrls(md), "sidebyside-urls", -1)
    return md


class SafeMarkdown:
    """Renders an author's Markdown to HTML with any raw HTML shown as text."""

    def __init__(self, glossary: Mapping[str, str] | None = None) -> None:
        glossary = glossary or {}
        self._md = _safe_markdown(glossary)
        self._prose_md = _safe_markdown(glossary)
        # The glossary's terms, marked as the abbr extension marks them, in the HTML of
        # texts that need no parser (it has no attributes for a term to fall inside).
        self._terms = (
            re.compile("|".join(rf"\b{re.escape(term)}\b" for term in glossary))
            if glossary
            else None
        )
        self._titles = {term: html.escape(title) for term, title in glossary.items()}
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
        html_text = _simple_prose_html(text)
        if html_text is None:
            md = self._md if _NEEDS_FULL_MARKDOWN.search(text) else self._prose_md
            md.reset()
            html_text = md.convert(text)
        elif self._terms is not None:
            html_text = self._terms.sub(self._abbreviation, html_text)
        return Markup(sanitised(html_text))

    def _abbreviation(self, term: re.Match[str]) -> str:
        return f'<abbr title="{self._titles[term[0]]}">{term[0]}</abbr>'

    def _inline(self, text: str) -> Markup:
        """HTML without the wrapping paragraph, for labels, legends and table cells."""
        rendered = str(self.block(text))
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        return Markup(rendered)


def literal(text: str) -> Markup:
    """Plain text placed into a Markdown page (a heading, a link's words): shown as written."""
    return Markup(html.escape(text, quote=False).translate(_MARKDOWN_SPECIALS))


MAX_MARKDOWN_DEPTH = 20
# A line's block markers: list bullets, list numbers and quote marks, however many in a row.
_BLOCK_MARKERS = re.compile(r"(?:[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>))*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DEPTH_PROBLEM = (
    f"the text nests lists or quotes more than {MAX_MARKDOWN_DEPTH} levels deep; "
    "flatten it (check its indentation)"
)


def _markdown_depth(text: str) -> int:
    """At least as deep as Markdown will nest the text's blocks: each block marker, and each
    four columns of indentation, at the start of a line counts one level."""
    deepest = 0
    for line in text.splitlines():
        markers = _BLOCK_MARKERS.match(line)
        lead = markers[0] if markers else ""
        indent = len(line.expandtabs(4)) - len(line.lstrip(" \t"))
        deepest = max(deepest, indent // 4 + len(re.findall(r"[-*+>]|\d[.)]", lead)))
    return deepest


@functools.cache
def _checker() -> markdown.Markdown:
    return _safe_markdown({})


def text_problems(text: str, format: TextFormat) -> list[str]:
    """What is wrong with one text from a content file, as messages for its author."""
    control = _CONTROL.search(text)
    if control:
        return [f"the text holds a control character (U+{ord(control[0]):04X}); delete it"]
    if format is TextFormat.ONE_LINE:
        if "\n" in text.strip():
            return ["this is one line of plain text; join its lines into one"]
        return []
    if _markdown_depth(text) > MAX_MARKDOWN_DEPTH:
        return [_DEPTH_PROBLEM]
    if "[" not in text and "<" not in text:
        return []  # no link, image or reference
    md = _checker()
    refuser = md.treeprocessors["sidebyside-urls"]
    assert isinstance(refuser, _RefuseUrls)
    md.reset()
    refuser.refused = []
    try:
        md.convert(text)
    except RecursionError:
        return [_DEPTH_PROBLEM]
    return list(dict.fromkeys(refuser.refused))
