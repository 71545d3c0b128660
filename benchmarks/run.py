"""Build benchmarks: our build against the same text as plain Markdown, in one run.

    python benchmarks/run.py [--repeat 3] [--sizes 20 100 300] [--output BENCHMARKS.md]

Every figure is a ratio or a share measured in this one run, on this machine; the median of
``--repeat`` builds is taken for each side. Nothing here is run by the tests.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import os
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

REPOSITORY = Path(__file__).resolve().parent.parent
# The hand-written pages, and the snippets mkdocs.yml appends to each (found from the
# folder a build runs in, as pymdownx.snippets looks for them).
HAND_WRITTEN = ("docs", "includes")
sys.path.insert(0, str(REPOSITORY / "src"))

from sidebyside.load import load_course  # noqa: E402
from sidebyside.plugin import SCRIPTS, STYLESHEETS, SideBySidePlugin, asset  # noqa: E402
from sidebyside.render import FACILITATOR_NOTES, MODULE_LIST  # noqa: E402


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


def plain_markdown(course_root: Path, target: Path) -> Path:
    """The same text as plain Markdown pages: what an author would write without the toolkit,
    one page for each page the toolkit makes, built with the same MkDocs configuration less
    our plugin."""
    course = load_course(course_root)
    docs = target / "docs"
    target.mkdir(parents=True)
    for name in HAND_WRITTEN:
        shutil.copytree(course_root / name, target / name)
    home = [
        f"1. [{m.title}](modules/{m.id}.md), {m.minutes} minutes: {' '.join(m.summary.split())}"
        for m in course.modules
    ]
    notes = []
    for module in course.modules:
        if module.facilitator:
            notes += [f"### {module.title}", "", module.facilitator.notes, ""]
            notes += [f"- {activity}" for activity in module.facilitator.activities] + [""]
    for page, marker, text in (
        ("index.md", MODULE_LIST, home),
        ("facilitator-guide.md", FACILITATOR_NOTES, notes),
    ):
        source = docs / page
        source.write_text(source.read_text().replace(marker, "\n".join(text)))
    for module in course.modules:
        lines = [f"# {module.title}", "", module.summary, "", "## Objectives", ""]
        lines += [f"- {o}" for o in module.objectives]
        for section in module.sections:
            lines += ["", f"## {section.heading}", "", section.body]
        lines += ["", "## Key points", "", *[f"- {p}" for p in module.key_points]]
        lines += ["", "## Reflect", "", *[f"1. {p}" for p in module.reflect]]
        lines += ["", "## Check yourself", ""]
        for question in module.quiz:
            lines += ["", question.prompt, ""]
            lines += [f"- {o.text} — {o.feedback}" for o in question.options]
            lines += ["", question.explanation]
        (docs / "modules").mkdir(exist_ok=True)
        (docs / "modules" / f"{module.id}.md").write_text("\n".join(lines), encoding="utf-8")
    for scenario in course.scenarios.values():
        lines = [f"# {scenario.title}", "", scenario.situation, "", scenario.prompt]
        for response in scenario.responses:
            lines += ["", f"## {response.verdict}: {response.label}", ""]
            lines += [
                f"**{scenario.characters[line.who]}:** {line.says}\n" for line in response.lines
            ]
            lines += [response.why]
        lines += ["", "| Bad | Good |", "| --- | --- |"]
        lines += [f"| {row.bad} | {row.good} |" for row in scenario.contrast]
        lines += ["", *[f"1. {q}" for q in scenario.discuss]]
        lines += ["", *[f"{card}\n" for card in scenario.roleplay.values()]]
        (docs / "scenarios").mkdir(exist_ok=True)
        (docs / "scenarios" / f"{scenario.id}.md").write_text("\n".join(lines), encoding="utf-8")
        # The same print views the toolkit makes: role-play cards and a discussion sheet.
        cards = [f"# Cards: {scenario.title}", ""]
        for key, card in scenario.roleplay.items():
            cards += [f"## {scenario.characters[key]}", "", scenario.situation, "", card, ""]
        (docs / "scenarios" / f"{scenario.id}-cards.md").write_text("\n".join(cards))
        sheet = [f"# Discussion: {scenario.title}", "", scenario.situation, "", scenario.prompt]
        sheet += ["", "| Bad | Good |", "| --- | --- |"]
        sheet += [f"| {row.bad} | {row.good} |" for row in scenario.contrast]
        sheet += ["", *[f"1. {q}" for q in scenario.discuss]]
        (docs / "scenarios" / f"{scenario.id}-discussion.md").write_text("\n".join(sheet))
    cards_index = ["# Role-play cards and discussion sheets", "", "| Scenario | Cards | Sheet |"]
    cards_index += ["| --- | --- | --- |"]
    cards_index += [
        f"| {s.title} | [Cards](scenarios/{s.id}-cards.md) | "
        f"[Sheet](scenarios/{s.id}-discussion.md) |"
        for s in course.scenarios.values()
    ]
    (docs / "role-play-cards.md").write_text("\n".join(cards_index), encoding="utf-8")
    index = ["# Scenarios", "", "| Scenario | Raised by |", "| --- | --- |"]
    index += [f"| [{s.title}]({s.id}.md) | {s.raised_by} |" for s in course.scenarios.values()]
    (docs / "scenarios" / "index.md").write_text("\n".join(index), encoding="utf-8")
    notes = ["# My notes", ""]
    for module in course.modules:
        notes += [f"## {module.title}", "", *[f"1. {p}" for p in module.reflect], ""]
    (docs / "notes.md").write_text("\n".join(notes), encoding="utf-8")
    certificate = ["# Certificate", "", *[f"1. {m.title}" for m in course.modules]]
    (docs / "certificate.md").write_text("\n".join(certificate), encoding="utf-8")
    for worksheet in course.worksheets.values():
        lines = [f"# {worksheet.title}", "", worksheet.purpose]
        for block in worksheet.blocks:
            value = getattr(block, block.kind)
            items = [r for g in value.groups for r in g.rows] if block.kind == "matrix" else value
            lines += ["", *[f"- {item.text}" for item in items]]
        (docs / "worksheets").mkdir(exist_ok=True)
        (docs / "worksheets" / f"{worksheet.id}.md").write_text("\n".join(lines), encoding="utf-8")
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
    config_file: Path, plugins: list[PluginEntry], clock: StepClock | None = None
) -> Callable[[], None]:
    """A build of ``config_file`` with its plugins as ``plugins`` say."""

    def run() -> None:
        config = load_config(str(config_file), plugins=copy.deepcopy(plugins))
        if clock is not None:
            clock.watch(config)
        build(config)

    return run


def preview_like(config_file: Path, pdf: bool = False) -> list[PluginEntry]:
    """The file's plugins as for a preview: our PDFs as ``pdf`` says, Material's offline
    plugin off (on both sides of a comparison alike)."""
    off = {"enabled": False}
    options: dict[str, dict[str, Any]] = {"offline": off, "material/offline": off}
    ours = our_name(config_file)
    if ours is not None:
        options[ours] = {"pdf": pdf}
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
    return sum(len(gzip.compress(asset(name).encode(), 9)) for name in SCRIPTS + STYLESHEETS)


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
            "with": builder(with_pdfs, preview_like(with_pdfs, pdf=True)),
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
        "event handlers during our build. The plain side is the same "
        "text as Markdown pages (quiz options with their feedback as lists, dialogue as "
        "paragraphs, the generated lists written into the home page and the facilitator "
        "guide) built with the same `mkdocs.yml` less our plugin. PDFs are off in the build "
        "comparisons, as for a preview; their cost is the last table.",
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
