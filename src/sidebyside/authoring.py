"""Author's helpers: JSON Schemas from the model, and commented starter files."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .load import content_files, read_content_file
from .model import KINDS, Module, is_id
from .render import TEMPLATES
from .yamlsource import ProblemsFound, read_document

SINGULAR = {"modules": "module", "scenarios": "scenario", "worksheets": "worksheet"}
SCHEMA_DIR = "schemas"


def schemas() -> dict[str, str]:
    """File name -> JSON Schema text, for each kind of content file."""
    result = {}
    for folder, model in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Side by Side {SINGULAR[folder]}"
        result[f"{SINGULAR[folder]}.schema.json"] = json.dumps(schema, indent=2) + "\n"
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


def _next_order(root: Path) -> int:
    """One past the highest module order found, reading files leniently."""
    highest = 0
    for path in content_files(root):
        if path.parent.name != "modules":
            continue
        try:
            data = read_document(str(path), read_content_file(path, root)).data
        except (ProblemsFound, OSError):
            continue
        if isinstance(data, dict) and isinstance(data.get("order"), int):
            highest = max(highest, data["order"])
    return highest + 1


def write_starter(root: Path, kind: str, name: str) -> Path:
    """Write a valid, commented starter file for ``kind`` (module, scenario, worksheet)."""
    if not is_id(name):
        raise StarterError(
            f"'{name}' is not a valid id: use lowercase letters, digits and hyphens, "
            "like 'define-roles'"
        )
    folder = next(f for f, singular in SINGULAR.items() if singular == kind)
    target = root / folder / f"{name}.yml"
    if target.exists() or target.with_suffix(".yaml").exists():
        raise StarterError(f"{target.relative_to(root)} already exists; choose another name")
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    text = env.get_template(f"sidebyside/starters/{kind}.yml").render(
        title=name.replace("-", " ").capitalize(),
        order=_next_order(root) if KINDS[folder] is Module else 0,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
