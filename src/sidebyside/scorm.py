"""A built site as a SCORM 1.2 package, the format every common LMS imports.

The package is the site itself, with ``imsmanifest.xml`` and ADL's schema files at its root:
one SCO for the whole course, or one per module so that an LMS can track each. Every path
in it is relative, and nothing in it asks for anything outside it.
"""

from __future__ import annotations

import html
import json
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .keys import essence_key, question_essence, scenario_key
from .load import Course

SCHEMAS = Path(__file__).with_name("scorm12")
LAUNCH = "lms.html"  # holds the SCORM session; shows the course's pages in a frame
SESSION_SCRIPT = "assets/sidebyside/lms-session.js"
FORMATS = ("scorm12",)
# Fixed times and permissions, so that the same site makes the same package.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class PackageError(Exception):
    """Why a package cannot be made; nothing has been written."""


def writable_target(output: Path) -> Path:
    """``output`` as a path a package can be written to, or a PackageError saying why not."""
    if output.suffix.lower() != ".zip":
        raise PackageError(f"{output}: a SCORM package is a .zip file; name it such as course.zip")
    if output.is_dir():
        raise PackageError(f"{output} is a folder; give a file name such as {output}/course.zip")
    folder = output.parent.resolve()
    if not folder.is_dir():
        raise PackageError(f"{output}: the folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise PackageError(f"{output}: this folder or file cannot be written to here")
    return output


def manifest(
    course: Course,
    files: Iterable[str],
    title: str,
    mastery_score: int,
    per_module: bool,
    folder: str = "",
) -> str:
    """The package's imsmanifest.xml."""
    listed = "\n".join(f"      <file href={quoteattr(name)}/>" for name in sorted(files))
    score = f"\n        <adlcp:masteryscore>{mastery_score}</adlcp:masteryscore>"
    if per_module:
        items = "\n".join(
            f'      <item identifier="item-{m.id}" identifierref="sco-{m.id}" isvisible="true">\n'
            f"        <title>{_text(f'{m.order}. {m.title}')}</title>{score}\n      </item>"
            for m in course.modules
        )
        resources = "\n".join(
            f'    <resource identifier="sco-{m.id}" type="webcontent" adlcp:scormtype="sco" '
            f'href="{LAUNCH}?start={folder}modules/{m.id}.html">\n      <file href="{LAUNCH}"/>\n'
            '      <dependency identifierref="site"/>\n    </resource>'
            for m in course.modules
        )
        resources += (
            '\n    <resource identifier="site" type="webcontent" adlcp:scormtype="asset">\n'
            f"{listed}\n    </resource>"
        )
    else:
        items = (
            '      <item identifier="item-course" identifierref="sco-course" isvisible="true">\n'
            f"        <title>{_text(title)}</title>{score}\n      </item>"
        )
        resources = (
            '    <resource identifier="sco-course" type="webcontent" adlcp:scormtype="sco" '
            f'href="{LAUNCH}">\n{listed}\n    </resource>'
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="sidebyside-course" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
    http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd
    http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>{_text(title)}</title>
{items}
    </organization>
  </organizations>
  <resources>
{resources}
  </resources>
</manifest>
"""


def launch_page(
    course: Course, title: str, mastery_score: int, folder: str = "", language: str = "en"
) -> str:
    """lms.html, carrying what its script needs to report progress: each module's questions
    and each scenario by the keys the pages save them under, and the page it opens first
    (the home page of the edition in ``folder``)."""
    data = {
        "mastery": mastery_score,
        "home": f"{folder}index.html",
        "modules": [
            {"id": m.id, "questions": [essence_key(question_essence(q)) for q in m.quiz]}
            for m in course.modules
        ],
        "scenarios": {s.id: scenario_key(s) for s in course.scenarios.values()},
    }
    text = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    page = (SCHEMAS / "lms.html").read_text(encoding="utf-8")
    return page.format(title=html.escape(title), data=text, language=html.escape(language))


def _text(value: str) -> str:
    return quoteattr(value)[1:-1]


def write_package(
    site: Path,
    output: Path,
    course: Course,
    title: str,
    mastery_score: int,
    per_module: bool,
    language: str = "en",
    folder: str = "",
) -> int:
    """Zip the built ``site`` with its manifest and schemas into ``output``; its size in bytes.
    Written beside the target first, so that a failure leaves no half-written package.

    For a translation (``course`` translated, ``folder`` its place in the site, such as
    ``es/``), the package opens in it and names its modules in it; the other languages stay
    inside, for the language menu."""
    launch = {LAUNCH: launch_page(course, title, mastery_score, folder, language).encode()}
    launch[SESSION_SCRIPT] = (SCHEMAS / "lms-session.js").read_bytes()
    files = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        # An LMS shows no 404 page or sitemap, and both name the site's own root address.
        if path.is_file() and path.name not in ("404.html", "sitemap.xml", "sitemap.xml.gz")
    )
    taken = sorted(set(files) & set(launch))
    if taken:
        raise PackageError(
            f"the site has its own {', '.join(taken)}, which the package needs for itself; "
            "rename that page"
        )
    files = sorted([*files, *launch])
    partial = output.with_name(output.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as package:
            text = manifest(course, files, title, mastery_score, per_module, folder)
            _add(package, "imsmanifest.xml", text.encode())
            for schema in sorted(SCHEMAS.glob("*.xsd")):
                _add(package, schema.name, schema.read_bytes())
            for name in files:
                _add(package, name, launch[name] if name in launch else (site / name).read_bytes())
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return output.stat().st_size


def _add(package: zipfile.ZipFile, name: str, content: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    package.writestr(info, content)
