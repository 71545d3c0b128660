"""Printable PDFs, made at build time with WeasyPrint: fillable forms with a text layer.

A PDF may read only the site's own files: the fetcher below refuses every other address,
so no build asks another host for anything and no file from outside the site ends up in a
published PDF.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown

from .load import Course
from .render import Renderer

PACK_NAME = "downloads/facilitator-pack.pdf"
# The hand-written guide is trusted text: full Markdown, as on the site.
_GUIDE_EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "sane_lists", "toc"]
log = logging.getLogger("mkdocs.plugins.sidebyside.pdf")


@dataclass(frozen=True)
class Document:
    """A PDF to be added to the site."""

    uri: str
    content: bytes


@dataclass
class PdfCache:
    """Finished PDFs by a hash of their HTML: a rebuild remakes only those that changed."""

    documents: dict[str, bytes] = field(default_factory=dict)

    def get(self, html: str, make: Any) -> bytes:
        key = hashlib.sha256(html.encode()).hexdigest()
        if key not in self.documents:
            self.documents[key] = make(html)
        return self.documents[key]

    def keep_only(self, htmls: list[str]) -> None:
        wanted = {hashlib.sha256(html.encode()).hexdigest() for html in htmls}
        self.documents = {key: pdf for key, pdf in self.documents.items() if key in wanted}


def site_only_fetcher(root: Path) -> Any:
    """A WeasyPrint URL fetcher that serves files under ``root`` and ``data:`` URLs only."""
    from weasyprint.urls import URLFetcher  # imported here: only builds that make PDFs pay

    allowed = root.resolve()

    class SiteOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parts = urlsplit(url)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(allowed) and path.is_file():
                    return super().fetch(url, headers)
            log.warning("A PDF asked for %s, which is not a file of the site; refused", url)
            raise ValueError(f"refused: {url}")

    return SiteOnlyFetcher(allowed_protocols={"file", "data"})


def html_to_pdf(html: str, root: Path) -> bytes:
    """One HTML document as a PDF whose inputs are fillable form fields."""
    from weasyprint import HTML

    document = HTML(
        string=html, base_url=root.resolve().as_uri() + "/", url_fetcher=site_only_fetcher(root)
    )
    return document.write_pdf(pdf_forms=True)


def guide_html(path: Path | None, course: Course, renderer: Renderer) -> str:
    """The facilitator guide's HTML for the pack, with its generated parts filled in."""
    if path is None:
        return ""
    text = renderer.fill_markers(path.read_text(encoding="utf-8"), course, lambda uri: uri)
    return renderer.restore(markdown.markdown(text, extensions=_GUIDE_EXTENSIONS))


def course_pdfs(
    course: Course,
    renderer: Renderer,
    paper: str,
    guide: Path | None,
    docs_dir: Path,
    cache: PdfCache | None = None,
) -> list[Document]:
    """A PDF of every worksheet, and the facilitator's print pack."""
    cache = cache or PdfCache()
    sources = {
        f"worksheets/{worksheet.id}.pdf": renderer.worksheet_document(worksheet, paper)
        for worksheet in course.worksheets.values()
    }
    sources[PACK_NAME] = renderer.pack_document(course, guide_html(guide, course, renderer), paper)
    cache.keep_only(list(sources.values()))
    return [
        Document(uri, cache.get(html, lambda text: html_to_pdf(text, docs_dir)))
        for uri, html in sources.items()
    ]
