"""Save-to-preview time: an author saves one module and waits for the open page to show it.

Our preview (`mkdocs serve` with the plugin, PDFs on, as shipped) against the same edit in
plain MkDocs serving the same text as Markdown pages, in one run: each round saves once on
each side and times until the served page holds the new words. Prints the median ratio.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from run import copy_course, plain_markdown

MODULE = "define-roles"
TITLE = "Define clear roles"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, words: str, limit: float = 120) -> float:
    """Seconds until the page at ``url`` holds ``words``."""
    started = time.monotonic()
    while words not in page(url):
        if time.monotonic() - started > limit:
            raise SystemExit(f"{url} never showed {words!r}")
        time.sleep(0.05)
    return time.monotonic() - started


class Preview:
    """A real `mkdocs serve` of ``root``; ``save`` edits the module's title on disk."""

    def __init__(self, root: Path, source: Path, url_path: str) -> None:
        self.source, port = source, free_port()
        self.url = f"http://127.0.0.1:{port}/{url_path}"
        self.server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.url, TITLE)

    def save_and_wait(self, round_number: int) -> float:
        text = self.source.read_text(encoding="utf-8")
        words = f"{TITLE} (draft {round_number})"
        self.source.write_text(text.replace(TITLE, words, 1), encoding="utf-8")
        seconds = wait_for(self.url, words)
        self.source.write_text(text, encoding="utf-8")
        wait_for(self.url, f"{TITLE}</h1>")
        return seconds

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)


def main(rounds: int = 5) -> float:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        ours_root = copy_course(work / "ours")
        plain_root = plain_markdown(ours_root, work / "plain")
        ours = Preview(ours_root, ours_root / "modules" / f"{MODULE}.yml", f"modules/{MODULE}.html")
        plain = Preview(
            plain_root, plain_root / "docs/modules" / f"{MODULE}.md", f"modules/{MODULE}.html"
        )
        try:
            ratios, ours_times, plain_times = [], [], []
            for number in range(rounds):
                ours_times.append(ours.save_and_wait(number))
                plain_times.append(plain.save_and_wait(number))
                ratios.append(ours_times[-1] / plain_times[-1])
        finally:
            ours.close()
            plain.close()
    ratio = statistics.median(ratios)
    print(
        f"save-to-preview, one module edited: ours / plain MkDocs = {ratio:.2f} "
        f"(median of {rounds} rounds; {statistics.median(ours_times):.2f} s against "
        f"{statistics.median(plain_times):.2f} s)"
    )
    return ratio


if __name__ == "__main__":
    main()
