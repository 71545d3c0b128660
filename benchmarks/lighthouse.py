"""Lighthouse scores of the built course: home, a module and a worksheet page.

    python benchmarks/lighthouse.py [--output BENCHMARKS.md]

Runs npm's `lighthouse` (installed by `npm install`) with Debian's chromium against the site
served on loopback, and appends the scores to the benchmarks file.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "tests"))

from helpers import QuietHandler, build_site, serve  # noqa: E402

PAGES = {
    "home": "index.html",
    "module": "modules/define-roles.html",
    "worksheet": "worksheets/role-agreement.html",
}
CATEGORIES = ["performance", "accessibility", "best-practices"]
RUNS = 5  # Lighthouse's simulated timings vary from run to run: report each page's median
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


class _StaticHost(QuietHandler):
    """Serves files as a typical static host does: gzip for text, and a cache lifetime."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        compressible = path.endswith((".html", ".css", ".js", ".json", ".svg"))
        if not compressible or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        try:
            with open(path, "rb") as file:
                body = gzip.compress(file.read(), 6)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def scores(url: str, report: Path) -> dict[str, float]:
    subprocess.run(
        [
            str(REPOSITORY / "node_modules/.bin/lighthouse"),
            url,
            "--chrome-path=/usr/bin/chromium",
            f"--chrome-flags={FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
    )
    categories = json.loads(report.read_text())["categories"]
    return {name: categories[name]["score"] for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(REPOSITORY / "BENCHMARKS.md"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = build_site(REPOSITORY, Path(folder) / "site")
        base, server = serve(site, _StaticHost)
        try:
            results = {}
            for name, path in PAGES.items():
                runs = [
                    scores(f"{base}/{path}", Path(folder) / f"{name}.json") for _ in range(RUNS)
                ]
                results[name] = {c: statistics.median(run[c] for run in runs) for c in CATEGORIES}
        finally:
            server.shutdown()
    lines = [
        "",
        "## Lighthouse",
        "",
        "`python benchmarks/lighthouse.py`: npm's lighthouse (its default mobile profile, "
        "simulated throttling) with Debian's chromium, the site served on loopback the way a "
        "static host serves it (gzip, a cache lifetime). Targets: accessibility 1.0, "
        f"performance at least 0.95. Each score is the median of {RUNS} runs.",
        "",
        "| page | performance | accessibility | best practices |",
        "| --- | --- | --- | --- |",
    ]
    for name, found in results.items():
        lines.append(
            f"| {name} ({PAGES[name]}) | {found['performance']:.2f} | "
            f"{found['accessibility']:.2f} | {found['best-practices']:.2f} |"
        )
    with open(args.output, "a", encoding="utf-8") as output:
        output.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
