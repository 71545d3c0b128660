"""The words the toolkit itself shows people, and the language it shows them in.

The names of its vocabularies are here, one table each (which verdicts and audiences there
are, and their order, are the model's); the templates' words are in the templates, inside
``_()``. Both are gettext messages: ``translations update`` extracts them into a language's
``interface.po``, and an ``Interface`` shows them in that language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from .model import ActivityKind, Audience, Verdict

Key = TypeVar("Key")


def N_(message: str) -> str:
    return message


VERDICT_NAMES: dict[Verdict, str] = {"bad": N_("Bad"), "mixed": N_("Mixed"), "good": N_("Good")}
AUDIENCE_NAMES: dict[Audience, str] = {
    "teacher": N_("teachers"),
    "ia": N_("IAs"),
    "facilitator": N_("facilitators"),
}
# Scenario characters are keyed by role; a key not named here is shown as written.
ROLE_NAMES = {
    "teacher": N_("teacher"),
    "teacher2": N_("teacher"),
    "ia": N_("IA"),
    "ia2": N_("IA"),
    "bt": N_("behavior technician"),
    "bcba": N_("BCBA"),
    "admin": N_("administrator"),
    "parent": N_("parent"),
}
ACTIVITY_NAMES: dict[ActivityKind, str] = {  # what the room does, beside an activity's minutes
    "welcome": N_("welcome"),
    "discussion": N_("discussion"),
    "role-play": N_("role-play"),
    "scenario": N_("scenario"),
    "worksheet": N_("worksheet"),
    "reading": N_("reading"),
    "break": N_("break"),
    "closing": N_("closing"),
}
PAPER_NAMES = {"letter": N_("US Letter"), "a4": N_("A4")}
"""The paper sizes PDFs can be made on, by the option's value."""


@dataclass(frozen=True)
class Interface:
    """The toolkit's words in one language: English as written, or a catalog's translations
    of them (by their English, as gettext does); a word without one stays English."""

    language: str = "en"
    translated: Mapping[str, str] = field(default_factory=dict)

    def gettext(self, message: str) -> str:
        return self.translated.get(message, "") or message if message else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.gettext(singular if count == 1 else plural)

    def names(self, table: Mapping[Key, str]) -> dict[Key, str]:
        return {key: self.gettext(name) for key, name in table.items()}

    def role_name(self, key: str) -> str:
        return self.gettext(ROLE_NAMES[key]) if key in ROLE_NAMES else key.replace("-", " ")

    def audience_text(self, audience: Sequence[Audience]) -> str:
        names = [self.gettext(AUDIENCE_NAMES[a]) for a in audience]
        if len(names) == 1:
            return names[0]
        return self.gettext("{names} and {last}").format(
            names=", ".join(names[:-1]), last=names[-1]
        )


ENGLISH = Interface()
