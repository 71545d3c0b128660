"""The MkDocs glue: load the course before anything is written, then add its pages and assets."""

from __future__ import annotations

import functools
import gzip
import html
import logging
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import markdown
import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data
from mkdocs.utils.templates import TemplateContext

from .config import SideBySideConfig
from .decks import DeckCache
from .editions import PAGE_LINK, Edition, build_edition, translated_docs
from .errors import ContentError
from .headers import with_security_headers
from .interface import ENGLISH, N_, Interface
from .keys import source_date
from .load import Course, content_files, load_course
from .model import KINDS
from .packs import PACK_NAME, PACK_TITLE, Pack, session_download
from .pdf import (
    Document,
    Link,
    PdfCache,
    PreviewPdfs,
    Printing,
    course_packs,
    course_pdfs,
    pdf_sources,
)
from .render import ROLE_PLAY_PAGE, Renderer
from .render import Page as GeneratedPage
from .setaside import SetAsideExtension
from .translations import load_translation, translated_course

ASSETS = Path(__file__).parent / "assets"
THEME_TEMPLATES = Path(__file__).parent / "templates" / "theme"
ASSET_DIR = "assets/sidebyside"
STYLESHEETS = ["sidebyside.css"]
SCRIPTS = [  # in this order: each uses what the ones before it define
    "store.js",
    "lms.js",
    "page.js",
    "print.js",
    "progress.js",
    "quiz.js",
    "certificate.js",
    "notes.js",
    "record.js",
    "scenario.js",
    "worksheet.js",
    "present.js",
    "focus.js",
]
SCRIPT_BUNDLE = "sidebyside.js"
"""What pages load: every script, minified, in order, so a phone makes one request for them."""
OFFLINE_SHIM = "iframe-worker.js"
OFFLINE_SHIM_SCOPE = "iframe-worker-scope.js"  # loaded by the shim into its frame
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH = N_("Search")
_ARTICLE = '<article class="md-content__inner md-typeset">'
FACILITATORS = N_("For facilitators")
HOME = N_("Home")
YOUR_PROGRESS = N_("Your progress")
# Not under "mkdocs": with `strict: true`, MkDocs counts every warning and error logged
# there as a failure, and a preview that fails never shows the author what is wrong.
preview_log = logging.getLogger("sidebyside.preview")
if not preview_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    preview_log.addHandler(_handler)
    preview_log.propagate = False


def _problems_banner(report: str) -> str:
    return (
        '<div class="admonition failure sbs-problems" role="alert">'
        '<p class="admonition-title">The course content has problems</p>'
        f"<pre>{html.escape(report)}</pre>"
        "<p>This preview shows the last version that worked. Fix the file and save it: "
        "the page reloads by itself.</p></div>"
    )


def _sitemap_without_build_time(site_dir: Path) -> None:
    """Rewrites MkDocs' gzipped sitemap with a fixed time in its header (SOURCE_DATE_EPOCH
    when set), so that the same content builds the same bytes on any day."""
    archive = site_dir / "sitemap.xml.gz"
    if not archive.is_file():
        return
    content = gzip.decompress(archive.read_bytes())
    with (
        archive.open("wb") as target,
        gzip.GzipFile(
            filename="sitemap.xml", mode="wb", fileobj=target, mtime=source_date()
        ) as packed,
    ):
        packed.write(content)


_ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<meaning>.+?)[ \t]*$", re.M)


def abbreviations(config: MkDocsConfig) -> dict[str, str]:
    """The abbreviations Material's setup appends to every hand-written page (the files
    pymdownx.snippets' ``auto_append`` names), for the course content's text too."""
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    if "abbr" not in config.markdown_extensions or not snippets:
        return {}
    base = Path(config.config_file_path).parent
    found: dict[str, str] = {}
    for name in snippets.get("auto_append", []):
        path = base / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found.update((m["term"], m["meaning"]) for m in _ABBREVIATION.finditer(text))
    return found


def site_markdown(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown to HTML as the site converts its pages, with mkdocs.yml's extensions."""

    def to_html(text: str) -> str:
        return markdown.markdown(
            text, extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )

    return to_html


@functools.cache
def asset(name: str) -> str:
    """One of our scripts or stylesheets as the site serves it: minified, since every
    learner's phone downloads them, while the source keeps its comments."""
    source = (ASSETS / name).read_text(encoding="utf-8")
    return rcssmin.cssmin(source) if name.endswith(".css") else rjsmin.jsmin(source)


def served_assets() -> dict[str, str]:
    """Our stylesheets and the script bundle, by file name, as the site serves them."""
    bundle = ";\n".join(asset(name) for name in SCRIPTS)  # each script is a whole statement
    return {**{name: asset(name) for name in STYLESHEETS}, SCRIPT_BUNDLE: bundle}


class SideBySidePlugin(BasePlugin[SideBySideConfig]):
    """Because it defines on_startup, MkDocs keeps one instance across `mkdocs serve` rebuilds.

    Everything that can fail (loading, rendering, clashes with docs/, PDFs) happens in
    on_config: MkDocs empties the site folder after it, so a failure leaves the old site.
    """

    course: Course
    renderer: Renderer
    serving = False
    problems = ""  # the last content error report, while previewing
    pages: list[GeneratedPage]
    pdfs: list[Document]
    packs: list[Pack]
    glossary: dict[str, str]
    edition: Edition | None = None
    """Set on the builds of the course's translations (see ``editions``), with a folder for
    their translated pages."""
    edition_folder: Path | None = None
    interface: Interface = ENGLISH

    def __init__(self) -> None:
        super().__init__()
        self.course = Course.empty()
        self.loaded_once = False
        self.pdf_cache = PdfCache()
        self.deck_cache = DeckCache()
        self.preview_pdfs = PreviewPdfs()
        self.packs = []
        # Each translation's build has a plugin of its own; these keep its caches between
        # the builds of a preview.
        self.edition_caches: dict[str, tuple[PdfCache, DeckCache]] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def _content_root(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.content_dir).resolve()

    @event_priority(50)  # before Material's offline plugin, which reads extra.polyfills
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        config.markdown_extensions.append(SetAsideExtension())  # type: ignore[arg-type]
        # Our page templates (present mode) after a district's custom_dir, which may override them.
        config.theme.dirs.append(str(THEME_TEMPLATES))
        root = self._content_root(config)
        try:
            course = load_course(root)
            if self.edition and self.edition.is_translation:
                course = self._translate(config, root, course, self.edition.language)
            # Drafts are previewed, never published.
            self.course = course if self.serving else course.published()
            self.problems = ""
            self.loaded_once = True
        except ContentError as error:
            if not self.serving:
                raise PluginError(f"The course content has problems:\n{error.report()}") from None
            # Previewing: say what is wrong in the terminal and on every page, keep serving
            # the last course that loaded, and recover on the next save that fixes it.
            self.problems = error.report()
            preview_log.error("The course content has problems:\n%s", self.problems)
        # A district's custom_dir comes first, so it can override any of our templates.
        self.glossary = abbreviations(config)
        self.renderer = Renderer(
            template_dirs=config.theme.dirs,
            site_name=config.site_name,
            glossary=self.glossary,
            interface=self.interface,
        )
        docs_dir = Path(config.docs_dir)
        self.pages = self._pages(docs_dir, root)
        self.packs = []
        self.pdfs = (
            self._pdfs(docs_dir, config.site_dir, self._pdf_link(config), site_markdown(config))
            if self.config.pdf
            else []
        )
        config.extra_css.extend(f"{ASSET_DIR}/{name}" for name in STYLESHEETS)
        config.extra_javascript.append(f"{ASSET_DIR}/{SCRIPT_BUNDLE}")
        if "material/offline" in config.plugins or "offline" in config.plugins:
            # Material's offline plugin would fetch this shim from a public CDN; serve our copy.
            config.extra.setdefault("polyfills", [])
            config.extra["polyfills"].append(f"{ASSET_DIR}/{OFFLINE_SHIM}")
        if config.nav is None:
            config.nav = self._navigation(docs_dir)
        return config

    def _translate(self, config: MkDocsConfig, root: Path, course: Course, language: str) -> Course:
        """This build's course, pages and snippets in ``language``, from its catalogs."""
        translation = load_translation(root, course, language)
        self.interface = translation.interface
        snippets = config.mdx_configs.get("pymdownx.snippets", {})
        folder = self.edition_folder
        assert folder is not None, "an edition's build is given a folder (see on_post_build)"
        docs, appended = translated_docs(
            Path(config.docs_dir), root, snippets.get("auto_append", []), translation, folder
        )
        config.docs_dir = str(docs)
        if snippets:  # pymdownx.snippets reads only inside its base paths
            base = snippets.get("base_path", ["."])
            snippets["base_path"] = [
                str(folder / "snippets"),
                *([base] if isinstance(base, str) else base),
            ]
            snippets["auto_append"] = [Path(name).name for name in appended]
        return translated_course(course, translation)

    def _pages(self, docs_dir: Path, root: Path) -> list[GeneratedPage]:
        """The generated pages, checked against the hand-written ones they must not replace."""
        paper = self.config.paper if self.config.pdf else None
        try:
            pages = self.renderer.pages(self.course, pdf_paper=paper)
        except RecursionError:  # the loader refuses deep nesting; this is a last guard
            raise PluginError("The course content is nested too deeply to render.") from None
        if not self.loaded_once:
            # Previewing a course that has never loaded: a page for each content file says
            # what is wrong, so that links to it still lead somewhere.
            made = {page.src_uri for page in pages}
            pages += [
                GeneratedPage(uri, self.renderer.unavailable_page(path.stem), in_nav=False)
                for path in content_files(root)
                if (uri := f"{path.parent.name}/{path.stem}.md") not in made
            ]
        clashes = [
            f"docs/{page.src_uri}:1:1: this page has the path of a page made from the course "
            "content; rename or move it"
            for page in pages
            if (docs_dir / page.src_uri).exists()
        ]
        if clashes:
            raise PluginError("\n".join(["The course content has problems:", *clashes]))
        return pages

    def _guide(self, docs_dir: Path) -> Path | None:
        if not self.config.pack_guide:
            return None
        guide = (docs_dir / self.config.pack_guide).resolve()
        if not guide.is_relative_to(docs_dir.resolve()) or not guide.is_file():
            raise PluginError(
                f"pack_guide: '{self.config.pack_guide}' is not a page in "
                f"{docs_dir.name}/; name one such as facilitator-guide.md, or '' for none"
            )
        return guide

    def _pdfs(
        self, docs_dir: Path, site_dir: str, link: Link, to_html: Callable[[str], str]
    ) -> list[Document]:
        guide = self._guide(docs_dir)
        self.packs = course_packs(self.course, self.interface)
        printing = Printing(
            self.course, self.renderer, self.config.paper, docs_dir, guide, link, to_html
        )
        if self.serving:
            return self.preview_pdfs.documents(pdf_sources(printing), docs_dir, Path(site_dir))
        return course_pdfs(printing, self.pdf_cache)

    @staticmethod
    def _pdf_link(config: MkDocsConfig) -> Link:
        """Links from a print pack to the site's pages: absolute when ``site_url`` is set,
        otherwise relative to the pack's place in the site."""
        offline = config.plugins.get("material/offline") or config.plugins.get("offline")
        # Material's offline plugin turns directory URLs off after this plugin's on_config.
        directory_urls = config.use_directory_urls and not (
            offline is not None and offline.config.get("enabled", True)
        )

        def link(src_uri: str) -> str:
            url = File(src_uri, "", "", directory_urls).url
            if config.site_url:
                return urljoin(config.site_url, url)
            return get_relative_url(url, PACK_NAME)

        return link

    def _navigation(self, docs_dir: Path) -> list[Any]:
        """Home, the learner's sections (modules, progress, scenarios, worksheets), then "For
        facilitators", then the hand-written pages: grouped under the section their front
        matter's ``nav_section`` names, or on their own."""
        _ = self.interface.gettext
        nav: list[Any] = [{_(HOME): "index.md"}] if (docs_dir / "index.md").is_file() else []
        for number, kind in enumerate(KINDS.values()):
            entries = [f"{kind.folder}/index.md"] if kind.index else []
            entries += [f"{kind.folder}/{item_id}.md" for item_id in self.course.items[kind.folder]]
            if entries:
                nav.append({_(kind.nav_title): entries})
            if number == 0:  # after the modules, what the learner has done in them
                nav.append({_(YOUR_PROGRESS): ["notes.md", "certificate.md"]})
        facilitators = _(FACILITATORS)
        sections: dict[str, list[Any]] = {facilitators: []}
        if self.config.pack_guide:
            sections[facilitators].append(self.config.pack_guide)
        sections[facilitators].append(ROLE_PLAY_PAGE)
        if self.pdfs:
            sections[facilitators].append({_(PACK_TITLE): PACK_NAME})
        pages_alone = []
        for path in sorted(docs_dir.rglob("*.md")):
            uri = path.relative_to(docs_dir).as_posix()
            if uri in ("index.md", self.config.pack_guide):
                continue
            _, meta = get_data(path.read_text(encoding="utf-8-sig"))
            section = meta.get("nav_section")
            if isinstance(section, str) and section.strip():
                sections.setdefault(section.strip(), []).append(uri)
            else:
                pages_alone.append(uri)
        return [*nav, *({name: entries} for name, entries in sections.items()), *pages_alone]

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        for page in self.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
            )
        for name, content in served_assets().items():
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))
        for name in [OFFLINE_SHIM, OFFLINE_SHIM_SCOPE]:  # vendored as they are
            files.append(
                File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(ASSETS / name))
            )
        for document in self.pdfs:
            files.append(File.generated(config, document.uri, content=document.content))
        decks = self.deck_cache.decks(self.course, config.site_name, self.glossary, self.interface)
        for session_id, deck in decks.items():
            files.append(File.generated(config, session_download(session_id, "pptx"), content=deck))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or page.file.generated_by:
            return markdown  # markers are for hand-written pages; ours are complete

        def link(src_uri: str) -> str:
            target = files.get_file_from_path(src_uri)
            if target is None:
                raise PluginError(f"{page.file.src_uri} links to {src_uri}, which does not exist")
            return get_relative_url(target.url, page.url)

        packs = self.packs if self.pdfs else []
        return self.renderer.fill_markers(
            markdown, self.course, link, packs, self.config.paper, page.file.src_uri
        )

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if (edition := self._edition(config)) is not None:  # the language menu, hreflang links
            config.extra["alternate"] = edition.alternates(page.url)
        return context

    def _edition(self, config: MkDocsConfig) -> Edition | None:
        """The languages of this build's site, when it has more than one."""
        if self.edition:
            return self.edition
        if not self.config.languages or (self.serving and not self.config.preview_languages):
            return None
        source = str(config.theme["language"] or "en")
        return Edition(source, source, (source, *self.config.languages))

    def _named_search(self, output: str) -> str:
        """Material's search dialog has no accessible name; give it one."""
        name = html.escape(self.interface.gettext(SEARCH))
        named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{name}"')
        return output.replace(_SEARCH_DIALOG, named, 1)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        output = self._named_search(output)
        output = output.replace(f'href="{PAGE_LINK}', 'href="')  # see Edition.alternates
        if (edition := self._edition(config)) is not None:  # for the 404 page, the home's
            config.extra["alternate"] = edition.alternates("")
        if self.problems:
            output = output.replace(_ARTICLE, _ARTICLE + _problems_banner(self.problems), 1)
        return with_security_headers(output, preview=self.serving)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # The 404 page is a template, not a page: name its search dialog too.
        output_content = self._named_search(output_content)
        output_content = output_content.replace(f'href="{PAGE_LINK}', 'href="')
        if template_name.endswith(".html"):
            return with_security_headers(output_content, preview=self.serving)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        _sitemap_without_build_time(Path(config.site_dir))
        site = self._edition(config)
        if self.edition is not None or site is None or not self.config.enabled:
            return
        for language in self.config.languages:
            edition = Edition(language, site.source, site.languages)
            with tempfile.TemporaryDirectory(prefix=f"sidebyside-{language}-") as folder:

                def prepare(plugin: Any, edition: Edition = edition, folder: str = folder) -> None:
                    if isinstance(plugin, SideBySidePlugin):
                        plugin.edition, plugin.edition_folder = edition, Path(folder)
                        caches = self.edition_caches.setdefault(
                            edition.language, (PdfCache(), DeckCache())
                        )
                        plugin.pdf_cache, plugin.deck_cache = caches

                build_edition(config, edition, prepare)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            root = self._content_root(config)
            for folder in KINDS:
                if (root / folder).is_dir():
                    server.watch(str(root / folder))
        return server

    def on_shutdown(self) -> None:
        self.preview_pdfs.close()
