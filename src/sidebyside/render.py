"""Turns a loaded course into Markdown pages through Jinja2 templates.

No file access beyond reading templates (and Jinja's cache of them compiled), and nothing
from MkDocs: each page's Markdown holds all it needs (see ``setaside``), so the pages could
feed any static-site engine. The same course always renders to the same text.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
)
from markupsafe import Markup

from .batch import without_gc_pauses
from .interface import ACTIVITY_NAMES, ENGLISH, PAPER_NAMES, VERDICT_NAMES, Interface
from .keys import choice_order, essence_key, question_essence, scenario_key, short_hash
from .load import Course
from .model import (
    KINDS,
    VERDICTS,
    ContentItem,
    Kind,
    Response,
    Session,
    TextFormat,
    texts,
)
from .packs import Pack, session_download
from .setaside import set_aside
from .slides import session_slides
from .text import SafeMarkdown, literal
from .worksheet_inputs import block_name, carried_over, input_name

TEMPLATES = Path(__file__).parent / "templates"

# Markers a hand-written page may hold on a line of its own, replaced by generated content.
MODULE_LIST = "<!-- sidebyside:modules -->"
FACILITATOR_NOTES = "<!-- sidebyside:facilitator-notes -->"
PACK_LINKS = "<!-- sidebyside:packs -->"
SESSION_PLANS = "<!-- sidebyside:session-plans -->"
ROLE_PLAY_PAGE = "role-play-cards.md"

# Only a marker alone on its line counts: one quoted in text or code stays as is.
_MARKER_TEMPLATES = {
    re.compile(rf"^{re.escape(marker)}[ \t]*$", re.MULTILINE): template
    for marker, template in (
        (MODULE_LIST, "module-list.md"),
        (FACILITATOR_NOTES, "facilitator-notes.md"),
        (PACK_LINKS, "pack-links.md"),
        (SESSION_PLANS, "session-plans.md"),
    )
}


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes in the docs tree, and its Markdown."""

    src_uri: str
    content: str
    in_nav: bool = True
    """False for print views, which pages link to but the navigation leaves out."""


def _relative(folder: str, src_uri: str) -> str:
    """A link from a page in ``folder`` to the page at ``src_uri``, both in the docs tree."""
    return posixpath.relpath(src_uri, folder)


def _constant(text: str, _match: re.Match[str]) -> str:
    return text


def page_title(title: str) -> Markup:
    """A title for the page's front matter, escaped: MkDocs puts it into HTML unescaped."""
    return Markup(json.dumps(html.escape(title, quote=False), ensure_ascii=False))


def side_by_side(responses: Sequence[Response]) -> list[tuple[int, Response]]:
    """The responses ordered bad, mixed, good, each keeping its position in the file."""
    rank = {verdict: n for n, verdict in enumerate(VERDICTS)}
    return sorted(enumerate(responses), key=lambda pair: rank[pair[1].verdict])


def css_string(text: str) -> Markup:
    """Text for the inside of a quoted CSS string in a <style> element."""
    cleaned = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return Markup(" ".join(cleaned.split()))


class Renderer:
    """Renders course pages; template folders listed first override the package's own."""

    def __init__(
        self,
        template_dirs: Sequence[str | Path] = (),
        site_name: str = "",
        glossary: Mapping[str, str] | None = None,
        interface: Interface = ENGLISH,
    ) -> None:
        self._markdown = SafeMarkdown(glossary)
        self.interface = interface
        self._env = Environment(
            loader=ChoiceLoader([FileSystemLoader([*map(str, template_dirs), str(TEMPLATES)])]),
            # Compiled templates are kept in the user's temp folder, keyed by their source:
            # every build after the first skips compiling them.
            bytecode_cache=FileSystemBytecodeCache(),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # templates don't change during a build
            extensions=["jinja2.ext.i18n"],
        )
        # The templates' own words go through _(): the interface's language, from its catalog.
        self._env.install_gettext_callables(  # type: ignore[attr-defined]
            interface.gettext, interface.ngettext, newstyle=True
        )
        # Each question's key is written on four pages; work it out once per build.
        cached_key = functools.cache(essence_key)
        filters = self._env.filters
        # Content text into HTML: Markdown, plain text, and text inside other languages.
        filters.update(md=self._markdown.block, md_inline=self._markdown.inline)
        filters.update(literal=literal, page_title=page_title, css_string=css_string)
        filters.update(set_aside=set_aside, texts=lambda item: list(texts(item)))
        # Names for people to read.
        filters.update(role=interface.role_name, audience=interface.audience_text)
        # Keys a learner's saved entries are kept under, and the order things are shown in.
        filters.update(question_key=lambda question: cached_key(question_essence(question)))
        filters.update(short_hash=short_hash, scenario_key=scenario_key)
        filters.update(block_name=block_name, input_name=input_name, carried_over=carried_over)
        filters.update(choice_order=choice_order, side_by_side=side_by_side)
        filters.update(session_download=session_download)
        self._env.tests["markdown"] = lambda format: format is TextFormat.MARKDOWN
        self._env.globals.update(
            verdict_names=interface.names(VERDICT_NAMES),
            activity_names=interface.names(ACTIVITY_NAMES),
            site_name=site_name,
            language=interface.language,
        )

    def _render(self, template: str, **context: object) -> str:
        return self._env.get_template(f"sidebyside/{template}").render(**context)

    @without_gc_pauses()
    def pages(self, course: Course, pdf_paper: str | None = None) -> list[Page]:
        """Every generated page of the course; with a paper size, printable kinds' pages
        link their PDF."""
        pages = [
            Page("notes.md", self._render("notes.md", course=course)),
            Page("certificate.md", self._render("certificate.md", course=course)),
            Page(ROLE_PLAY_PAGE, self._render("role-play-cards.md", course=course)),
        ]
        for kind in KINDS.values():
            if kind.index:  # a page listing them all, from the template named like the folder
                listing = self._render(f"{kind.folder}.md", course=course)
                pages.append(Page(f"{kind.folder}/index.md", listing))
            for item in course.items[kind.folder].values():
                pdf_name = f"{item.id}.pdf" if pdf_paper and kind.printable else ""
                content = self._render(
                    kind.template,
                    item=item,
                    course=course,
                    pdf_name=pdf_name,
                    with_pdfs=pdf_paper is not None,
                    paper_name=self.interface.gettext(PAPER_NAMES.get(pdf_paper or "", "")),
                    link=functools.partial(_relative, kind.folder),
                    **{kind.singular: item},
                )
                pages.append(Page(f"{kind.folder}/{item.id}.md", content))
        # Each session's slides, which its page opens.
        for session in course.sessions:
            slides = session_slides(session, course, self.interface)
            present = self._render("present.md", session=session, slides=slides)
            pages.append(Page(f"sessions/{session.id}-present.md", present, in_nav=False))
        # Print views of each scenario, which its page links to.
        for scenario in course.scenarios.values():
            pages.append(
                Page(
                    f"scenarios/{scenario.id}-discussion.md",
                    self._render("scenario-discussion.md", scenario=scenario),
                    in_nav=False,
                )
            )
            if scenario.roleplay:
                pages.append(
                    Page(
                        f"scenarios/{scenario.id}-cards.md",
                        self._render("scenario-cards.md", scenario=scenario),
                        in_nav=False,
                    )
                )
        return pages

    def unavailable_page(self, item_id: str) -> str:
        """Stands in, while previewing, for the page of a content file that has never loaded."""
        return self._render("unavailable.md", item_id=item_id)

    def print_document(self, kind: Kind, item: ContentItem, paper: str) -> str:
        """A printable kind's file (a worksheet) as a standalone HTML document for a PDF."""
        return self._render(
            f"pdf/{kind.singular}.html",
            paper=paper,
            footer=getattr(item, "title", item.id),
            **{kind.singular: item},
        )

    def session_plan(self, session: Session, course: Course) -> str:
        """A session's plan and its activities as Markdown, linking pages by their source
        paths (``modules/partners.md``): what its print pack opens with."""
        return self._render("session-plan.md", session=session, course=course, link=str)

    def pack_document(self, pack: Pack, course: Course, guide_html: str, paper: str) -> str:
        """A print pack: its part of the guide, module summaries, role-play cards, worksheets."""
        site_name = self._env.globals["site_name"]
        return self._render(
            "pdf/pack.html",
            title=f"{site_name}: {pack.title}",
            subtitle=pack.title[0].upper() + pack.title[1:],
            contents=pack.contents,
            modules=[m for m in course.modules if pack.holds(f"modules/{m.id}.md")],
            scenarios=[s for s in course.scenarios.values() if pack.holds(f"scenarios/{s.id}.md")],
            worksheets=[
                w for w in course.worksheets.values() if pack.holds(f"worksheets/{w.id}.md")
            ],
            guide=Markup(guide_html),  # the course's own hand-written page, or a session's plan
            discussion=pack.session is not None,
            paper=paper,
            footer=f"{site_name}: {pack.title}",
        )

    def fill_markers(
        self,
        markdown: str,
        course: Course,
        link: Callable[[str], str],
        packs: Sequence[Pack] = (),
        paper: str = "",
        page_uri: str = "",
    ) -> str:
        """Replaces generation markers in a hand-written page.

        ``link`` turns a page's source path (``modules/partners.md``) into a URL relative to
        the page being filled; only the site engine knows how its URLs are shaped. ``packs``
        are the print packs made, on ``paper``. Generated Markdown (not HTML) links pages by
        their source paths, relative to the page's own ``page_uri``, as authors write them.
        """
        for pattern, template in _MARKER_TEMPLATES.items():
            if pattern.search(markdown):
                generated = self._render(
                    template,
                    course=course,
                    link=link,
                    packs=packs,
                    paper_name=self.interface.gettext(PAPER_NAMES.get(paper, "")),
                    source_link=functools.partial(_relative, posixpath.dirname(page_uri) or "."),
                )
                # A function, so that backslashes in the generated text stay as they are.
                markdown = pattern.sub(functools.partial(_constant, generated), markdown)
        return markdown
