"""The author's command line: `sidebyside validate | new | schema | package | translations`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .authoring import SCHEMA_DIR, StarterError, write_schemas, write_starter
from .errors import ContentError
from .load import load_course
from .model import KINDS
from .quizcheck import quiz_warnings
from .translations import (
    languages,
    load_translation,
    status,
    text_count,
    translated_course,
    update,
)


def _validate(args: argparse.Namespace) -> int:
    try:
        course = load_course(Path(args.root))
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    warnings = quiz_warnings(course)
    for warning in warnings:
        print(warning, file=sys.stderr)
    if warnings and args.strict:
        noun = "warning" if len(warnings) == 1 else "warnings"
        print(f"{len(warnings)} quiz {noun}, which --strict counts as problems.", file=sys.stderr)
        return 1
    root = Path(args.root)
    try:
        behind = {language: status(root, course, language) for language in languages(root)}
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for language, listings in behind.items():
        for listing in listings:
            print(listing, file=sys.stderr)
        if listings:
            print(
                f"{_count(len(listings), 'text')} not translated or outdated in '{language}'"
                f"{', which --strict counts as problems' if args.strict else ''}; "
                f"run 'sidebyside translations update {language}', then translate them.",
                file=sys.stderr,
            )
    if args.strict and any(behind.values()):
        return 1
    counts = [
        _count(len(course.items[kind.folder]), kind.singular, kind.plural)
        for number, kind in enumerate(KINDS.values())
        if number == 0 or course.items[kind.folder]  # a course has modules; others may wait
    ]
    print(f"The course is valid: {', '.join(counts)}.")
    for language, listings in behind.items():
        total = text_count(root, course, language)
        print(f"'{language}': {total - len(listings)} of {_count(total, 'text')} translated.")
    if course.drafts:
        names = ", ".join(f"{item.id}" for item in course.drafts)
        print(
            f"{_count(len(course.drafts), 'draft')} ({names}): previewed by mkdocs serve, "
            "left out of mkdocs build until 'draft: true' is removed."
        )
    return 0


def _package(args: argparse.Namespace) -> int:
    """Build the site and package it for an LMS; nothing is written when anything is wrong."""
    import tempfile

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .scorm import PackageError, writable_target, write_package

    config_file = Path(args.config)
    try:
        output = writable_target(Path(args.output))
        if not config_file.is_file():
            raise PackageError(f"{config_file}: no such file; run this in the course folder")
    except PackageError as error:
        print(f"sidebyside package: {error}", file=sys.stderr)
        return 1
    # MkDocs says what is wrong with a configuration in its log: show it.
    shown = logging.StreamHandler(sys.stderr)
    shown.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(shown)
    with tempfile.TemporaryDirectory() as folder:
        try:
            # An LMS serves files, not folders: every link names its page's .html file.
            config = load_config(str(config_file), site_dir=folder, use_directory_urls=False)
            plugin = config.plugins["sidebyside"]
            root = config_file.parent / plugin.config.content_dir
            course = load_course(root).published()
            source = str(config.theme["language"] or "en")
            language = args.language or source
            if language != source:
                if language not in plugin.config.languages:
                    raise PackageError(
                        f"{config_file}: the course is not published in '{language}'; add it "
                        f"to the sidebyside plugin's languages (now {plugin.config.languages})"
                    )
                course = translated_course(course, load_translation(root, course, language))
            build(config)
        except ContentError as error:
            print(error.report(), file=sys.stderr)
            return 1
        except PackageError as error:
            print(f"sidebyside package: {error}", file=sys.stderr)
            return 1
        except (MkDocsException, KeyError) as error:
            print(f"sidebyside package: the site did not build: {error}", file=sys.stderr)
            return 1
        finally:
            logging.getLogger("mkdocs").removeHandler(shown)
        try:
            size = write_package(
                Path(folder),
                output,
                course,
                config.site_name,
                plugin.config.mastery_score,
                args.per_module,
                language,
                "" if language == source else f"{language}/",
            )
        except PackageError as error:
            print(f"sidebyside package: {error}", file=sys.stderr)
            return 1
    sco = f"one SCO per module ({len(course.modules)})" if args.per_module else "one SCO"
    print(f"Wrote {output}: SCORM 1.2, {sco}, {size / 1_000_000:.1f} MB.")
    return 0


def _new(args: argparse.Namespace) -> int:
    try:
        path = write_starter(Path(args.root), args.kind, args.name)
    except StarterError as error:
        print(f"sidebyside new: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {path}. Edit it, then run: sidebyside validate")
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.out)):
        print(f"Wrote {path}")
    return 0


def _translations_update(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        written = update(root, load_course(root), args.language)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for path in written:
        print(f"updated {path.relative_to(root).as_posix()}")
    print(f"{_count(len(written), 'catalog')} written for '{args.language}'.")
    return 0


def _count(number: int, noun: str, plural: str = "") -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sidebyside", description="Tools for writing the Side by Side course."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate", help="check every content file without building the site"
    )
    validate.add_argument(
        "--root", default=".", help="folder holding modules/, scenarios/, worksheets/"
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="fail on quiz-quality warnings too (answers given away by length or position...)",
    )
    validate.set_defaults(run=_validate)

    package = commands.add_parser("package", help="build the site as a package for an LMS")
    package.add_argument("format", choices=["scorm12"], help="scorm12: SCORM 1.2")
    package.add_argument("--output", required=True, help="the .zip file to write")
    package.add_argument(
        "--per-module", action="store_true", help="one SCO per module, tracked apart"
    )
    package.add_argument("--config", default="mkdocs.yml", help="the course's mkdocs.yml")
    package.add_argument(
        "--language",
        default="",
        help="open the package in one of the course's languages, such as es (default: the "
        "language it is written in)",
    )
    package.set_defaults(run=_package)

    new = commands.add_parser("new", help="write a commented starter file to edit")
    new.add_argument("kind", choices=sorted(kind.singular for kind in KINDS.values()))
    new.add_argument("name", help="the new file's id, such as define-roles")
    new.add_argument("--root", default=".", help="folder holding modules/, scenarios/, ...")
    new.set_defaults(run=_new)

    schema = commands.add_parser("schema", help="write the JSON Schemas editors use")
    schema.add_argument(
        "--out", default=SCHEMA_DIR, help=f"folder to write to (default {SCHEMA_DIR})"
    )
    schema.set_defaults(run=_schema)

    translations = commands.add_parser("translations", help="keep the PO files in step")
    steps = translations.add_subparsers(dest="step", required=True)
    updating = steps.add_parser(
        "update",
        help="add new English texts to a language's PO files and mark changed ones fuzzy",
    )
    updating.add_argument("language", help="a language code, such as es")
    updating.add_argument("--root", default=".", help="folder holding modules/, scenarios/, ...")
    updating.set_defaults(run=_translations_update)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
