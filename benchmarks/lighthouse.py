"""Lighthouse scores of the built course: home, a module and a worksheet page.

    python benchmarks/lighthouse.py [--output BENCHMARKS.md]

Runs npm's `lighthouse` (installed by `npm install`) with Debian's chromium against the site
served on loopback, and appends the scores to the benchmarks file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "tests"))

from helpers import build_site, serve  # noqa: E402

PAGES = {
    "home": "index.html",
    "module": "modules/define-roles.html",
    "worksheet": "worksheets/role-agreement.html",
}
CATEGORIES = ["performance", "accessibility", "best-practices"]
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


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
        base, server = serve(site)
        try:
            results = {
                name: scores(f"{base}/{path}", Path(folder) / f"{name}.json")
                for name, path in PAGES.items()
            }
        finally:
            server.shutdown()
    lines = [
        "",
        "## Lighthouse",
        "",
        "`python benchmarks/lighthouse.py`, npm's lighthouse with Debian's chromium, the site "
        "served on loopback. Targets: accessibility 1.0, performance at least 0.95.",
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
