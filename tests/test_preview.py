"""Live preview: a real `mkdocs serve` shows content errors on the page and recovers."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


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


@pytest.fixture
def preview(course: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=course,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}/", log
        finally:
            server.terminate()
            server.wait(timeout=20)


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
