"""Helpers the tests share: real MkDocs builds, and serving a built site on loopback."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPOSITORY = Path(__file__).parent.parent
SAMPLE = Path(__file__).parent / "sample"  # a tiny course the tests copy, and break on purpose


def build_site(root: Path, site: Path | None = None, **overrides: Any) -> Path:
    """Build the course at ``root`` with a real, strict MkDocs run; return the site folder.

    As ``mkdocs build`` does: the plugins start up for the command 'build' (a clean build,
    so not dirty) before the build, and shut down after it, even when it fails."""
    site = site or root / "site"
    config = load_config(
        config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True, **overrides
    )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config, dirty=False)
    finally:
        config.plugins.on_shutdown()
    return site


# axe-core rules every page must pass: WCAG 2.0, 2.1 and 2.2 A and AA (2.2's tag turns on
# target-size), plus axe's best practices (which include naming dialogs).
AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}


def axe_report(page: Any) -> str:
    """axe-core's report of the page once its transitions have ended, or "" when nothing is
    wrong. (Mid-fade, text has a contrast it never keeps: Material's header title fades in.)"""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    result = Axe().run(page, options=AXE_RULES)
    return str(result.generate_report()) if result.violations_count else ""


def audit_pages(page: Any, base: str, paths: list[str]) -> tuple[dict[str, str], list[str]]:
    """Visit each page in a Playwright ``page``: axe reports by path, and requests elsewhere."""
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base) else elsewhere.append(r.url))
    failures = {}
    for path in paths:
        page.goto(base + path)
        if report := axe_report(page):
            failures[path] = report
    return failures, elsewhere


def course_pages(site: Path) -> list[str]:
    """Every page of a built site a learner can open, by its address from the site's root."""
    return sorted(
        "/" + path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if path.name != "404.html" and path.relative_to(site).parts[0] != "assets"
    )


def printed_sheets(page: Any, pdf: Path, paper: str = "Letter") -> list[str]:
    """Print a Playwright ``page`` to ``pdf`` on ``paper`` as Chromium does: each sheet's text."""
    from pypdf import PdfReader

    page.pdf(path=str(pdf), format=paper)
    return [sheet.extract_text() for sheet in PdfReader(pdf).pages]


def site_files(site: Path) -> dict[Path, bytes]:
    """Every file of a built site, by its path inside the site, with its bytes."""
    return {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def page_text(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging, and tells the browser to keep no copy: a page rebuilt
    within the second it was first fetched would otherwise come back "304 Not Modified"."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(
    folder: Path, handler_class: type[QuietHandler] = QuietHandler
) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``folder`` from a thread on a free loopback port; return its base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


class Site:
    """A sample course, built and served; rebuild() after editing its files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = build_site(root)
        self.base, self._server = serve(self.folder)

    def url(self, path: str) -> str:
        return self.base + path

    def rebuild(self) -> None:
        build_site(self.root)

    def close(self) -> None:
        self._server.shutdown()


def note_policy_violation(message: Any, errors: list[str]) -> None:
    """Playwright console handler: a script or request that the page's Content-Security-Policy
    refused is an error too."""
    if message.type == "error" and "Content Security Policy" in message.text:
        errors.append(message.text)


# Text that passes validation and still tries to run script or reach another host: every
# text field of a course can be filled with it (see ``fill_every_text``).
HOSTILE_TEXT = " ".join(
    [
        "<script>window.__ran=1</script>",
        '<img src=x onerror="window.__ran=1">',
        '"><svg onload=alert(1)>',
        "</textarea><script>alert(1)</script>",
        "'-alert(1)-'",
        '[ok](https://example.org "t\\" onmouseover=alert(1)")',
        "`<script>alert(1)</script>`",
        "javascript:alert(1)",
        "<!-- sidebyside-block 0 -->",
        "{{ 7*7 }} {% raw %}",
        "\u2028\u2029",
    ]
)


def fill_every_text(root: Path, text_for: Any) -> int:
    """Replace every text field of every content file under ``root`` with
    ``text_for(number, format)``; return how many fields were filled."""
    import yaml

    from sidebyside.load import content_files, load_file
    from sidebyside.model import texts

    filled = 0
    for path in content_files(root):
        shown = path.relative_to(root).as_posix()
        item = load_file(path.parent.name, shown, path.read_bytes()).item
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for location, _, format in texts(item):
            *parents, last = location
            target = container = data
            for step in parents:
                container, target = target, target[step]
            if isinstance(target, str):  # a worksheet line written as its text alone
                container[parents[-1]] = text_for(filled, format)
            else:
                target[last] = text_for(filled, format)
            filled += 1
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return filled


def problems(root: Path) -> list[str]:
    """The course at ``root`` must fail to load: every problem, as an author reads it."""
    import pytest

    from sidebyside.errors import ContentError
    from sidebyside.load import load_course

    with pytest.raises(ContentError) as caught:
        load_course(root)
    return [str(problem) for problem in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, which must hold it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_drafts(course: Path) -> None:
    """A second module and a second scenario, both drafts; the finished module links the
    draft scenario."""
    module = (course / "modules/first-steps.yml").read_text()
    draft = module.replace("title: First steps together", "title: Half-written module")
    (course / "modules/half-written.yml").write_text(
        "draft: true\n" + draft.replace("order: 1", "order: 2")
    )
    scenario = (course / "scenarios/late-for-the-bus.yml").read_text()
    draft = scenario.replace("title: Late for the bus", "title: Half-written scenario", 1)
    assert draft != scenario
    (course / "scenarios/half-written-scenario.yml").write_text("draft: true\n" + draft)
    edit(
        course / "modules/first-steps.yml",
        "scenarios: [late-for-the-bus]",
        "scenarios: [late-for-the-bus, half-written-scenario]",
    )


SESSION = """\
title: A 30-minute session
order: 1
audience: [teacher, ia]
minutes: 30
summary: For a *first* meeting of new pairs.

activities:
  - title: Welcome
    minutes: 5
    kind: welcome
    instructions: Read the ground rules aloud.
    materials: Ground rules on a chart
  - title: The bus scenario
    minutes: 15
    kind: scenario
    instructions: Read the situation, vote, then reveal.
    modules: [first-steps]
    scenarios: [late-for-the-bus]
  - title: Agree roles
    minutes: 10
    kind: worksheet
    instructions: Pairs fill in the starter agreement.
    worksheets: [starter-agreement]

follow_up: Pairs finish the agreement at home.
"""


def add_session(course: Path) -> Path:
    """A 30-minute session using the sample's module, scenario and worksheet."""
    (course / "sessions").mkdir(exist_ok=True)
    path = course / "sessions/short-session.yml"
    path.write_text(SESSION, encoding="utf-8")
    return path


def enable_pdfs(course: Path, paper: str = "letter") -> None:
    config = course / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "pdf: false", f"pdf: true\n      paper: {paper}\n      pack_guide: facilitator-guide.md"
        )
    )
    (course / "docs/facilitator-guide.md").write_text(GUIDE)
    add_session(course)


GUIDE = """# Facilitator guide

Print packs:

<!-- sidebyside:packs -->

## Session plans

<!-- sidebyside:session-plans -->

## Role-play

Try [the bus scenario](scenarios/late-for-the-bus.md), then
[agree who does what](worksheets/starter-agreement.md#who-does-what).

## Notes by module

<!-- sidebyside:facilitator-notes -->
"""


# How many sheets each of the course's worksheets may print on: two, except the two that
# hold a whole term's agreements and a full handover.
def sheets_at_most(worksheet: str) -> int:
    return {"role-agreement": 3, "handover-sheet": 3}.get(worksheet, 2)


LMS_RUNTIME = REPOSITORY / "node_modules/scorm-again/dist/scorm12.js"
LMS_HARNESS = Path(__file__).parent / "browser/lms-harness.html"


def make_package(root: Path, folder: Path) -> Path:
    """``sidebyside package scorm12`` of the course at ``root``, as package.zip in ``folder``,
    and unpacked under lms/package/, beside the LMS harness; returns the lms/ folder."""
    import shutil
    import zipfile

    from sidebyside.cli import main

    output = folder / "package.zip"
    config = str(root / "mkdocs.yml")
    assert main(["package", "scorm12", "--output", str(output), "--config", config]) == 0
    unpacked = folder / "lms" / "package"
    with zipfile.ZipFile(output) as package:
        package.extractall(unpacked)
    shutil.copy(LMS_RUNTIME, folder / "lms" / "scorm12.js")
    shutil.copy(LMS_HARNESS, folder / "lms" / "harness.html")
    return folder / "lms"


@contextlib.contextmanager
def watched_page(browser: Any, **context_options: Any) -> Iterator[Any]:
    """A page in a browser context of its own; on closing, any JavaScript error or request
    the Content-Security-Policy refused fails the test."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: note_policy_violation(message, errors))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def focused(locator: Any) -> bool:
    return bool(locator.evaluate("element => element === document.activeElement"))


def tab_to(page: Any, locator: Any, limit: int = 80) -> None:
    """Press Tab until ``locator`` has focus, as someone using the keyboard would."""
    for _ in range(limit):
        if focused(locator):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {locator}")


def stand_in_translation(english: str) -> str:
    """A stand-in translation of an English text, marked "[es] ", with the English's form:
    headings, list items, abbreviations and admonitions keep their marks."""
    match = re.match(r"^(#+ |- |\d+\. |\*\[[^\]]+\]: |!!! \w+ )", english)
    mark = match.group(0) if match else ""
    return mark + "[es] " + english[len(mark) :]


def translate_every_catalog(course: Path) -> None:
    """Fill every Spanish catalog of ``course`` as a translator would, each text given its
    stand-in translation and marked current."""
    from babel.messages.pofile import read_po, write_po

    for path in (course / "translations/es").rglob("*.po"):
        with path.open("rb") as file:
            catalog = read_po(file)
        for message in catalog:
            if message.id:
                message.string = stand_in_translation(str(message.id))
                message.flags.discard("fuzzy")
        with path.open("wb") as file:
            write_po(file, catalog, width=0, include_previous=True)
