"""The author's tools: shipped JSON Schemas, starter files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside.authoring import schemas
from sidebyside.cli import main
from sidebyside.load import load_course
from sidebyside.model import KINDS

from helpers import REPOSITORY


@pytest.mark.parametrize("name", sorted(schemas()))
def test_shipped_schema_matches_the_model(name: str) -> None:
    shipped = (REPOSITORY / "schemas" / name).read_text(encoding="utf-8")
    assert shipped == schemas()[name], "run `sidebyside schema` and commit the result"


def test_schema_describes_fields_and_forbids_unknown_keys() -> None:
    module = json.loads(schemas()["module.schema.json"])
    assert module["additionalProperties"] is False
    assert module["properties"]["order"]["description"].startswith("Position in the course")
    assert set(module["required"]) >= {"title", "order", "audience", "minutes", "sections"}


def test_editor_settings_point_at_the_schemas() -> None:
    settings = json.loads((REPOSITORY / ".vscode/settings.json").read_text())
    folders = []
    for schema, globs in settings["yaml.schemas"].items():
        assert (REPOSITORY / schema).is_file()
        folders.append(globs[0].split("/")[0])
    assert folders == list(KINDS)  # every kind, and nothing else


def test_schema_command_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schemas())


@pytest.mark.parametrize("kind", ["module", "scenario", "worksheet", "session"])
def test_starters_are_valid_and_never_overwrite(
    course: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", kind, "my-new-one", "--root", str(course)]) == 0
    path = course / f"{kind}s" / "my-new-one.yml"
    text = path.read_text()
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    assert 'title: "My new one"' in text
    assert "\ndraft: true " in text  # a placeholder is never published by accident
    loaded = load_course(course)
    assert [item.id for item in loaded.drafts] == ["my-new-one"]
    if kind == "module":
        assert [m.id for m in loaded.modules] == ["first-steps", "my-new-one"]
        assert loaded.modules[-1].order == 2
    capsys.readouterr()
    path.write_text(text + "# my edits\n")
    assert main(["new", kind, "my-new-one", "--root", str(course)]) == 1
    assert capsys.readouterr().err == (
        f"sidebyside new: {kind}s/my-new-one.yml already exists; choose another name\n"
    )
    assert path.read_text().endswith("# my edits\n")


def test_starter_name_must_be_an_id(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "module", "My Module", "--root", str(course)]) == 1
    assert "'My Module' is not a valid id" in capsys.readouterr().err
