"""Loading a whole course. The course format's rules, each with the exact messages an author
reads, are golden cases in tests/cases/load/ (run by tests/test_cases.py). What stays here
asserts more than messages: the loaded course itself."""

from __future__ import annotations

from pathlib import Path

from sidebyside.load import load_course


def test_sample_course_loads_in_order(course: Path) -> None:
    loaded = load_course(course)
    assert [m.id for m in loaded.modules] == ["first-steps"]
    assert list(loaded.scenarios) == ["late-for-the-bus"]
    assert list(loaded.worksheets) == ["starter-agreement"]
    assert loaded.module_of("late-for-the-bus", "scenarios") is loaded.modules[0]
    assert [block.kind for block in loaded.worksheets["starter-agreement"].blocks] == [
        "fields",
        "matrix",
        "prompts",
        "checklist",
        "signatures",
    ]
