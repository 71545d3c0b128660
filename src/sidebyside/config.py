"""The plugin's options, as set under `plugins: - sidebyside:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .interface import PAPER_NAMES


class SideBySideConfig(Config):
    enabled = c.Type(bool, default=True)
    """Switch the plugin off without removing it from mkdocs.yml."""

    # Content
    content_dir = c.Type(str, default=".")
    """Folder holding modules/, scenarios/ and worksheets/, relative to mkdocs.yml."""

    # Printing
    pdf = c.Type(bool, default=True)
    """Make PDFs of the worksheets and the facilitator's pack; false for fast previews."""
    paper = c.Choice(tuple(PAPER_NAMES), default="letter")
    """Paper size of the PDFs."""
    pack_guide = c.Type(str, default="")
    """Page in docs/ that opens the facilitator's pack (its session plans); '' for none.
    A page named here must exist."""

    # Languages
    languages = c.ListOfItems(c.Type(str), default=[])
    """The course's other languages, such as [es]: each is built from its catalogs in
    translations/<lang>/ into that folder of the site, with a language menu on every page."""
    preview_languages = c.Type(bool, default=False)
    """Also build the other languages while previewing (mkdocs serve): each save then takes
    a build per language. Off, the preview is of the course's own language only."""

    # Learning management systems
    mastery_score = c.Type(int, default=80)
    """The score out of 100 a SCORM package counts as passed (its adlcp:masteryscore)."""

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        failed, warnings = super().validate()
        if not failed and not 0 <= self.mastery_score <= 100:
            failed.append(
                ("mastery_score", ValueError(f"{self.mastery_score} is not from 0 to 100"))
            )
        return failed, warnings
