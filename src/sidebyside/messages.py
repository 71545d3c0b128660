"""Turns the model's validation errors into sentences an author can act on."""

from __future__ import annotations

import difflib
import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .errors import ContentPath
from .model import BLOCK_KINDS, ID_EXAMPLE, ID_RULE, NOT_EMPTY, Block

# What one item of each list is called when a location is spelt out.
_ITEM_NAMES = {
    "quiz": "question",
    "options": "option",
    "sections": "section",
    "responses": "response",
    "lines": "line",
    "blocks": "block",
    "groups": "group",
    "rows": "row",
    "contrast": "contrast row",
    "columns": "column",
    **{kind: noun for kind, noun in BLOCK_KINDS.items() if kind != "matrix"},
}


def where(path: ContentPath) -> str:
    """('quiz', 1, 'options', 0) -> 'question 2 → option 1'."""
    words: list[str] = []
    for index, part in enumerate(path):
        if isinstance(part, int):
            owner = str(path[index - 1]) if index else ""
            words.append(f"{_ITEM_NAMES.get(owner, 'item')} {part + 1}")
        elif not (
            part in _ITEM_NAMES and index + 1 < len(path) and isinstance(path[index + 1], int)
        ):
            words.append(part)
    return " → ".join(words)


def _unwrap(annotation: Any) -> Any:
    """Drop None from optional types: `X | None` -> X."""
    if get_origin(annotation) in (Union, types.UnionType):
        inner = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(inner) == 1:
            return _unwrap(inner[0])
    return annotation


def model_at(root: type[BaseModel], path: ContentPath) -> type[BaseModel] | None:
    """The model class that the mapping at ``path`` is validated against."""
    annotation: Any = root
    for part in path:
        annotation = _unwrap(annotation)
        origin = get_origin(annotation)
        if isinstance(part, int) and origin is list:
            annotation = get_args(annotation)[0]
        elif isinstance(part, str) and origin is dict:
            annotation = get_args(annotation)[1]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return None
            annotation = field.annotation
        else:
            return None
    annotation = _unwrap(annotation)
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def suggestion(word: str, choices: list[str]) -> str:
    """' — did you mean 'x'?' for the choice nearest to a mistyped word, or ''."""
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" — did you mean '{match[0]}'?" if match else ""


def _describe_input(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off as true/false: put text in quotes)"
    if isinstance(value, int | float):
        return f"the number {value} (put it in quotes if it is text)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of keys"
    return f"'{value}'"


def _literal_choices(root: type[BaseModel], path: ContentPath) -> list[str]:
    """The allowed values of the field at ``path``, itself or as a list's items."""
    names = [index for index, part in enumerate(path) if isinstance(part, str)]
    if not names:
        return []
    parent = model_at(root, path[: names[-1]])
    field = parent.model_fields.get(str(path[names[-1]])) if parent else None
    annotation = _unwrap(field.annotation) if field else None
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    return [str(arg) for arg in get_args(annotation)] if get_origin(annotation) is Literal else []


def describe(error: ErrorDetails, root: type[BaseModel]) -> tuple[ContentPath, bool, str]:
    """(path to point at, whether to point at the key rather than its value, message)."""
    path: ContentPath = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    names = [p for p in path if isinstance(p, str)]
    field = names[-1] if names else "value"
    context = where(path[:-1]) if path else ""
    message: str

    if kind == "extra_forbidden":
        key = str(path[-1])
        parent = model_at(root, path[:-1])
        allowed = list(parent.model_fields) if parent else []
        if parent is Block:
            hint = suggestion(key, [*BLOCK_KINDS, "heading", "key"])
            joiner = " A" if hint else "; a"
            message = (
                f"unknown worksheet block '{key}'{hint}{joiner} block is one of "
                f"{', '.join(BLOCK_KINDS)}"
            )
        else:
            hint = suggestion(key, allowed) or (
                f"; the keys here are {', '.join(allowed)}" if allowed else ""
            )
            message = f"unknown key '{key}'{hint}"
        return path, True, _prefix(context, message)
    if kind == "missing":
        message = f"missing required key '{field}'"
        return path, False, _prefix(context, message)
    if kind == "literal_error":
        choices = _literal_choices(root, path)
        hint = suggestion(str(value), choices)
        joiner = " Use" if hint else "; use"
        message = (
            f"unknown {field} {_describe_input(value)}{hint}{joiner} one of {', '.join(choices)}"
        )
        return path, False, _prefix(context, message)

    own = where(path)
    if kind == "content_rule":
        message = error["msg"]
        return path, False, _prefix(own, message)
    if kind == "string_type":
        message = f"expected text, got {_describe_input(value)}"
    elif kind in ("int_type", "int_parsing"):
        message = f"expected a whole number, got {_describe_input(value)}"
    elif kind == "bool_type":
        message = f"expected true or false, got {_describe_input(value)}"
    elif kind == "list_type":
        message = f"expected a list ('- item' lines, or [a, b]), got {_describe_input(value)}"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"expected keys and values (such as 'key: value'), got {_describe_input(value)}"
    elif kind == "too_short":
        least = ctx.get("min_length", 1)
        noun = "entry" if least == 1 else "entries"
        message = f"needs at least {least} {noun}"
    elif kind == "string_too_short" or (
        kind == "string_pattern_mismatch" and ctx.get("pattern") == NOT_EMPTY
    ):
        message = "is empty; write the text"
    elif kind == "string_pattern_mismatch":
        message = f"'{value}' is not an id: ids use {ID_RULE}, like '{ID_EXAMPLE}'"
    elif kind == "greater_than_equal":
        message = f"must be at least {ctx.get('ge')}, got {value}"
    elif kind == "less_than_equal":
        message = f"must be at most {ctx.get('le')}, got {value}"
    else:
        message = error["msg"]
    return path, False, _prefix(own, message)


def _prefix(context: str, message: str) -> str:
    return f"{context}: {message}" if context else message
