"""Markdown for content text: formatting works, raw HTML and script never do."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.text import SafeMarkdown, literal


@pytest.fixture
def text() -> SafeMarkdown:
    return SafeMarkdown()


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
    ],
)
def test_the_plain_text_shortcut_matches_the_parser(text: SafeMarkdown, source: str) -> None:
    parser = SafeMarkdown()
    parser._md.reset()
    assert text.block(source) == parser._md.convert(source.strip())


def test_literal_text_in_markdown_is_shown_as_written() -> None:
    assert literal("A [b](c){: onclick=x} <s>") == (
        "A &#91;b&#93;(c)&#123;: onclick=x&#125; &lt;s&gt;"
    )


@settings(max_examples=int(os.environ.get("SIDEBYSIDE_FUZZ_EXAMPLES", "600")), deadline=None)
@given(
    st.lists(st.text(alphabet="ab :!?.,'\"()-+=>#1\t\r\u00a0é*&<", max_size=12), max_size=4).map(
        "\n".join
    )
)
def test_the_plain_text_shortcut_never_differs_from_the_parser(source: str) -> None:
    parser = SafeMarkdown()
    parser._md.reset()
    assert SafeMarkdown().block(source) == parser._md.convert(source.strip())
