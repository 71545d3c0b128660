"""Printable PDFs, made at build time with WeasyPrint: tagged (PDF/UA), fillable forms with a
text layer.

A PDF may read only the site's own files: the fetcher below refuses every other address,
so no build asks another host for anything and no file from outside the site ends up in a
published PDF.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import posixpath
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .interface import ENGLISH, Interface
from .load import Course
from .model import KINDS
from .packs import Pack, session_packs, whole_course_pack
from .render import Renderer

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

    @staticmethod
    def key(html: str) -> str:
        return hashlib.sha256(html.encode()).hexdigest()

    def get(self, html: str, make: Any) -> bytes:
        key = self.key(html)
        if key not in self.documents:
            self.documents[key] = make(html)
        return self.documents[key]

    def keep_only(self, htmls: list[str]) -> None:
        wanted = {self.key(html) for html in htmls}
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


# An image by a relative address, read from the docs folder.
_RELATIVE_IMAGE = re.compile(r'(<img\b[^>]*?\bsrc=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/)([^"]*")')


def html_to_pdf(html: str, root: Path) -> bytes:
    """One HTML document as a PDF whose inputs are fillable form fields.

    With no base address, a relative link stays relative in the PDF, so that it leads to the
    site's page from wherever the site and its PDFs are put; images get the folder's address.
    """
    from weasyprint import HTML

    folder = root.resolve().as_uri() + "/"
    html = _RELATIVE_IMAGE.sub(lambda match: match[1] + folder + match[2], html)
    document = HTML(string=html, base_url=None, url_fetcher=site_only_fetcher(root))
    # PDF/UA-1: tagged, with the document's language and title, each field named (/TU).
    return document.write_pdf(pdf_forms=True, pdf_variant="pdf/ua-1")


# A link from the guide to one of the site's pages, by its source path.
_PAGE_HREF = re.compile(r'href="(?P<target>[^":?#]+\.md)(?P<anchor>#[^"]*)?"')
Link = Callable[[str], str]
"""A page's source path (``modules/partners.md``) -> its address, as a PDF links to it."""


@dataclass(frozen=True)
class Printing:
    """What a build's PDFs are made from."""

    course: Course
    renderer: Renderer
    paper: str
    docs_dir: Path
    guide: Path | None
    """The hand-written page that opens the print packs, if any."""
    link: Link
    to_html: Callable[[str], str]
    """The site's own Markdown conversion, for the guide: the guide is trusted text, and
    prints as the site shows it."""


def guide_html(guide: str, printing: Printing, guide_uri: str, packs: list[Pack]) -> str:
    """Guide Markdown as HTML for a pack: generated parts filled in, links to built pages."""
    folder = posixpath.dirname(guide_uri)
    course, renderer, link = printing.course, printing.renderer, printing.link
    filled = renderer.fill_markers(guide, course, link, packs, printing.paper, guide_uri)
    html = printing.to_html(filled)

    def built(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(folder, match["target"]))
        return f'href="{link(target)}{match["anchor"] or ""}"'

    return _PAGE_HREF.sub(built, html)


def course_packs(course: Course, interface: Interface = ENGLISH) -> list[Pack]:
    """The whole course's pack, then one per session."""
    return [whole_course_pack(interface), *session_packs(course.sessions, interface)]


def course_pdfs(printing: Printing, cache: PdfCache | None = None) -> list[Document]:
    """A PDF of every printable file (the worksheets), and the print packs."""
    cache = cache or PdfCache()
    sources = pdf_sources(printing)
    cache.keep_only(list(sources.values()))
    return [
        Document(uri, cache.get(html, lambda text: html_to_pdf(text, printing.docs_dir)))
        for uri, html in sources.items()
    ]


def pdf_sources(printing: Printing) -> dict[str, str]:
    """Each PDF's place in the site -> the HTML it is made from."""
    course, renderer, paper = printing.course, printing.renderer, printing.paper
    sources = {
        f"{kind.folder}/{item.id}.pdf": renderer.print_document(kind, item, paper)
        for kind in KINDS.values()
        if kind.printable
        for item in course.items[kind.folder].values()
    }
    guide = printing.guide
    guide_text = guide.read_text(encoding="utf-8") if guide else None
    guide_uri = guide.relative_to(printing.docs_dir.resolve()).as_posix() if guide else ""
    packs = course_packs(course, printing.renderer.interface)
    for pack in packs:
        if pack.session is not None:  # its plan, linking pages by their source paths
            plan = renderer.session_plan(pack.session, course)
            html = guide_html(plan, printing, "", packs)
        else:
            html = guide_html(guide_text, printing, guide_uri, packs) if guide_text else ""
        sources[pack.uri] = renderer.pack_document(pack, course, html, paper)
    return sources


class PreviewPdfs:
    """PDFs while previewing: a save never waits for one.

    A PDF whose HTML changed keeps its last version in the rebuilt site, and is remade in a
    separate process (so the page build keeps a core of its own); when done, it is written
    over the served copy and cached for the next rebuild. Only the first build waits.
    """

    def __init__(self) -> None:
        self.cache = PdfCache()
        self.shown: dict[str, bytes] = {}
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def documents(self, sources: dict[str, str], docs_dir: Path, site_dir: Path) -> list[Document]:
        documents = []
        with self._lock:
            self.cache.keep_only(list(sources.values()))
            for uri, html in sources.items():
                key = PdfCache.key(html)
                made = self.cache.documents.get(key)
                if made is None and uri in self.shown:
                    self._remake(uri, html, key, docs_dir, site_dir)
                    made = self.shown[uri]
                elif made is None:
                    made = self.cache.get(html, lambda text: html_to_pdf(text, docs_dir))
                self.shown[uri] = made
                documents.append(Document(uri, made))
        return documents

    def _remake(self, uri: str, html: str, key: str, docs_dir: Path, site_dir: Path) -> None:
        if key in self._pending:
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self._pending.add(key)
        future = self._pool.submit(html_to_pdf, html, docs_dir)

        def done(finished: Future[bytes]) -> None:
            with self._lock:
                self._pending.discard(key)
                if finished.cancelled() or finished.exception() is not None:
                    log.warning("Remaking %s failed: %s", uri, finished.exception())
                    return
                made = finished.result()
                self.cache.documents[key] = made
                self.shown[uri] = made
                target = site_dir / uri
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(made)

        future.add_done_callback(done)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
