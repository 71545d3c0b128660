"""The print packs a course offers: what each holds, and where it is linked from.

The facilitator's pack holds the whole course. Each session (sessions/<id>.yml) gets a pack
of its own: its plan, and the modules, scenarios and worksheets its activities use.
"""

from __future__ import annotations

from dataclasses import dataclass

from .interface import ENGLISH, N_, Interface
from .model import Session, references

PACK_NAME = "downloads/facilitator-pack.pdf"
PACK_TITLE = N_("Facilitator's pack (PDF)")


def session_download(session_id: str, extension: str) -> str:
    """Where a session's pack (pdf) or slide deck (pptx) is in the site."""
    return f"downloads/session-{session_id}.{extension}"


@dataclass(frozen=True)
class Pack:
    uri: str
    title: str
    """As in "Side by Side: the facilitator's print pack"."""
    contents: str
    session: Session | None = None
    """The session whose plan it opens with; None for the whole facilitator guide."""
    pages: frozenset[str] | None = None
    """Source paths of the modules, scenarios and worksheets it holds; None for all."""

    def holds(self, src_uri: str) -> bool:
        return self.pages is None or src_uri in self.pages


def whole_course_pack(interface: Interface = ENGLISH) -> Pack:
    _ = interface.gettext
    return Pack(
        PACK_NAME,
        _("facilitator's print pack"),
        _(
            "Session plans · key points and reflection prompts for each module · role-play "
            "cards for every scenario · every worksheet"
        ),
    )


def session_packs(sessions: tuple[Session, ...], interface: Interface = ENGLISH) -> list[Pack]:
    """A pack for each session, in the sessions' order."""
    _ = interface.gettext
    return [
        Pack(
            session_download(session.id, "pdf"),
            _("print pack for the session “{title}”").format(title=session.title),
            _(
                "The session plan · key points and reflection prompts for its modules · "
                "role-play cards and discussion sheets for its scenarios · its worksheets"
            ),
            session,
            frozenset(f"{target.folder}/{ref}.md" for _, ref, target in references(session)),
        )
        for session in sessions
    ]
