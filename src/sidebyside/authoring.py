"""Author's helpers: JSON Schemas from the model, and commented starter files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .errors import ContentError
from .load import content_files, read_content_file
from .model import ID_EXAMPLE, ID_RULE, KINDS, TextFormat, is_id
from .render import TEMPLATES
from .yamlsource import read_document

SCHEMA_DIR = "schemas"


def _with_formats_described(node: Any) -> None:
    """Each described text field's description ends by saying how it is written, from the
    format the model gives it (the schema's ``contentMediaType``)."""
    if isinstance(node, list):
        for value in node:
            _with_formats_described(value)
    if not isinstance(node, dict):
        return
    if isinstance(node.get("description"), str):
        inner = [node, node.get("items"), node.get("additionalProperties"), *node.get("anyOf", [])]
        media = {part.get("contentMediaType") for part in inner if isinstance(part, dict)}
        named = [format for format in TextFormat if format.media_type in media]
        if named:
            node["description"] = f"{node['description'].rstrip('.')} ({named[0].value})."
    for value in node.values():
        _with_formats_described(value)


def schemas() -> dict[str, str]:
    """File name -> JSON Schema text, for each kind of content file."""
    result = {}
    for kind in KINDS.values():
        schema = kind.model.model_json_schema()
        _with_formats_described(schema)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Side by Side {kind.singular}"
        result[f"{kind.singular}.schema.json"] = json.dumps(schema, indent=2) + "\n"
    return result


def write_schemas(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        (target / name).write_text(text, encoding="utf-8")
        written.append(target / name)
    return written


class StarterError(Exception):
    pass


def _next_place(root: Path, folder: str, field: str) -> int:
    """One past the highest place (``field``) of a kind's files, reading them leniently."""
    highest = 0
    for path in content_files(root):
        if path.parent.name != folder:
            continue
        try:
            data = read_document(str(path), read_content_file(path, root)).data
        except (ContentError, OSError):
            continue
        if isinstance(data, dict) and isinstance(data.get(field), int):
            highest = max(highest, data[field])
    return highest + 1


def write_starter(root: Path, singular: str, name: str) -> Path:
    """Write a valid, commented starter file for a kind, by its singular name ('module')."""
    if not is_id(name):
        raise StarterError(f"'{name}' is not a valid id: use {ID_RULE}, like '{ID_EXAMPLE}'")
    kind = next(kind for kind in KINDS.values() if kind.singular == singular)
    target = root / kind.folder / f"{name}.yml"
    if target.exists() or target.with_suffix(".yaml").exists():
        raise StarterError(f"{target.relative_to(root)} already exists; choose another name")
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    place = _next_place(root, kind.folder, kind.order_field) if kind.order_field else 0
    text = env.get_template(f"sidebyside/{kind.starter}").render(
        title=name.replace("-", " ").capitalize(), order=place
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
