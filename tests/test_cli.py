"""`sidebyside validate`: the same checks as the build, without building."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sidebyside.cli import main

from helpers import REPOSITORY, edit


def test_valid_course_exits_zero(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(course)]) == 0
    assert capsys.readouterr().out == ("The course is valid: 1 module, 1 scenario, 1 worksheet.\n")


def test_problems_exit_one_with_the_list(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (course / "modules/first-steps.yml").write_text("title: Hi\nobjetives: []\n")
    (course / "scenarios/late-for-the-bus.yml").write_bytes(b"\xff\xfe")
    assert main(["validate", "--root", str(course)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        "modules/first-steps.yml:2:1: unknown key 'objetives' — did you mean 'objectives'?" in err
    )
    assert (
        "scenarios/late-for-the-bus.yml:1:1: this file is not UTF-8 text; save it as UTF-8" in err
    )
    assert len(err) == 9 and err[-1] == "8 problems in the course content."


def test_the_repository_course_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).parent.parent
    assert main(["validate", "--strict", "--root", str(root)]) == 0, capsys.readouterr().err


def test_drafts_are_validated_and_named(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = course / "scenarios/late-for-the-bus.yml"
    scenario.write_text("draft: true\n" + scenario.read_text())
    assert main(["validate", "--root", str(course)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "1 draft (late-for-the-bus): previewed by mkdocs serve, left out of mkdocs build until "
        "'draft: true' is removed."
    )
    scenario.write_text(scenario.read_text().replace("verdict: bad", "verdict: awful", 1))
    assert main(["validate", "--root", str(course)]) == 1  # a draft is checked all the same


def readme_example() -> tuple[list[tuple[str, str, str]], str]:
    """The README's example of `sidebyside validate` finding problems: the edits that cause
    them, as the comment above the block gives them, and the output shown."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    edits = re.findall(r"^<!-- example edit: (\S+) '(.+?)' -> '(.+?)' -->$", readme, re.M)
    shown = readme.split("for example:")[1].split("```text\n")[1].split("```")[0]
    return edits, shown


def test_the_readme_example_is_what_validate_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edits, shown = readme_example()
    assert edits, "the README names the edits behind its example"
    root = tmp_path / "course"
    for folder in ("modules", "scenarios", "worksheets"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    for path, old, new in edits:
        edit(root / path, old, new)
    assert main(["validate", "--root", str(root)]) == 1
    assert capsys.readouterr().err == shown
