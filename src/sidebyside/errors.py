"""The one error type content problems travel in, and how each problem reads."""

from __future__ import annotations

from dataclasses import dataclass

ContentPath = tuple[str | int, ...]
"""Where a value is in a content file: keys and list positions, from the top."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one content file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ContentError(Exception):
    """Every problem found in a course, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(problem) for problem in self.problems]
        return "\n".join([*lines, f"{count} {noun} in the course content."])
