"""Reading YAML safely, with the position of every value.

What a content file's text is told, message by message, is golden cases in tests/cases/yaml/
(run by tests/test_cases.py). What stays here asserts more than messages: the positions
read, and that hostile input (an alias bomb, nesting thousands deep) is refused quickly,
in bounded memory, without exhausting the stack."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from sidebyside.errors import ContentError
from sidebyside.yamlsource import read_document


def problem_of(raw: bytes) -> str:
    with pytest.raises(ContentError) as caught:
        read_document("modules/x.yml", raw)
    [problem] = caught.value.problems
    return str(problem)


def test_positions_of_values_and_keys() -> None:
    document = read_document("m.yml", b"title: Hi\nquiz:\n  - prompt: Why?\n    type: single\n")
    assert document.data == {"title": "Hi", "quiz": [{"prompt": "Why?", "type": "single"}]}
    assert document.positions.of_value(("title",)) == (1, 8)
    assert document.positions.of_key(("quiz", 0, "type")) == (4, 5)
    assert document.positions.of_value(("quiz", 0, "type")) == (4, 11)
    # A path that is not in the file points at its nearest existing parent.
    assert document.positions.of_value(("quiz", 0, "options")) == (3, 5)


def test_alias_bomb_is_refused_quickly_with_bounded_memory() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    bomb = ("\n".join(lines) + "\n").encode()
    tracemalloc.start()
    started = time.perf_counter()
    message = problem_of(bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert message == (
        "modules/x.yml:2:8: aliases ('*name') are not allowed in course files; "
        "write the value out in full"
    )
    assert elapsed < 0.5
    assert peak < 5_000_000


def test_deep_nesting_is_refused() -> None:
    assert problem_of(b"[" * 5000 + b"]" * 5000) == (
        "modules/x.yml:1:41: the content is nested more than 40 levels deep; check the indentation"
    )


def test_deep_block_nesting_gets_the_same_message() -> None:
    deep = b"".join(b"  " * level + b"- \n" for level in range(1200))
    assert problem_of(deep) == (
        "modules/x.yml:41:81: the content is nested more than 40 levels deep; check the indentation"
    )
