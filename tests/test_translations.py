"""Translations as PO files: extracted, merged and checked against the English."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from sidebyside.cli import main
from sidebyside.load import load_course
from sidebyside.model import texts
from sidebyside.translations import read_catalog

from helpers import edit, translate_every_catalog

MODULE_PO = "translations/es/modules/first-steps.po"


def _update(course: Path) -> int:
    return main(["translations", "update", "es", "--root", str(course)])


def _validate(course: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", "--strict", "--root", str(course)])
    return code, capsys.readouterr().err


def test_every_text_and_nothing_else_is_extracted(course: Path) -> None:
    assert _update(course) == 0
    loaded = load_course(course)
    with (course / MODULE_PO).open("rb") as file:
        catalog = read_po(file)
    extracted = {(message.context, message.id) for message in catalog if message.id}
    module = loaded.modules[0]
    expected = {(".".join(map(str, path)), text) for path, text, _ in texts(module)}
    assert extracted == expected
    contexts = {context for context, _ in extracted}
    for never in ("order", "minutes", "audience", "verdict", "correct", "scenarios", "type"):
        assert not any(str(context).split(".")[-1] == never for context in contexts), never
    # Every message names the line of the YAML it comes from.
    assert all(
        message.locations[0][0] == "modules/first-steps.yml" for message in catalog if message.id
    )
    # A second run changes nothing.
    before = (course / MODULE_PO).read_bytes()
    assert _update(course) == 0
    assert (course / MODULE_PO).read_bytes() == before


def test_strict_validate_fails_until_everything_is_translated(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _update(course)
    code, err = _validate(course, capsys)
    assert code == 1
    assert f"{MODULE_PO}:" in err and ": untranslated (modules/first-steps.yml:" in err
    translate_every_catalog(course)
    code, err = _validate(course, capsys)
    assert code == 0, err


def test_a_changed_english_text_fails_with_both_places_then_turns_fuzzy(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _update(course)
    translate_every_catalog(course)
    edit(course / "modules/first-steps.yml", "First steps together", "First weeks together")
    code, err = _validate(course, capsys)
    assert code == 1
    line = next(line for line in err.splitlines() if "(modules/first-steps.yml:1, title)" in line)
    assert line.startswith(f"{MODULE_PO}:") and "outdated: the English changed" in line

    assert _update(course) == 0
    catalog = read_catalog(course, course / MODULE_PO)
    title = next(message for message in catalog if message.context == "title")
    assert title.id == "First weeks together"
    assert title.fuzzy and title.string == "[es] First steps together"
    assert title.previous_id == ["First steps together"]
    assert _update(course) == 0  # the earlier English stays for the translator to compare
    assert '#| msgid "First steps together"' in (course / MODULE_PO).read_text()
    code, err = _validate(course, capsys)
    assert code == 1 and "outdated (fuzzy) (modules/first-steps.yml:1, title)" in err
    assert main(["validate", "--root", str(course)]) == 0  # without --strict, listed only


def test_a_broken_catalog_is_an_error_at_its_line_and_nothing_is_written(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _update(course)
    capsys.readouterr()
    po = course / MODULE_PO
    po.write_text(po.read_text() + '\nmsgctxt "title"\nmsgid "unterminated\n')
    scenario_po = course / "translations/es/scenarios/late-for-the-bus.po"
    scenario_po.unlink()
    assert _update(course) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{MODULE_PO}:") and "cannot be read" in err
    assert not scenario_po.exists()
    code, err = _validate(course, capsys)
    assert code == 1 and f"{MODULE_PO}:" in err


def test_an_unknown_language_code_is_refused_and_nothing_is_written(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translations", "update", "spanish", "--root", str(course)]) == 1
    assert "'spanish' is not a language code" in capsys.readouterr().err
    assert not (course / "translations").exists()


@pytest.mark.parametrize(
    ("context", "translation", "wrong"),
    [
        ("summary", "Conozca a su pareja.\n\n- **quién hace qué**", "Markdown structure"),
        ("summary", "Conozca a [su pareja](otra.md) y **quién hace qué**.", "Markdown structure"),
        ("title", "Primeros\npasos juntos", "one line"),
        ("title", "Primeros pasos {name}", "placeholders"),
    ],
)
def test_a_translation_must_keep_the_english_form(
    course: Path, capsys: pytest.CaptureFixture[str], context: str, translation: str, wrong: str
) -> None:
    _update(course)
    translate_every_catalog(course)
    po = course / MODULE_PO
    with po.open("rb") as file:
        catalog = read_po(file)
    next(message for message in catalog if message.context == context).string = translation
    with po.open("wb") as file:
        write_po(file, catalog, width=0)
    code, err = _validate(course, capsys)
    assert code == 1
    assert err.startswith(f"{MODULE_PO}:") and wrong in err and context in err
