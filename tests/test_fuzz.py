"""Property-based tests: whatever an author saves, the loader answers with its own error at
the right place, and what it accepts renders and builds with no script or outside address.

The tests run 600 examples each; `bash benchmarks/run.sh` runs many more through
SIDEBYSIDE_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import os
import re
import shutil
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sidebyside.errors import ContentError
from sidebyside.load import load_course, load_file
from sidebyside.model import Module
from sidebyside.text import SafeMarkdown
from sidebyside.urls import browser_reading

from helpers import SAMPLE, build_site

EXAMPLES = int(os.environ.get("SIDEBYSIDE_FUZZ_EXAMPLES", "600"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = {
    kind: yaml.safe_load((SAMPLE / kind / name).read_text())
    for kind, name in [
        ("modules", "first-steps.yml"),
        ("scenarios", "late-for-the-bus.yml"),
        ("worksheets", "starter-agreement.yml"),
    ]
}
KINDS = st.sampled_from(sorted(VALID))


def check(kind: str, raw: bytes) -> None:
    """The loader either accepts the file or raises ContentError with located problems."""
    try:
        load_file(kind, f"{kind}/fuzzed.yml", raw)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == f"{kind}/fuzzed.yml"
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid file with one to three keys dropped, renamed or given a value of another type."""
    kind = draw(KINDS)
    data = yaml.safe_load(yaml.safe_dump(VALID[kind]))
    for _ in range(draw(st.integers(1, 3))):
        candidates = paths(data)
        if not candidates:
            break
        path = draw(st.sampled_from(candidates))
        parent, last = parent_of(data, path), path[-1]
        action = draw(st.sampled_from(["drop", "rename", "retype"]))
        if action == "drop":
            del parent[last]
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(last)
        else:
            parent[last] = draw(VALUES)
    return kind, yaml.safe_dump(data, allow_unicode=True).encode()


@FUZZ
@given(mutated())
def test_mutated_valid_files(case: tuple[str, bytes]) -> None:
    check(*case)


@FUZZ
@given(KINDS, VALUES)
def test_random_yaml(kind: str, value: Any) -> None:
    check(kind, yaml.safe_dump(value, allow_unicode=True).encode())


@FUZZ
@given(KINDS, st.binary(max_size=300))
def test_random_bytes(kind: str, raw: bytes) -> None:
    check(kind, raw)


@FUZZ
@given(KINDS, st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@ \n\t?,")), max_size=80))
def test_random_yaml_syntax(kind: str, text: str) -> None:
    check(kind, text.encode())


# --- The slips authors make, in the text they write ----------------------------------------

SAMPLE_TEXT = {
    kind: (SAMPLE / kind / name).read_text()
    for kind, name in [
        ("modules", "first-steps.yml"),
        ("scenarios", "late-for-the-bus.yml"),
        ("worksheets", "starter-agreement.yml"),
    ]
}
# Key lines of the sample files ("  key: value", list dashes included), by kind.
KEY_LINES = {
    kind: [n for n, line in enumerate(text.splitlines()) if ": " in line and "#" not in line]
    for kind, text in SAMPLE_TEXT.items()
}


def slip(line: str, how: str) -> str:
    indent = len(line) - len(line.lstrip(" -"))
    key, _, value = line[indent:].partition(": ")
    if how == "tab":
        return line[:indent] + "\t" + line[indent:]
    if how == "near-miss key":
        return line[:indent] + key[:-1] + key[-1] * 2 + ": " + value
    if how == "indent one more":
        return " " + line
    return line


@st.composite
def slipped(draw: st.DrawFn) -> tuple[str, bytes, int, str]:
    """A sample file with one slip on one key line, and the 1-based line it is on."""
    kind = draw(KINDS)
    lines = SAMPLE_TEXT[kind].splitlines()
    number = draw(st.sampled_from(KEY_LINES[kind]))
    how = draw(st.sampled_from(["tab", "near-miss key", "duplicate key", "indent one more"]))
    if how == "duplicate key" and not lines[number].lstrip().startswith("-"):
        lines.insert(number + 1, lines[number])
        return kind, "\n".join(lines).encode() + b"\n", number + 2, how
    how = "tab" if how == "duplicate key" else how  # a list item's first key: repeat = new item
    lines[number] = slip(lines[number], how)
    return kind, "\n".join(lines).encode() + b"\n", number + 1, how


@FUZZ
@given(slipped())
def test_a_slip_is_reported_on_its_own_line(case: tuple[str, bytes, int, str]) -> None:
    kind, raw, line, how = case
    try:
        load_file(kind, f"{kind}/fuzzed.yml", raw)
    except ContentError as error:
        lines = [problem.line for problem in error.problems]
        if how in ("tab", "near-miss key", "duplicate key"):
            assert line in lines, (how, line, [str(p) for p in error.problems])
        else:
            assert all(1 <= number <= raw.count(b"\n") + 1 for number in lines)
    else:
        # Indenting a line one more space can still be valid YAML with the same meaning;
        # a tab, a misspelt key or a repeated key never is.
        assert how == "indent one more"


# --- Attacks, through rendering -------------------------------------------------------------

ATTACK_PIECES = st.sampled_from(
    [
        "[x](",
        "![x](",
        "](",
        ")",
        "[r]: ",
        "\n\n",
        "<",
        ">",
        "javascript",
        "JaVa",
        "&#58;",
        "&colon;",
        "&#x3a;",
        "&#106;",
        "%3A",
        "%6A",
        ":",
        "\t",
        "\n",
        "//",
        "evil.example",
        "file",
        "data",
        "vbscript",
        "alert(1)",
        " ",
        '"',
        "'",
        "&",
        "#",
        "http",
        "s",
    ]
)
DANGEROUS = re.compile(r"^(?!https?:|mailto:|tel:)[a-z][a-z0-9+.-]*:", re.IGNORECASE)
ADDRESS = re.compile(r'\s(href|src)="([^"]*)"')


@FUZZ
@given(st.lists(ATTACK_PIECES, min_size=1, max_size=14).map("".join))
@example('![x]("&#58;//[x](')  # found by the fuzzer: "://" after a character no scheme has
def test_no_attack_survives_loading_and_rendering(attack: str) -> None:
    data = yaml.safe_load(yaml.safe_dump(VALID["modules"]))
    data["summary"] = attack.strip() or "x"
    try:
        item = load_file("modules", "modules/x.yml", yaml.safe_dump(data).encode()).item
    except ContentError:
        return  # refused with its place: fine
    assert isinstance(item, Module)
    html = SafeMarkdown().block(item.summary)
    for attribute, value in ADDRESS.findall(html):
        read = browser_reading(value)
        assert not DANGEROUS.match(read), (attack, html)
        if attribute == "src":
            assert not read.startswith("//") and "://" not in read, (attack, html)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_what_loads_also_renders_and_builds(tmp_path_factory: Any, case: tuple[str, bytes]) -> None:
    """A mutated file that passes loading must render and build: no failure after the checks."""
    kind, raw = case
    try:
        load_file(kind, f"{kind}/fuzzed.yml", raw)
    except ContentError:
        return
    root = tmp_path_factory.mktemp("fuzz") / "course"
    shutil.copytree(SAMPLE, root)
    target = (
        root
        / kind
        / {
            "modules": "first-steps.yml",
            "scenarios": "late-for-the-bus.yml",
            "worksheets": "starter-agreement.yml",
        }[kind]
    )
    target.write_bytes(raw)
    try:
        load_course(root)
    except ContentError:
        return  # a reference between files broke: reported with its place
    build_site(root)
