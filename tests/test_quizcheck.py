"""The quiz-quality check: each pattern a learner could use to pass without reading."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sidebyside.cli import main
from sidebyside.load import load_course
from sidebyside.quizcheck import quiz_warnings


def single(number: int, right: int, right_text: str = "A careful answer") -> dict:
    options: list[dict[str, object]] = [
        {"text": f"Plausible answer {n} for case {number}", "feedback": "Why not."}
        for n in range(4)
    ]
    options[right] = {"text": right_text, "correct": True, "feedback": "Why so."}
    return {
        "prompt": f"Case {number}: what do you do?",
        "type": "single",
        "options": options,
        "explanation": "Because.",
    }


def true_false(number: int, true: bool) -> dict:
    return {
        "prompt": f"Statement {number} about the work.",
        "type": "true-false",
        "options": [
            {"text": "True", "correct": true, "feedback": "Because."},
            {"text": "False", "correct": not true, "feedback": "Because."},
        ],
        "explanation": "Because.",
    }


def multiple(number: int, right: list[int], above: bool = False) -> dict:
    options = [
        {"text": f"Option {n} for list {number}", "correct": n in right, "feedback": "Why."}
        for n in range(5)
    ]
    if above:
        options[4]["text"] = "All of the above"
    return {
        "prompt": f"List {number}: which apply?",
        "type": "multiple",
        "options": options,
        "explanation": "Because.",
    }


def with_quiz(course: Path, quiz: list[dict]) -> Path:
    module = course / "modules/first-steps.yml"
    data = yaml.safe_load(module.read_text())
    data["quiz"] = quiz
    module.write_text(yaml.safe_dump(data, sort_keys=False))
    return course


BALANCED = [
    *(single(n, n % 4) for n in range(8)),
    *(true_false(n, n % 2 == 0) for n in range(4)),
    *(multiple(n, right) for n, right in enumerate([[0], [1, 3], [0, 2, 4], [1, 2, 3, 4]])),
]


def warnings(course: Path) -> list[str]:
    return [str(warning) for warning in quiz_warnings(load_course(course))]


def test_a_balanced_quiz_has_no_warnings(course: Path) -> None:
    assert warnings(with_quiz(course, BALANCED)) == []


def test_length_give_away(course: Path) -> None:
    long = "A much longer and more careful answer than any of the others here"
    quiz = [single(n, n % 4, long if n < 3 else "Short") for n in range(8)]
    found = warnings(with_quiz(course, quiz))
    assert len(found) == 3
    assert found[0].startswith("modules/first-steps.yml:")
    assert "length give-away: the right option is the longest in 3 of 8 (38%)" in found[0]


def test_position_bias(course: Path) -> None:
    found = warnings(with_quiz(course, [single(n, 1 if n < 4 else n % 4) for n in range(8)]))
    assert len([w for w in found if "is option 2 in 5 of 8 (62%)" in w]) == 5
    # and a position never used:
    found = warnings(with_quiz(course, [single(n, n % 3) for n in range(6)]))
    assert any("the right answer is never option 4 in the 6" in w for w in found)


def test_true_false_imbalance(course: Path) -> None:
    found = warnings(with_quiz(course, [true_false(n, False) for n in range(5)]))
    assert len(found) == 5
    assert "true-false imbalance: 0 of 5 (0%) true-false answers are True" in found[0]
    assert warnings(with_quiz(course, [true_false(n, n < 2) for n in range(5)])) == []


def test_fixed_multiple_select_count(course: Path) -> None:
    found = warnings(with_quiz(course, [multiple(n, [0, 1, 2]) for n in range(4)]))
    assert (
        sum("all 4 multiple-select questions have exactly 3 right options" in w for w in found) == 4
    )
    assert sum("have options 1, 2, 3 right and no others" in w for w in found) == 4


def test_all_or_none_of_the_above(course: Path) -> None:
    [found] = warnings(with_quiz(course, [multiple(0, [1, 4], above=True)]))
    assert "'all/none of the above'" in found


def test_strict_turns_warnings_into_errors(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_quiz(course, [true_false(n, False) for n in range(5)])
    assert main(["validate", "--root", str(course)]) == 0
    assert "true-false imbalance" in capsys.readouterr().err
    assert main(["validate", "--strict", "--root", str(course)]) == 1
    assert capsys.readouterr().err.endswith("5 quiz warnings, which --strict counts as problems.\n")
