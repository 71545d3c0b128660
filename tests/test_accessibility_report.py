"""docs/accessibility.md, the conformance report, keeps in step with WCAG 2.2 and the tests."""

from __future__ import annotations

import ast
import re

from helpers import REPOSITORY

REPORT = REPOSITORY / "docs/accessibility.md"
CONFORMANCE = {"Supports", "Partially supports", "Does not support", "Not applicable"}
# WCAG 2.2's success criteria at levels A and AA (4.1.1 Parsing is obsolete in 2.2).
CRITERIA = {
    "A": [
        "1.1.1",
        "1.2.1",
        "1.2.2",
        "1.2.3",
        "1.3.1",
        "1.3.2",
        "1.3.3",
        "1.4.1",
        "1.4.2",
        "2.1.1",
        "2.1.2",
        "2.1.4",
        "2.2.1",
        "2.2.2",
        "2.3.1",
        "2.4.1",
        "2.4.2",
        "2.4.3",
        "2.4.4",
        "2.5.1",
        "2.5.2",
        "2.5.3",
        "2.5.4",
        "3.1.1",
        "3.2.1",
        "3.2.2",
        "3.2.6",
        "3.3.1",
        "3.3.2",
        "3.3.7",
        "4.1.2",
    ],
    "AA": [
        "1.2.4",
        "1.2.5",
        "1.3.4",
        "1.3.5",
        "1.4.3",
        "1.4.4",
        "1.4.5",
        "1.4.10",
        "1.4.11",
        "1.4.12",
        "1.4.13",
        "2.4.5",
        "2.4.6",
        "2.4.7",
        "2.4.11",
        "2.5.7",
        "2.5.8",
        "3.1.2",
        "3.2.3",
        "3.2.4",
        "3.3.3",
        "3.3.4",
        "3.3.8",
        "4.1.3",
    ],
}
# - **1.1.1 Non-text content** (A). **Supports.** How it does. *Checked by:* the tests.
ROW = re.compile(
    r"^- \*\*(?P<number>\d\.\d+\.\d+) [^*]+\*\* \((?P<level>A|AA)\)\. "
    r"\*\*(?P<conformance>[^*]+)\.\*\* (?P<how>.+?) \*Checked by:\* (?P<checks>.+)$",
    re.M,
)
TEST = re.compile(r"`(?P<file>tests/[\w/]+\.py)::(?P<name>test_\w+)`")


def rows() -> list[re.Match[str]]:
    return list(ROW.finditer(REPORT.read_text(encoding="utf-8")))


def test_every_a_and_aa_criterion_is_reported_once_at_its_level() -> None:
    reported = [(row["number"], row["level"]) for row in rows()]
    expected = [(number, level) for level, numbers in CRITERIA.items() for number in numbers]
    assert sorted(reported) == sorted(expected)
    assert {row["conformance"].strip() for row in rows()} <= CONFORMANCE


def test_every_test_the_report_names_exists() -> None:
    missing, unchecked = [], []
    for row in rows():
        named = list(TEST.finditer(row["checks"]))
        if not named and "by hand" not in row["checks"].lower():
            unchecked.append(row["number"])
        for test in named:
            path = REPOSITORY / test["file"]
            functions = (
                {
                    node.name
                    for node in ast.walk(ast.parse(path.read_text()))
                    if isinstance(node, ast.FunctionDef)
                }
                if path.is_file()
                else set()
            )
            if test["name"] not in functions:
                missing.append(f"{row['number']}: {test['file']}::{test['name']}")
    assert missing == [] and unchecked == []
