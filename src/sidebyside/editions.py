"""The course in its other languages: each a whole MkDocs build of the same mkdocs.yml, in
the language's own folder of the site (``es/``), with its pages and Material's interface in
that language, its own search, and links between each page and its twins."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin

from babel import Locale
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.config_options import Plugins
from mkdocs.config.defaults import MkDocsConfig

from .page_texts import translated_page
from .translations import Translation

PAGE_LINK = "sidebyside-page:"
"""Marks a link that is already relative to its page; the built pages keep what follows."""


def language_name(language: str) -> str:
    """A language's name in itself, as a language menu shows it: "Español"."""
    name = Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_"))
    return (name or language)[:1].upper() + (name or language)[1:]


@dataclass(frozen=True)
class Edition:
    """Which language a build is in, and the languages of the whole site."""

    language: str
    source: str
    """The language the course is written in, at the site's root."""
    languages: tuple[str, ...]
    """Every language of the site, the source's first."""

    @property
    def is_translation(self) -> bool:
        return self.language != self.source

    def alternates(self, page_url: str) -> list[dict[str, str]]:
        """Material's ``extra.alternate`` for one page: the page in every language, linked
        from the page itself. Each link is marked as a complete address (``PAGE_LINK``),
        which Material's ``url`` filter leaves alone: that filter can't leave the edition's
        own root, as a translation's link to its English twin must."""
        to_root = "../" * page_url.count("/")
        links = []
        for language in self.languages:
            if language == self.language:
                between = ""
            elif self.is_translation:
                between = "../" if language == self.source else f"../{language}/"
            else:
                between = f"{language}/"
            link = to_root + between + page_url or "./"
            name = language_name(language)
            links.append({"name": name, "lang": language, "link": PAGE_LINK + link})
        return links


def translated_docs(
    docs_dir: Path, root: Path, snippets: list[str], translation: Translation, folder: Path
) -> tuple[Path, list[str]]:
    """The hand-written pages and snippets in the translation's language, written into
    ``folder``: the new docs folder and the snippets' paths. Other files are copied."""

    def translate(path: Path) -> str:
        catalog = path.resolve().relative_to(root).with_suffix("").as_posix()
        text = path.read_text(encoding="utf-8")
        return translated_page(
            text, lambda context, english: translation.text(catalog, context, english)
        )

    docs = folder / "docs"
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file():
            target = docs / path.relative_to(docs_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".md":
                target.write_text(translate(path), encoding="utf-8")
            else:
                shutil.copyfile(path, target)
    translated_snippets = []
    for number, name in enumerate(snippets):
        source = (root / name).resolve()
        target = folder / "snippets" / f"{number}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(translate(source) if source.is_file() else "", encoding="utf-8")
        translated_snippets.append(str(target))
    return docs, translated_snippets


def build_edition(config: MkDocsConfig, edition: Edition, prepare: Callable[[Any], None]) -> None:
    """Builds the course in ``edition.language`` into that folder of ``config``'s site;
    ``prepare`` hands the new build's plugin what it keeps from build to build."""
    overrides: dict[str, Any] = {"site_dir": str(Path(config.site_dir) / edition.language)}
    if config.site_url:
        overrides["site_url"] = urljoin(config.site_url, f"{edition.language}/")
    # MkDocs hands every build in a process the same instance of a plugin that has
    # on_startup (as ours does, to keep its caches while previewing): this build needs
    # instances of its own, so the cache is set aside while its configuration loads.
    plugins_option = cast(Plugins, dict(MkDocsConfig._schema)["plugins"])
    kept = dict(plugins_option.plugin_cache)
    plugins_option.plugin_cache.clear()
    try:
        translated = load_config(config.config_file_path, strict=config.strict, **overrides)
    finally:
        plugins_option.plugin_cache.clear()
        plugins_option.plugin_cache.update(kept)
    translated.theme["language"] = edition.language
    for plugin in translated.plugins.values():
        prepare(plugin)
    build(translated, dirty=False)
