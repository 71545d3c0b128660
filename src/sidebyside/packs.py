"""The print packs a course offers: what each holds, and where it is linked from.

The facilitator's pack holds the whole course. Each session (sessions/<id>.yml) gets a pack
of its own: its plan, and the modules, scenarios and worksheets its activities use.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Session, references

PACK_NAME = "downloads/facilitator-pack.pdf"
PACK_TITLE = "Facilitator's pack (PDF)"


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


WHOLE_COURSE = Pack(
    PACK_NAME,
    "facilitator's print pack",
    "Session plans · key points and reflection prompts for each module · role-play cards "
    "for every scenario · every worksheet",
)


def session_packs(sessions: tuple[Session, ...]) -> list[Pack]:
    """A pack for each session, in the sessions' order."""
    return [
        Pack(
            session_download(session.id, "pdf"),
            f"print pack for the session “{session.title}”",
            "The session plan · key points and reflection prompts for its modules · "
            "role-play cards and discussion sheets for its scenarios · its worksheets",
            session,
            frozenset(f"{target.folder}/{ref}.md" for _, ref, target in references(session)),
        )
        for session in sessions
    ]
