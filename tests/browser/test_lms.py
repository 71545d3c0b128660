"""The SCORM package in an LMS: a harness page provides SCORM 1.2's API from npm's scorm-again,
a maintained runtime, and opens the package's launch page in a frame, as an LMS does."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from helpers import (
    LMS_HARNESS,
    LMS_RUNTIME,
    SAMPLE,
    make_package,
    serve,
    watched_page,
)


@pytest.fixture(scope="module")
def lms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample course's package and the harness, served from one loopback origin."""
    folder = tmp_path_factory.mktemp("lms")
    root = folder / "course"
    shutil.copytree(SAMPLE, root)
    served = make_package(root, folder)
    (served / "faulty.html").write_text(FAULTY)
    base, server = serve(served)
    yield base
    server.shutdown()


@pytest.fixture
def learner(browser: Browser) -> Iterator[Page]:
    with watched_page(browser) as page:
        yield page


def open_course(page: Page, base: str, seed: dict | None = None, harness: str = "harness") -> Frame:
    """The harness, with the LMS holding ``seed``; the frame showing the course's pages."""
    page.goto(f"{base}/{harness}.html#" + json.dumps(seed or {}))
    frame = page.frame_locator("#sco").frame_locator("#sbs-lms-frame")
    expect(frame.locator("h1")).to_have_text("Sample course")
    return next(f for f in page.frames if f.url.endswith("/index.html"))


def cmi(page: Page, name: str) -> str:
    return str(page.evaluate(f"window.API.getCMIValue({name!r})"))


def answer(course: Frame, question: int, *options: int) -> None:
    fieldset = course.locator(f"#first-steps-q{question}")
    for option in options:
        fieldset.locator(".sbs-options input").nth(option).check()
    fieldset.get_by_role("button", name="Check").click()


def first_steps(course: Frame) -> Frame:
    course.goto(course.url.rsplit("/", 1)[0] + "/modules/first-steps.html")
    return course


def leave(page: Page) -> list[list[str]]:
    """The learner closes the course: the calls the LMS saw, in order."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.calls.some(call => call[0] === 'LMSFinish')")
    return page.evaluate("window.calls")


def test_a_whole_run_reports_passed_with_no_scorm_error(lms: str, learner: Page) -> None:
    course = first_steps(open_course(learner, lms))
    answer(course, 1, 1)
    answer(course, 2, 0, 1)
    answer(course, 3, 1)
    learner.wait_for_function("window.API.getCMIValue('cmi.core.lesson_status') === 'passed'")
    assert cmi(learner, "cmi.core.score.raw") == "100"
    assert (cmi(learner, "cmi.core.score.min"), cmi(learner, "cmi.core.score.max")) == ("0", "100")
    assert cmi(learner, "cmi.core.lesson_location") == "modules/first-steps.html"
    calls = leave(learner)
    print("LMS calls:", "; ".join(" ".join(c for c in call[:3] if c) for call in calls))
    assert [call for call in calls if call[4] != "0"] == []  # no SCORM error at any step
    names = [call[0] for call in calls]
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish"
    assert names.count("LMSInitialize") == 1 and names.count("LMSFinish") == 1
    sets = {call[1]: call[2] for call in calls if call[0] == "LMSSetValue"}
    assert sets["cmi.core.session_time"].count(":") == 2
    # A commit follows each change the learner makes.
    after_last_set = names[len(names) - 1 - names[::-1].index("LMSSetValue") :]
    assert "LMSCommit" in after_last_set


def test_a_partial_run_is_incomplete_with_its_score(lms: str, learner: Page) -> None:
    course = first_steps(open_course(learner, lms))
    answer(course, 1, 1)
    answer(course, 3, 0)
    learner.wait_for_function("window.API.getCMIValue('cmi.core.score.raw') === '33'")
    assert cmi(learner, "cmi.core.lesson_status") == "incomplete"


def test_progress_comes_back_on_another_device(lms: str, browser: Browser) -> None:
    first = browser.new_context()
    page = first.new_page()
    course = first_steps(open_course(page, lms))
    answer(course, 1, 1)
    answer(course, 2, 0, 1)
    page.wait_for_function("window.API.getCMIValue('cmi.suspend_data').length > 0")
    suspend = cmi(page, "cmi.suspend_data")
    first.close()
    other = browser.new_context()  # nothing in this browser's storage
    page = other.new_page()
    seed = {"suspend_data": suspend, "core": {"lesson_location": "modules/first-steps.html"}}
    page.goto(f"{lms}/harness.html#" + json.dumps(seed))
    course_frame = page.frame_locator("#sco").frame_locator("#sbs-lms-frame")
    expect(course_frame.locator("#first-steps-q1 .sbs-result")).to_contain_text("Right.")
    expect(course_frame.locator("#first-steps-q2 .sbs-result")).to_contain_text("Right.")
    expect(course_frame.locator(".sbs-score")).to_contain_text("Score: 2 of 3 correct.")
    other.close()


def test_the_certificate_takes_the_learner_s_name_from_the_lms(lms: str, learner: Page) -> None:
    course = first_steps(open_course(learner, lms, {"core": {"student_name": "Rivera, Ana"}}))
    answer(course, 1, 1)
    answer(course, 2, 0, 1)
    answer(course, 3, 1)
    course.goto(course.url.rsplit("/", 2)[0] + "/certificate.html")
    expect(course.get_by_label("Your name, as it should appear")).to_have_value("Ana Rivera")
    expect(course.locator(".sbs-certificate-name")).to_have_text("Ana Rivera")


# An LMS that misbehaves: the part of the address after # says how.
FAULTY = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script>
  var fault = decodeURIComponent(location.hash.slice(1));
  window.calls = [];
  function answer(value) { if (fault === "throws") throw new Error("LMS down"); return value; }
  window.API = {
    LMSInitialize: function () {
      window.calls.push("LMSInitialize");
      return answer(fault === "refuses" ? "false" : "true");
    },
    LMSFinish: function () { return answer("true"); },
    LMSGetValue: function (name) {
      if (fault === "corrupt" && name === "cmi.suspend_data") return "{not json";
      if (fault === "oversized" && name === "cmi.suspend_data") return "x".repeat(5000);
      if (fault === "odd") return name === "cmi.core.student_name" ? 42 : null;
      return answer("");
    },
    LMSSetValue: function () { return answer(fault === "errors" ? "false" : "true"); },
    LMSCommit: function () { return answer(fault === "errors" ? "false" : "true"); },
    LMSGetLastError: function () { return fault === "errors" ? "101" : "0"; },
    LMSGetErrorString: function () { return "General exception"; },
    LMSGetDiagnostic: function () { return ""; }
  };
</script></head><body>
<iframe id="sco" title="The course" src="package/lms.html" style="width: 1200px; height: 800px">
</iframe></body></html>"""


@pytest.fixture(scope="module")
def elsewhere(lms: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The scorm-again harness on another origin than the package, as when an LMS serves
    packages from a domain of their own: the package cannot reach the API there."""
    folder = tmp_path_factory.mktemp("elsewhere")
    shutil.copy(LMS_RUNTIME, folder / "scorm12.js")
    harness = LMS_HARNESS.read_text().replace(
        'src="package/lms.html"', f'src="{lms}/package/lms.html"'
    )
    (folder / "harness.html").write_text(harness)
    other, server = serve(folder)
    yield other.replace("127.0.0.1", "localhost")
    server.shutdown()


def still_works(course: Frame) -> None:
    answer(course, 1, 1)
    expect(course.locator("#first-steps-q1 .sbs-result")).to_contain_text("Right.")
    expect(course.locator(".sbs-score")).to_contain_text("Score: 1 of 3 correct.")


@pytest.mark.parametrize("fault", ["refuses", "corrupt", "oversized", "errors", "throws", "odd"])
def test_a_faulty_lms_never_breaks_a_page(lms: str, learner: Page, fault: str) -> None:
    learner.goto(f"{lms}/faulty.html#{fault}")
    frame = learner.frame_locator("#sco").frame_locator("#sbs-lms-frame")
    expect(frame.locator("h1")).to_have_text("Sample course")
    if fault != "throws":
        assert learner.evaluate("window.calls") == ["LMSInitialize"]  # it found this LMS
    course = next(f for f in learner.frames if f.url.endswith("/index.html"))
    still_works(first_steps(course))


def test_an_lms_on_another_origin_leaves_the_pages_on_their_own(
    elsewhere: str, learner: Page
) -> None:
    learner.goto(f"{elsewhere}/harness.html")
    frame = learner.frame_locator("#sco").frame_locator("#sbs-lms-frame")
    expect(frame.locator("h1")).to_have_text("Sample course")
    assert learner.evaluate("window.calls") == []
    course = next(f for f in learner.frames if f.url.endswith("/index.html"))
    still_works(first_steps(course))


def test_without_an_lms_the_launch_page_shows_the_course(lms: str, learner: Page) -> None:
    learner.goto(f"{lms}/package/lms.html")
    expect(learner.frame_locator("#sbs-lms-frame").locator("h1")).to_have_text("Sample course")
    course = next(f for f in learner.frames if f.url.endswith("/index.html"))
    still_works(first_steps(course))


def test_the_whole_course_completed_fits_in_suspend_data(
    course_package: Path, learner: Page, browser: Browser
) -> None:
    """Every question answered (every option chosen, the worst case), every scenario chosen,
    and a long note for every reflection prompt: answers and choices always fit in SCORM
    1.2's 4,096 characters; notes are kept while they fit."""
    base, server = serve(course_package)
    try:
        learner.goto(f"{base}/harness.html")
        expect(
            learner.frame_locator("#sco").frame_locator("#sbs-lms-frame").locator("h1")
        ).to_be_visible()
        launch = next(f for f in learner.frames if f.url.endswith("/lms.html"))
        lengths = launch.evaluate(
            """() => {
              const data = JSON.parse(document.getElementById("sbs-course-data").textContent);
              const state = {};
              data.modules.forEach(m => m.questions.forEach(k => {
                const every = [0, 1, 2, 3, 4];
                state["quiz:" + m.id + ":" + k] = {chosen: every, correct: true, ever: true};
              }));
              Object.entries(data.scenarios).forEach(([id, key]) => {
                state["scenario:" + id] = {choice: 2, key: key};
              });
              window.sidebyside.lms.save(state);
              const answers = window.parent.API.getCMIValue("cmi.suspend_data").length;
              for (let n = 0; n < 60; n++) {
                state["note:m" + n + ":x"] = {text: "A thought. ".repeat(12)};
              }
              window.sidebyside.lms.save(state);
              return [answers, window.parent.API.getCMIValue("cmi.suspend_data").length];
            }"""
        )
        answers, length = lengths
        assert 0 < answers < length <= 4096  # the notes that fit came on top
        assert cmi(learner, "cmi.core.lesson_status") == "passed"
        suspend = cmi(learner, "cmi.suspend_data")
        print(f"suspend data, whole course done: {answers} characters, {length} with notes")
        # Another device: every module shows as done from the LMS's record alone.
        other = browser.new_context()
        page = other.new_page()
        page.goto(f"{base}/harness.html#" + json.dumps({"suspend_data": suspend}))
        home = page.frame_locator("#sco").frame_locator("#sbs-lms-frame")
        states = home.locator(".sbs-module-card .sbs-state")
        expect(states.first).to_contain_text("Done")
        assert set(states.all_inner_texts()) == {states.first.inner_text()}
        other.close()
    finally:
        server.shutdown()


BLOCKED_STORAGE = """Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("storage is blocked in this frame", "SecurityError"); }
});"""


def test_with_storage_blocked_the_lms_carries_progress(lms: str, browser: Browser) -> None:
    """LMS frames often have third-party storage blocked: progress then lives in the LMS's
    record alone, from page to page and from one visit to the next."""
    first = browser.new_context()
    first.add_init_script(BLOCKED_STORAGE)
    page = first.new_page()
    course = first_steps(open_course(page, lms))
    answer(course, 1, 1)
    course.goto(course.url.rsplit("/", 2)[0] + "/index.html")
    expect(course.locator(".sbs-module-card .sbs-state").first).to_contain_text("In progress")
    suspend = cmi(page, "cmi.suspend_data")
    first.close()
    later = browser.new_context()
    later.add_init_script(BLOCKED_STORAGE)
    page = later.new_page()
    open_course(page, lms, {"suspend_data": suspend})
    home = page.frame_locator("#sco").frame_locator("#sbs-lms-frame")
    expect(home.locator(".sbs-module-card .sbs-state").first).to_contain_text("In progress")
    later.close()


def test_scenarios_worksheets_and_print_work_inside_the_lms_frame(lms: str, learner: Page) -> None:
    course = open_course(learner, lms)
    root = course.url.rsplit("/", 1)[0]
    course.goto(root + "/scenarios/late-for-the-bus.html")
    course.locator(".sbs-choice", has_text="Can we end five minutes earlier?").locator(
        "input"
    ).check()
    course.get_by_role("button", name="See how it goes").click()
    expect(course.locator(".sbs-choice-result")).to_contain_text("This response is mixed.")
    learner.wait_for_function("window.API.getCMIValue('cmi.suspend_data').includes('late-for')")
    course.goto(root + "/worksheets/starter-agreement.html")
    course.get_by_label("Teacher", exact=True).fill("Ms. Rivera")
    course.evaluate("window.print = () => { window.printed = true; }")
    course.get_by_role("button", name="Print").click()
    assert course.evaluate("window.printed") is True
    course.goto(root + "/worksheets/starter-agreement.html")
    expect(course.get_by_label("Teacher", exact=True)).to_have_value("Ms. Rivera")
    # Every link keeps the learner inside the package, in the same frame.
    course.evaluate("document.querySelector(\"a[href$='scenarios/index.html']\").click()")
    expect(course.locator("h1")).to_have_text("Scenarios")
    assert course.url.startswith(lms + "/package/")
