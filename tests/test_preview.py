"""Live preview: a real `mkdocs serve` shows content errors on the page and recovers."""

from __future__ import annotations

import contextlib
import io
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_pdf import enable_pdfs

from helpers import add_drafts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(check: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError("the preview did not reach the expected state")


def make_strict(course: Path) -> None:
    """As the shipped mkdocs.yml is: every warning fails a build."""
    config = course / "mkdocs.yml"
    config.write_text("strict: true\n" + config.read_text())


@contextlib.contextmanager
def mkdocs_serve(course: Path, log: Path) -> Iterator[str]:
    """A real `mkdocs serve` of ``course``, printing to ``log``; yields its base URL."""
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=course,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=20)


@pytest.fixture
def preview(course: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    log = tmp_path / "serve.log"
    with mkdocs_serve(course, log) as base:
        yield base, log


def test_errors_show_in_terminal_and_page_then_recover(
    course: Path, preview: tuple[str, Path]
) -> None:
    base, log = preview
    page = base + "modules/first-steps/"
    wait_for(lambda: "First steps together" in fetch(page))

    module = course / "modules/first-steps.yml"
    good = module.read_text()
    module.write_text(good.replace("minutes: 10", "minutes: ten"))
    message = "modules/first-steps.yml:4:10: minutes: expected a whole number, got &#x27;ten&#x27;"
    wait_for(lambda: message in fetch(page))
    assert "The course content has problems" in fetch(page)
    assert "First steps together" in fetch(page)  # the last good version stays readable
    assert "modules/first-steps.yml:4:10: minutes: expected a whole number" in log.read_text()

    module.write_text(good.replace("First steps together", "First steps, together"))
    wait_for(lambda: "First steps, together" in fetch(page))
    assert "The course content has problems" not in fetch(page)


def test_a_strict_preview_shows_problems_without_hanging(
    course: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    make_strict(course)
    base, log = request.getfixturevalue("preview")
    page = base + "modules/first-steps/"
    wait_for(lambda: "First steps together" in fetch(page))
    module = course / "modules/first-steps.yml"
    good = module.read_text()
    module.write_text(good.replace("minutes: 10", "minutes: ten"))
    saved = time.monotonic()
    message = "modules/first-steps.yml:4:10: minutes: expected a whole number"
    wait_for(lambda: message in fetch(page), seconds=10)
    assert time.monotonic() - saved < 10
    for path in ("", "notes/", "scenarios/late-for-the-bus/"):
        started = time.monotonic()
        html = fetch(base + path)
        assert message in html and time.monotonic() - started < 3
    assert "Aborted" not in log.read_text()
    module.write_text(good.replace("First steps together", "First steps, together"))
    wait_for(lambda: "First steps, together" in fetch(page), seconds=10)
    assert "The course content has problems" not in fetch(page)


def test_a_preview_started_with_a_broken_file_explains(course: Path, tmp_path: Path) -> None:
    make_strict(course)
    module = course / "modules/first-steps.yml"
    good = module.read_text()
    module.write_text(good.replace("minutes: 10", "minutes: ten"))
    log = tmp_path / "serve.log"
    with mkdocs_serve(course, log) as base:
        message = "modules/first-steps.yml:4:10: minutes: expected a whole number"
        wait_for(lambda: message in fetch(base))
        module_page = fetch(base + "modules/first-steps/")
        assert message in module_page
        assert "It appears here as soon as they are fixed" in " ".join(module_page.split())
        printed = log.read_text()
        assert message in printed
        assert "\nWARNING" not in printed and "\nINFO    -  The following pages" not in printed
        module.write_text(good)
        wait_for(lambda: "First steps together" in fetch(base + "modules/first-steps/"))
        assert message not in fetch(base)


def test_a_draft_is_previewed_with_a_banner(course: Path, tmp_path: Path) -> None:
    add_drafts(course)
    with mkdocs_serve(course, tmp_path / "serve.log") as base:
        page = base + "scenarios/half-written-scenario/"
        wait_for(lambda: "Half-written scenario" in fetch(page))
        text = fetch(page)
        assert "This page is a draft. It shows in this preview only" in text
        assert "Draft" in text.split("<h1")[1].split("</h1>")[1][:400]  # under the title
        assert "half-written-scenario/" in fetch(base + "modules/first-steps/")
        assert "This page is a draft" not in fetch(base + "scenarios/late-for-the-bus/")


def pdf_text(url: str) -> str:
    from pypdf import PdfReader

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            reader = PdfReader(io.BytesIO(response.read()))
    except OSError:
        return ""
    return "\n".join(page.extract_text() for page in reader.pages)


def test_a_save_never_waits_for_the_pdfs_which_follow(course: Path, tmp_path: Path) -> None:
    enable_pdfs(course)
    with mkdocs_serve(course, tmp_path / "serve.log") as base:
        pack = base + "downloads/facilitator-pack.pdf"
        wait_for(lambda: "First steps together" in pdf_text(pack), seconds=90)
        module = course / "modules/first-steps.yml"
        module.write_text(module.read_text().replace("First steps together", "First steps, now"))
        wait_for(lambda: "First steps, now" in fetch(base + "modules/first-steps/"))
        # The page came first, with the last pack; the new pack replaces it once it is made.
        wait_for(lambda: "First steps, now" in pdf_text(pack), seconds=60)
        log = (tmp_path / "serve.log").read_text()
        assert "Remaking" not in log and "Error" not in log
