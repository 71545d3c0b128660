"""A new kind of content is one entry in the kinds table and its model class: loading, checks,
references, pages, navigation, the schema and the command line all follow from them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field

from sidebyside.authoring import schemas
from sidebyside.cli import main
from sidebyside.model import KINDS, ContentItem, Id, Kind, Markdown, OneLine, RefersTo

from helpers import build_site, page_text


class Term(ContentItem):
    """A glossary term: terms/<id>.yml."""

    title: OneLine
    """The term."""
    meaning: Markdown
    """What it means here."""
    modules: list[Annotated[Id, RefersTo("modules")]] = Field(default_factory=list)
    """Modules that use it."""


TERM = """\
title: Least restrictive environment
meaning: Where a student learns *alongside* peers, as far as their plan allows.
modules: [first-steps]
"""


@pytest.fixture
def with_terms(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(KINDS, "terms", Kind("terms", "term", Term, "Glossary"))
    yield


@pytest.mark.usefixtures("with_terms")
def test_a_new_kind_gets_pages_navigation_and_counts(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (course / "terms").mkdir()
    (course / "terms/lre.yml").write_text(TERM)
    html = page_text(build_site(course), "terms/lre")
    assert '<h1 id="least-restrictive-environment">Least restrictive environment</h1>' in html
    assert "<p>Where a student learns <em>alongside</em> peers" in html
    navigation = re.findall(r'class="md-ellipsis">\s*(.*?)\s*</span>', html)
    assert navigation.index("Worksheets") < navigation.index("Glossary")
    assert "Least restrictive environment" in navigation
    assert main(["validate", "--root", str(course)]) == 0
    counts = "The course is valid: 1 module, 1 scenario, 1 worksheet, 1 term.\n"
    assert capsys.readouterr().out == counts
    schema = json.loads(schemas()["term.schema.json"])
    assert schema["title"] == "Side by Side term" and "meaning" in schema["required"]


@pytest.mark.usefixtures("with_terms")
def test_a_new_kind_is_checked_like_the_others(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (course / "terms").mkdir()
    (course / "terms/lre.yml").write_text(
        TERM.replace("modules: [first-steps]", "modules: [first-step]\nmeanings: x")
    )
    assert main(["validate", "--root", str(course)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "terms/lre.yml:4:1: unknown key 'meanings' — did you mean 'meaning'?",
        "1 problem in the course content.",
    ]
    (course / "terms/lre.yml").write_text(TERM.replace("[first-steps]", "[first-step]"))
    assert main(["validate", "--root", str(course)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "terms/lre.yml:3:11: no module 'first-step': there is no modules/first-step.yml"
        " — did you mean 'first-steps'?",
        "1 problem in the course content.",
    ]
