"""Reading YAML safely, with the position of every value."""

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


def test_malformed_yaml() -> None:
    assert problem_of(b"title: [unclosed\n") == (
        "modules/x.yml:2:1: invalid YAML: did not find expected ',' or ']' "
        "(inside [...] or {...}, put any item holding ',', ':', '?' or '#' in quotes)"
    )


def test_control_character() -> None:
    assert problem_of(b"title: ok\nsummary: a\x00b\n") == (
        "modules/x.yml:2:11: the file holds a control character (U+0000) that YAML does not "
        "allow; delete it"
    )


def test_unsafe_python_tag() -> None:
    assert problem_of(b"title: !!python/object/apply:os.system [echo hi]\n") == (
        "modules/x.yml:1:8: the tag '!!python/object/apply:os.system' is not allowed; "
        "course files hold plain text, numbers and lists"
    )


def test_unknown_local_tag() -> None:
    assert problem_of(b"title: !include other.yml\n") == (
        "modules/x.yml:1:8: the tag '!include' is not allowed; "
        "course files hold plain text, numbers and lists"
    )


def test_non_utf8_bytes_point_at_the_byte() -> None:
    assert problem_of(b"title: ok\nsummary: caf\xe9\n") == (
        "modules/x.yml:2:13: this file is not UTF-8 text; save it as UTF-8"
    )


@pytest.mark.parametrize("raw", [b"", b"   \n\n", b"# only a comment\n"])
def test_empty_file(raw: bytes) -> None:
    assert problem_of(raw) == (
        "modules/x.yml:1:1: the file is empty; write the content or delete the file"
    )


def test_duplicate_key() -> None:
    assert problem_of(b"title: A\ntitle: B\n") == (
        "modules/x.yml:2:1: the key 'title' appears twice; keep one"
    )


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


def test_dates_stay_text() -> None:
    assert read_document("w.yml", b"when: 2024-09-01\n").data == {"when": "2024-09-01"}


def test_a_second_document_is_refused() -> None:
    assert problem_of(b"title: A\n---\ntitle: B\n") == (
        "modules/x.yml:2:1: the file holds a second YAML document (after '---'); keep one"
    )


def test_deep_block_nesting_gets_the_same_message() -> None:
    deep = b"".join(b"  " * level + b"- \n" for level in range(1200))
    assert problem_of(deep) == (
        "modules/x.yml:41:81: the content is nested more than 40 levels deep; check the indentation"
    )
