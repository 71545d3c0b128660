"""The MkDocs glue: load the course before anything is written, then add its pages and assets."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .config import SideBySideConfig
from .errors import ContentError
from .load import CONTENT_DIRS, Course, load_course
from .pdf import course_pdfs
from .render import Renderer

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/sidebyside"
STYLESHEETS = ["sidebyside.css"]
SCRIPTS = ["store.js", "progress.js", "scenario.js", "worksheet.js", "print.js"]
OFFLINE_SHIM = "iframe-worker.js"
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = _SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Search"')
_ARTICLE = '<article class="md-content__inner md-typeset">'
log = logging.getLogger("mkdocs.plugins.sidebyside")


def _problems_banner(report: str) -> str:
    return (
        '<div class="admonition failure sbs-problems" role="alert">'
        '<p class="admonition-title">The course content has problems</p>'
        f"<pre>{html.escape(report)}</pre>"
        "<p>This preview shows the last version that worked. Fix the file and save it: "
        "the page reloads by itself.</p></div>"
    )


class SideBySidePlugin(BasePlugin[SideBySideConfig]):
    """Because it defines on_startup, MkDocs keeps one instance across `mkdocs serve` rebuilds."""

    course: Course
    renderer: Renderer
    serving = False
    problems = ""  # the last content error report, while previewing

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.problems = ""
        self.course = Course(modules=(), scenarios={}, worksheets={})

    def _content_root(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.content_dir).resolve()

    @event_priority(50)  # before Material's offline plugin, which reads extra.polyfills
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:
            self.course = load_course(self._content_root(config))
            self.problems = ""
        except ContentError as error:
            if not self.serving:
                raise PluginError(f"The course content has problems:\n{error.report()}") from None
            # Previewing: say what is wrong in the terminal and on the page, keep serving the
            # last course that loaded, and recover on the next save that fixes it.
            self.problems = error.report()
            log.error("The course content has problems:\n%s", self.problems)
        # A district's custom_dir comes first, so it can override any of our templates.
        self.renderer = Renderer(template_dirs=config.theme.dirs, site_name=config.site_name)
        config.extra_css.extend(f"{ASSET_DIR}/{name}" for name in STYLESHEETS)
        config.extra_javascript.extend(f"{ASSET_DIR}/{name}" for name in SCRIPTS)
        if "material/offline" in config.plugins or "offline" in config.plugins:
            # Material's offline plugin would fetch this shim from a public CDN; serve our copy.
            config.extra["polyfills"] = [f"{ASSET_DIR}/{OFFLINE_SHIM}"]
        if config.nav is None:
            config.nav = self._navigation(Path(config.docs_dir))
        return config

    def _navigation(self, docs_dir: Path) -> list[Any]:
        """Home, the modules in course order, scenarios, worksheets, then the other pages."""
        handwritten = sorted(
            path.relative_to(docs_dir).as_posix()
            for path in docs_dir.rglob("*.md")
            if path.name != "index.md" or path.parent != docs_dir
        )
        nav: list[Any] = ["index.md"] if (docs_dir / "index.md").is_file() else []
        nav.append({"Modules": [f"modules/{m.id}.md" for m in self.course.modules]})
        nav.append({"Your progress": ["notes.md", "certificate.md"]})
        nav.append(
            {
                "Scenarios": [
                    "scenarios/index.md",
                    *(f"scenarios/{i}.md" for i in self.course.scenarios),
                ]
            }
        )
        if self.course.worksheets:
            nav.append({"Worksheets": [f"worksheets/{i}.md" for i in self.course.worksheets]})
        return nav + handwritten

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        paper = self.config.paper if self.config.pdf else None
        for page in self.renderer.pages(self.course, pdf_paper=paper):
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    f"docs/{page.src_uri} clashes with a page made from the course content; "
                    "rename or remove it"
                )
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
            )
        for name in [*STYLESHEETS, *SCRIPTS, OFFLINE_SHIM]:
            files.append(
                File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(ASSETS / name))
            )
        if self.config.pdf:
            guide = (
                Path(config.docs_dir) / self.config.pack_guide if self.config.pack_guide else None
            )
            for document in course_pdfs(self.course, self.renderer, self.config.paper, guide):
                files.append(File.generated(config, document.uri, content=document.content))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return markdown

        def link(src_uri: str) -> str:
            target = files.get_file_from_path(src_uri)
            if target is None:
                raise PluginError(f"{page.file.src_uri} links to {src_uri}, which does not exist")
            return get_relative_url(target.url, page.url)

        return self.renderer.fill_markers(markdown, self.course, link)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.renderer.restore(html) if self.config.enabled else html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        # Material's search dialog has no accessible name; give it one.
        output = output.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG, 1)
        if self.problems:
            output = output.replace(_ARTICLE, _ARTICLE + _problems_banner(self.problems), 1)
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # The 404 page is a template, not a page: name its search dialog too.
        return output_content.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG, 1)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            root = self._content_root(config)
            for folder in CONTENT_DIRS:
                if (root / folder).is_dir():
                    server.watch(str(root / folder))
        return server
