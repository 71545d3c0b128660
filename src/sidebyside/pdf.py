"""Printable PDFs, made at build time with WeasyPrint: fillable forms with a text layer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import markdown

from .load import Course
from .render import Renderer

PACK_NAME = "downloads/facilitator-pack.pdf"
# The hand-written guide is trusted text: full Markdown, as on the site.
_GUIDE_EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "sane_lists", "toc"]


@dataclass(frozen=True)
class Document:
    """A PDF to be added to the site."""

    uri: str
    content: bytes


def html_to_pdf(html: str) -> bytes:
    """One HTML document as a PDF whose inputs are fillable form fields."""
    from weasyprint import HTML  # imported here: only builds that make PDFs pay for it

    return HTML(string=html).write_pdf(pdf_forms=True)


def guide_html(path: Path | None, course: Course, renderer: Renderer) -> str:
    """The facilitator guide's HTML for the pack, with its generated parts filled in."""
    if path is None or not path.is_file():
        return ""
    text = renderer.fill_markers(path.read_text(encoding="utf-8"), course, lambda uri: uri)
    return renderer.restore(markdown.markdown(text, extensions=_GUIDE_EXTENSIONS))


def course_pdfs(
    course: Course, renderer: Renderer, paper: str, guide: Path | None
) -> list[Document]:
    """A PDF of every worksheet, and the facilitator's print pack."""
    documents = [
        Document(
            f"worksheets/{worksheet.id}.pdf",
            html_to_pdf(renderer.worksheet_document(worksheet, paper)),
        )
        for worksheet in course.worksheets.values()
    ]
    pack = renderer.pack_document(course, guide_html(guide, course, renderer), paper)
    documents.append(Document(PACK_NAME, html_to_pdf(pack)))
    return documents
