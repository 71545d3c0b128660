"""The course format's rules, each asserted with the exact message an author reads."""

from __future__ import annotations

from pathlib import Path

from sidebyside.load import load_course

from helpers import edit, problems


def test_sample_course_loads_in_order(course: Path) -> None:
    loaded = load_course(course)
    assert [m.id for m in loaded.modules] == ["first-steps"]
    assert list(loaded.scenarios) == ["late-for-the-bus"]
    assert list(loaded.worksheets) == ["starter-agreement"]
    assert loaded.module_of("late-for-the-bus", "scenarios") is loaded.modules[0]
    assert [block.kind for block in loaded.worksheets["starter-agreement"].blocks] == [
        "fields",
        "matrix",
        "prompts",
        "checklist",
        "signatures",
    ]


def test_misspelt_key_suggests_the_right_one(course: Path) -> None:
    edit(course / "modules/first-steps.yml", "objectives:", "objetives:")
    assert problems(course) == [
        "modules/first-steps.yml:1:1: missing required key 'objectives'",
        "modules/first-steps.yml:6:1: unknown key 'objetives' — did you mean 'objectives'?",
    ]


def test_no_modules(course: Path) -> None:
    (course / "modules/first-steps.yml").unlink()
    assert problems(course) == [
        "modules:1:1: no modules found: add a file such as modules/my-module.yml"
    ]


def test_unknown_key_lists_the_keys_allowed(course: Path) -> None:
    edit(
        course / "modules/first-steps.yml",
        "  - heading: Write it down",
        "  - colour: red\n    heading: Write it down",
    )
    assert problems(course) == [
        "modules/first-steps.yml:15:5: section 2: unknown key 'colour'; "
        "the keys here are heading, body"
    ]


def test_wrong_type(course: Path) -> None:
    edit(course / "modules/first-steps.yml", "minutes: 10", "minutes: ten")
    assert problems(course) == [
        "modules/first-steps.yml:4:10: minutes: expected a whole number, got 'ten'"
    ]


def test_yaml_boolean_where_text_belongs(course: Path) -> None:
    edit(
        course / "modules/first-steps.yml",
        "key_points: [Talk first., Write it down.]",
        "key_points: [Talk first., no]",
    )
    assert problems(course) == [
        "modules/first-steps.yml:17:27: YAML reads 'no' as false; write false for a "
        'yes-or-no setting, or put it in quotes ("no") if it is text'
    ]


def test_missing_required_field_points_at_its_parent(course: Path) -> None:
    edit(
        course / "modules/first-steps.yml",
        "    explanation: Trying an idea together shows it was heard.\n",
        "",
    )
    assert problems(course) == [
        "modules/first-steps.yml:28:5: question 1: missing required key 'explanation'"
    ]


def test_empty_text(course: Path) -> None:
    edit(course / "modules/first-steps.yml", "title: First steps together", 'title: "  "')
    assert problems(course) == ["modules/first-steps.yml:1:8: title: is empty; write the text"]


def test_dangling_references_suggest_close_ids(course: Path) -> None:
    edit(
        course / "modules/first-steps.yml",
        "scenarios: [late-for-the-bus]",
        "scenarios: [late-for-the-buss, nowhere]",
    )
    assert problems(course) == [
        "modules/first-steps.yml:20:13: no scenario 'late-for-the-buss': there is no "
        "scenarios/late-for-the-buss.yml — did you mean 'late-for-the-bus'?",
        "modules/first-steps.yml:20:32: no scenario 'nowhere': there is no scenarios/nowhere.yml",
    ]


def test_dangling_worksheet_reference(course: Path) -> None:
    (course / "worksheets/starter-agreement.yml").unlink()
    assert problems(course) == [
        "modules/first-steps.yml:21:14: no worksheet 'starter-agreement': there is no "
        "worksheets/starter-agreement.yml"
    ]


def test_single_choice_needs_exactly_one_correct(course: Path) -> None:
    edit(
        course / "modules/first-steps.yml",
        "      - text: Say you will think about it.\n",
        "      - text: Say you will think about it.\n        correct: true\n",
    )
    assert problems(course) == [
        "modules/first-steps.yml:28:5: question 1: a single-choice question needs exactly one "
        "option with 'correct: true'; this one has 2"
    ]


def test_true_false_needs_exactly_one_correct(course: Path) -> None:
    edit(
        course / "modules/first-steps.yml",
        "        correct: true\n        feedback: Right, it",
        "        feedback: Right, it",
    )
    assert problems(course) == [
        "modules/first-steps.yml:49:5: question 3: a true-false question needs exactly one "
        "option with 'correct: true'; this one has 0"
    ]


def test_multiple_choice_needs_at_least_one_correct(course: Path) -> None:
    path = course / "modules/first-steps.yml"
    edit(
        path,
        "        correct: true\n        feedback: Yes, families",
        "        feedback: Yes, families",
    )
    edit(
        path, "        correct: true\n        feedback: Yes, small", "        feedback: Yes, small"
    )
    assert problems(course) == [
        "modules/first-steps.yml:37:5: question 2: a multiple-choice question needs at least one "
        "option with 'correct: true'"
    ]


def test_unknown_question_type(course: Path) -> None:
    edit(course / "modules/first-steps.yml", "type: single", "type: singel")
    assert problems(course) == [
        "modules/first-steps.yml:29:11: question 1: unknown type 'singel' — did you mean "
        "'single'? Use one of single, multiple, true-false"
    ]


def test_unknown_audience_lists_the_choices(course: Path) -> None:
    edit(course / "modules/first-steps.yml", "audience: [teacher, ia]", "audience: [teacher, para]")
    assert problems(course) == [
        "modules/first-steps.yml:3:21: audience: unknown audience 'para'; use one of "
        "teacher, ia, facilitator"
    ]


def test_scenario_needs_bad_and_good(course: Path) -> None:
    edit(course / "scenarios/late-for-the-bus.yml", "verdict: good", "verdict: mixed")
    assert problems(course) == [
        "scenarios/late-for-the-bus.yml:1:1: a scenario needs at least one 'bad' and one 'good' "
        "response; add a response with verdict: good"
    ]


def test_unknown_verdict(course: Path) -> None:
    edit(course / "scenarios/late-for-the-bus.yml", "verdict: bad", "verdict: okay")
    assert problems(course) == [
        "scenarios/late-for-the-bus.yml:8:14: response 1: unknown verdict 'okay'; "
        "use one of bad, mixed, good"
    ]


def test_speaker_must_be_a_character(course: Path) -> None:
    edit(
        course / "scenarios/late-for-the-bus.yml",
        '{who: teacher, says: "That',
        '{who: principal, says: "That',
    )
    assert problems(course) == [
        "scenarios/late-for-the-bus.yml:11:15: the speaker 'principal' is not one of the "
        "characters (teacher, ia); add them to 'characters' or use one of those keys"
    ]


def test_unknown_worksheet_block(course: Path) -> None:
    edit(course / "worksheets/starter-agreement.yml", "  - checklist:", "  - checklst:")
    assert problems(course) == [
        "worksheets/starter-agreement.yml:15:5: block 4: unknown worksheet block 'checklst' — did "
        "you mean 'checklist'? A block is one of fields, matrix, prompts, checklist, signatures"
    ]


def test_block_with_two_kinds(course: Path) -> None:
    edit(
        course / "worksheets/starter-agreement.yml",
        "  - checklist:",
        "  - signatures: [IA]\n    checklist:",
    )
    assert problems(course) == [
        "worksheets/starter-agreement.yml:15:5: block 4: a block holds exactly one of fields, "
        "matrix, prompts, checklist, signatures (found: checklist, signatures); split it into "
        "separate blocks"
    ]


def test_bad_file_name(course: Path) -> None:
    (course / "modules/first-steps.yml").rename(course / "modules/First Steps.yml")
    assert problems(course)[0] == (
        "modules/First Steps.yml:1:1: the file name 'First Steps.yml' is not a valid id; "
        "rename it to 'first-steps.yml' (lowercase letters, digits and hyphens)"
    )


def test_duplicate_order(course: Path) -> None:
    copy = (course / "modules/first-steps.yml").read_text().replace("title: First", "title: Second")
    (course / "modules/second.yml").write_text(copy)
    assert problems(course) == [
        "modules/second.yml:2:8: order 1 is also used by modules/first-steps.yml; give each "
        "module its own position"
    ]


def test_every_problem_in_every_file_in_one_run(course: Path) -> None:
    edit(course / "modules/first-steps.yml", "minutes: 10", "minutes: ten")
    edit(course / "modules/first-steps.yml", "order: 1", "ordre: 1")
    (course / "scenarios/empty.yml").write_text("")
    (course / "worksheets/latin1.yml").write_bytes(b"title: caf\xe9\n")
    found = problems(course)
    assert len(found) == 5
    assert [p.split(":")[0] for p in found] == [
        "modules/first-steps.yml",
        "modules/first-steps.yml",
        "modules/first-steps.yml",
        "scenarios/empty.yml",
        "worksheets/latin1.yml",
    ]


def test_worksheet_lines_that_would_share_saved_entries(course: Path) -> None:
    worksheet = course / "worksheets/starter-agreement.yml"
    edit(worksheet, "rows: [Plans lessons,", "rows: [Plans lessons, Plans lessons!,")
    edit(worksheet, "  - checklist: [", "  - checklist: ['---', ")
    clash = (
        "rows 1 and 2 both name their saved entries 'plans-lessons', so one would take the "
        "other's; reword one, or give one a 'key'"
    )
    assert problems(course) == [
        f"worksheets/starter-agreement.yml:10:18: {clash}",
        f"worksheets/starter-agreement.yml:10:33: {clash}",
        "worksheets/starter-agreement.yml:15:17: this checklist item has no letters or digits "
        "to name what learners type by; give it a 'key' of lowercase letters, digits and "
        "hyphens",
    ]


def test_a_worksheet_key_names_entries_in_place_of_the_text(course: Path) -> None:
    edit(
        course / "worksheets/starter-agreement.yml",
        "rows: [Plans lessons,",
        "rows: [{text: Plans the lessons, key: prepares-materials},",
    )
    assert problems(course) == [
        f"worksheets/starter-agreement.yml:10:{column}: rows 1 and 2 both name their saved "
        "entries 'prepares-materials', so one would take the other's; reword one, or give one "
        "a 'key'"
        for column in (18, 70)
    ]


def test_a_why_belongs_to_a_decided_row(course: Path) -> None:
    edit(
        course / "worksheets/starter-agreement.yml",
        "rows: [Plans lessons,",
        "rows: [{text: Plans lessons, why: The rule says so.},",
    )
    assert problems(course) == [
        "worksheets/starter-agreement.yml:10:18: block 2 → matrix → group 1 → row 1: 'why' "
        "explains a decided row: add 'decided', or move the text to notes"
    ]
