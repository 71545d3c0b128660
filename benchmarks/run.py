"""Build benchmarks: our build against the same text as plain Markdown, in one run.

    python benchmarks/run.py [--repeat 3] [--sizes 20 100 300] [--output BENCHMARKS.md]

Every figure is a ratio or a share measured in this one run, on this machine; the median of
``--repeat`` builds is taken for each side. Nothing here is run by the tests.

The plain side is made from the toolkit itself, so that it cannot fall behind the course
format: its pages are the renderer's own list of pages, and each holds the texts (from the
walk of every content item's text fields, ``sidebyside.model.texts``) that the rendered page
shows. Both sides build through MkDocs's API from the course's ``mkdocs.yml``, read by
MkDocs's own loader: ours with our plugin's PDFs off, the plain side with our plugin taken out
of the plugin list. Our step is timed by wrapping our plugin's handlers in the handler lists
of the very configuration being built; no class is changed.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from pydantic import BaseModel

REPOSITORY = Path(__file__).resolve().parent.parent
# The hand-written pages, and the snippets mkdocs.yml appends to each (found from the
# folder a build runs in, as pymdownx.snippets looks for them).
HAND_WRITTEN = ("docs", "includes")
sys.path.insert(0, str(REPOSITORY / "src"))

from sidebyside.errors import ContentPath  # noqa: E402
from sidebyside.load import Course, load_course  # noqa: E402
from sidebyside.model import ContentItem, TextFormat, texts  # noqa: E402
from sidebyside.pdf import PdfCache  # noqa: E402
from sidebyside.plugin import SideBySidePlugin, served_assets  # noqa: E402
from sidebyside.render import Renderer  # noqa: E402


class StepClock:
    """Seconds spent in our plugin's event handlers during one build: loading the course,
    rendering its pages, filling the hand-written pages' markers, putting set-aside HTML
    back. That is our step, timed inside the very build it is a share of."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def watch(self, config: MkDocsConfig) -> None:
        """Times our plugin's handlers in the build of ``config``, and only those."""
        self.seconds = 0.0
        ours = [
            plugin for plugin in config.plugins.values() if isinstance(plugin, SideBySidePlugin)
        ]
        # MkDocs runs each event's handlers from this list of bound methods, which it sorted by
        # priority when it loaded this configuration: wrapping ours here times this build's
        # plugin instance in its place, and changes no class and no other build.
        for handlers in config.plugins.events.values():
            for place, handler in enumerate(handlers):
                owner = getattr(handler, "__self__", None)
                if any(owner is plugin for plugin in ours):
                    handlers[place] = self._timed(handler)

    def _timed(self, handler: Callable[..., object]) -> Callable[..., object]:
        def timed(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return timed


def timed_rounds(actions: dict[str, Callable[[], object]], repeat: int) -> list[dict[str, float]]:
    """Seconds each action takes, round after round. The actions take turns within a round, so
    a slow spell of the machine hits all of them; one warm-up round (imports, Jinja's compiled
    templates, the file cache) is not counted."""
    rounds = []
    for _ in range(repeat + 1):
        spent = {}
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            spent[name] = time.perf_counter() - started
        rounds.append(spent)
    return rounds[1:]


def median_ratio(rounds: list[dict[str, float]], top: str, bottom: str) -> float:
    return statistics.median(r[top] / r[bottom] for r in rounds)


def copy_course(target: Path, modules: int | None = None) -> Path:
    """The repository's course in ``target``; with ``modules``, cloned up to that many."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", *HAND_WRITTEN, "scenarios", "worksheets"):
        source = REPOSITORY / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    (target / "modules").mkdir()
    originals = sorted((REPOSITORY / "modules").glob("*.yml"))
    count = modules or len(originals)
    for n in range(count):
        source = originals[n % len(originals)]
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        copy = n // len(originals)
        data["order"] = n + 1
        if copy:
            data["title"] = f"{data['title']} ({copy + 1})"
        stem = f"{source.stem}-{copy + 1}" if copy else source.stem
        (target / "modules" / f"{stem}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return target


Text = tuple[ContentPath, str, TextFormat]
Shown = dict[int, set[int]]
"""Texts a page shows: for each content item (its place in ``CourseTexts.items``), the
numbers of its texts in the walk."""
_TAG = re.compile(r"zqx(\d+)q")


class CourseTexts:
    """The course's texts, item by item, in the walk the toolkit's own checks take
    (``sidebyside.model.texts``); and which of them each page the toolkit makes shows.

    To tell, the renderer renders a copy of the course in which every text is a tag of its
    own (a word Markdown and escaping leave as they are): a page shows the texts whose tags
    are in it, through whichever template, field or filter.
    """

    def __init__(self, course: Course) -> None:
        self.items: list[tuple[str, ContentItem, list[Text]]] = []
        self._tags: list[tuple[int, int]] = []
        tagged: dict[str, dict[str, ContentItem]] = {}
        for kind, held in course.items.items():
            for item in held.values():
                walked = list(texts(item))
                tagged_item = item.model_copy(deep=True)
                for number, (path, _, _) in enumerate(walked):
                    _put(tagged_item, path, f"zqx{len(self._tags)}q")
                    self._tags.append((len(self.items), number))
                self.items.append((kind, item, walked))
                tagged.setdefault(kind, {})[item.id] = tagged_item
        self._course = Course(tagged)
        self._renderer = Renderer()

    def pages(self) -> dict[str, Shown]:
        """What each page the renderer makes shows, by the page's path in the docs."""
        return {
            page.src_uri: self._shown(page.content) for page in self._renderer.pages(self._course)
        }

    def filled(self, line: str) -> Shown | None:
        """What a hand-written page's line shows once the renderer has filled it, if it is a
        generation marker."""
        filled = self._renderer.fill_markers(line, self._course, link=lambda src_uri: src_uri)
        return None if filled == line else self._shown(filled)

    def _shown(self, content: str) -> Shown:
        found: Shown = {}
        for tag in _TAG.finditer(content):
            index, number = self._tags[int(tag[1])]
            found.setdefault(index, set()).add(number)
        return found

    def own_page(self, index: int) -> str:
        kind, item, _ = self.items[index]
        return f"{kind}/{item.id}.md"

    def markdown(self, shown: Shown, src_uri: str = "") -> str:
        """Plain Markdown of the texts shown, item after item, each in walk order: a one-line
        text that leads more of its part's texts (an item's title, a section's heading, a
        response's label) as a heading, one level down for each list it is in; every other
        text as a paragraph of its own. The page's own item comes first; on a page of several
        items, the others' headings are one level further down."""
        order = sorted(shown, key=lambda index: (self.own_page(index) != src_uri, index))
        blocks = []
        for index in order:
            _, item, walked = self.items[index]
            below = 0 if self.own_page(index) == src_uri or len(shown) == 1 else 1
            kept = [walked[n] for n in sorted(shown[index])]
            for n, (path, text, format) in enumerate(kept):
                part = path[:-1]
                leads = (
                    format is TextFormat.ONE_LINE
                    and isinstance(_value(item, part), BaseModel)
                    and (n == 0 or kept[n - 1][0][: len(part)] != part)
                    and n + 1 < len(kept)
                    and kept[n + 1][0][: len(part)] == part
                )
                if leads:
                    level = min(6, 1 + below + sum(isinstance(step, int) for step in path))
                    blocks.append(f"{'#' * level} {text.strip()}")
                else:
                    blocks.append(text.strip())
        return "\n\n".join(blocks) + "\n"


def _value(item: BaseModel, path: ContentPath) -> Any:
    """The part of ``item`` at ``path``, as the walk names it."""
    value: Any = item
    for step in path:
        value = (
            value[step]
            if isinstance(step, int) or isinstance(value, dict)
            else getattr(value, step)
        )
    return value


def _put(item: BaseModel, path: ContentPath, text: str) -> None:
    parent, last = _value(item, path[:-1]), path[-1]
    if isinstance(parent, BaseModel) and isinstance(last, str):
        setattr(parent, last, text)
    else:
        parent[last] = text


def plain_markdown(course_root: Path, target: Path) -> Path:
    """The same text as plain Markdown pages: what an author would write without the toolkit.

    One page for each page the toolkit's renderer makes, at the same path, holding the course
    texts that page shows; the hand-written pages as they are, each generation marker replaced
    by the texts that the renderer fills in for it. A text no page shows goes on its item's
    own page, so that every text the walk yields is on the plain side. The site is built by
    ``target/mkdocs.yml``: the course's configuration less our plugin.
    """
    course = load_course(course_root).published()  # as built: drafts are not published
    walk = CourseTexts(course)
    places = walk.pages()
    for name in HAND_WRITTEN:
        shutil.copytree(course_root / name, target / name)
    docs = target / "docs"
    written: dict[Path, list[str | Shown]] = {}
    for source in sorted(docs.rglob("*.md")):
        written[source] = [
            line if (shown := walk.filled(line)) is None else shown
            for line in source.read_text(encoding="utf-8").splitlines()
        ]
    markers = [line for lines in written.values() for line in lines if isinstance(line, dict)]
    seen: Shown = {}
    for shown in [*places.values(), *markers]:
        for index, numbers in shown.items():
            seen.setdefault(index, set()).update(numbers)
    for index, (_, _, walked) in enumerate(walk.items):
        unseen = set(range(len(walked))) - seen.get(index, set())
        if unseen and walk.own_page(index) not in places:
            paths = [walked[number][0] for number in sorted(unseen)]
            raise SystemExit(f"no page {walk.own_page(index)} to hold the texts at {paths}")
        if unseen:
            places[walk.own_page(index)].setdefault(index, set()).update(unseen)
    for src_uri, shown in places.items():
        page_file = docs / src_uri
        page_file.parent.mkdir(parents=True, exist_ok=True)
        page_file.write_text(walk.markdown(shown, src_uri), encoding="utf-8")
    for source, lines in written.items():
        text = [line if isinstance(line, str) else walk.markdown(line) for line in lines]
        source.write_text("\n".join(text) + "\n", encoding="utf-8")
    config_file = course_root / "mkdocs.yml"
    ours = our_name(config_file)
    plugins = [entry for entry in plugin_entries(config_file) if ours not in entry]
    # The course's own configuration, which MkDocs reads first, with this plugin list in place
    # of its own (INHERIT replaces lists). Dumped as MkDocs's loader reads it back, tags and all.
    plain = {"INHERIT": str(config_file.resolve()), "plugins": plugins}
    (target / "mkdocs.yml").write_text(yaml.dump(plain, sort_keys=False), encoding="utf-8")
    return target


PluginEntry = dict[str, dict[str, Any]]


def plugin_entries(config_file: Path) -> list[PluginEntry]:
    """The plugins a configuration file lists, each as {name: options}, read by MkDocs's
    own loader (its tags, INHERIT) as a build reads them, before they are loaded."""
    config = MkDocsConfig(config_file_path=str(config_file))
    with config_file.open("rb") as source:
        config.load_file(source)
    listed = config["plugins"]
    if isinstance(listed, dict):
        listed = [{name: options} for name, options in listed.items()]
    return [
        {entry: {}} if isinstance(entry, str) else {k: dict(v or {}) for k, v in entry.items()}
        for entry in listed
    ]


def our_name(config_file: Path) -> str | None:
    """The name our plugin is loaded under when MkDocs loads ``config_file``, if it is."""
    config = load_config(str(config_file))
    names = (
        name for name, plugin in config.plugins.items() if isinstance(plugin, SideBySidePlugin)
    )
    return next(names, None)


def with_options(
    entries: list[PluginEntry], options: dict[str, dict[str, Any]]
) -> list[PluginEntry]:
    """The entries, each plugin named in ``options`` with those options added to its own."""
    return [
        {name: {**settings, **options.get(name, {})} for name, settings in entry.items()}
        for entry in entries
    ]


def builder(
    config_file: Path,
    plugins: list[PluginEntry],
    clock: StepClock | None = None,
    fresh_pdfs: bool = False,
) -> Callable[[], None]:
    """A build of ``config_file`` with its plugins as ``plugins`` say. With ``fresh_pdfs``,
    every PDF is made again: MkDocs keeps one instance of our plugin (it has on_startup)
    for the whole process, and with it the PDFs it made before."""

    def run() -> None:
        config = load_config(str(config_file), plugins=copy.deepcopy(plugins))
        if clock is not None:
            clock.watch(config)
        if fresh_pdfs:
            for plugin in config.plugins.values():
                if isinstance(plugin, SideBySidePlugin):
                    plugin.pdf_cache = PdfCache()
        build(config)

    return run


def preview_like(config_file: Path, pdf: bool = False) -> list[PluginEntry]:
    """The file's plugins as for a preview: our PDFs as ``pdf`` says, the course's own
    language only (a preview builds no other), Material's offline plugin off (on both sides
    of a comparison alike)."""
    off = {"enabled": False}
    options: dict[str, dict[str, Any]] = {"offline": off, "material/offline": off}
    ours = our_name(config_file)
    if ours is not None:
        options[ours] = {"pdf": pdf, "languages": []}
    return with_options(plugin_entries(config_file), options)


def measure(size: int | None, repeat: int, work: Path) -> dict[str, float]:
    """Our build against the plain one, and our step's share of our build."""
    ours = copy_course(work / f"ours-{size}", size)
    plain = plain_markdown(ours, work / f"plain-{size}")
    clock = StepClock()
    steps = []
    build_ours = builder(ours / "mkdocs.yml", preview_like(ours / "mkdocs.yml"), clock)

    def our_build() -> None:
        build_ours()
        steps.append(clock.seconds)

    plain_build = builder(plain / "mkdocs.yml", preview_like(plain / "mkdocs.yml"))
    rounds = timed_rounds({"ours": our_build, "plain": plain_build}, repeat)
    for spent, step in zip(rounds, steps[1:], strict=True):
        spent["step"] = step
    return {
        "ratio": median_ratio(rounds, "ours", "plain"),
        "share": median_ratio(rounds, "step", "ours"),
        **{name: statistics.median(r[name] for r in rounds) for name in rounds[0]},
    }


def asset_weight() -> int:
    return sum(len(gzip.compress(text.encode(), 9)) for text in served_assets().values())


def page_weights(work: Path) -> tuple[int, int]:
    """Gzipped bytes of a module page with our assets, and of the same page as plain Markdown."""
    ours, plain = work / "ours-None" / "site", work / "plain-None" / "site"
    module = sorted((ours / "modules").glob("*/index.html"))[0]
    ours_bytes = len(gzip.compress(module.read_bytes(), 9)) + asset_weight()
    plain_page = plain / "modules" / module.parent.name / "index.html"
    return ours_bytes, len(gzip.compress(plain_page.read_bytes(), 9))


def pdf_ratio(repeat: int, work: Path) -> float:
    without = copy_course(work / "pdf") / "mkdocs.yml"
    with_pdfs = copy_course(work / "pdf-on") / "mkdocs.yml"
    rounds = timed_rounds(
        {
            "with": builder(with_pdfs, preview_like(with_pdfs, pdf=True), fresh_pdfs=True),
            "without": builder(without, preview_like(without, pdf=False)),
        },
        repeat,
    )
    return median_ratio(rounds, "with", "without")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 100, 300])
    parser.add_argument("--output", default=str(REPOSITORY / "BENCHMARKS.md"))
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for size in [None, *args.sizes]:
            figures = measure(size, args.repeat, work)
            name = "the course" if size is None else f"{size} modules"
            rows.append((name, figures))
            print(name, {k: round(v, 3) for k, v in figures.items()}, flush=True)
        ours_page, plain_page = page_weights(work)
        pdfs = pdf_ratio(args.repeat, work)
    assets = asset_weight()
    lines = [
        "# Benchmarks",
        "",
        "Made by `bash benchmarks/run.sh` (which runs `python benchmarks/run.py`) on a machine "
        f"with {os.cpu_count()} cores. Every figure is a ratio or share from that one run: "
        f"the median over {args.repeat} rounds, in each of which our build and the plain build "
        "run in turn, after one warm-up round; our step is the time spent in our plugin's "
        "event handlers during our build. The plain side is the same text as Markdown "
        "pages: one for each page we make, holding every course text that page shows (each "
        "one-line text that heads others as a heading, every other text as a paragraph), "
        "and the hand-written pages with the texts their markers show in their place, built "
        "with the same `mkdocs.yml` less our plugin. PDFs and Material's offline plugin are "
        "off in the build comparisons, as for a preview; the PDFs' cost is the last table.",
        "",
        "## Build time against the same text as plain Markdown (Material, search)",
        "",
        "| content | our build ÷ plain build | our load-and-render share of our build |",
        "| --- | --- | --- |",
    ]
    for name, f in rows:
        lines.append(f"| {name} | {f['ratio']:.2f} | {f['share']:.1%} |")
    lines += [
        "",
        "Targets: whole-build ratio at most 1.15; our step at most 10% of the build.",
        "",
        "## Weight",
        "",
        "| what | gzipped |",
        "| --- | --- |",
        f"| our JavaScript and CSS, all of it | {assets / 1024:.1f} KB (target: at most 10 KB) |",
        "| a module page with our assets ÷ the same page as plain Markdown "
        f"| {ours_page / plain_page:.2f} |",
        "",
        "## PDFs",
        "",
        f"Building with the worksheet PDFs and the facilitator's pack takes {pdfs:.2f} times the "
        "time of the same build without them (`pdf: false`).",
        "",
    ]
    Path(args.output).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
