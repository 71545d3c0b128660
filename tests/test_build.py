"""Real, strict MkDocs builds of a course in tmp_path, asserted on the HTML a reader gets."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPOSITORY, add_drafts, build_site, page_text, site_files

NEW_MODULE = """\
title: Second module
order: 2
audience: [ia]
minutes: 5
summary: A second module.
objectives: [Do one thing.]
sections:
  - heading: Only section
    body: Some text.
scenarios: [new-scenario]
worksheets: [new-worksheet]
quiz:
  - prompt: Pick one.
    type: single
    options:
      - {text: A, correct: true, feedback: Yes A.}
      - {text: B, feedback: Not B.}
    explanation: A it is.
  - prompt: Pick several.
    type: multiple
    options:
      - {text: C, correct: true, feedback: Yes C.}
      - {text: D, correct: true, feedback: Yes D.}
      - {text: E, feedback: Not E.}
    explanation: C and D.
  - prompt: The sky is green.
    type: true-false
    options:
      - {text: "True", feedback: Look up.}
      - {text: "False", correct: true, feedback: Right.}
    explanation: It is blue.
"""

NEW_SCENARIO = """\
title: A new scenario
situation: Something happened.
characters: {ia: Ana, ia2: Ben}
raised_by: ia2
prompt: What does Ben say?
responses:
  - label: Snap
    verdict: bad
    lines: [{who: ia2, says: "Not again!"}]
    why: It starts a fight.
  - label: Ask
    verdict: good
    lines: [{who: ia2, says: "Can we talk later?"}, {who: ia, says: "Sure."}]
    why: It keeps the door open.
contrast:
  - {bad: Snaps., good: Asks.}
"""

NEW_WORKSHEET = """\
title: A new worksheet
purpose: Try it.
blocks:
  - matrix:
      columns: [Ana, Ben]
      groups:
        - heading: Duties
          rows: [Lunch, Recess]
"""


def test_module_page(sample_site: Path) -> None:
    html = page_text(sample_site, "modules/first-steps")
    assert '<h1 id="first-steps-together">First steps together</h1>' in html
    assert "Module 1 · about 10 minutes · for teachers and IAs" in html
    assert "<p>Meet your partner and agree <strong>who does what</strong>.</p>" in html
    assert "<li>Name one task each of you will lead.</li>" in html
    assert '<h2 id="start-with-a-conversation">Start with a conversation</h2>' in html
    assert "<li>Share what you each did last year.</li>" in html
    assert "<li>Talk first.</li>" in html
    assert "What will you ask your partner on day one?" in html
    assert '<a href="../../scenarios/late-for-the-bus/">Late for the bus</a>' in html
    assert '<a href="../../worksheets/starter-agreement/">Starter agreement</a>' in html
    assert "<em>A guide</em>, a publisher (2020)" in html
    assert "Pair people who do not know each other." not in html  # facilitator notes


def test_quiz_reads_without_javascript(sample_site: Path) -> None:
    html = page_text(sample_site, "modules/first-steps")
    assert html.count('<fieldset class="sbs-question"') == 3
    assert "Question 1 of 3.</span> Your IA has an idea for the morning routine." in html
    assert html.count('type="radio" name="first-steps-q1"') == 2
    assert html.count('type="checkbox" name="first-steps-q2"') == 3
    assert "<summary>Show the answer</summary>" in html
    assert "<strong>✓ Right:</strong> Try it for a week and review it together." in html
    assert "<p>Trying an idea together shows it was heard.</p>" in html


def test_scenario_page(sample_site: Path) -> None:
    html = page_text(sample_site, "scenarios/late-for-the-bus")
    assert "Ms. Rivera (teacher), Mr. Chen (IA) · raised by the IA" in html
    assert "<strong>Your turn:</strong> What should the IA say?" in html
    assert '<span class="sbs-verdict">Bad:</span> Blame' in html
    assert '<span class="sbs-verdict">Mixed:</span> Right words, wrong place' in html
    assert '<span class="sbs-speaker">Mr. Chen:</span> You always keep them late.' in html
    assert "<td>Blames the teacher.</td><td>Describes what happened.</td>" in html
    assert "<li>What would you say?</li>" in html
    assert "Ms. Rivera, the teacher</h3>" in html and "<p>You lost track of time.</p>" in html


def test_scenarios_index(sample_site: Path) -> None:
    html = page_text(sample_site, "scenarios")
    assert '<a href="late-for-the-bus/">Late for the bus</a>' in html
    assert "<td>1. First steps together</td>" in html
    assert "<td>the IA</td>" in html


def test_worksheet_page(sample_site: Path) -> None:
    html = page_text(sample_site, "worksheets/starter-agreement")
    assert '<label for="starter-agreement:fields:review-on">Review on</label>' in html
    assert '<h2 id="starter-agreement:who-does-what">Who does what</h2>' in html
    assert '<th scope="colgroup" colspan="6">Planning</th>' in html
    assert html.count('type="radio"') == 3 * 4
    radio = "starter-agreement:who-does-what:behavior:records-behavior-data=shared"
    assert f'<input type="radio" id="{radio}"' in html
    assert (
        f'<label for="{radio}"><span class="sbs-column-name" aria-hidden="true" hidden>Shared'
        '</span><span class="sbs-field-name">Shared: Records behavior data</span></label>'
    ) in html
    assert '<textarea id="starter-agreement:prompts:how-will-we-check-in-each-day"' in html
    assert (
        'name="starter-agreement:checklist:we-asked-administration-what-is-already-decided">'
        in html
    )
    assert "Instructional assistant: signature</label>" in html


def test_home_lists_modules_in_order(sample_site: Path) -> None:
    html = page_text(sample_site, ".")
    assert '<a href="modules/first-steps/">First steps together</a>' in html
    assert "About 10 minutes · for teachers and IAs" in html


def test_markers_count_only_alone_on_their_line(course: Path) -> None:
    (course / "docs/index.md").write_text(
        "# Home\n\nWrite `<!-- sidebyside:modules -->` on a line of its own.\n\n"
        "<!-- sidebyside:modules -->\n"
    )
    html = page_text(build_site(course), ".")
    assert "<code>&lt;!-- sidebyside:modules --&gt;</code>" in html
    assert html.count('class="sbs-module-list"') == 1


def test_new_files_add_pages_and_navigation_without_other_edits(course: Path) -> None:
    (course / "modules/second.yml").write_text(NEW_MODULE)
    (course / "scenarios/new-scenario.yml").write_text(NEW_SCENARIO)
    (course / "worksheets/new-worksheet.yml").write_text(NEW_WORKSHEET)
    site = build_site(course)
    module = page_text(site, "modules/second")
    assert module.count('<fieldset class="sbs-question"') == 3
    assert 'data-sbs-type="true-false"' in module and 'data-sbs-type="multiple"' in module
    scenario = page_text(site, "scenarios/new-scenario")
    assert '<span class="sbs-speaker">Ben:</span> Not again!' in scenario
    assert "raised by the IA" in scenario
    worksheet = page_text(site, "worksheets/new-worksheet")
    assert '<span class="sbs-field-name">Ben: Recess</span></label>' in worksheet
    home = page_text(site, ".")
    assert home.index("First steps together") < home.index("Second module")
    # Navigation: every page appears in the sidebar of every other page.
    nav_titles = re.findall(r'class="md-ellipsis">\s*(.*?)\s*</span>', home)
    for title in ("Second module", "A new scenario", "A new worksheet"):
        assert title in nav_titles


def test_raw_html_and_script_are_escaped(course: Path) -> None:
    path = course / "modules/first-steps.yml"
    text = path.read_text()
    text = text.replace(
        "title: First steps together", 'title: "First <script>alert(1)</script> steps"'
    )
    text = text.replace(
        "Use the role agreement.",
        "|\n      <img src=x onerror=alert(1)> and *kept*",
    )
    path.write_text(text)
    html = page_text(build_site(course), "modules/first-steps")
    assert "<script>alert(1)" not in html
    assert (
        "<title>First &lt;script&gt;alert(1)&lt;/script&gt; steps - Sample course</title>" in html
    )
    assert "First &lt;script&gt;alert(1)&lt;/script&gt; steps" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<em>kept</em>" in html


def test_bad_content_stops_the_build_before_anything_is_written(course: Path) -> None:
    (course / "modules/first-steps.yml").write_text("title: [broken\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(course / "site")],
        cwd=course,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "modules/first-steps.yml:2:1: invalid YAML" in result.stderr
    assert not (course / "site").exists()


def test_same_content_builds_byte_identical_sites(course: Path, tmp_path: Path) -> None:
    first = site_files(build_site(course))
    second = site_files(build_site(course, tmp_path / "second"))
    assert first.keys() == second.keys()
    assert [str(path) for path in first if first[path] != second[path]] == []


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("index.html", '<h1 id="sample-course">Sample course</h1>'),
        ("glossary/index.html", "<strong>IA</strong>: instructional assistant."),
    ],
)
def test_handwritten_pages_stay(course: Path, page: str, words: str) -> None:
    (course / "docs" / "glossary.md").write_text("# Glossary\n\n**IA**: instructional assistant.\n")
    site = build_site(course)
    assert words in (site / page).read_text(encoding="utf-8")


def test_the_course_builds_with_properdocs_too(course: Path) -> None:
    """ProperDocs, a maintained fork of MkDocs 1.x, runs the plugin unchanged: the fallback
    engine if MkDocs and Material stop being maintained."""
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(course / "site")],
        cwd=course,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    html = page_text(course / "site", "modules/first-steps")
    assert "First steps together" in html and 'class="sbs-question' in html


def test_drafts_are_left_out_of_the_published_site(course: Path) -> None:
    add_drafts(course)
    site = build_site(course)
    assert not (site / "modules/half-written").exists()
    assert not (site / "scenarios/half-written-scenario").exists()
    everything = "".join(path.read_text(encoding="utf-8") for path in site.rglob("*.html")) + (
        site / "search/search_index.json"
    ).read_text(encoding="utf-8")
    assert "Half-written" not in everything  # not in the navigation, lists or certificate
    assert "half-written" not in everything  # nor linked from the finished module
    assert "Late for the bus" in page_text(site, "modules/first-steps")


def test_first_version_entries_follow_their_rows_through_later_edits() -> None:
    from sidebyside.load import load_course
    from sidebyside.worksheet_inputs import carried_over

    worksheet = load_course(REPOSITORY).worksheets["role-agreement"]
    before = carried_over(worksheet)
    assert before["role-agreement-b1-f1"] == ["role-agreement:fields:teacher"]
    matrix = worksheet.blocks[1].matrix
    assert matrix is not None
    second_row = before["role-agreement-b2-g1-r2"]
    assert (
        second_row[0]
        == "role-agreement:matrix:planning-and-instruction:introduces-new-concepts-and-skills"
    )
    # Rows and a column added, a row and a column removed: each entry keeps its row.
    group = matrix.groups[0]
    group.rows.insert(0, type(group.rows[0])(text="A new first task"))
    del group.rows[3]  # "Reviews and reinforces skills already taught"
    matrix.columns.pop()  # Discuss
    after = carried_over(worksheet)
    assert after["role-agreement-b2-g1-r2"] == [second_row[0], ["teacher", "ia", "shared", None]]
    assert "role-agreement-b2-g1-r3" not in after  # its row is gone: its entries stay unused


def test_our_assets_are_served_minified(sample_site: Path) -> None:
    from sidebyside.plugin import ASSETS, SCRIPT_BUNDLE, SCRIPTS, STYLESHEETS

    sources = {name: (ASSETS / name).read_text(encoding="utf-8") for name in STYLESHEETS}
    sources[SCRIPT_BUNDLE] = "".join(
        (ASSETS / name).read_text(encoding="utf-8") for name in SCRIPTS
    )
    for name, text in sources.items():
        served = (sample_site / "assets/sidebyside" / name).read_text(encoding="utf-8")
        assert "/*" not in served and len(served) < 0.8 * len(text), name


def test_every_page_loads_one_bundle_of_our_scripts_in_order(sample_site: Path) -> None:
    from sidebyside.plugin import SCRIPT_BUNDLE, SCRIPTS, asset

    html = page_text(sample_site, "modules/first-steps")
    loaded = re.findall(r'<script src="\.\./\.\./assets/sidebyside/([a-z-]+\.js)"></script>', html)
    assert loaded == [SCRIPT_BUNDLE]
    bundle = (sample_site / "assets/sidebyside" / SCRIPT_BUNDLE).read_text(encoding="utf-8")
    places = [bundle.index(asset(name)) for name in SCRIPTS]
    assert places == sorted(places)


_WORDS = re.compile(
    r'<script type="application/json" class="sbs-strings" data-sbs-part="([a-z]+)">(.*?)</script>'
)
PAGE_WORDS = {
    "modules/first-steps": {"progress", "quiz"},
    ".": {"progress", "record"},
    "certificate": {"progress", "certificate"},
    "notes": {"notes"},
    "scenarios": {"choices"},
    "scenarios/late-for-the-bus": {"scenario"},
    "worksheets/starter-agreement": {"worksheet"},
}


def words_on(html: str) -> dict[str, dict[str, object]]:
    """The interface's words a page carries for its scripts, by part."""
    return {part: json.loads(text) for part, text in _WORDS.findall(html)}


@pytest.mark.parametrize(("page", "parts"), PAGE_WORDS.items())
def test_pages_carry_the_words_their_scripts_show(
    sample_site: Path, page: str, parts: set[str]
) -> None:
    assert set(words_on(page_text(sample_site, page))) == parts


def test_the_scripts_keep_no_copy_of_the_words(sample_site: Path) -> None:
    from sidebyside.interface import VERDICT_NAMES
    from sidebyside.plugin import SCRIPTS, asset

    words: dict[str, dict[str, object]] = {}
    for page in PAGE_WORDS:
        words.update(words_on(page_text(sample_site, page)))
    assert words["choices"]["verdicts"] == VERDICT_NAMES
    assert words["scenario"]["verdicts"] == {v: name.lower() for v, name in VERDICT_NAMES.items()}
    assert words["quiz"]["retry"] == "Try again"
    assert words["progress"]["not-started"] == "Not started"
    texts = [text for part in words.values() for text in part.values() if isinstance(text, str)]
    phrases = {p.strip() for text in texts for p in re.split(r"\{[a-z]+\}", text)}
    literals = {name: " ".join(re.findall(r'"(?:[^"\\]|\\.)*"', asset(name))) for name in SCRIPTS}
    copies = [(name, p) for name in SCRIPTS for p in phrases if len(p) > 3 and p in literals[name]]
    assert copies == []
