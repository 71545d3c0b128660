"""Every word of a vocabulary the model defines has a name to show people."""

from __future__ import annotations

from sidebyside.interface import AUDIENCE_NAMES, VERDICT_NAMES
from sidebyside.model import AUDIENCES, VERDICTS


def test_every_verdict_and_audience_is_named() -> None:
    assert tuple(VERDICT_NAMES) == VERDICTS
    assert tuple(AUDIENCE_NAMES) == AUDIENCES
