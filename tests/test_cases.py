"""The course format's rules as golden cases: each file under tests/cases/ holds an input and
the exact messages an author reads for it (see tests/cases/README.md). A new rule needs one
new case file and no Python.

- cases/load/*.yml: files written into, or edited in, a copy of the sample course, which is
  then loaded as a build loads it;
- cases/yaml/*.yml: the text of one content file, read on its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sidebyside.errors import ContentError
from sidebyside.load import load_course
from sidebyside.yamlsource import read_document

from helpers import SAMPLE

CASES = Path(__file__).parent / "cases"
KINDS = ("load", "yaml")
KEYS = {
    "load": {"rule", "files", "expect"},
    "yaml": {"rule", "yaml", "encoding", "expect", "data"},
}
FILE_KEYS = {"from", "text", "encoding", "edit"}
YAML_FILE = "modules/x.yml"  # where a yaml case's text is read from, as messages name it


def case_files() -> list[Path]:
    found = sorted(path for kind in KINDS for path in (CASES / kind).glob("*.yml"))
    names = [path.stem for path in found]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert not duplicates, f"case names must differ across folders: {duplicates}"
    return found


def read_case(path: Path) -> dict[str, Any]:
    """A case file, checked for its shape, so a misspelt key fails rather than passes."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    kind = path.parent.name
    assert isinstance(case, dict), f"{path.name}: a case is a mapping of keys"
    assert set(case) <= KEYS[kind], f"{path.name}: unknown keys {sorted(set(case) - KEYS[kind])}"
    assert isinstance(case.get("rule"), str) and case["rule"].strip(), f"{path.name}: no rule"
    expect = case.get("expect")
    assert isinstance(expect, list), f"{path.name}: 'expect' is a list of messages ([] if valid)"
    assert all(isinstance(message, str) for message in expect), f"{path.name}: 'expect' is text"
    assert "data" not in case or expect == [], f"{path.name}: 'data' is for a valid input"
    return case


def replace(text: str, old: str, new: str) -> str:
    """``text`` with its first ``old`` replaced by ``new``. An ``old`` that ends a line (a
    ``|`` block) is whole lines, found at the indentation they have in the file; ``new`` is
    written at that same indentation."""
    if not old.endswith("\n"):
        assert old in text, f"{old!r} is not in the file"
        return text.replace(old, new, 1)
    assert new == "" or new.endswith("\n"), f"{new!r}: lines replace lines; end with a newline"
    for indent in range(0, 80, 2):
        pad = " " * indent

        def indented(block: str, pad: str = pad) -> str:
            return "".join(pad + line if line.strip() else line for line in block.splitlines(True))

        found = re.search("^" + re.escape(indented(old)), text, re.MULTILINE)
        if found:
            return text[: found.start()] + indented(new) + text[found.end() :]
    raise AssertionError(f"the lines {old!r} are not in the file, at any indentation")


def write_files(course: Path, files: dict[str, Any]) -> None:
    """Give each named file of ``course`` its text, or delete it (``null``)."""
    for name, given in files.items():
        path = course / name
        if given is None:
            assert path.exists(), f"{name} is not in the sample course, so cannot be deleted"
            path.unlink()
            continue
        spec = {"text": given} if isinstance(given, str) else given
        assert isinstance(spec, dict), f"{name}: give text, null, or a mapping"
        assert set(spec) <= FILE_KEYS, f"{name}: unknown keys {sorted(set(spec) - FILE_KEYS)}"
        assert not ("text" in spec and "from" in spec), f"{name}: give 'text' or 'from', not both"
        if "text" in spec:
            text = spec["text"]
        else:
            original = SAMPLE / spec.get("from", name)
            assert original.is_file(), f"{name}: no {original.relative_to(SAMPLE)} in the sample"
            text = original.read_text(encoding="utf-8")
        for change in spec.get("edit", []):
            assert set(change) == {"old", "new"}, f"{name}: an edit is 'old' and 'new'"
            text = replace(text, change["old"], change["new"] or "")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(spec.get("encoding", "utf-8")))


def load_messages(course: Path, case: dict[str, Any]) -> list[str]:
    write_files(course, case.get("files") or {})
    try:
        load_course(course)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def yaml_messages(case: dict[str, Any]) -> list[str]:
    assert isinstance(case.get("yaml"), str), "a yaml case gives the file's text as 'yaml'"
    raw = case["yaml"].encode(case.get("encoding", "utf-8"))
    try:
        document = read_document(YAML_FILE, raw)
    except ContentError as found:
        return [str(problem) for problem in found.problems]
    if "data" in case:
        assert document.data == case["data"]
    return []


@pytest.mark.parametrize("path", case_files(), ids=lambda path: path.stem)
def test_case(path: Path, request: pytest.FixtureRequest) -> None:
    case = read_case(path)
    if path.parent.name == "load":
        found = load_messages(request.getfixturevalue("course"), case)
    else:
        found = yaml_messages(case)
    assert found == case["expect"]
