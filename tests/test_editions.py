"""The course in a second language: built from its catalogs under es/, beside the English."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from sidebyside.cli import main
from sidebyside.page_texts import page_texts, translated_page

from helpers import build_site, edit, translate_every_catalog

ES = "[es] "


def _publish_in_spanish(course: Path) -> None:
    """The sample course with languages: [es], and every catalog translated by a stand-in
    that marks each text as Spanish."""
    edit(course / "mkdocs.yml", "      pdf: false", "      pdf: false\n      languages: [es]")
    assert main(["translations", "update", "es", "--root", str(course)]) == 0
    translate_every_catalog(course)


def _html(site: Path, uri: str) -> str:
    return (site / uri).read_text(encoding="utf-8")


def _keys(html: str) -> list[str]:
    """What a page saves a learner's entries under: quiz and scenario keys, inputs' names,
    notes."""
    return re.findall(r'(?:data-sbs-key|data-sbs-note|name)="([^"]+)"', html)


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from helpers import SAMPLE

    course = tmp_path_factory.mktemp("bilingual") / "course"
    shutil.copytree(SAMPLE, course)
    _publish_in_spanish(course)
    return build_site(course)


def test_every_english_page_has_a_spanish_twin_in_spanish(bilingual_site: Path) -> None:
    english = {
        p.relative_to(bilingual_site)
        for p in bilingual_site.rglob("*.html")
        if p.relative_to(bilingual_site).parts[0] not in ("es", "assets")
    }
    spanish = {
        p.relative_to(bilingual_site / "es") for p in (bilingual_site / "es").rglob("*.html")
    }
    assert english and english <= spanish
    for uri in english:
        html = _html(bilingual_site / "es", str(uri))
        assert '<html lang="es"' in html, uri
        assert '<html lang="en"' in _html(bilingual_site, str(uri)), uri
    module = _html(bilingual_site / "es", "modules/first-steps/index.html")
    assert f"{ES}First steps together" in module
    assert "[es] Check" in module  # the quiz button, from the interface catalog
    home = _html(bilingual_site / "es", "index.html")
    assert ES in home and "Buscar" in home  # Material's own interface, in Spanish


def test_each_page_links_its_twin_both_ways(bilingual_site: Path) -> None:
    english = _html(bilingual_site, "modules/first-steps/index.html")
    spanish = _html(bilingual_site / "es", "modules/first-steps/index.html")
    twin = "modules/first-steps/"
    assert f'<link rel="alternate" href="../../es/{twin}" hreflang="es">' in english
    assert f'<link rel="alternate" href="../../{twin}" hreflang="en">' in english
    assert f'<link rel="alternate" href="../../../{twin}" hreflang="en">' in spanish
    assert f'<link rel="alternate" href="../../{twin}" hreflang="es">' in spanish
    # The language menu names each language in itself.
    menu = r'href="{}" hreflang="{}" class="md-select__link">\s*{}'
    assert re.search(menu.format(f"../../../{twin}", "en", "English"), spanish)
    assert re.search(menu.format(f"../../{twin}", "es", "Español"), spanish)


def test_saved_entries_have_the_same_keys_in_both_languages(bilingual_site: Path) -> None:
    for uri in [
        "modules/first-steps/index.html",
        "scenarios/late-for-the-bus/index.html",
        "worksheets/starter-agreement/index.html",
        "notes/index.html",
    ]:
        english, spanish = (
            _keys(_html(bilingual_site, uri)),
            _keys(_html(bilingual_site / "es", uri)),
        )
        assert english and english == spanish, uri


def test_each_language_has_its_own_search(bilingual_site: Path) -> None:
    english = json.loads(_html(bilingual_site, "search/search_index.json"))
    spanish = json.loads(_html(bilingual_site / "es", "search/search_index.json"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    assert any(ES in doc["text"] for doc in spanish["docs"])
    assert not any(ES in doc["text"] for doc in english["docs"])


def test_untranslated_texts_stay_english_and_strict_validate_names_both_places(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _publish_in_spanish(course)
    edit(course / "modules/first-steps.yml", "First steps together", "First weeks together")
    capsys.readouterr()
    assert main(["validate", "--strict", "--root", str(course)]) == 1
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if "(modules/first-steps.yml:1, title)" in line)
    assert re.match(r"translations/es/modules/first-steps\.po:\d+: outdated", line)
    site = build_site(course)
    assert "First weeks together" in _html(site / "es", "modules/first-steps/index.html")


def test_a_translation_cannot_add_markup_to_the_interface(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _publish_in_spanish(course)
    po = course / "translations/es/interface.po"
    with po.open("rb") as file:
        catalog = read_po(file)
    catalog["Check"].string = "<script>alert(1)</script>"
    with po.open("wb") as file:
        write_po(file, catalog, width=0)
    capsys.readouterr()
    assert main(["validate", "--root", str(course)]) == 1
    assert "HTML characters" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build_site(course)


def test_a_hand_written_page_round_trips_through_its_texts() -> None:
    page = (
        "---\ntitle: Welcome\nnav_section: For authors\n---\n"
        "# Welcome\n\n<!-- sidebyside:modules -->\n\n"
        'Read this.\n\n```yaml\ntitle: code stays\n```\n\n!!! note "A note"\n    Indented text.\n'
    )
    texts = page_texts(page)
    assert [t.context for t in texts] == ["title", "nav_section", "block 1", "block 2", "block 3"]
    assert [t.text for t in texts][2:] == [
        "# Welcome",
        "Read this.",
        '!!! note "A note"\n    Indented text.',
    ]
    assert translated_page(page, lambda context, english: None) == page
    spanish = translated_page(
        page, lambda context, english: "# Hola" if context == "block 1" else "Hola"
    )
    assert 'title: "Hola"' in spanish and "# Hola\n\n" in spanish and "code stays" in spanish
    assert "<!-- sidebyside:modules -->" in spanish


def test_the_lms_package_opens_in_spanish(course: Path, tmp_path: Path) -> None:
    _publish_in_spanish(course)
    package = tmp_path / "es.zip"
    args = ["package", "scorm12", "--output", str(package), "--config", str(course / "mkdocs.yml")]
    assert main([*args, "--language", "es", "--per-module"]) == 0
    with zipfile.ZipFile(package) as archive:
        manifest = archive.read("imsmanifest.xml").decode()
        launch = archive.read("lms.html").decode()
        names = set(archive.namelist())
    assert 'href="lms.html?start=es/modules/first-steps.html"' in manifest
    assert f"{ES}First steps together" in manifest
    assert '<html lang="es">' in launch and '"home":"es/index.html"' in launch
    assert {"index.html", "es/index.html"} <= names
    assert main([*args, "--language", "vi"]) == 1
