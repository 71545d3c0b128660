"""The repository's own course, built for real: complete, linked, valid and reproducible."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from helpers import REPOSITORY, build_site, sheets_at_most, site_files

VNU = REPOSITORY / "node_modules/vnu-jar/build/dist/vnu.jar"
# What the Nu checker says of Material's own markup, not of ours.
# Material puts autocomplete="off" on the checkboxes that open its drawer and search, and
# tabindex="" on the section labels of its navigation (the navigation.sections feature).
MATERIAL_OWN = [
    re.compile(r"^Attribute .autocomplete. is only allowed when the input type is"),
    re.compile(r"^Bad value .. for attribute .tabindex. on element .label."),
]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(values[name] or "")


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_content_file_has_its_page(course_site: Path) -> None:
    for folder in ("modules", "scenarios", "worksheets"):
        for source in (REPOSITORY / folder).glob("*.yml"):
            assert (course_site / folder / f"{source.stem}.html").is_file(), source
    assert len(list((REPOSITORY / "modules").glob("*.yml"))) >= 9
    assert len(list((REPOSITORY / "scenarios").glob("*.yml"))) >= 12
    assert len(list((REPOSITORY / "worksheets").glob("*.yml"))) >= 5


def test_no_broken_internal_link_or_anchor(course_site: Path) -> None:
    pages = {path: parse(path) for path in course_site.rglob("*.html")}
    broken = []
    for page, found in pages.items():
        for link in found.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("mailto:"):
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):  # the 404 page links from the site's root
                target = course_site / unquote(parts.path).lstrip("/")
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(course_site)} -> {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(course_site)} -> {link} (no such anchor)")
    assert broken == []


def test_no_page_refers_to_another_host(course_site: Path) -> None:
    external = []
    for page in course_site.rglob("*.html"):
        found = parse(page)
        text = page.read_text(encoding="utf-8")
        for link in found.links:
            if urlsplit(link).netloc and not re.search(rf'<a [^>]*href="{re.escape(link)}"', text):
                external.append(f"{page.relative_to(course_site)}: {link}")
    assert external == []


def test_html_is_valid(course_site: Path) -> None:
    assert shutil.which("java"), (
        "Java is needed for the Nu HTML Checker (scripts/test.sh installs it)"
    )
    assert VNU.is_file(), "run `npm install` (scripts/test.sh does)"
    result = subprocess.run(
        [
            *("java", "-jar", str(VNU), "--errors-only", "--skip-non-html"),
            *("--format", "json", str(course_site)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    ours = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not any(pattern.search(m["message"]) for pattern in MATERIAL_OWN)
    ]
    assert ours == []


def test_pdfs_are_made_with_the_course(course_site: Path) -> None:
    from pypdf import PdfReader

    for source in (REPOSITORY / "worksheets").glob("*.yml"):
        reader = PdfReader(course_site / "worksheets" / f"{source.stem}.pdf")
        assert reader.metadata is not None and reader.metadata.title and reader.get_fields()
    pack = PdfReader(course_site / "downloads/facilitator-pack.pdf")
    assert len(pack.pages) > 10


def test_worksheet_pdfs_fit_their_sheets(course_site: Path) -> None:
    from pypdf import PdfReader

    pages = {
        pdf.stem: len(PdfReader(pdf).pages) for pdf in (course_site / "worksheets").glob("*.pdf")
    }
    assert len(pages) >= 5
    assert {name: n for name, n in pages.items() if n > sheets_at_most(name)} == {}


def test_the_course_builds_byte_identical_twice(course_site: Path, tmp_path: Path) -> None:
    first = site_files(course_site)
    second = site_files(build_site(REPOSITORY, tmp_path / "again"))
    assert first.keys() == second.keys()
    assert [str(p) for p in first if first[p] != second[p]] == []


def navigation(page: Path) -> list[tuple[int, str]]:
    """The primary navigation's sections and entries, as (depth, label), in order."""
    html = page.read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index('<div class="md-sidebar md-sidebar--secondary"')]
    entries = []
    for match in re.finditer(
        r'<li class="md-nav__item[^"]*">|</li>|<(?:a|label) [^>]*class="md-nav__link[^"]*"[^>]*>'
        r'\s*<span class="md-ellipsis">\s*(.*?)\s*</span>',
        nav,
        re.S,
    ):
        entries.append(match[0][:4] if match[1] is None else match[1])
    depth, shown = 0, []
    for entry in entries:
        if entry == "<li ":
            depth += 1
        elif entry == "</li":
            depth -= 1
        else:
            shown.append((depth, entry))
    return [(d, label) for d, label in shown if d <= 2]


def test_navigation_puts_each_reader_s_pages_in_their_own_section(course_site: Path) -> None:
    nav = navigation(course_site / "glossary.html")
    top = [label for depth, label in nav if depth == 1]
    assert top == [
        "Home",
        "Modules",
        "Your progress",
        "Scenarios",
        "Worksheets",
        "PD sessions",
        "For facilitators",
        "For authors",
        "Glossary",
        "Sources",
    ]
    assert "Side by Side" not in [label for _, label in nav]  # the site's name is the title
    sections = [label for depth, label in nav if depth == 2]
    assert "Facilitator guide" in sections and "Authoring guide" in sections
    facilitators = nav[[label for _, label in nav].index("For facilitators") + 1 :][:3]
    assert [label for _, label in facilitators] == [
        "Facilitator guide",
        "Role-play cards and discussion sheets",
        "Facilitator's pack (PDF)",
    ]


def test_home_and_guide_link_the_print_packs(course_site: Path) -> None:
    sessions = sorted(path.name for path in (course_site / "downloads").glob("session-*.pdf"))
    assert len(sessions) == 3  # one per session
    for page in ("index.html", "facilitator-guide.html"):
        links = parse(course_site / page).links
        assert "downloads/facilitator-pack.pdf" in links, page
        assert all(f"downloads/{name}" in links for name in sessions), page
    guide = (course_site / "facilitator-guide.html").read_text(encoding="utf-8")
    assert guide.count("print pack for this session (PDF)") == 3
    cards = parse(course_site / "role-play-cards.html").links
    assert len([link for link in cards if link.endswith("-cards.html")]) >= 10


def test_abbreviations_explain_themselves_on_every_kind_of_page(course_site: Path) -> None:
    abbr = '<abbr title="Individualized education program">IEP</abbr>'
    for page in ("modules/define-roles.html", "glossary.html", "facilitator-guide.html"):
        assert abbr in (course_site / page).read_text(encoding="utf-8"), page
