"""The print packs a course offers: what each holds, and where it is linked from.

The facilitator's pack holds the whole course. Each session plan in the facilitator guide,
a section whose heading carries the class ``session-plan`` (``### 60 minutes {.session-plan}``),
gets a pack of its own: its plan, and the modules, scenarios and worksheets it links to.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .model import slug

PACK_NAME = "downloads/facilitator-pack.pdf"
PACK_TITLE = "Facilitator's pack (PDF)"
_HEADING = re.compile(
    r"^(?P<level>#{1,6})[ \t]+(?P<title>.+?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*$", re.M
)
_PAGE_LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)")


@dataclass(frozen=True)
class Pack:
    uri: str
    title: str
    """As in "Side by Side: the facilitator's print pack"."""
    contents: str
    guide: str | None = None
    """The guide's Markdown it opens with: all of it (None), or a session plan's section."""
    pages: frozenset[str] | None = None
    """Source paths of the modules, scenarios and worksheets it holds; None for all."""

    def holds(self, src_uri: str) -> bool:
        return self.pages is None or src_uri in self.pages


WHOLE_COURSE = Pack(
    PACK_NAME,
    "facilitator's print pack",
    "Session plans · key points and reflection prompts for each module · role-play cards "
    "for every scenario · every worksheet",
)


def session_packs(guide: str, guide_uri: str) -> list[Pack]:
    """A pack for each session plan in the guide's Markdown, in the guide's order."""
    packs = []
    folder = posixpath.dirname(guide_uri)
    for match in _HEADING.finditer(guide):
        if "session-plan" not in (match["attrs"] or "").replace(".", " ").split():
            continue
        level = len(match["level"])
        end = next(
            (m.start() for m in _HEADING.finditer(guide, match.end()) if len(m["level"]) <= level),
            len(guide),
        )
        section = guide[match.start() : end]
        pages = frozenset(
            posixpath.normpath(posixpath.join(folder, link["target"]))
            for link in _PAGE_LINK.finditer(section)
        )
        title = match["title"]
        packs.append(
            Pack(
                f"downloads/session-{slug(title)}.pdf",
                f"print pack for the session “{title}”",
                "The session plan · key points and reflection prompts for its modules · "
                "role-play cards for its scenarios · its worksheets",
                section,
                pages,
            )
        )
    return packs


_SESSION_PACK = "its plan, cards and worksheets"


def with_session_pack_links(guide: str, packs: list[Pack], guide_uri: str) -> str:
    """The guide's Markdown with a link to its pack under each session plan's heading."""
    by_section = {pack.guide.splitlines()[0]: pack for pack in packs if pack.guide}
    folder = posixpath.dirname(guide_uri) or "."

    def linked(match: re.Match[str]) -> str:
        pack = by_section.get(match[0])
        if pack is None:
            return match[0]
        target = posixpath.relpath(pack.uri, folder)
        return f"{match[0]}\n\n[Print pack for this session (PDF)]({target}): {_SESSION_PACK}.\n"

    return _HEADING.sub(linked, guide)
