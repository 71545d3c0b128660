"""What a hostile or broken content file can do: nothing but get a clear message.

Each case names the file, line and column, and leaves a previously built site as it was.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.authoring import StarterError, write_starter
from sidebyside.model import TextFormat
from sidebyside.text import SafeMarkdown
from sidebyside.urls import browser_reading, image_problem, link_problem

from helpers import HOSTILE_TEXT, build_site, edit, fill_every_text, problems, site_files

MODULE = "modules/first-steps.yml"
# Written into the module's summary (line 5, value at column 10).
SCRIPT_LINKS = [
    "[x](javascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](javascript&#x3a;alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java%73cript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](file:///etc/passwd)",
]
OUTSIDE_IMAGES = [
    "![a](http://example.org/x.png)",
    "![a](https://example.org/x.png)",
    "![a](//example.org/x.png)",
    "![d](file&#58;///etc/hostname)",
    "![d](data:image/svg+xml;base64,PHN2Zz4=)",
]


def set_summary(course: Path, markdown: str) -> None:
    edit(
        course / MODULE,
        "summary: Meet your partner and agree **who does what**.",
        f"summary: |\n  {markdown}",
    )


# --- URLs, as a browser reads them --------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("javascript&#58;x", "javascript:x"),
        ("&#106;avascript:x", "javascript:x"),
        ("java\tscr\nipt:x", "javascript:x"),
        ("%6Aavascript:x", "javascript:x"),
        ("&amp;#58;", ":"),
        ("  \x01https://a.org ", "https://a.org"),
    ],
)
def test_urls_are_read_as_a_browser_reads_them(written: str, read: str) -> None:
    assert browser_reading(written) == read


def test_allowed_links_and_images() -> None:
    for url in (
        "https://a.org",
        "http://a.org",
        "mailto:a@b.org",
        "tel:+15550100",
        "#top",
        "../modules/x.md",
        "x.md#a",
        "/abs/path",
        "?q=1",
    ):
        assert link_problem(url) is None, url
    for url in ("images/x.png", "../img/a b.png", "x.svg#frag"):
        assert image_problem(url) is None, url


@pytest.mark.parametrize("link", SCRIPT_LINKS)
def test_a_link_with_a_refused_scheme_is_a_content_error(course: Path, link: str) -> None:
    set_summary(course, link)
    (found,) = problems(course)
    assert found.startswith(f"{MODULE}:5:10: the link to ")
    assert "which is not allowed; link to an http(s) address, mailto:, tel:" in found


def test_a_reference_definition_is_checked_too(course: Path) -> None:
    set_summary(course, "[x][r]\n\n  [r]: javascript&#x3a;alert(1)")
    (found,) = problems(course)
    assert found.startswith(f"{MODULE}:5:10: the link to 'javascript&#x3a;alert(1)' uses")


@pytest.mark.parametrize("image", OUTSIDE_IMAGES)
def test_an_image_from_outside_the_course_is_a_content_error(course: Path, image: str) -> None:
    set_summary(course, image)
    (found,) = problems(course)
    assert found.startswith(f"{MODULE}:5:10: the image ")
    assert "is not a file of the course; put the image in the course" in found


@pytest.mark.parametrize("text", SCRIPT_LINKS + OUTSIDE_IMAGES)
def test_the_renderer_drops_what_loading_refuses(text: str) -> None:
    html = SafeMarkdown().block(text)
    assert "href" not in html and "src" not in html, html


def test_the_sanitiser_keeps_only_allowed_markup() -> None:
    html = SafeMarkdown().block('!!! note "Hi"\n    **bold** [ok](https://a.org "t")')
    assert html == (
        '<div class="admonition note">\n<p class="admonition-title">Hi</p>\n'
        '<p><strong>bold</strong> <a href="https://a.org" title="t">ok</a></p>\n</div>'
    )


# --- Nothing written when anything is wrong -------------------------------------------------


def test_a_deeply_nested_list_is_refused_with_its_place(course: Path) -> None:
    deep = "".join(f"{'    ' * level}- item\n" for level in range(300))
    body = "\n".join("      " + line for line in deep.splitlines())
    edit(course / MODULE, "    body: Use the role agreement.", f"    body: |\n{body}")
    assert problems(course) == [
        f"{MODULE}:16:11: the text nests lists or quotes more than 20 levels deep; flatten it "
        "(check its indentation)"
    ]


def mkdocs_build(course: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(course / "site")],
        cwd=course,
        capture_output=True,
        text=True,
    )


def test_a_page_clashing_with_a_generated_one_leaves_the_old_site(course: Path) -> None:
    before = site_files(build_site(course))
    (course / "docs/notes.md").write_text("# My own notes\n")
    result = mkdocs_build(course)
    assert result.returncode == 1
    assert (
        "docs/notes.md:1:1: this page has the path of a page made from the course content; "
        "rename or move it"
    ) in result.stderr
    assert site_files(course / "site") == before


def test_a_broken_file_leaves_the_old_site(course: Path) -> None:
    before = site_files(build_site(course))
    set_summary(course, "[x](javascript&#58;alert(1))")
    result = mkdocs_build(course)
    assert result.returncode == 1 and f"{MODULE}:5:10: the link to" in result.stderr
    assert site_files(course / "site") == before


# --- Files and names ----------------------------------------------------------------------


def test_an_id_with_a_trailing_line_break_is_refused(course: Path) -> None:
    with pytest.raises(StarterError, match="is not a valid id"):
        write_starter(course, "module", "x\n")
    (course / "modules/x\n.yml").write_text((course / MODULE).read_text())
    (found,) = problems(course)
    assert "is not a valid id" in found


def test_odd_entries_in_a_content_folder_are_named(course: Path, tmp_path: Path) -> None:
    modules = course / "modules"
    (modules / "folder.yml").mkdir()
    os.mkfifo(modules / "pipe.yml")
    (modules / "loop.yml").symlink_to(modules / "loop.yml")
    (modules / "Shouting.YML").write_text("title: x\n")
    (modules / "upper.YML").write_text("title: x\n")
    secret = tmp_path / "secret.yml"
    secret.write_text("title: the secret is 42\n")
    (modules / "outside.yml").symlink_to(secret)
    found = problems(course)
    assert found == [
        "modules/Shouting.YML:1:1: the file name 'Shouting.YML' is not a valid id; rename it to "
        "'shouting.yml' (lowercase letters, digits and hyphens)",
        "modules/folder.yml:1:1: this is a folder, not a file; rename it or move it out of "
        "the folder",
        "modules/loop.yml:1:1: this link leads nowhere, or in a loop; put the file here instead",
        "modules/outside.yml:1:1: this link leads outside the course folder; copy the file "
        "into the course",
        "modules/pipe.yml:1:1: this is not a regular file; replace it with a YAML file or "
        "remove it",
        "modules/upper.YML:1:1: rename it to 'upper.yml': content files end in .yml",
    ]
    assert not any("secret is 42" in line for line in found)


def test_an_unreadable_file_is_named(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "first-steps.yml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert problems(course) == [
        f"{MODULE}:1:1: the file cannot be read (permission denied); check its permissions"
    ]


@pytest.mark.parametrize("guide", ["../mkdocs.yml", "missing.md"])
def test_the_pack_guide_must_be_a_page_in_docs(course: Path, guide: str) -> None:
    config = course / "mkdocs.yml"
    edit(config, "      pdf: false", f"      pdf: true\n      pack_guide: {guide}")
    result = mkdocs_build(course)
    assert result.returncode == 1
    assert f"pack_guide: '{guide}' is not a page in docs/" in result.stderr


# --- Data that must not collide -------------------------------------------------------------


def test_repeated_prompts_are_reported_at_both_places(course: Path) -> None:
    edit(
        course / MODULE,
        "  - What will you ask your partner on day one?\n",
        "  - What will you ask your partner on day one?\n"
        "  - What will you ask your  partner on day one?\n",
    )
    message = (
        "reflection prompts 1 and 2 read the same, so a learner's saved answer to one would "
        "overwrite the other; reword one or remove it"
    )
    assert problems(course) == [f"{MODULE}:19:5: {message}", f"{MODULE}:20:5: {message}"]


def test_repeated_questions_are_reported_at_both_places(course: Path) -> None:
    edit(
        course / MODULE,
        "  - prompt: Which of these belong in a role agreement?",
        "  - prompt: Your IA has an idea for the morning routine. What do you do?",
    )
    found = problems(course)
    assert [line.split(": ", 1)[0] for line in found] == [f"{MODULE}:28:13", f"{MODULE}:37:13"]
    assert "questions 1 and 2 read the same" in found[0]


# --- Authors' YAML slips --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "minutes: 10",
            "minutes: 013",
            "4:10: YAML reads 013 as the octal number 11; write it without leading zeros "
            "(13), or in quotes if it is text",
        ),
        (
            "title: First steps together",
            "title: 1:30",
            "1:8: YAML reads 1:30 as the number 90 (minutes and seconds); put it in quotes "
            '("1:30") to keep it as written',
        ),
        (
            "minutes: 10\n",
            "minutes: 10\n\tsummary: x\n",
            "5:1: YAML indents with spaces, not tabs; replace the tab here with spaces",
        ),
        (
            "title: First steps together",
            'title: "First steps\\ntogether"',
            "1:8: this is one line of plain text; join its lines into one",
        ),
        (
            "  - heading: Write it down",
            "  - heading: |\n      Write it\n      down",
            "15:14: this is one line of plain text; join its lines into one",
        ),
        (
            "title: First steps together",
            'title: "First \\a steps"',
            "1:8: the text holds a control character (U+0007); delete it",
        ),
        (
            "title: First steps together",
            'title: "First \\0 steps"',
            "1:8: the text holds a control character (U+0000); delete it",
        ),
    ],
)
def test_yaml_slips_are_worded_for_authors(course: Path, old: str, new: str, expected: str) -> None:
    edit(course / MODULE, old, new)
    assert problems(course) == [f"{MODULE}:{expected}"]


# --- Reproducible builds --------------------------------------------------------------------


def test_builds_on_different_days_are_identical(course: Path, tmp_path: Path) -> None:
    sites = []
    for day, epoch in (("first", "1700000000"), ("second", "1800000000")):
        site = tmp_path / day
        script = (
            "import datetime, mkdocs.utils as u\n"
            f"u.get_build_datetime = lambda: datetime.datetime.fromtimestamp({epoch}, "
            "datetime.timezone.utc)\n"
            "from mkdocs.__main__ import cli\n"
            f"cli(['build', '-q', '-d', {str(site)!r}])\n"
        )
        subprocess.run([sys.executable, "-c", script], cwd=course, check=True)
        sites.append(site_files(site))
    assert sites[0].keys() == sites[1].keys()
    assert [str(path) for path in sites[0] if sites[0][path] != sites[1][path]] == []


# --- Every text field of every kind ---------------------------------------------------------


@pytest.mark.parametrize("attack", SCRIPT_LINKS + OUTSIDE_IMAGES)
def test_every_markdown_field_refuses_each_attack(course: Path, attack: str) -> None:
    markdown_fields = []

    def text_for(number: int, format: TextFormat) -> str:
        if format is not TextFormat.MARKDOWN:
            return f"Plain {number}"
        markdown_fields.append(number)
        return f"{attack} {number}"

    filled = fill_every_text(course, text_for)
    found = problems(course)
    assert len(found) == len(markdown_fields) and filled > len(markdown_fields) > 40
    assert all("is not allowed" in line or "not a file of the course" in line for line in found)


def test_a_build_of_hostile_content_makes_no_request(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_every_text(course, lambda number, format: f"Field {number}: {HOSTILE_TEXT}")
    edit(course / "mkdocs.yml", "      pdf: false", "      pdf: true")
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    site = build_site(course)
    assert (site / "downloads/facilitator-pack.pdf").stat().st_size > 0
    assert attempts == []
    for page in site.rglob("*.html"):
        assert "window.__ran=1</script>" not in page.read_text(encoding="utf-8")
