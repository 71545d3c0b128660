"""`sidebyside validate`: the same checks as the build, without building."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.cli import main


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
    assert main(["validate", "--root", str(root)]) == 0, capsys.readouterr().err
