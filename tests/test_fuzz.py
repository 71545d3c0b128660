"""Property-based tests: whatever bytes an author saves, the loader answers with its own error.

CI runs a few thousand examples; `bash benchmarks/fuzz.sh` runs many more through
SIDEBYSIDE_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import os
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.errors import ContentError
from sidebyside.load import load_file

from helpers import SAMPLE

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
