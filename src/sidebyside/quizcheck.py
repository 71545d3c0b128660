"""Patterns across a course's quizzes that let a learner pass without reading.

Each pattern is well-known item-writing advice for multiple-choice tests, counted over the
whole course: the right answer given away by its length or its position, true-false items
that are nearly all true or all false, multiple-select items that always have the same number
of right options, and "all/none of the above". Shares are only judged once a course has
enough items of a kind for a share to mean something.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import Problem
from .load import Course
from .model import Question

LONGEST_AT_MOST = 1 / 3
POSITION_AT_MOST = 0.40
TRUE_BETWEEN = (0.35, 0.65)
ENOUGH = 4  # items of a kind before shares are judged
_ABOVE = re.compile(r"\b(all|none|both|neither)\s+of\s+(the\s+)?(above|these|them)\b", re.I)


@dataclass(frozen=True)
class Item:
    """A question with where it is: its module and its number in the quiz."""

    module: str
    number: int
    question: Question

    def right(self) -> list[int]:
        return [n for n, option in enumerate(self.question.options) if option.correct]


def _items(course: Course) -> Iterator[Item]:
    for module in course.modules:
        for number, question in enumerate(module.quiz):
            yield Item(module.id, number, question)


def _at(course: Course, item: Item, message: str, option: int | None = None) -> Problem:
    path: tuple[str | int, ...] = ("quiz", item.number, "prompt")
    if option is not None:
        path = ("quiz", item.number, "options", option, "text")
    return course.located("modules", item.module, path, f"warning: {message}")


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({round(100 * part / whole)}%)"


def quiz_warnings(course: Course) -> list[Problem]:
    """Every pattern found, as a warning at each question that forms it."""
    items = list(_items(course))
    singles = [item for item in items if item.question.type == "single"]
    return sorted(
        [
            *_length_give_away(course, singles),
            *_position_bias(course, singles),
            *_true_false_imbalance(course, items),
            *_fixed_multiple_count(course, items),
            *_all_or_none_of_the_above(course, items),
        ]
    )


def _length_give_away(course: Course, singles: list[Item]) -> list[Problem]:
    def longest_is_right(item: Item) -> bool:
        lengths = [len(" ".join(option.text.split())) for option in item.question.options]
        (right,) = item.right()
        return all(lengths[right] > length for n, length in enumerate(lengths) if n != right)

    giving = [item for item in singles if longest_is_right(item)]
    if len(singles) < ENOUGH or len(giving) <= LONGEST_AT_MOST * len(singles):
        return []
    message = (
        f"length give-away: the right option is the longest in {_share(len(giving), len(singles))}"
        f" single-choice questions, at most a third should be; here it is the longest, so "
        "shorten it or make a wrong option as long and as specific"
    )
    return [_at(course, item, message) for item in giving]


def _position_bias(course: Course, singles: list[Item]) -> list[Problem]:
    if len(singles) < ENOUGH:
        return []
    positions = Counter(item.right()[0] for item in singles)
    options = Counter(len(item.question.options) for item in singles).most_common(1)[0][0]
    problems = []
    for position in range(options):
        count = positions[position]
        if count > POSITION_AT_MOST * len(singles):
            message = (
                f"position bias: the right answer is option {position + 1} in "
                f"{_share(count, len(singles))} single-choice questions, at most 40% should "
                "be; move it here or in others to a position used less"
            )
            problems += [
                _at(course, item, message) for item in singles if item.right()[0] == position
            ]
        elif count == 0:
            message = (
                f"position bias: the right answer is never option {position + 1} in the "
                f"{len(singles)} single-choice questions; move it there in some"
            )
            problems += [_at(course, item, message) for item in singles[:1]]
    return problems


def _true_false_imbalance(course: Course, items: list[Item]) -> list[Problem]:
    true_false = [
        item
        for item in items
        if item.question.type == "true-false"
        and {option.text.strip().lower() for option in item.question.options} == {"true", "false"}
    ]
    if len(true_false) < ENOUGH:
        return []
    true = [
        item
        for item in true_false
        if item.question.options[item.right()[0]].text.strip().lower() == "true"
    ]
    low, high = TRUE_BETWEEN
    if low * len(true_false) <= len(true) <= high * len(true_false):
        return []
    answer = "True" if len(true) > high * len(true_false) else "False"
    message = (
        f"true-false imbalance: {_share(len(true), len(true_false))} true-false answers are "
        f"True, 35% to 65% should be; this one is {answer}: rewrite some such statements so "
        "the other answer is right"
    )
    majority = true if answer == "True" else [item for item in true_false if item not in true]
    return [_at(course, item, message) for item in majority]


def _fixed_multiple_count(course: Course, items: list[Item]) -> list[Problem]:
    multiple = [item for item in items if item.question.type == "multiple"]
    if len(multiple) < ENOUGH:
        return []
    counts = Counter(len(item.right()) for item in multiple)
    patterns = Counter(tuple(item.right()) for item in multiple)
    problems = []
    if len(counts) == 1:
        (count,) = counts
        message = (
            f"fixed multiple-select count: all {len(multiple)} multiple-select questions have "
            f"exactly {count} right options; vary how many are right, from one to all"
        )
        problems += [_at(course, item, message) for item in multiple]
    same, times = patterns.most_common(1)[0]
    if times > len(multiple) / 2:
        where = ", ".join(str(n + 1) for n in same)
        message = (
            f"fixed multiple-select count: {_share(times, len(multiple))} multiple-select "
            f"questions have options {where} right and no others; vary where the right ones sit"
        )
        problems += [_at(course, item, message) for item in multiple if tuple(item.right()) == same]
    return problems


def _all_or_none_of_the_above(course: Course, items: list[Item]) -> list[Problem]:
    message = (
        "'all/none of the above': a learner can answer it by spotting two right (or one wrong) "
        "options; write a specific option instead"
    )
    return [
        _at(course, item, message, number)
        for item in items
        for number, option in enumerate(item.question.options)
        if _ABOVE.search(option.text)
    ]
