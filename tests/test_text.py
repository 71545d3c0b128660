"""Markdown for content text: formatting works, raw HTML and script never do."""

from __future__ import annotations

import itertools
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.text import SafeMarkdown, literal, sanitised


@pytest.fixture
def text() -> SafeMarkdown:
    return SafeMarkdown()


def assert_converted_as_the_full_parser_would(source: str) -> None:
    """The shortcuts (simple prose without the parser, other prose without the parts of
    Markdown it cannot use) must give exactly what the full converter gives."""
    parser = SafeMarkdown()._md
    assert SafeMarkdown().block(source) == sanitised(parser.convert(source.strip())), source


def test_formatting_and_escaped_html(text: SafeMarkdown) -> None:
    assert text.block("**Ask** first <script>alert(1)</script>") == (
        "<p><strong>Ask</strong> first &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert text.block("<div onclick='x'>block</div>") == (
        "<p>&lt;div onclick='x'&gt;block&lt;/div&gt;</p>"
    )


def test_unsafe_urls_are_dropped(text: SafeMarkdown) -> None:
    html = text.block("[a](javascript:alert(1)) [b](https://example.org) ![c](data:x)")
    assert "javascript:" not in html and "data:" not in html
    assert '<a href="https://example.org">b</a>' in html


def test_inline_drops_the_paragraph(text: SafeMarkdown) -> None:
    assert text.inline("A *short* label") == "A <em>short</em> label"
    assert text.inline("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>"


@pytest.mark.parametrize(
    "source",
    [
        "Plain words, with commas; and (brackets) and 'quotes' and \"more\".",
        "- a list item",
        "1. a numbered item",
        "> a quote",
        "# a heading",
        "!!! note",
        "a & b < c",
        "trailing spaces  ",
        "   indented",
        "*Prose* with **emphasis**,\n\n- a list\n- of two",
        "a [link](https://example.org) and `code`",
        "a line break  \nhere",
        "a tab\t\nbreaks a line too",
        "| a | b |\n| - | - |\n| 1 | 2 |",
        "[ref]: https://example.org\n\nsee [ref]",
    ],
)
def test_the_shortcuts_match_the_full_parser(source: str) -> None:
    assert_converted_as_the_full_parser_would(source)


def test_literal_text_in_markdown_is_shown_as_written() -> None:
    assert literal("A [b](c){: onclick=x} <s>") == (
        "A &#91;b&#93;(c)&#123;: onclick=x&#125; &lt;s&gt;"
    )


# Pieces of Markdown's syntax, so that random lines often start lists, quotes, headings, rules,
# admonitions or tables, and hold emphasis, code, links, entities and line breaks.
_SYNTAX = st.sampled_from(
    [
        *("- ", "1. ", "> ", "# ", "!!! note", "???+ note", "    ", "---", "* * *", "==="),
        *("| a | b |", "|-|-|", "[r]: /x", "  ", "\t", "\r", "\n"),
        *("*", "**", "***", "_", "(", ")", '"', "'", "`", "&amp;", "&", "\\*"),
        *("<https://x.y>", "<a@b.c>", "[a](b)", "[r]", "![i](j)", "<b>"),
    ]
)
_LINE = st.lists(
    st.one_of(_SYNTAX, st.text(alphabet="ab :!?.,'\"()-+=>#1\u00a0é*_", max_size=8)), max_size=5
).map("".join)


@settings(max_examples=int(os.environ.get("SIDEBYSIDE_FUZZ_EXAMPLES", "600")), deadline=None)
@given(st.lists(_LINE, max_size=5).map("\n".join))
def test_the_shortcuts_never_differ_from_the_full_parser(source: str) -> None:
    assert_converted_as_the_full_parser_would(source)


# Prose: lines of words, some between asterisks, some touching them, with punctuation.
_WORD = st.sampled_from(["a", "bc", "é", "(a", "b)", "a.", "c,", "'a'", '"b"', "!", ".", "("])
_SPAN = st.builds(
    lambda stars, inside: f"{stars}{inside}{stars}",
    st.sampled_from(["*", "**"]),
    st.lists(
        st.sampled_from(["a", "bc", " ", ".", "(", ")", "'", "!"]), min_size=1, max_size=4
    ).map("".join),
)
_TOKEN = _WORD | _SPAN | st.tuples(_WORD | _SPAN, _WORD | _SPAN).map("".join)
_PROSE_LINE = st.lists(_TOKEN, min_size=1, max_size=6).map(" ".join)
_PROSE = st.lists(
    st.tuples(_PROSE_LINE, st.sampled_from(["\n", "\n", "\n\n"])).map("".join), max_size=4
).map("".join)


@settings(max_examples=int(os.environ.get("SIDEBYSIDE_FUZZ_EXAMPLES", "600")), deadline=None)
@given(_PROSE)
def test_prose_with_emphasis_is_converted_as_the_parser_would(source: str) -> None:
    assert_converted_as_the_full_parser_would(source)


def test_every_short_run_of_words_and_asterisks_is_converted_as_the_parser_would() -> None:
    glossary = {"IA": 'instructional "assistant" & <aide>\'s'}
    text, parser = SafeMarkdown(glossary), SafeMarkdown(glossary)._md
    pieces = ["a", "IA", "*", "**", " ", ".", "(", "'", "\n"]
    for length in range(1, 6):
        for combination in itertools.product(pieces, repeat=length):
            source = "".join(combination).strip()
            parser.reset()
            assert text.block(source) == sanitised(parser.convert(source)), source


def test_glossary_abbreviations_are_marked_in_content_text() -> None:
    from sidebyside.text import SafeMarkdown

    markdown = SafeMarkdown({"IEP": "Individualized education program", "IA": "<b>aide</b>"})
    assert str(markdown.block("Read the IEP first.")) == (
        '<p>Read the <abbr title="Individualized education program">IEP</abbr> first.</p>'
    )
    assert 'title="&lt;b&gt;aide&lt;/b&gt;"' in str(markdown.block("The IA helps."))
    assert "abbr" not in str(markdown.block("IEPs and a MEDIA cart"))  # whole words only
