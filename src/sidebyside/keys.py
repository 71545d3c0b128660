"""What stays the same from build to build: the keys a learner's saved answers are kept
under, the order a scenario's responses are offered in, and the time written into files."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence

from .model import Question, Response, Scenario


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


QuestionEssence = tuple[str, str, tuple[tuple[str, bool], ...]]


def question_essence(question: Question) -> QuestionEssence:
    """What makes a question what it is: its prompt, its type, its options and their answers,
    as written in English, so that its key is the same in every language."""
    question = question.english
    options = tuple((option.text, option.correct) for option in question.options)
    return question.prompt, question.type, options


def essence_key(essence: QuestionEssence) -> str:
    """A short hash of a question's essence: it changes when the question does, and a learner's
    saved answers are kept under it."""
    prompt, kind, options = essence
    fields = {"prompt": prompt, "type": kind, "options": [list(option) for option in options]}
    return short_hash(json.dumps(fields, sort_keys=True))


def scenario_key(scenario: Scenario) -> str:
    """Changes when the responses do, so a saved choice never points at a different one;
    the same in every language."""
    scenario = scenario.english
    essence = [
        [r.verdict, r.label, [[line.who, line.says] for line in r.lines]]
        for r in scenario.responses
    ]
    return short_hash(json.dumps(essence))


def choice_order(responses: Sequence[Response], seed: str) -> list[tuple[int, Response]]:
    """The responses in a shuffled order that is the same at every build."""
    numbered = list(enumerate(responses))
    return sorted(numbered, key=lambda pair: short_hash(f"{seed}:{pair[0]}"))


def source_date() -> int:
    """The time to write into built files, in seconds since 1970: SOURCE_DATE_EPOCH when set
    (the reproducible-builds convention), otherwise 0."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "0")
    return int(value) if value.isdigit() else 0
