"""The names the toolkit shows people for its own vocabularies: one table, for one place to
reword or translate them. The vocabularies themselves (which verdicts and audiences there
are, and their order) are the model's; these are only what each is called."""

from __future__ import annotations

from .model import Audience, Verdict

VERDICT_NAMES: dict[Verdict, str] = {"bad": "Bad", "mixed": "Mixed", "good": "Good"}
AUDIENCE_NAMES: dict[Audience, str] = {
    "teacher": "teachers",
    "ia": "IAs",
    "facilitator": "facilitators",
}
# Scenario characters are keyed by role; a key not named here is shown as written.
ROLE_NAMES = {
    "teacher": "teacher",
    "teacher2": "teacher",
    "ia": "IA",
    "ia2": "IA",
    "bt": "behavior technician",
    "bcba": "BCBA",
    "admin": "administrator",
    "parent": "parent",
}
PAPER_NAMES = {"letter": "US Letter", "a4": "A4"}
"""The paper sizes PDFs can be made on, by the option's value."""
